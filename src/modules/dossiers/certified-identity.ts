/**
 * The parent's identity as FranceConnect certifies it (issue 19): it fills the identity part
 * of the file (creating the file at the first sign-in) and locks it there; applyPatch then
 * refuses any change of those fields. Plugged into the platform's sign-in as
 * `hooks: { auth: { … } }` (src/platform/auth/oidc/hooks.ts): the platform imports no module.
 */
import { audit } from '../../platform/audit';
import type { CertifiedIdentity } from '../../platform/auth/oidc/hooks';
import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { requireRole } from '../../platform/roles';
import * as store from './dossiers.store';
import { mutate } from './household.service';

/** Fill and lock the identity of the signed-in parent's file (created if it has none yet). */
export async function applyCertifiedIdentity(t: Tx, ctx: Ctx, identity: CertifiedIdentity): Promise<void> {
  const user = requireRole(ctx, 'parent');
  const now = ctx.now();
  let householdId = await store.householdIdOfUser(t, user.id);
  const created = !householdId;
  if (!householdId) {
    householdId = await store.insertHousehold(t, { createdBy: user.id, now, isDemo: user.isDemo });
    await store.upsertMember(t, householdId, 'parent', { email: user.email, phone: user.phone }, now, user.id);
    await audit(t, ctx, 'dossiers/created', { householdId, subjectType: 'household', subjectId: householdId, details: { by: 'franceconnect' } });
  }
  const id = householdId;
  let certifiedNow = false;
  const { changed } = await mutate(
    ctx,
    id,
    'system',
    async (t2, before) => {
      await store.upsertMember(
        t2,
        id,
        'parent',
        { firstName: identity.givenName, lastName: identity.familyName, birthDate: identity.birthDate ?? undefined },
        now,
      );
      if (before.identityCertification?.by !== identity.provider) {
        await store.setIdentityCertification(t2, id, identity.provider, now);
        certifiedNow = true;
      }
    },
    { t },
  );
  if (created || changed || certifiedNow) {
    await audit(t, ctx, 'dossiers/identity-certified', {
      householdId: id,
      subjectType: 'household',
      subjectId: id,
      details: { provider: identity.provider, fieldsChanged: changed },
    });
  }
}

/** FranceConnect unlinked: the identity stays as it is, and the family may correct it again. */
export async function withdrawCertification(t: Tx, ctx: Ctx): Promise<void> {
  const user = requireRole(ctx, 'parent');
  const householdId = await store.householdIdOfUser(t, user.id);
  if (!householdId) return;
  await store.setIdentityCertification(t, householdId, null, null);
  await audit(t, ctx, 'dossiers/identity-uncertified', { householdId, subjectType: 'household', subjectId: householdId });
}
