/** Who is acting in the entraide: the parent's household, an agent, an ambassador. */
import type { Ctx, SessionUser } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole, STAFF } from '../../platform/roles';
import { getHouseholdForUser } from '../dossiers/index';
import { ambassadorOf } from './ambassador-tenure';

export type Me = { user: SessionUser; householdId: string; neighbourhoodId: string | null; parentBirthDate: string | null };

/** The logged-in parent and their household (required to take part). */
export async function requireFamily(ctx: Ctx): Promise<Me> {
  const user = requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('entraide/no-household');
  return { user, householdId: h.id, neighbourhoodId: h.address.neighbourhoodId, parentBirthDate: h.parent.birthDate };
}

export function isStaff(user: SessionUser): boolean {
  return STAFF.includes(user.role);
}

/** An agent (any neighbourhood) or an ambassador parent (their neighbourhood); returns the neighbourhood limit (null = all). */
export async function requireAgentOrAmbassador(ctx: Ctx, q: Queryable = ctx.db): Promise<{ user: SessionUser; neighbourhoodId: string | null }> {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator', 'admin');
  if (isStaff(user)) return { user, neighbourhoodId: null };
  const n = await ambassadorOf(ctx, user.id, q);
  if (!n) throw new AppError('entraide/not-ambassador');
  return { user, neighbourhoodId: n };
}

export function checkNeighbourhood(ctx: Ctx, id: string, path = 'neighbourhoodId'): void {
  if (!ctx.town.neighbourhoods.some((n) => n.id === id))
    throw new AppError('entraide/unknown-neighbourhood', { fields: [{ path, message: "Ce quartier n'existe pas." }] });
}
