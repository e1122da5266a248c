/**
 * Partner referral (the prescripteur of RDV-Service-Public): a partner structure books, for a
 * family that consented to share its file with that structure (purpose « orientation »), a
 * slot of a motif open to partner referral. What the partner may know of the family is what
 * the family shared: the children only with the « Enfants » part, the parent's name only with
 * « Identité ». dossiers checks the consent and audits every read (`dossiers/partner-access`).
 */
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { getStructure } from '../annuaire/index';
import { assertCanAccess, familyCard, type FamilyCard } from '../dossiers';

/** The consent purpose under which a partner books for a family. */
export const REFERRAL_PURPOSE = 'orientation';

/** A family's card as a partner may read it: only the parts the family shared with its structure. */
export async function partnerFamilyCard(
  ctx: Ctx,
  householdId: string | undefined,
  q: Queryable = ctx.db,
): Promise<FamilyCard & { shared: { identity: boolean } }> {
  requireRole(ctx, 'partner');
  if (!householdId) throw new AppError('rendezvous/not-found', { fields: [{ path: 'householdId', message: 'Choisissez la famille.' }] });
  // No consent of this structure for this family: 403 dossiers/no-consent (French message); the read is audited.
  const access = await assertCanAccess(ctx, householdId, REFERRAL_PURPOSE, { q });
  const card = await familyCard(q, householdId);
  if (!card) throw new AppError('rendezvous/not-found');
  const identity = access.parts.includes('identity');
  return {
    ...card,
    parent: identity ? card.parent : { firstName: null, lastName: null, phone: null, email: null },
    children: access.parts.includes('children') ? card.children : [],
    shared: { identity },
  };
}

/** The structure a partner acts for, named as the directory names it (else as its account is named). */
export async function referrerOf(ctx: Ctx): Promise<{ structureId: string; name: string }> {
  const user = requireRole(ctx, 'partner');
  if (!user.structureId) throw new AppError('auth/forbidden');
  try {
    const st = (await getStructure(ctx, user.structureId)) as { nom?: string };
    if (st.nom) return { structureId: user.structureId, name: st.nom };
  } catch (err) {
    if ((err as { code?: string }).code !== 'annuaire/not-found') throw err;
  }
  return { structureId: user.structureId, name: user.displayName };
}
