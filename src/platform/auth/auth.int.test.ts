import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createTestEnv, TEST_PASSWORD, type TestClient, type TestEnv } from '../testing';
import { loginSlowdown } from './auth.service';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

/** What the sign-up page does: sign up, then log in with the password just chosen. */
async function signUp(c: TestClient, identifier: string, password: string, displayName: string) {
  await c.get('/api/auth/me');
  const res = await c.post('/api/auth/signup', { identifier, password, displayName });
  if (res.statusCode !== 201) return { signup: res, login: null };
  return { signup: res, login: await c.login(identifier, password) };
}

describe('sign-up, login, logout', () => {
  it('signs a parent up with an email, then they log in and stay logged in', async () => {
    const c = env.client();
    const { signup, login } = await signUp(c, 'Amina@Example.fr', 'un-long-mot-de-passe', 'Amina');
    expect(signup.statusCode).toBe(201);
    expect(signup.json()).toEqual({ message: expect.stringContaining('Connectez-vous') });
    // No session from the sign-up itself (a taken identifier must answer the same).
    expect(signup.cookies.map((k: any) => k.name)).not.toContain('relais_session');
    expect(login!.statusCode).toBe(200);
    expect(login!.json().user).toMatchObject({ role: 'parent', email: 'amina@example.fr', displayName: 'Amina' });
    const me = await c.get('/api/auth/me');
    expect(me.json().user.email).toBe('amina@example.fr');
    const cookie = login!.cookies.find((k: any) => k.name === 'relais_session') as any;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    await env.expectAudit('auth/signup', me.json().user.id, { actorId: me.json().user.id });
    await env.expectAudit('auth/login', me.json().user.id);
  });

  it('signs a parent up with a French phone number in any common spelling', async () => {
    const { signup } = await signUp(env.client(), '06 12 34 56 78', 'un-long-mot-de-passe', 'Karim');
    expect(signup.statusCode).toBe(201);
    const again = env.client();
    const res = await again.login('+33 6 12 34 56 78', 'un-long-mot-de-passe');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.phone).toBe('+33612345678');
  });

  it('answers a taken identifier exactly like a new one, creates nothing and tells the owner', async () => {
    const db = env.rt.deps.db;
    const owner = (await db.query(`SELECT id FROM users WHERE email = 'amina@example.fr'`)).rows[0];
    const users = async () => (await db.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n;
    const before = await users();
    const attacker = env.client();
    await attacker.get('/api/auth/me');
    const taken = await attacker.post('/api/auth/signup', { identifier: 'AMINA@example.fr', password: 'mot-de-passe-intrus', displayName: 'Autre' });
    const newcomer = env.client();
    await newcomer.get('/api/auth/me');
    const fresh = await newcomer.post('/api/auth/signup', { identifier: 'tout-neuf@example.fr', password: 'un-long-mot-de-passe', displayName: 'Neuf' });
    expect(taken.statusCode).toBe(201);
    expect(taken.json()).toEqual(fresh.json());
    expect(taken.cookies.map((k: any) => k.name)).toEqual(fresh.cookies.map((k: any) => k.name));
    expect(taken.cookies.map((k: any) => k.name)).not.toContain('relais_session');
    expect(await users()).toBe(before + 1); // only the new address got an account
    expect((await attacker.get('/api/auth/me')).json().user).toBeNull();
    // The owner's password still works, the intruder's does not.
    expect((await env.client().login('amina@example.fr', 'mot-de-passe-intrus')).statusCode).toBe(401);
    expect((await env.client().login('amina@example.fr', 'un-long-mot-de-passe')).statusCode).toBe(200);
    const { rows } = await db.query(`SELECT channel, recipient, user_id, body FROM notifications WHERE template = 'auth.signup-existing'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'email', recipient: 'amina@example.fr', user_id: owner.id });
    expect(rows[0].body).toContain("Aucun nouveau compte n'a été créé");
    await env.expectAudit('auth/signup-existing', owner.id, { actorId: null });
  });

  it('refuses a short password and a malformed identifier with field errors in French', async () => {
    const c = env.client();
    await c.get('/api/auth/me');
    const weak = await c.post('/api/auth/signup', { identifier: 'x@example.fr', password: 'court', displayName: 'X' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual([{ path: 'password', message: 'Au moins 10 caractères.' }]);
    const bad = await c.post('/api/auth/signup', { identifier: 'pas-un-email', password: 'un-long-mot-de-passe', displayName: 'X' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'identifier' });
    const missing = await c.post('/api/auth/signup', { identifier: 'y@example.fr' });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.fields.map((f: any) => f.path)
        .sort(),
    ).toEqual(['displayName', 'password']);
    expect(missing.json().error.fields[0].message).toBe('Ce champ est obligatoire.');
    // Every field of an empty form named at once, in plain French (no "Trop petit : chaîne…").
    const empty = await c.post('/api/auth/signup', { identifier: '', password: '', displayName: '' });
    expect(empty.statusCode).toBe(400);
    const byField = Object.fromEntries(empty.json().error.fields.map((f: any) => [f.path, f.message]));
    expect(byField).toEqual({ identifier: 'Ce champ est obligatoire.', password: 'Au moins 10 caractères.', displayName: 'Ce champ est obligatoire.' });
  });

  it('logs out: the session no longer works, and the page gets a fresh token to log in again', async () => {
    const c = await env.as('agent');
    expect((await c.get('/api/auth/me')).json().user.role).toBe('agent');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    await env.expectAudit('auth/logout', c.user.id, { actorId: c.user.id });
    expect((await c.get('/api/auth/me')).json().user).toBeNull();
    expect((await c.post('/api/auth/login', { identifier: c.user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('rejects a wrong password without saying whether the account exists', async () => {
    const c = env.client();
    const a = await c.login('amina@example.fr', 'mauvais-mot-de-passe');
    const b = await c.login('inconnu@example.fr', 'mauvais-mot-de-passe');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });
});

describe('login throttling: nobody can lock someone else out', () => {
  const delays: number[] = [];
  const sleep = loginSlowdown.sleep;
  beforeAll(() => {
    loginSlowdown.sleep = async (ms) => {
      delays.push(ms);
    };
  });
  afterAll(() => {
    loginSlowdown.sleep = sleep;
  });

  it('35 failures from rotating addresses slow the identifier down but never refuse its owner from a clean address', async () => {
    await signUp(env.client(), 'visee@example.fr', 'un-long-mot-de-passe', 'Visée');
    delays.length = 0;
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push((await env.client({ remoteAddress: `198.51.100.${i + 1}` }).login('visee@example.fr', 'faux-faux-faux')).statusCode);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    // Progressive, bounded delay once the identifier collected failures from everywhere.
    expect(delays.length).toBeGreaterThan(20);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBe(loginSlowdown.maxMs);
    const owner = await env.client({ remoteAddress: '192.0.2.10' }).login('visee@example.fr', 'un-long-mot-de-passe');
    expect(owner.statusCode).toBe(200);
  });

  it('repeated failures from one address are refused for that identifier and that address only', async () => {
    await signUp(env.client(), 'cible@example.fr', 'un-long-mot-de-passe', 'Cible');
    const from = (ip: string) => env.client({ remoteAddress: ip });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await from('203.0.113.66').login('cible@example.fr', 'faux-faux-faux')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // that address waits, even with the right password…
    expect((await from('203.0.113.66').login('cible@example.fr', 'un-long-mot-de-passe')).statusCode).toBe(429);
    // …the owner, from their own address, does not
    expect((await from('192.0.2.20').login('cible@example.fr', 'un-long-mot-de-passe')).statusCode).toBe(200);
    // and that address can still log into another account
    expect((await from('203.0.113.66').login('amina@example.fr', 'un-long-mot-de-passe')).statusCode).toBe(200);
    // the window passes
    env.clock.advance(16 * 60_000);
    expect((await from('203.0.113.66').login('cible@example.fr', 'un-long-mot-de-passe')).statusCode).toBe(200);
  });

  it('an address that fails on many identifiers is refused for all of them', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await env.client({ remoteAddress: '203.0.113.77' }).login(`essai${i}@example.fr`, 'faux-faux-faux')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await env.client({ remoteAddress: '203.0.113.77' }).login('amina@example.fr', 'un-long-mot-de-passe')).statusCode).toBe(429);
    env.clock.advance(16 * 60_000);
  });
});

describe('client address and X-Forwarded-For (TRUST_PROXY)', () => {
  it('without TRUST_PROXY, a rotating X-Forwarded-For neither escapes the per-address limit nor forges the audit address', async () => {
    await signUp(env.client(), 'proxy@example.fr', 'un-long-mot-de-passe', 'Proxy');
    const c = env.client();
    await c.get('/api/auth/me');
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await c.request(
        'POST',
        '/api/auth/login',
        { identifier: 'proxy@example.fr', password: 'faux-faux-faux' },
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const ok = await env
      .client({ remoteAddress: '192.0.2.30' })
      .request('POST', '/api/auth/login', { identifier: 'proxy@example.fr', password: 'un-long-mot-de-passe' }, { 'x-forwarded-for': '203.0.113.200' });
    expect(ok.statusCode).toBe(200);
    await env.expectAudit('auth/login', ok.json().user.id, { ip: '192.0.2.30' });
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE ip = '203.0.113.200'`);
    expect(rows[0].n).toBe(0);
  });

  it('with TRUST_PROXY=127.0.0.1, the address is the one the proxy forwarded', async () => {
    const proxied = await createTestEnv({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const c = proxied.client();
      await c.get('/api/auth/me');
      await c.post('/api/auth/signup', { identifier: 'derriere@example.fr', password: 'un-long-mot-de-passe', displayName: 'Derrière' });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await c.request(
          'POST',
          '/api/auth/login',
          { identifier: 'derriere@example.fr', password: 'faux-faux-faux' },
          { 'x-forwarded-for': `198.51.100.${i + 1}` },
        );
        statuses.push(res.statusCode);
      }
      expect(statuses.every((s) => s === 401)).toBe(true); // each client its own address
      const ok = await c.request(
        'POST',
        '/api/auth/login',
        { identifier: 'derriere@example.fr', password: 'un-long-mot-de-passe' },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      expect(ok.statusCode).toBe(200);
      await proxied.expectAudit('auth/login', ok.json().user.id, { ip: '203.0.113.9' });
      // A request that does not come from the proxy cannot forward anything.
      const direct = await proxied
        .client({ remoteAddress: '192.0.2.99' })
        .request('POST', '/api/auth/login', { identifier: 'derriere@example.fr', password: 'un-long-mot-de-passe' }, { 'x-forwarded-for': '203.0.113.10' });
      expect(direct.statusCode).toBe(200);
      await proxied.expectAudit('auth/login', ok.json().user.id, { ip: '192.0.2.99' });
    } finally {
      await proxied.close();
    }
  });

  it('refuses a malformed TRUST_PROXY at start, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: '127.0.0.1,pas-une-adresse' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request that carries our cookies but no valid CSRF header', async () => {
    const c = await env.as('parent');
    const res = await c.request('PATCH', '/api/account', { easyRead: true }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('http/csrf');
    const ok = await c.patch('/api/account', { easyRead: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.easyRead).toBe(true);
    await env.expectAudit('auth/account-updated', c.user.id, { actorId: c.user.id });
  });

  it('refuses a cookie and header pair the attacker chose: the token is bound to the session', async () => {
    const victim = await env.as('parent');
    const attacker = await env.as('parent');
    const session = victim.cookies.get('relais_session')!;
    const patch = (csrf: string) =>
      env.app.inject({
        method: 'PATCH',
        url: '/api/account',
        headers: { cookie: `relais_session=${session}; relais_csrf=${csrf}`, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        payload: JSON.stringify({ displayName: 'Piraté' }),
      });
    // any value of the attacker's choosing, a valid pre-session token, or his own session's token
    const anonymous = env.client();
    await anonymous.get('/api/auth/me');
    for (const csrf of ['choisi-par-l-attaquant', anonymous.cookies.get('relais_csrf')!, attacker.cookies.get('relais_csrf')!]) {
      const res = await patch(csrf);
      expect(res.statusCode, csrf).toBe(403);
      expect(res.json().error.code).toBe('http/csrf');
    }
    expect((await victim.get('/api/auth/me')).json().user.displayName).not.toBe('Piraté');
    // The victim's own token works.
    expect((await patch(victim.cookies.get('relais_csrf')!)).statusCode).toBe(200);
  });

  it('before any session, only a token we issued passes (login, sign-up)', async () => {
    const forged = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: 'relais_csrf=choisi', 'x-csrf-token': 'choisi', 'content-type': 'application/json' },
      payload: JSON.stringify({ identifier: 'amina@example.fr', password: 'un-long-mot-de-passe' }),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('http/csrf');
    const c = env.client();
    expect((await c.login('amina@example.fr', 'un-long-mot-de-passe')).statusCode).toBe(200);
  });

  it('once the session has ended, the refusal itself brings a fresh token (the page retries with it)', async () => {
    const c = await env.as('parent');
    const stale = c.cookies.get('relais_csrf')!;
    await env.rt.deps.db.query(`UPDATE sessions SET expires_at = '2000-01-01' WHERE user_id = $1`, [c.user.id]);
    const refused = await c.post('/api/auth/logout');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('http/csrf');
    expect(c.cookies.get('relais_csrf')).not.toBe(stale);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    // a route that needs a session answers 401, so the page asks to log in again
    const c2 = await env.as('parent');
    await env.rt.deps.db.query(`UPDATE sessions SET expires_at = '2000-01-01' WHERE user_id = $1`, [c2.user.id]);
    expect((await c2.patch('/api/account', { easyRead: true })).statusCode).toBe(401);
  });

  it('a page whose cookie is not its session’s gets a new token when it asks who is logged in', async () => {
    const c = await env.as('parent');
    c.cookies.set('relais_csrf', 'plante-par-quelqu-un');
    expect((await c.patch('/api/account', { easyRead: true })).statusCode).toBe(403);
    const me = await c.get('/api/auth/me');
    expect(me.json().csrfToken).toBe(c.cookies.get('relais_csrf'));
    expect(me.json().csrfToken).not.toBe('plante-par-quelqu-un');
    expect((await c.patch('/api/account', { easyRead: true })).statusCode).toBe(200);
  });
});

describe('password reset through the outbox', () => {
  it('sends a link by the notification outbox and lets the user choose a new password once', async () => {
    const c = env.client();
    await c.get('/api/auth/me');
    await c.post('/api/auth/signup', { identifier: 'oubli@example.fr', password: 'ancien-mot-de-passe', displayName: 'Oubli' });
    const res = await env.client().post('/api/auth/password-reset', { identifier: 'oubli@example.fr' });
    expect(res.statusCode).toBe(202);
    const unknown = await env.client().post('/api/auth/password-reset', { identifier: 'personne@example.fr' });
    expect(unknown.json()).toEqual(res.json());
    const { rows } = await env.rt.deps.db.query(`SELECT body, channel, recipient, status FROM notifications WHERE template = 'auth.password-reset'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'email', recipient: 'oubli@example.fr', status: 'pending' });
    const token = rows[0].body.match(/jeton=([\w-]+)/)[1];
    const confirm = await env.client().post('/api/auth/password-reset/confirm', { token, password: 'nouveau-mot-de-passe' });
    expect(confirm.statusCode).toBe(200);
    const owner = (await env.rt.deps.db.query(`SELECT id FROM users WHERE email = 'oubli@example.fr'`)).rows[0].id;
    await env.expectAudit('auth/password-reset-requested', owner);
    await env.expectAudit('auth/password-reset', owner);
    const reuse = await env.client().post('/api/auth/password-reset/confirm', { token, password: 'encore-un-autre-mdp' });
    expect(reuse.statusCode).toBe(410);
    expect((await env.client().login('oubli@example.fr', 'nouveau-mot-de-passe')).statusCode).toBe(200);
    expect((await env.client().login('oubli@example.fr', 'ancien-mot-de-passe')).statusCode).toBe(401);
  });
});

describe('admin creates staff accounts', () => {
  it('lets an admin create an agent, and nobody else', async () => {
    const admin = await env.as('admin');
    const res = await admin.post('/api/admin/users', { identifier: 'agent.x@ville.fr', password: TEST_PASSWORD, displayName: 'Agent X', role: 'agent' });
    expect(res.statusCode).toBe(201);
    await env.expectAudit('auth/account-created', res.json().user.id, { actorId: admin.user.id });
    const agent = await env.as('agent');
    expect((await agent.post('/api/admin/users', { identifier: 'y@ville.fr', password: TEST_PASSWORD, displayName: 'Y', role: 'admin' })).statusCode).toBe(403);
  });

  it('requires a structure for a partner account', async () => {
    const admin = await env.as('admin');
    const res = await admin.post('/api/admin/users', { identifier: 'asso@ex.fr', password: TEST_PASSWORD, displayName: 'Asso', role: 'partner' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('structureId');
  });

  it('refuses a partner account for a structure the directory does not have', async () => {
    const admin = await env.as('admin');
    const body = { identifier: 'asso2@ex.fr', password: TEST_PASSWORD, displayName: 'Asso', role: 'partner' };
    const res = await admin.post('/api/admin/users', { ...body, structureId: '0bad0bad-0bad-4bad-8bad-0bad0bad0bad' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'auth/unknown-structure', fields: [{ path: 'structureId' }] });
    const structureId = await env.structure();
    expect((await admin.post('/api/admin/users', { ...body, structureId })).statusCode).toBe(201);
  });
});

describe('rate limits that hold across processes', () => {
  it('sends at most 3 reset links an hour to one address, whether or not the account exists', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await env.client().post('/api/auth/password-reset', { identifier: 'inonde@example.fr' })).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);
    // another address is not affected
    expect((await env.client().post('/api/auth/password-reset', { identifier: 'autre@example.fr' })).statusCode).toBe(202);
    // an hour later, it works again
    env.clock.advance(61 * 60_000);
    expect((await env.client().post('/api/auth/password-reset', { identifier: 'inonde@example.fr' })).statusCode).toBe(202);
  });

  it('limits sign-ups per client address (a route-declared limit)', async () => {
    env.clock.advance(2 * 3600_000);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const c = env.client();
      statuses.push((await c.post('/api/auth/signup', { identifier: `masse${i}@example.fr`, password: 'un-long-mot-de-passe', displayName: 'M' })).statusCode);
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
    const { rows } = await env.rt.deps.db.query(`SELECT DISTINCT encode(key, 'hex') AS k FROM throttle_events`);
    expect(rows.every((r) => !r.k.includes(Buffer.from('127.0.0.1').toString('hex')))).toBe(true); // hashed, not stored as is
  });
});

describe('account settings', () => {
  it('changes the password: other devices are signed out, this one stays, and it is audited', async () => {
    const c = await env.as('parent');
    const other = env.client();
    expect((await other.login(c.user.email!)).statusCode).toBe(200);
    const wrong = await c.post('/api/account/password', { currentPassword: 'pas-le-bon-mdp', newPassword: 'nouveau-mot-de-passe' });
    expect(wrong.statusCode).toBe(401);
    const res = await c.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'nouveau-mot-de-passe' });
    expect(res.statusCode).toBe(200);
    await env.expectAudit('auth/password-changed', c.user.id, { actorId: c.user.id });
    expect((await c.get('/api/auth/me')).json().user.id).toBe(c.user.id);
    expect((await other.get('/api/auth/me')).json().user).toBeNull();
    expect((await env.client().login(c.user.email!, 'nouveau-mot-de-passe')).statusCode).toBe(200);
  });
});
