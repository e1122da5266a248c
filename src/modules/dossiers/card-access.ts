/**
 * A staff member's read of a family card on a hot path (a booking at the desk): the same
 * rules as `assertCanAccess` — an active file, opened with a reason (the grant), every read
 * audited with that reason — in two statements (card, status and grant in one query; the
 * audit entry) instead of five. A reason typed now opens the file the usual way.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess } from './access';
import { familyCard, familyCardWithGrant, type FamilyCard } from './family-card.store';

export async function staffFamilyCard(ctx: Ctx, householdId: string, purpose: string, opts: { q: Queryable; reason?: string }): Promise<FamilyCard> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  if (opts.reason?.trim()) {
    await assertCanAccess(ctx, householdId, purpose, opts);
    const card = await familyCard(opts.q, householdId);
    if (!card) throw new AppError('dossiers/not-found');
    return card;
  }
  const row = await familyCardWithGrant(opts.q, householdId, user.id, ctx.now());
  if (!row) throw new AppError('dossiers/not-found');
  if (row.status !== 'active') throw new AppError('dossiers/erased');
  if (row.grantReason === null) throw new AppError('dossiers/reason-required');
  await audit(opts.q, ctx, 'dossiers/accessed', {
    householdId,
    subjectType: 'household',
    subjectId: householdId,
    reason: row.grantReason,
    details: { purpose },
  });
  const { status: _status, grantReason: _reason, ...card } = row;
  return card;
}
