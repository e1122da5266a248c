/**
 * Sign-in through a provider: start (state, nonce and PKCE verifier kept server-side, bound to
 * the browser), callback (families through FranceConnect, agents and partners through
 * ProConnect, or a parent linking FranceConnect), unlink, logout. Every sign-in, link and
 * refusal is audited, without personal data. docs/decisions/0016-oidc-sign-in.md.
 */
import { audit } from '../../audit';
import type { Ctx, SessionUser } from '../../context';
import { tx, type Tx } from '../../db/pool';
import { AppError } from '../../errors';
import { requireRole, requireUser, type Role } from '../../roles';
import { createSession, destroySession, hashToken, randomToken } from '../sessions';
import { certificationWithdrawn, identityCertified, type CertifiedIdentity } from './hooks';
import * as store from './oidc.store';
import { authorizationUrl, endSessionUrl, exchangeCode, providerConfig, type ProviderIdentity, type ProviderName } from './providers';
import { Refusal, type RefusalReason } from './refusals';

/** How long a sign-in may stay at the provider (login, consent) before its callback is refused. */
const LOGIN_TTL_MS = 10 * 60_000;

/** Only same-site paths: a crafted return address must not send people elsewhere. */
export function safeReturn(v: string | undefined | null): string | null {
  return v && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') && v.length <= 200 ? v : null;
}

export async function startSignIn(
  ctx: Ctx,
  provider: string,
  input: { purpose: 'login' | 'link'; returnTo?: string | null; browserToken: string },
): Promise<string> {
  const p = providerConfig(ctx.config, provider);
  // Linking is a parent's, for FranceConnect (an agent's ProConnect identity maps by e-mail).
  const user = input.purpose === 'link' ? requireRole(ctx, 'parent') : null;
  if (input.purpose === 'link' && p.name !== 'franceconnect') throw new AppError('auth/forbidden');
  const a = await authorizationUrl(p);
  const now = ctx.now();
  await store.insertPendingLogin(ctx.db, {
    state: a.state,
    browserHash: hashToken(input.browserToken),
    provider: p.name,
    purpose: input.purpose,
    userId: user?.id ?? null,
    nonce: a.nonce,
    codeVerifier: a.codeVerifier,
    returnTo: safeReturn(input.returnTo),
    now,
    expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
  });
  return a.url;
}

export type CallbackOutcome =
  | { kind: 'session'; user: SessionUser; session: { token: string; csrf: string; expiresAt: Date }; redirect: string }
  | { kind: 'linked'; redirect: string }
  | { kind: 'pending' }
  | { kind: 'refused'; reason: RefusalReason };

export interface CallbackInput {
  /** The callback's full URL as the provider sent the browser to it (code, state, iss…). */
  url: URL;
  /** The browser's sign-in cookie (absent: not the browser that started, or no PKCE verifier to send). */
  browserToken: string | undefined;
  /** The session the browser already has (linking). */
  sessionToken: string | undefined;
}

export async function completeSignIn(ctx: Ctx, provider: string, input: CallbackInput): Promise<CallbackOutcome> {
  const p = providerConfig(ctx.config, provider);
  try {
    const state = input.url.searchParams.get('state');
    if (!state || !input.browserToken) throw new Refusal('state');
    const pending = await store.consumePendingLogin(ctx.db, state, input.browserToken, p.name, ctx.now());
    if (!pending) throw new Refusal('state');
    if (input.url.searchParams.has('error')) throw new Refusal('provider-error');
    let identity: ProviderIdentity;
    try {
      identity = await exchangeCode(p, input.url, pending);
    } catch (err) {
      // What failed, never a value: the class and openid-client's code.
      ctx.log.warn({ provider: p.name, error: (err as Error).name, code: (err as { code?: string }).code }, 'oidc: code exchange refused');
      throw new Refusal(isNetworkError(err) ? 'unavailable' : 'token');
    }
    if (pending.purpose === 'link') return await linkIdentity(ctx, pending, identity, input.sessionToken);
    return p.name === 'franceconnect' ? await familySignIn(ctx, identity) : await staffSignIn(ctx, identity);
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    await audit(ctx.db, ctx, 'auth/oidc-refused', { subjectType: 'oidc', details: { provider: p.name, reason: err.reason } });
    return { kind: 'refused', reason: err.reason };
  }
}

function isNetworkError(err: unknown): boolean {
  const e = err as { name?: string; code?: string; cause?: { code?: string } };
  return e.name === 'TypeError' || e.name === 'AbortError' || e.name === 'TimeoutError' || e.cause?.code === 'ECONNREFUSED';
}

const text = (v: unknown, max = 200): string | null => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : null);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email = (v: unknown): string | null => {
  const s = text(v, 254);
  return s && EMAIL.test(s) ? s.toLowerCase() : null;
};

/** FranceConnect's identity pivot as the file reads it; refused when its names are missing. */
export function certifiedIdentityOf(claims: Record<string, unknown>): CertifiedIdentity {
  const givenName = text(claims.given_name);
  const familyName = text(claims.family_name);
  if (!givenName || !familyName) throw new Refusal('claims');
  const birth = typeof claims.birthdate === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(claims.birthdate) ? claims.birthdate : null;
  return {
    provider: 'franceconnect',
    givenName,
    familyName,
    birthDate: birth,
  };
}

/** Opens the Relais session, keeping the provider's id_token with it for the provider's logout. */
async function openSession(t: Tx, ctx: Ctx, user: SessionUser, provider: ProviderName, identity: ProviderIdentity) {
  const session = await createSession(t, user.id, ctx.now());
  await store.markSession(t, session.token, provider, identity.idToken);
  await store.touchIdentity(t, provider, identity.subject, ctx.now());
  await audit(t, { ...ctx, user }, 'auth/oidc-login', { subjectType: 'user', subjectId: user.id, details: { provider } });
  return session;
}

const refuseOnIdentityConflict = (err: unknown): never => {
  const c = (err as { constraint?: string }).constraint;
  if (c === 'user_identities_subject_key') throw new Refusal('identity-taken');
  if (c === 'user_identities_user_key') throw new Refusal('already-linked');
  throw err;
};

/** Families: the identity's account, or a new parent account whose file gets the certified identity. */
async function familySignIn(ctx: Ctx, identity: ProviderIdentity): Promise<CallbackOutcome> {
  const certified = certifiedIdentityOf(identity.claims);
  return tx(ctx.db, async (t) => {
    let user: SessionUser | null = await store.userOfIdentity(t, 'franceconnect', identity.subject);
    if (user) {
      const u = user as store.IdentityUser;
      if (u.disabled) throw new Refusal('disabled');
      if (u.role !== 'parent') throw new Refusal('families-only');
      const { disabled: _d, hasPassword: _h, ...sessionUser } = u;
      user = sessionUser;
    } else {
      const address = email(identity.claims.email);
      if (!address) throw new Refusal('no-email');
      const created = await store.insertParent(t, { email: address, displayName: `${certified.givenName.split(' ')[0]} ${certified.familyName}` });
      // An account already holds this e-mail: its owner signs in with the password and links.
      if (!created) throw new Refusal('email-taken');
      user = created;
      await store.insertIdentity(t, 'franceconnect', identity.subject, user.id, ctx.now()).catch(refuseOnIdentityConflict);
      await audit(t, { ...ctx, user }, 'auth/oidc-signup', { subjectType: 'user', subjectId: user.id, details: { provider: 'franceconnect' } });
    }
    await identityCertified(t, { ...ctx, user }, certified);
    const session = await openSession(t, ctx, user, 'franceconnect', identity);
    return { kind: 'session', user, session, redirect: '/dossier' };
  });
}

/** Which role an e-mail's domain may ask for (PROCONNECT_ROLE_DOMAINS; a subdomain counts). */
export function roleForEmail(domains: ReadonlyMap<string, Role>, address: string): Role | null {
  let host = address.split('@')[1] ?? '';
  while (host.includes('.')) {
    const role = domains.get(host);
    if (role) return role;
    host = host.slice(host.indexOf('.') + 1);
  }
  return null;
}

/** Agents and partners: the identity's account, else the account with this e-mail, else a request to an admin. */
async function staffSignIn(ctx: Ctx, identity: ProviderIdentity): Promise<CallbackOutcome> {
  const address = email(identity.claims.email);
  if (!address) throw new Refusal('no-email');
  const outcome = await tx(ctx.db, async (t): Promise<CallbackOutcome> => {
    const known = (await store.userOfIdentity(t, 'proconnect', identity.subject)) ?? (await store.userByEmail(t, address));
    if (known) {
      if (known.disabled) throw new Refusal('disabled');
      if (known.role === 'parent') throw new Refusal('staff-only');
      const { disabled: _d, hasPassword: _h, ...user } = known;
      const linked = await store.userOfIdentity(t, 'proconnect', identity.subject);
      if (!linked) {
        // First ProConnect sign-in of an existing account: found by the verified e-mail, then by subject.
        await store.insertIdentity(t, 'proconnect', identity.subject, user.id, ctx.now()).catch(refuseOnIdentityConflict);
        await audit(t, { ...ctx, user }, 'auth/oidc-linked', { subjectType: 'user', subjectId: user.id, details: { provider: 'proconnect', by: 'email' } });
      }
      const session = await openSession(t, ctx, user, 'proconnect', identity);
      return { kind: 'session', user, session, redirect: '/' };
    }
    const role = roleForEmail(ctx.config.PROCONNECT_ROLE_DOMAINS, address);
    if (!role) throw new Refusal('domain');
    if (await store.lastDecision(t, identity.subject)) throw new Refusal('request-refused');
    const { request, created } = await store.openAccessRequest(t, {
      subject: identity.subject,
      email: address,
      givenName: text(identity.claims.given_name),
      usualName: text(identity.claims.usual_name) ?? text(identity.claims.family_name),
      siret: typeof identity.claims.siret === 'string' && /^\d{14}$/.test(identity.claims.siret) ? identity.claims.siret : null,
      suggestedRole: role,
      now: ctx.now(),
    });
    if (created) {
      await audit(t, ctx, 'auth/oidc-access-requested', {
        subjectType: 'oidc-access-request',
        subjectId: request.id,
        details: { provider: 'proconnect', role },
      });
    }
    return { kind: 'pending' };
  });
  return outcome;
}

/** A signed-in parent links FranceConnect: once, and never an identity another account holds. */
async function linkIdentity(ctx: Ctx, pending: store.PendingLogin, identity: ProviderIdentity, sessionToken: string | undefined): Promise<CallbackOutcome> {
  const user = ctx.user;
  if (!user || user.id !== pending.userId || !sessionToken) throw new Refusal('link-session');
  const certified = certifiedIdentityOf(identity.claims);
  await tx(ctx.db, async (t) => {
    await store.insertIdentity(t, 'franceconnect', identity.subject, user.id, ctx.now()).catch(refuseOnIdentityConflict);
    await identityCertified(t, ctx, certified);
    // This session now also stands for the FranceConnect one: logging out ends both.
    await store.markSession(t, sessionToken, 'franceconnect', identity.idToken);
    await audit(t, ctx, 'auth/oidc-linked', { subjectType: 'user', subjectId: user.id, details: { provider: 'franceconnect', by: 'account' } });
  });
  return { kind: 'linked', redirect: pending.returnTo ?? '/compte' };
}

/** What the account page shows: which providers are linked, which may be. */
export async function myIdentities(ctx: Ctx) {
  const user = requireUser(ctx);
  const linked = await store.identitiesOf(ctx.db, user.id);
  const me = await store.userById(ctx.db, user.id);
  return {
    linked: linked.map((l) => ({ provider: l.provider, linkedAt: l.linkedAt })),
    hasPassword: me?.hasPassword ?? false,
    canLink: user.role === 'parent' && !!ctx.config.oidc.franceconnect && !linked.some((l) => l.provider === 'franceconnect'),
  };
}

/** A parent unlinks FranceConnect, if a password still lets them in; the file's identity is theirs again. */
export async function unlinkIdentity(ctx: Ctx, provider: string): Promise<void> {
  const user = requireRole(ctx, 'parent');
  if (provider !== 'franceconnect') throw new AppError('auth/oidc-not-linked');
  await tx(ctx.db, async (t) => {
    const me = await t.query<{ has: boolean }>(`SELECT password_hash IS NOT NULL AS has FROM users WHERE id = $1 FOR UPDATE`, [user.id]);
    if (!me.rows[0]?.has) throw new AppError('auth/oidc-unlink-needs-password');
    if (!(await store.deleteIdentity(t, 'franceconnect', user.id))) throw new AppError('auth/oidc-not-linked');
    await certificationWithdrawn(t, ctx, 'franceconnect');
    await audit(t, ctx, 'auth/oidc-unlinked', { subjectType: 'user', subjectId: user.id, details: { provider } });
  });
}

/**
 * Ends the Relais session, and says where the browser goes next: the provider's logout
 * (end_session with the session's id_token and a state) when the session came from one.
 */
export async function logoutEverywhere(ctx: Ctx, sessionToken: string | undefined): Promise<{ redirectTo: string | null }> {
  if (!sessionToken) return { redirectTo: null };
  const fromProvider = await store.sessionProvider(ctx.db, sessionToken);
  await tx(ctx.db, async (t) => {
    await destroySession(t, sessionToken);
    if (ctx.user) {
      await audit(t, ctx, 'auth/logout', { subjectType: 'user', subjectId: ctx.user.id, details: { provider: fromProvider?.provider ?? null } });
    }
  });
  const p = fromProvider ? ctx.config.oidc[fromProvider.provider] : undefined;
  if (!fromProvider || !p) return { redirectTo: null };
  const url = await endSessionUrl({ ...p, name: fromProvider.provider }, fromProvider.idToken, `${ctx.config.publicUrl}/connexion`, randomToken(16)).catch(
    () => null,
  );
  return { redirectTo: url };
}
