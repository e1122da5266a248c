/**
 * ProConnect access requests: an unknown e-mail of a configured domain asked to sign in; an
 * admin approves it (with a role, and the structure a partner acts for) or refuses it.
 * Approval creates the account (no password: it signs in with ProConnect) linked to the identity.
 */
import { audit } from '../../audit';
import type { Ctx } from '../../context';
import { tx } from '../../db/pool';
import { AppError } from '../../errors';
import { requireRole, type Role } from '../../roles';
import { assertStructureExists } from '../../structures';
import { insertUser } from '../auth.service';
import * as store from './oidc.store';

export async function listAccessRequests(ctx: Ctx, status: store.AccessRequest['status'] | null) {
  requireRole(ctx, 'admin');
  return store.listAccessRequests(ctx.db, status);
}

export async function approveAccessRequest(
  ctx: Ctx,
  id: string,
  input: { role: Extract<Role, 'agent' | 'partner' | 'coordinator'>; structureId?: string | null },
) {
  requireRole(ctx, 'admin');
  if (input.role === 'partner' && !input.structureId) {
    throw new AppError('http/invalid-input', { fields: [{ path: 'structureId', message: 'Choisissez la structure pour laquelle ce partenaire agit.' }] });
  }
  return tx(ctx.db, async (t) => {
    const request = await store.lockPendingRequest(t, id);
    if (!request) throw new AppError('auth/oidc-request-not-found');
    const structureId = input.role === 'partner' ? input.structureId! : null;
    await assertStructureExists(t, structureId);
    const displayName = [request.givenName?.split(' ')[0], request.usualName].filter(Boolean).join(' ') || request.email;
    const user = await insertUser(t, { identifier: request.email, displayName, role: input.role, structureId });
    await store.insertIdentity(t, 'proconnect', request.subject, user.id, ctx.now());
    await store.decideRequest(t, id, { status: 'approved', by: ctx.user!.id, userId: user.id, now: ctx.now() });
    await audit(t, ctx, 'auth/oidc-access-approved', { subjectType: 'oidc-access-request', subjectId: id, details: { role: input.role, userId: user.id } });
    return { userId: user.id };
  });
}

export async function refuseAccessRequest(ctx: Ctx, id: string) {
  requireRole(ctx, 'admin');
  await tx(ctx.db, async (t) => {
    const request = await store.lockPendingRequest(t, id);
    if (!request) throw new AppError('auth/oidc-request-not-found');
    await store.decideRequest(t, id, { status: 'refused', by: ctx.user!.id, userId: null, now: ctx.now() });
    await audit(t, ctx, 'auth/oidc-access-refused', { subjectType: 'oidc-access-request', subjectId: id });
  });
}
