/**
 * Who may read a household file, and what of it:
 * - a parent: their own household only (any other id answers "not found");
 * - an agent or coordinator: any file, once opened with a typed reason (valid
 *   GRANT_HOURS); every access is audited with that reason;
 * - a partner: only the parts the family consented to share with the partner's
 *   structure for that purpose, only while the consent holds; every access audited.
 * Other roles: no access.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/roles';
import { activeGrant, insertGrant, liveConsents } from './consent.store';
import { householdStatus } from './dossiers.store';
import { FIELD_KEYS, fieldsOfParts, PARTS, type FieldKey, type Part } from './fields';

export const GRANT_HOURS = 8;

export interface HouseholdAccess {
  householdId: string;
  as: 'parent' | 'staff' | 'partner';
  parts: Part[];
  fields: FieldKey[];
  /** Staff: the reason typed at opening. */
  reason?: string;
}

export async function assertCanAccess(ctx: Ctx, householdId: string, purpose: string, opts: { q?: Queryable; reason?: string } = {}): Promise<HouseholdAccess> {
  const user = requireUser(ctx);
  const q = opts.q ?? ctx.db;
  const h = await householdStatus(q, householdId);
  if (!h) throw new AppError('dossiers/not-found');
  if (user.role === 'parent') {
    if (h.parentUserId !== user.id || h.status !== 'active') throw new AppError('dossiers/not-found');
    return { householdId, as: 'parent', parts: [...PARTS], fields: [...FIELD_KEYS] };
  }
  if (user.role === 'agent' || user.role === 'coordinator') {
    if (h.status !== 'active') throw new AppError('dossiers/erased');
    let reason = opts.reason?.trim();
    const now = ctx.now();
    if (reason) {
      await insertGrant(q, { householdId, userId: user.id, reason, now, expiresAt: new Date(now.getTime() + GRANT_HOURS * 3600_000) });
      await audit(q, ctx, 'dossiers/opened', { householdId, subjectType: 'household', subjectId: householdId, reason, details: { purpose } });
    } else {
      const g = await activeGrant(q, householdId, user.id, now);
      if (!g) throw new AppError('dossiers/reason-required');
      reason = g.reason;
      await audit(q, ctx, 'dossiers/accessed', { householdId, subjectType: 'household', subjectId: householdId, reason, details: { purpose } });
    }
    return { householdId, as: 'staff', parts: [...PARTS], fields: [...FIELD_KEYS], reason };
  }
  if (user.role === 'partner' && user.structureId) {
    if (h.status !== 'active') throw new AppError('dossiers/not-found');
    const consents = await liveConsents(q, householdId, ctx.now(), { structureId: user.structureId, purpose });
    if (!consents.length) throw new AppError('dossiers/no-consent');
    const parts = PARTS.filter((p) => consents.some((c) => c.parts.includes(p)));
    await audit(q, ctx, 'dossiers/partner-access', {
      householdId,
      subjectType: 'household',
      subjectId: householdId,
      details: { purpose, parts, structureId: user.structureId },
    });
    return { householdId, as: 'partner', parts, fields: fieldsOfParts(parts) };
  }
  throw new AppError('auth/forbidden');
}
