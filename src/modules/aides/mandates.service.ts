/**
 * Mandates: a family lets an agent file and follow its requests at the desk, for a purpose
 * and a limited time (at most 90 days), never with its password. The agent records it at
 * the desk (the file opened with a reason); the family sees and revokes it.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess, getHouseholdForUser } from '../dossiers/index';
import * as store from './requests.store';

export const MAX_MANDATE_DAYS = 90;

export async function recordMandate(
  ctx: Ctx,
  input: { householdId: string; aidId: string | null; purpose: string; days: number; reason?: string },
): Promise<{ id: string }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_MANDATE_DAYS) {
    throw new AppError('aides/invalid-fields', { fields: [{ path: 'days', message: `Un mandat dure de 1 à ${MAX_MANDATE_DAYS} jours.` }] });
  }
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, input.householdId, 'aides.mandate', { q: t, reason: input.reason });
    const now = ctx.now();
    const id = await store.insertMandate(
      t,
      {
        householdId: input.householdId,
        agentId: user.id,
        aidId: input.aidId,
        purpose: input.purpose,
        grantedBy: user.id,
        validUntil: new Date(now.getTime() + input.days * 86_400_000),
      },
      now,
    );
    await audit(t, ctx, 'aides/mandate-recorded', {
      householdId: input.householdId,
      subjectType: 'aid_mandate',
      subjectId: id,
      details: { aid: input.aidId, days: input.days },
    });
    return { id };
  });
}

export async function myMandates(ctx: Ctx): Promise<store.MandateRow[]> {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) return [];
  return store.mandatesOf(ctx.db, h.id);
}

export async function revokeMandate(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('aides/mandate-not-found');
  await tx(ctx.db, async (t) => {
    if (!(await store.revokeMandate(t, id, h.id, ctx.now()))) throw new AppError('aides/mandate-not-found');
    await audit(t, ctx, 'aides/mandate-revoked', { householdId: h.id, subjectType: 'aid_mandate', subjectId: id });
  });
}
