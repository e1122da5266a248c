/**
 * Sign-in through OpenID Connect against a real provider on this machine (oidc-provider):
 * the whole code flow over HTTP with PKCE, state and nonce, logout included; bad, forged,
 * expired and replayed callbacks refused; linking; ProConnect access requests and approval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../../testing';
import { BROWSER_COOKIE } from './oidc.routes';
import { CookieJar, drive, driveLogout, startLocalProvider, type LocalClient, type LocalProvider } from './testing-provider';

const RELAIS = 'http://relais.test';
const client = (name: string): LocalClient => ({
  clientId: `relais-${name}`,
  clientSecret: `secret-${name}-0123456789abcdef`,
  redirectUri: `${RELAIS}/api/auth/oidc/${name}/callback`,
  postLogoutRedirectUri: `${RELAIS}/connexion`,
});
// FranceConnect v2 answers userinfo as a signed JWT.
const FC = { ...client('franceconnect'), signedUserinfo: true };
const PC = client('proconnect');

const family = (given: string, family_name: string, email: string) => ({
  given_name: given,
  family_name,
  birthdate: '1990-04-12',
  // The provider knows them; Relais does not ask for them (decision 0017).
  gender: 'female',
  birthplace: '80021',
  birthcountry: '99100',
  email,
  email_verified: true,
  preferred_username: '',
});
const pro = (email: string, given: string, usual: string) => ({
  email,
  email_verified: true,
  given_name: given,
  usual_name: usual,
  uid: email,
  siret: '21800021000013',
});

let provider: LocalProvider;
let env: TestEnv;

beforeAll(async () => {
  provider = await startLocalProvider({
    clients: [FC, PC],
    accounts: {
      'fc-marie': family('Marie Louise', 'Martin', 'marie.martin@exemple.fr'),
      'fc-ines': family('Inès', 'Haddad', 'ines.haddad@exemple.fr'),
      'fc-awa': family('Awa', 'Diallo', 'awa.diallo@exemple.fr'),
      'fc-awa-2': family('Awa', 'Diallo', 'awa.d@exemple.fr'),
      'fc-taken': family('Paul', 'Durand', 'deja.inscrit@exemple.fr'),
      'fc-nameless': { email: 'sans.nom@exemple.fr' },
      'pc-agent': pro('agent.existant@amiens.fr', 'Claire', 'Petit'),
      'pc-new': pro('nouvelle.agente@ccas-amiens.fr', 'Nadia', 'Benali'),
      'pc-refused': pro('refusee@ccas-amiens.fr', 'Léa', 'Roux'),
      'pc-stranger': pro('quelquun@ailleurs.fr', 'Jean', 'Dupont'),
      'pc-parent': pro('parent.pro@amiens.fr', 'Yann', 'Le Gall'),
    },
  });
  env = await createTestEnv({
    env: {
      PUBLIC_URL: RELAIS,
      FRANCECONNECT_ISSUER: provider.issuer,
      FRANCECONNECT_CLIENT_ID: FC.clientId,
      FRANCECONNECT_CLIENT_SECRET: FC.clientSecret,
      FRANCECONNECT_REDIRECT_URL: FC.redirectUri,
      PROCONNECT_ISSUER: provider.issuer,
      PROCONNECT_CLIENT_ID: PC.clientId,
      PROCONNECT_CLIENT_SECRET: PC.clientSecret,
      PROCONNECT_REDIRECT_URL: PC.redirectUri,
      PROCONNECT_ROLE_DOMAINS: 'amiens.fr=agent,ccas-amiens.fr=agent',
    },
  });
});
afterAll(async () => {
  await env?.close();
  await provider?.close();
});

interface Browser {
  http: TestClient;
  jar: CookieJar;
}
const browser = (http: TestClient = env.client()): Browser => ({ http, jar: new CookieJar() });

/** Start at Relais, go through the provider's pages as `account`: the URL it sends the browser back to. */
async function toProvider(b: Browser, name: string, account: string, query = ''): Promise<URL> {
  const start = await b.http.get(`/api/auth/oidc/${name}/start${query}`);
  expect(start.statusCode, start.body).toBe(302);
  const location = String(start.headers.location);
  // Nothing personal in the URL: only the protocol's parameters.
  expect([...new URL(location).searchParams.keys()].sort()).toEqual(
    ['acr_values', 'client_id', 'code_challenge', 'code_challenge_method', 'nonce', 'redirect_uri', 'response_type', 'scope', 'state']
      .concat(name === 'franceconnect' ? ['prompt'] : [])
      .sort(),
  );
  expect(new URL(location).searchParams.get('code_challenge_method')).toBe('S256');
  return drive(location, account, b.jar);
}

const back = (b: Browser, url: URL) => b.http.get(url.pathname + url.search);

async function signIn(b: Browser, name: string, account: string) {
  const url = await toProvider(b, name, account);
  expect(url.origin + url.pathname).toBe(`${RELAIS}/api/auth/oidc/${name}/callback`);
  return { res: await back(b, url), url };
}

async function sessions(): Promise<number> {
  return (await env.rt.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions`)).rows[0].n;
}

async function expectRefused(
  b: Browser,
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  text: RegExp,
  reason: string,
  mark: number,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/text\/html/);
  expect(res.body).toMatch(text);
  expect(res.headers['set-cookie'] ?? '').not.toMatch(/relais_session=[^;]/);
  const entry = await env.expectAudit('auth/oidc-refused', null, { after: mark });
  expect(entry.details.reason).toBe(reason);
  expect((await b.http.get('/api/auth/me')).json().user).toBeNull();
}

describe('FranceConnect: families', () => {
  it('a first sign-in creates a parent, opens a session, and fills and locks the identity in the file', async () => {
    const b = browser();
    const userinfos = provider.userinfoTypes.length;
    const { res } = await signIn(b, 'franceconnect', 'fc-marie');
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/dossier');
    // Userinfo came as a signed JWT, and its signature was checked (see the refusals below).
    expect(provider.userinfoTypes.slice(userinfos)).toEqual(['application/jwt']);
    const me = (await b.http.get('/api/auth/me')).json().user;
    expect(me).toMatchObject({ role: 'parent', displayName: 'Marie Martin', email: 'marie.martin@exemple.fr' });
    await env.expectAudit('auth/oidc-signup', me.id, { actorId: me.id });
    const login = await env.expectAudit('auth/oidc-login', me.id, { actorId: me.id });
    expect(login.details).toEqual({ provider: 'franceconnect' });

    const file = (await b.http.get('/api/dossiers/me')).json().household;
    expect(file.parent).toMatchObject({ firstName: 'Marie Louise', lastName: 'Martin', birthDate: '1990-04-12' });
    expect(file.identityCertification).toMatchObject({ by: 'franceconnect' });
    await env.expectAudit('dossiers/identity-certified', file.id, { actorId: me.id });

    // Locked: a change is refused, field by field; the same values with other parts pass.
    const changed = await b.http.patch('/api/dossiers/me', { parent: { firstName: 'Marie', lastName: 'Martin', birthDate: '1991-01-01' } });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('dossiers/identity-locked');
    expect(changed.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['parent.firstName', 'parent.birthDate']);
    const same = await b.http.patch('/api/dossiers/me', {
      parent: { firstName: 'Marie Louise', lastName: 'Martin', birthDate: '1990-04-12', phone: '0612345678' },
    });
    expect(same.statusCode, same.body).toBe(200);

    // The session keeps the id_token for the provider's logout; the next sign-in finds the same account by subject.
    const again = browser();
    const second = await signIn(again, 'franceconnect', 'fc-marie');
    expect(second.res.statusCode).toBe(302);
    expect((await again.http.get('/api/auth/me')).json().user.id).toBe(me.id);
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = 'marie.martin@exemple.fr'`);
    expect(rows[0].n).toBe(1);
  });

  it('logout ends the Relais session and sends the browser to the provider with id_token_hint and state, which sends it back', async () => {
    const b = browser();
    const { res } = await signIn(b, 'franceconnect', 'fc-ines');
    expect(res.statusCode).toBe(302);
    const me = (await b.http.get('/api/auth/me')).json().user;
    const out = await b.http.post('/api/auth/oidc/logout');
    expect(out.statusCode).toBe(200);
    const redirectTo = new URL(out.json().redirectTo);
    expect(redirectTo.origin).toBe(provider.issuer);
    expect(redirectTo.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(redirectTo.searchParams.get('post_logout_redirect_uri')).toBe(`${RELAIS}/connexion`);
    const state = redirectTo.searchParams.get('state');
    expect(state).toBeTruthy();
    expect((await b.http.get('/api/auth/me')).json().user).toBeNull();
    await env.expectAudit('auth/logout', me.id, { actorId: me.id });
    // The provider ends its own session and returns the state.
    const returned = await driveLogout(redirectTo.href, b.jar);
    expect(returned.origin + returned.pathname).toBe(`${RELAIS}/connexion`);
    expect(returned.searchParams.get('state')).toBe(state);
  });

  it('a password session logs out without a provider to visit', async () => {
    const parent = await env.as('parent');
    const out = await parent.post('/api/auth/oidc/logout');
    expect(out.json()).toEqual({ ok: true, redirectTo: null });
    expect((await parent.get('/api/auth/me')).json().user).toBeNull();
  });
});

describe('bad, forged, expired and replayed callbacks are refused, with no session', () => {
  it('a replayed callback (the code and state already used)', async () => {
    const b = browser();
    const { res, url } = await signIn(b, 'franceconnect', 'fc-marie');
    expect(res.statusCode).toBe(302);
    const before = await sessions();
    const mark = await env.auditMark();
    const replay = browser();
    replay.http.cookies.set(BROWSER_COOKIE, b.http.cookies.get(BROWSER_COOKIE)!);
    await expectRefused(replay, await back(replay, url), 400, /Connexion non vérifiée/, 'state', mark);
    expect(await sessions()).toBe(before);
  });

  it('a used code sent again with a fresh state: the provider refuses it', async () => {
    const b = browser();
    const first = await signIn(b, 'franceconnect', 'fc-marie');
    expect(first.res.statusCode).toBe(302);
    const fresh = await toProvider(b, 'franceconnect', 'fc-marie');
    const forged = new URL(fresh);
    forged.searchParams.set('code', first.url.searchParams.get('code')!);
    await b.http.post('/api/auth/oidc/logout');
    const mark = await env.auditMark();
    await expectRefused(b, await back(b, forged), 400, /Connexion refusée/, 'token', mark);
  });

  it('a wrong state, and a callback in a browser that did not start it (no PKCE verifier to send)', async () => {
    const b = browser();
    const url = await toProvider(b, 'franceconnect', 'fc-marie');
    const wrong = new URL(url);
    wrong.searchParams.set('state', 'etat-invente');
    let mark = await env.auditMark();
    await expectRefused(b, await back(b, wrong), 400, /Connexion non vérifiée/, 'state', mark);
    const elsewhere = browser();
    mark = await env.auditMark();
    await expectRefused(elsewhere, await back(elsewhere, url), 400, /Connexion non vérifiée/, 'state', mark);
    // Still single use for its own browser: the refused tries did not consume it.
    expect((await back(b, url)).statusCode).toBe(302);
  });

  it('an error sent back by the provider (the person cancelled)', async () => {
    const b = browser();
    const url = await toProvider(b, 'franceconnect', 'fc-marie');
    const cancelled = new URL(url.origin + url.pathname);
    cancelled.searchParams.set('error', 'access_denied');
    cancelled.searchParams.set('state', url.searchParams.get('state')!);
    const mark = await env.auditMark();
    await expectRefused(b, await back(b, cancelled), 400, /Connexion annulée/, 'provider-error', mark);
  });

  it.each([
    ['a nonce that is not ours', { claims: { nonce: 'nonce-d-un-autre' } }],
    ['another audience', { claims: { aud: 'un-autre-service' } }],
    ['an expired id_token', { claims: (issued: Record<string, number>) => ({ iat: issued.iat - 7200, exp: issued.iat - 3600 }) }],
    ['a signature by a key the provider does not publish', { foreignKey: true }],
  ])('an id_token with %s', async (_what, tamper) => {
    const b = browser();
    const url = await toProvider(b, 'franceconnect', 'fc-marie');
    provider.tamperNext(tamper);
    const before = await sessions();
    const mark = await env.auditMark();
    await expectRefused(b, await back(b, url), 400, /Connexion refusée/, 'token', mark);
    expect(await sessions()).toBe(before);
  });

  it.each([
    ['signed by a key the provider does not publish', { foreignKey: true }],
    ['about someone else', { claims: { sub: 'fc-quelqu-un-d-autre' } }],
    ['for another client', { claims: { aud: 'un-autre-service' } }],
  ])('a userinfo %s', async (_what, tamper) => {
    const b = browser();
    const url = await toProvider(b, 'franceconnect', 'fc-ines');
    provider.tamperUserinfoNext(tamper);
    const before = await sessions();
    const users = (await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n;
    const mark = await env.auditMark();
    await expectRefused(b, await back(b, url), 400, /Connexion refusée/, 'token', mark);
    expect(await sessions()).toBe(before);
    expect((await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(users);
  });

  it('an identity without names, or whose e-mail already has an account, creates nothing', async () => {
    const before = (await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n;
    let b = browser();
    let mark = await env.auditMark();
    await expectRefused(b, (await signIn(b, 'franceconnect', 'fc-nameless')).res, 422, /Identité incomplète/, 'claims', mark);
    await env.as('parent', { identifier: 'deja.inscrit@exemple.fr' });
    b = browser();
    mark = await env.auditMark();
    await expectRefused(b, (await signIn(b, 'franceconnect', 'fc-taken')).res, 409, /liez FranceConnect depuis « Mon compte »/, 'email-taken', mark);
    expect((await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(before + 1);
  });

  it('a provider that is not configured is not offered', async () => {
    expect((await env.client().get('/api/auth/oidc/providers')).json()).toEqual({ franceconnect: true, proconnect: true });
    expect((await env.client().get('/api/auth/oidc/inconnu/start')).statusCode).toBe(400);
  });
});

describe('linking FranceConnect to a password account', () => {
  it('a parent links once; the identity fills and locks the file; unlinking needs a password and unlocks it', async () => {
    const parent = await env.as('parent');
    const b = browser(parent);
    const url = await toProvider(b, 'franceconnect', 'fc-awa', '?purpose=link&retour=/compte');
    const res = await back(b, url);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/compte');
    expect((await parent.get('/api/auth/me')).json().user.id).toBe(parent.user.id);
    const ids = (await parent.get('/api/account/identities')).json();
    expect(ids).toMatchObject({ linked: [{ provider: 'franceconnect' }], hasPassword: true, canLink: false });
    const linked = await env.expectAudit('auth/oidc-linked', parent.user.id, { actorId: parent.user.id });
    expect(linked.details).toEqual({ provider: 'franceconnect', by: 'account' });
    const file = (await parent.get('/api/dossiers/me')).json().household;
    expect(file.parent).toMatchObject({ firstName: 'Awa', lastName: 'Diallo' });
    expect(file.identityCertification?.by).toBe('franceconnect');

    // Once: a second FranceConnect identity for the same account is refused.
    let mark = await env.auditMark();
    const second = await back(b, await toProvider(b, 'franceconnect', 'fc-awa-2', '?purpose=link'));
    expect(second.statusCode).toBe(409);
    expect(second.body).toMatch(/déjà lié à une autre identité/);
    expect((await env.expectAudit('auth/oidc-refused', null, { after: mark })).details.reason).toBe('already-linked');

    // An identity another account holds is refused.
    const other = await env.as('parent');
    const ob = browser(other);
    mark = await env.auditMark();
    const taken = await back(ob, await toProvider(ob, 'franceconnect', 'fc-awa', '?purpose=link'));
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toMatch(/déjà liée à un autre compte/);
    expect((await env.expectAudit('auth/oidc-refused', null, { after: mark })).details.reason).toBe('identity-taken');
    expect((await other.get('/api/account/identities')).json().linked).toEqual([]);

    // Signing in with FranceConnect now opens the password account.
    const fc = browser();
    expect((await signIn(fc, 'franceconnect', 'fc-awa')).res.statusCode).toBe(302);
    expect((await fc.http.get('/api/auth/me')).json().user.id).toBe(parent.user.id);

    const unlink = await parent.delete('/api/account/identities/franceconnect');
    expect(unlink.statusCode).toBe(204);
    await env.expectAudit('auth/oidc-unlinked', parent.user.id, { actorId: parent.user.id });
    expect((await parent.get('/api/dossiers/me')).json().household.identityCertification).toBeNull();
    expect((await parent.patch('/api/dossiers/me', { parent: { firstName: 'Awa Marie' } })).statusCode).toBe(200);
    expect((await parent.delete('/api/account/identities/franceconnect')).statusCode).toBe(404);
  });

  it('an account FranceConnect created (no password) cannot unlink it; only a parent links', async () => {
    const b = browser();
    expect((await signIn(b, 'franceconnect', 'fc-ines')).res.statusCode).toBe(302);
    const res = await b.http.delete('/api/account/identities/franceconnect');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('auth/oidc-unlink-needs-password');
    const agent = await env.as('agent');
    expect((await agent.get('/api/auth/oidc/franceconnect/start?purpose=link')).statusCode).toBe(403);
    expect((await agent.delete('/api/account/identities/franceconnect')).statusCode).toBe(403);
    expect((await env.client().get('/api/auth/oidc/franceconnect/start?purpose=link')).statusCode).toBe(401);
  });
});

describe('ProConnect: agents and partners', () => {
  it("maps to an existing agent's account by its e-mail, then by subject", async () => {
    const agent = await env.as('agent', { identifier: 'agent.existant@amiens.fr' });
    const b = browser();
    const { res } = await signIn(b, 'proconnect', 'pc-agent');
    expect(res.statusCode, res.body).toBe(302);
    expect((await b.http.get('/api/auth/me')).json().user).toMatchObject({ id: agent.user.id, role: 'agent' });
    const linked = await env.expectAudit('auth/oidc-linked', agent.user.id, { actorId: agent.user.id });
    expect(linked.details).toEqual({ provider: 'proconnect', by: 'email' });
    // The subject now decides, even if the account's e-mail changes.
    await env.rt.deps.db.query(`UPDATE users SET email = 'claire.petit@amiens.fr' WHERE id = $1`, [agent.user.id]);
    const again = browser();
    expect((await signIn(again, 'proconnect', 'pc-agent')).res.statusCode).toBe(302);
    expect((await again.http.get('/api/auth/me')).json().user.id).toBe(agent.user.id);
  });

  it('an unknown e-mail of a configured domain waits for an admin: no access before approval, then the approved role', async () => {
    const b = browser();
    const mark = await env.auditMark();
    const first = await signIn(b, 'proconnect', 'pc-new');
    expect(first.res.statusCode).toBe(202);
    expect(first.res.body).toMatch(/Demande d&#39;accès enregistrée|Demande d'accès enregistrée/);
    expect((await b.http.get('/api/auth/me')).json().user).toBeNull();
    const requested = await env.expectAudit('auth/oidc-access-requested', null, { after: mark });
    expect(requested.details).toEqual({ provider: 'proconnect', role: 'agent' });
    // Asking again finds the same request.
    expect((await signIn(browser(), 'proconnect', 'pc-new')).res.statusCode).toBe(202);

    const admin = await env.as('admin');
    const list = (await admin.get('/api/admin/access-requests?status=pending')).json().requests;
    const request = list.find((r: { email: string }) => r.email === 'nouvelle.agente@ccas-amiens.fr');
    expect(request).toMatchObject({ givenName: 'Nadia', usualName: 'Benali', suggestedRole: 'agent', status: 'pending', siret: '21800021000013' });
    expect(list.filter((r: { email: string }) => r.email === 'nouvelle.agente@ccas-amiens.fr')).toHaveLength(1);

    // Someone who must not: a parent, an agent.
    for (const role of ['parent', 'agent'] as const) {
      const who = await env.as(role);
      expect((await who.post(`/api/admin/access-requests/${request.id}/approve`, { role: 'agent' })).statusCode).toBe(403);
      expect((await who.get('/api/admin/access-requests')).statusCode).toBe(403);
    }
    // A partner needs its structure.
    const noStructure = await admin.post(`/api/admin/access-requests/${request.id}/approve`, { role: 'partner' });
    expect(noStructure.statusCode).toBe(422);
    expect(noStructure.json().error.fields[0].path).toBe('structureId');

    const approved = await admin.post(`/api/admin/access-requests/${request.id}/approve`, { role: 'agent' });
    expect(approved.statusCode, approved.body).toBe(200);
    const userId = approved.json().userId;
    const entry = await env.expectAudit('auth/oidc-access-approved', request.id, { actorId: admin.user.id });
    expect(entry.details).toEqual({ role: 'agent', userId });
    expect((await admin.post(`/api/admin/access-requests/${request.id}/approve`, { role: 'agent' })).statusCode).toBe(404);

    const now = browser();
    expect((await signIn(now, 'proconnect', 'pc-new')).res.statusCode).toBe(302);
    expect((await now.http.get('/api/auth/me')).json().user).toMatchObject({ id: userId, role: 'agent', displayName: 'Nadia Benali' });
  });

  it('an admin refuses a request: the next sign-in is refused', async () => {
    const mark = await env.auditMark();
    expect((await signIn(browser(), 'proconnect', 'pc-refused')).res.statusCode).toBe(202);
    const requested = await env.expectAudit('auth/oidc-access-requested', null, { after: mark });
    const admin = await env.as('admin');
    const partner = await env.as('partner');
    expect((await partner.post(`/api/admin/access-requests/${requested.subjectId}/refuse`)).statusCode).toBe(403);
    expect((await admin.post(`/api/admin/access-requests/${requested.subjectId}/refuse`)).statusCode).toBe(204);
    await env.expectAudit('auth/oidc-access-refused', requested.subjectId!, { actorId: admin.user.id });
    const b = browser();
    const m2 = await env.auditMark();
    await expectRefused(b, (await signIn(b, 'proconnect', 'pc-refused')).res, 403, /a été refusée/, 'request-refused', m2);
  });

  it("refuses an e-mail outside the configured domains, and a family's account", async () => {
    let b = browser();
    let mark = await env.auditMark();
    await expectRefused(b, (await signIn(b, 'proconnect', 'pc-stranger')).res, 403, /Accès non prévu/, 'domain', mark);
    await env.as('parent', { identifier: 'parent.pro@amiens.fr' });
    b = browser();
    mark = await env.auditMark();
    await expectRefused(b, (await signIn(b, 'proconnect', 'pc-parent')).res, 403, /réservée aux professionnels/, 'staff-only', mark);
  });
});
