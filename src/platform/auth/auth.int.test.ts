import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_PASSWORD, type TestEnv } from '../testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('sign-up, login, logout', () => {
  it('signs a parent up with an email and keeps them logged in', async () => {
    const c = env.client();
    await c.get('/api/auth/me');
    const res = await c.post('/api/auth/signup', { identifier: 'Amina@Example.fr', password: 'un-long-mot-de-passe', displayName: 'Amina' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ role: 'parent', email: 'amina@example.fr', displayName: 'Amina' });
    const me = await c.get('/api/auth/me');
    expect(me.json().user.email).toBe('amina@example.fr');
    const cookie = res.cookies.find((k: any) => k.name === 'relais_session') as any;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('signs a parent up with a French phone number in any common spelling', async () => {
    const c = env.client();
    await c.get('/api/auth/me');
    const res = await c.post('/api/auth/signup', { identifier: '06 12 34 56 78', password: 'un-long-mot-de-passe', displayName: 'Karim' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.phone).toBe('+33612345678');
    const again = env.client();
    expect((await again.login('+33 6 12 34 56 78', 'un-long-mot-de-passe')).statusCode).toBe(200);
  });

  it('refuses a second account with the same identifier, naming the field', async () => {
    const c = env.client();
    await c.get('/api/auth/me');
    const res = await c.post('/api/auth/signup', { identifier: 'amina@example.fr', password: 'un-long-mot-de-passe', displayName: 'Autre' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'auth/account-exists', fields: [{ path: 'identifier' }] });
  });

  it('refuses a short password and a malformed identifier with field errors in French', async () => {
    const c = env.client();
    await c.get('/api/auth/me');
    const weak = await c.post('/api/auth/signup', { identifier: 'x@example.fr', password: 'court', displayName: 'X' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.fields[0].path).toBe('password');
    const bad = await c.post('/api/auth/signup', { identifier: 'pas-un-email', password: 'un-long-mot-de-passe', displayName: 'X' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'identifier' });
    const missing = await c.post('/api/auth/signup', { identifier: 'y@example.fr' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: any) => f.path).sort()).toEqual(['displayName', 'password']);
    expect(missing.json().error.fields[0].message).toBe('Ce champ est obligatoire.');
  });

  it('logs out: the session no longer works', async () => {
    const c = await env.as('agent');
    expect((await c.get('/api/auth/me')).json().user.role).toBe('agent');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().user).toBeNull();
  });

  it('rejects a wrong password without saying whether the account exists', async () => {
    const c = env.client();
    const a = await c.login('amina@example.fr', 'mauvais-mot-de-passe');
    const b = await c.login('inconnu@example.fr', 'mauvais-mot-de-passe');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });

  it('throttles repeated failed logins for one identifier (across processes: state is in PostgreSQL)', async () => {
    const c = env.client();
    await c.get('/api/auth/me');
    await c.post('/api/auth/signup', { identifier: 'cible@example.fr', password: 'un-long-mot-de-passe', displayName: 'Cible' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await env.client().login('cible@example.fr', 'faux-faux-faux')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // even the right password waits until the window passes
    expect((await env.client().login('cible@example.fr', 'un-long-mot-de-passe')).statusCode).toBe(429);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request that carries our cookies but no CSRF header', async () => {
    const c = await env.as('parent');
    const res = await c.request('PATCH', '/api/account', { easyRead: true }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('http/csrf');
    const ok = await c.patch('/api/account', { easyRead: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.easyRead).toBe(true);
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
    const agent = await env.as('agent');
    expect((await agent.post('/api/admin/users', { identifier: 'y@ville.fr', password: TEST_PASSWORD, displayName: 'Y', role: 'admin' })).statusCode).toBe(403);
  });

  it('requires a structure for a partner account', async () => {
    const admin = await env.as('admin');
    const res = await admin.post('/api/admin/users', { identifier: 'asso@ex.fr', password: TEST_PASSWORD, displayName: 'Asso', role: 'partner' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('structureId');
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
