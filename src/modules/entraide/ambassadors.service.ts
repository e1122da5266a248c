/**
 * Appointing a parent ambassador from the family's file: the agent (or coordinator) reads the
 * household's parent account and neighbourhood through dossiers (the file opened with a reason,
 * every read audited there), then names its parent ambassador of that neighbourhood, or removes it.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess, readHouseholdAsSystem } from '../dossiers/index';
import { ambassadorOf } from './ambassador-tenure';
import * as store from './entraide.store';

/** The purpose named in dossiers' audit entries of these reads. */
const PURPOSE = 'entraide.ambassador';

export type HouseholdAmbassador = {
  hasAccount: boolean;
  parentName: string | null;
  neighbourhood: { id: string; name: string } | null;
  ambassadorOf: { id: string; name: string } | null;
};

async function household(ctx: Ctx, q: Queryable, householdId: string) {
  const user = requireRole(ctx, 'agent', 'coordinator');
  await assertCanAccess(ctx, householdId, PURPOSE, { q });
  const h = await readHouseholdAsSystem(q, householdId, ctx.now());
  if (!h) throw new AppError('dossiers/not-found');
  return { h, user };
}

const label = (ctx: Ctx, id: string | null) => {
  if (!id) return null;
  const n = ctx.town.neighbourhoods.find((x) => x.id === id);
  return { id, name: n?.name ?? id };
};

/** What the agent's page shows: the parent, its neighbourhood, whether (and where) it is an ambassador. */
export async function householdAmbassador(ctx: Ctx, householdId: string): Promise<HouseholdAmbassador> {
  const { h } = await household(ctx, ctx.db, householdId);
  const of = h.parentUserId ? await ambassadorOf(ctx, h.parentUserId) : null;
  const name = [h.parent.firstName, h.parent.lastName].filter(Boolean).join(' ');
  return { hasAccount: Boolean(h.parentUserId), parentName: name || null, neighbourhood: label(ctx, h.address.neighbourhoodId), ambassadorOf: label(ctx, of) };
}

/** Names the household's parent ambassador of the household's neighbourhood. */
export async function appointHouseholdAmbassador(ctx: Ctx, householdId: string): Promise<{ ok: true }> {
  return tx(ctx.db, async (t) => {
    const { h, user } = await household(ctx, t, householdId);
    if (!h.parentUserId) throw new AppError('entraide/no-parent-account');
    const n = h.address.neighbourhoodId;
    if (!n || !ctx.town.neighbourhoods.some((x) => x.id === n)) throw new AppError('entraide/no-neighbourhood');
    await store.appointAmbassador(t, h.parentUserId, n, user.id, ctx.now());
    await audit(t, ctx, 'entraide/ambassador-appointed', { householdId, subjectType: 'user', subjectId: h.parentUserId, details: { neighbourhoodId: n } });
    return { ok: true as const };
  });
}

/** The household's parent is no longer an ambassador. */
export async function removeHouseholdAmbassador(ctx: Ctx, householdId: string): Promise<{ ok: true }> {
  return tx(ctx.db, async (t) => {
    const { h } = await household(ctx, t, householdId);
    const removed = h.parentUserId ? await store.removeAmbassador(t, h.parentUserId) : null;
    if (!h.parentUserId || !removed) throw new AppError('entraide/not-an-ambassador');
    await audit(t, ctx, 'entraide/ambassador-removed', { householdId, subjectType: 'user', subjectId: h.parentUserId, details: { neighbourhoodId: removed } });
    return { ok: true as const };
  });
}
