/**
 * Test harness: a database of one's own (cloned from the migrated template), the app
 * built on it, and HTTP clients that keep cookies and send the CSRF header like our
 * web pages do. Used by *.int.test.ts files and e2e journeys.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../config';
import { buildApp } from '../app';
import { boot, type Runtime } from './runtime';
import { fixedClock } from './clock';
import { insertUser } from './auth/auth.service';
import type { Role } from './roles';
import type { SessionUser } from './context';
import type { App, RouteInfo } from './http/types';
import { runSeeds } from './seeds';
import { DEMO_PARTNER_STRUCTURE_ID } from './demo';
import { allSeeds } from '../cli/seeds';
import { modules } from '../modules/registry';

export const TEST_PASSWORD = 'mot-de-passe-de-test';

function dbUrl(db: string): string {
  const admin = process.env.RELAIS_TEST_ADMIN_URL;
  if (!admin) throw new Error('RELAIS_TEST_ADMIN_URL is not set: run tests through vitest (global setup)');
  const u = new URL(admin);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A fresh database cloned from the migrated template. */
export async function createTestDb(): Promise<string> {
  const name = `relais_t_${process.env.RELAIS_TEST_RUN_ID ?? 'x'}_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.RELAIS_TEST_ADMIN_URL });
  await admin.connect();
  try {
    for (let i = 0; ; i++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.RELAIS_TEST_TEMPLATE}`);
        break;
      } catch (err) {
        // "source database is being accessed by other users": another file is cloning it.
        if ((err as { code?: string }).code !== '55006' || i > 50) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return dbUrl(name);
}

export interface TestEnv {
  rt: Runtime;
  app: App;
  routes: RouteInfo[];
  /** The injectable clock: `set(iso)`, `advance(ms)`. */
  clock: ReturnType<typeof fixedClock>;
  databaseUrl: string;
  /** An HTTP client with its own cookie jar (and, if given, its own client address). */
  client(opts?: { remoteAddress?: string }): TestClient;
  /** Create a user of the role and return a client logged in as them. */
  as(role: Role, opts?: { structureId?: string; identifier?: string; displayName?: string }): Promise<TestClient & { user: SessionUser }>;
  seedDemo(): Promise<void>;
  /**
   * A structure of the directory (annuaire) with this id, created if missing (a consent or
   * an orientation must name one that exists). `as('partner')` creates its structure.
   */
  structure(id?: string): Promise<string>;
  /**
   * The latest audit entry with this action about this subject (its `subject_id`, or the
   * household for a household subject); throws, listing what was audited, if there is none.
   */
  expectAudit(action: string, subject: string | null, match?: AuditMatch): Promise<AuditLogRow>;
  /** The id of the latest audit entry: pass it as `after` to expectAudit. */
  auditMark(): Promise<number>;
  close(): Promise<void>;
}

export interface AuditMatch {
  /** Only entries written after this id (see TestEnv.auditMark): pins the call under test. */
  after?: number;
  actorId?: string | null;
  householdId?: string | null;
  subjectType?: string;
  reason?: string;
  ip?: string;
}

export interface AuditLogRow {
  id: number;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  householdId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** See TestEnv.expectAudit; usable with any pool (e.g. `env.rt.deps.db`). */
export async function expectAudit(
  db: pg.Pool | { query: pg.Pool['query'] },
  action: string,
  /** `null`: an entry without a subject (e.g. a setting), then narrow it with `match`. */
  subject: string | null,
  match: AuditMatch = {},
): Promise<AuditLogRow> {
  const { rows } = await db.query<AuditLogRow>(
    `SELECT id::int, action, actor_id AS "actorId", actor_role AS "actorRole", household_id AS "householdId",
            subject_type AS "subjectType", subject_id AS "subjectId", reason, details, ip
       FROM audit_log
      WHERE action = $1 AND ($2::text IS NULL OR subject_id = $2 OR (subject_id IS NULL AND household_id::text = $2))
      ORDER BY id DESC`,
    [action, subject],
  );
  const { after, ...fields } = match;
  const found = rows.find(
    (r) =>
      (after === undefined || r.id > after) && Object.entries(fields).every(([k, v]) => v === undefined || (r as unknown as Record<string, unknown>)[k] === v),
  );
  if (!found) {
    const { rows: seen } = await db.query<{ action: string; subject_id: string | null }>(
      `SELECT action, subject_id FROM audit_log WHERE subject_id = $1 OR household_id::text = $1 OR action = $2 ORDER BY id DESC LIMIT 20`,
      [subject, action],
    );
    throw new Error(
      `no audit entry ${action} for ${subject}${Object.keys(match).length ? ` matching ${JSON.stringify(match)}` : ''}; ` +
        `entries seen: ${seen.map((r) => `${r.action}(${r.subject_id})`).join(', ') || 'none'}`,
    );
  }
  return found;
}

export interface TestClient {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  login(identifier: string, password?: string): Promise<LightMyRequestResponse>;
  cookies: Map<string, string>;
}

function makeClient(app: App, opts: { remoteAddress?: string } = {}): TestClient {
  const cookies = new Map<string, string>();
  const request = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { ...headers };
    if (cookies.size) h.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = cookies.get('relais_csrf');
    if (csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = csrf;
    const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
    const res = await app.inject({
      method: method as any,
      url,
      remoteAddress: opts.remoteAddress,
      headers: body !== undefined && !isRaw && !h['content-type'] ? { ...h, 'content-type': 'application/json' } : h,
      payload: body === undefined ? undefined : isRaw ? (body as string) : JSON.stringify(body),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) cookies.delete(c.name);
      else cookies.set(c.name, c.value);
    }
    return res;
  };
  const client: TestClient = {
    cookies,
    request,
    get: (u) => request('GET', u),
    post: (u, b) => request('POST', u, b ?? {}),
    put: (u, b) => request('PUT', u, b ?? {}),
    patch: (u, b) => request('PATCH', u, b ?? {}),
    delete: (u, b) => request('DELETE', u, b),
    async login(identifier, password = TEST_PASSWORD) {
      // Like the login page: loading it gives a fresh CSRF token (a stale session's no longer counts).
      await request('GET', '/api/auth/me');
      return request('POST', '/api/auth/login', { identifier, password });
    },
  };
  return client;
}

export async function createTestEnv(
  opts: { now?: string; jobs?: 'send' | 'work' | 'none'; /** Extra configuration, e.g. { TRUST_PROXY: '127.0.0.1' }. */ env?: Record<string, string> } = {},
): Promise<TestEnv> {
  const databaseUrl = await createTestDb();
  const clock = fixedClock(opts.now ?? '2026-03-10T10:00:00+01:00');
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: `.tmp/test-data-${process.pid}`,
    DATABASE_URL: databaseUrl,
    ...opts.env,
  });
  const rt = await boot(config, { modules, jobs: opts.jobs ?? 'send', clock, databaseUrl, log: () => {} });
  const { app, routes } = await buildApp(rt.deps, { logger: false });
  let n = 0;
  const structure = async (id: string = crypto.randomUUID()) => {
    // The demo partner's structure comes with the demo seed (its own source and id).
    if (id !== DEMO_PARTNER_STRUCTURE_ID) {
      await rt.deps.db.query(
        `INSERT INTO annuaire_structures (id, source, di_id, nom, raw) VALUES ($1::uuid, 'test', $2::text, 'Structure de test', '{}'::jsonb) ON CONFLICT DO NOTHING`,
        [id, id],
      );
    }
    return id;
  };
  return {
    rt,
    app,
    routes,
    clock,
    databaseUrl,
    client: (o) => makeClient(app, o),
    async as(role, o = {}) {
      const identifier = o.identifier ?? `${role}-${++n}-${crypto.randomBytes(3).toString('hex')}@test.relais.fr`;
      const user = await insertUser(rt.deps.db, {
        identifier,
        password: TEST_PASSWORD,
        role,
        displayName: o.displayName ?? `${role} ${n}`,
        structureId: role === 'partner' ? await structure(o.structureId) : null,
      });
      const c = makeClient(app);
      const res = await c.login(identifier);
      if (res.statusCode !== 200) throw new Error(`login failed for test ${role}: ${res.body}`);
      return Object.assign(c, { user });
    },
    async seedDemo() {
      await runSeeds(rt.systemCtx(), allSeeds());
    },
    structure,
    expectAudit: (action, subject, match) => expectAudit(rt.deps.db, action, subject, match),
    async auditMark() {
      const { rows } = await rt.deps.db.query<{ id: number }>(`SELECT coalesce(max(id), 0)::int AS id FROM audit_log`);
      return rows[0].id;
    },
    async close() {
      await app.close();
      await rt.close();
    },
  };
}
