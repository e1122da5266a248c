import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './testing';
import { audit } from './audit';
import { deliver, queueNotification } from './notify/outbox';
import { ROLES, type Role } from './roles';
import fs from 'node:fs';
import path from 'node:path';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('health and API description', () => {
  it('says which engine, which migration, whether the queue runs', async () => {
    const res = await env.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.database.engine).toMatch(/^PostgreSQL \d+/);
    expect(body.database.migration).toMatch(/^\d{4}_/);
    expect(body.queue.started).toBe(true);
  });

  it('serves an OpenAPI document generated from the zod schemas', async () => {
    const res = await env.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema.required).toContain('password');
  });
});

describe('one error shape', () => {
  it('answers 404 in JSON for an unknown API route', async () => {
    const res = await env.client().get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'http/not-found' });
  });
  it('answers 400, not 500, for malformed JSON', async () => {
    const res = await env.client().request('POST', '/api/auth/login', '{nope', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('http/bad-request');
  });
  it('answers 401 before validating a body when not logged in', async () => {
    const res = await env.client().request('PATCH', '/api/account', '{}', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/Connectez-vous/);
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses updates and deletes', async () => {
    const ctx = env.rt.systemCtx();
    await audit(env.rt.deps.db, ctx, 'test/thing', { details: { n: 1 } });
    await expect(env.rt.deps.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(env.rt.deps.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('is readable by coordinators and admins only', async () => {
    const coord = await env.as('coordinator');
    const res = await coord.get('/api/audit?action=auth/');
    expect(res.statusCode).toBe(200);
    expect(res.json().entries.some((e: any) => e.action === 'auth/login')).toBe(true);
    for (const role of ['parent', 'agent', 'partner'] as Role[]) {
      expect((await (await env.as(role)).get('/api/audit')).statusCode).toBe(403);
    }
  });
});

describe('notification outbox', () => {
  it('writes a message to the outbox folder when no SMTP server is configured, once', async () => {
    const id = await queueNotification(env.rt.deps.db, env.rt.deps.jobs, {
      channel: 'sms',
      recipient: '+33600000000',
      template: 'test.hello',
      body: 'Bonjour (test)',
    });
    await deliver(env.rt.deps, id);
    await deliver(env.rt.deps, id); // a retry after success sends nothing more
    const { rows } = await env.rt.deps.db.query('SELECT status, transport, attempts FROM notifications WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'sent', transport: 'file', attempts: 1 });
    const dir = path.join(env.rt.deps.config.dataDir, 'outbox');
    const files = fs.readdirSync(dir).filter((f) => f.includes(id));
    expect(files).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, files[0]), 'utf8')).toContain('Bonjour (test)');
    const admin = await env.as('admin');
    const page = await admin.get('/api/admin/outbox');
    expect(page.json().messages.some((m: any) => m.id === id && m.status === 'sent')).toBe(true);
  });
});

describe('role matrix', () => {
  it('every API route declares who may call it', () => {
    expect(env.routes.length).toBeGreaterThan(5);
    for (const r of env.routes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
  });

  // Every route times six roles, a thousand requests or more: room for a busy machine.
  it('walks every route with every role: forbidden roles get 401/403, allowed ones never do', async () => {
    const clients = new Map<Role | 'anonymous', Awaited<ReturnType<TestEnv['as']>> | ReturnType<TestEnv['client']>>();
    clients.set('anonymous', env.client());
    for (const role of ROLES) clients.set(role, await env.as(role));
    for (const c of clients.values()) await c.get('/api/auth/me');
    const fill = (url: string) => url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
    const failures: string[] = [];
    for (const r of env.routes) {
      if (r.url.includes('logout') || r.url.includes('*')) continue;
      for (const [who, c] of clients) {
        const res = await c.request(r.method, fill(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const allowed = r.access === 'public' || (who !== 'anonymous' && (r.access === 'authenticated' || (r.access as readonly string[]).includes(who)));
        // Denied by role = the platform's access check (auth/required, auth/forbidden). A 403 with a
        // module's own code (not your listing, no consent…) is a use-case decision, not a role denial.
        const code = res.statusCode === 401 || res.statusCode === 403 ? res.json().error?.code : undefined;
        const deniedByRole = code === 'auth/required' || code === 'auth/forbidden';
        if (res.statusCode >= 500) failures.push(`${r.method} ${r.url} as ${who}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (!allowed && !deniedByRole) failures.push(`${r.method} ${r.url} as ${who}: expected 401/403, got ${res.statusCode}`);
        if (allowed && deniedByRole) failures.push(`${r.method} ${r.url} as ${who}: allowed but got ${res.statusCode} ${code}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
