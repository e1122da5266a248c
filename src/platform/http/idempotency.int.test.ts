/** Idempotency-Key (the phone's offline queue replays a form): a replay never writes twice. */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const file = (firstName: string) => ({
  parent: { firstName, lastName: 'Martin', birthDate: '1990-05-12' },
  children: [{ firstName: 'Lina', birthDate: '2018-09-01' }],
  address: { line: '2 rue des Jacobins', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  quotient: { entered: 450 },
});

async function households(userId: string): Promise<number> {
  const r = await env.rt.deps.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE actor_id = $1 AND action = 'dossiers/created'`, [userId]);
  return Number(r.rows[0]!.n);
}

describe('Idempotency-Key', () => {
  it('answers a replay with the first answer, and the change is made once', async () => {
    const parent = await env.as('parent');
    const key = 'offline-0001-aaaa';
    const first = await parent.request('POST', '/api/dossiers/me', file('Samia'), { 'idempotency-key': key });
    expect(first.statusCode, first.body).toBe(201);
    const again = await parent.request('POST', '/api/dossiers/me', file('Samia'), { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await households(parent.user.id)).toBe(1);
    // Without the key the same form is a second change, refused by the module.
    const twice = await parent.post('/api/dossiers/me', file('Samia'));
    expect(twice.statusCode).toBe(409);
  });

  it('keeps the answer as written, not as compressed for the first client: a replay reads the same JSON', async () => {
    const parent = await env.as('parent');
    const key = 'offline-0005-eeee';
    const headers = { 'idempotency-key': key, 'accept-encoding': 'br, gzip' };
    const first = await parent.request('POST', '/api/dossiers/me', file('Inès'), headers);
    expect(first.statusCode, first.body).toBe(201);
    const again = await parent.request('POST', '/api/dossiers/me', file('Inès'), { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['content-encoding']).toBe('br');
    expect(again.json()).toEqual(JSON.parse(zlib.brotliDecompressSync(first.rawPayload).toString()));
    expect(await households(parent.user.id)).toBe(1);
  });

  it('refuses a key reused for another request, and a malformed key, with a French message', async () => {
    const parent = await env.as('parent');
    const key = 'offline-0002-bbbb';
    expect((await parent.request('POST', '/api/dossiers/me', file('Awa'), { 'idempotency-key': key })).statusCode).toBe(201);
    const other = await parent.request('POST', '/api/dossiers/me', file('Autre'), { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: 'http/idempotency-mismatch', message: expect.stringMatching(/déjà servi/) });
    const bad = await parent.request('PATCH', '/api/dossiers/me', {}, { 'idempotency-key': 'x y' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'Idempotency-Key', message: expect.stringMatching(/Clé de rejeu/) }]);
  });

  it("keeps keys per user: another family's same key is its own change", async () => {
    const a = await env.as('parent');
    const b = await env.as('parent');
    const key = 'offline-0003-cccc';
    expect((await a.request('POST', '/api/dossiers/me', file('Anna'), { 'idempotency-key': key })).statusCode).toBe(201);
    const res = await b.request('POST', '/api/dossiers/me', file('Anna'), { 'idempotency-key': key });
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(res.json().household.id).not.toBe((await a.get('/api/dossiers/me')).json().household.id);
  });

  it('tells a replay that arrives while the first is being answered to come back, and frees a key whose answer never came', async () => {
    const parent = await env.as('parent');
    const key = 'offline-0004-dddd';
    // A claim left by a request still running (or by a process that stopped mid-way).
    await env.rt.deps.db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, created_at)
       VALUES ($1, $2, 'POST', '/api/dossiers/me', $3, $4)`,
      [parent.user.id, key, (await import('./idempotency')).requestHash('POST', '/api/dossiers/me', file('Lou')), env.clock.now()],
    );
    const pending = await parent.request('POST', '/api/dossiers/me', file('Lou'), { 'idempotency-key': key });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('http/idempotency-pending');
    expect(await households(parent.user.id)).toBe(0);
    env.clock.advance(3 * 60_000);
    const retaken = await parent.request('POST', '/api/dossiers/me', file('Lou'), { 'idempotency-key': key });
    expect(retaken.statusCode, retaken.body).toBe(201);
    expect(await households(parent.user.id)).toBe(1);
  });
});
