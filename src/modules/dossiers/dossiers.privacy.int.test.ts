/**
 * The privacy promises of the file, proved on a real database:
 * - no dossiers route returns another household's data to a parent (every route walked as two parents);
 * - the export contains every stored field of the household;
 * - erasure leaves no personal data anywhere (every table searched), except what retention keeps, until purged.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from '../../platform/notify/outbox';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { modules } from '../registry';
import { wireDossiers } from './extensions';

let env: TestEnv;
/** The harness's clock is a fixed clock (see createTestEnv). */
const setClock = (iso: string) => (env.clock as unknown as { set(v: string): void }).set(iso);
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  // The structures the families consent to and are oriented to (the directory's listings).
  for (const n of ['1', '2', '3', '4', '5', '6']) await env.structure(`${n.repeat(8)}-${n.repeat(4)}-4${n.repeat(3)}-8${n.repeat(3)}-${n.repeat(12)}`);
});
afterAll(() => env.close());

interface Family {
  client: TestClient & { user: { id: string; email: string | null } };
  id: string;
  values: string[];
  documentId: string;
  consentId: string;
}

/** A parent with a full file whose personal values are all distinctive strings. */
async function family(tag: string, partnerStructureId: string): Promise<Family> {
  const client = await env.as('parent', { displayName: `Compte ${tag}nom` });
  const v = {
    first: `${tag}prenom`,
    last: `${tag}famille`,
    phone: `07${String(tag.charCodeAt(0) * 7919).padStart(8, '0')}`.slice(0, 10),
    child1: `${tag}enfantun`,
    child2: `${tag}enfantdeux`,
    line: `${tag} impasse des Essais`,
    school: `École ${tag}ecole`,
    other: `${tag}autreparent`,
  };
  const r = await client.post('/api/dossiers/me', {
    parent: { firstName: v.first, lastName: v.last, birthDate: '1988-07-14', phone: v.phone },
    otherParent: { firstName: v.other, custody: 'visiting', alimonyDueMonthlyCents: 12000 },
    children: [
      { firstName: v.child1, birthDate: '2014-01-05', schoolName: v.school },
      { firstName: v.child2, birthDate: '2020-06-30' },
    ],
    address: { line: v.line, postalCode: '80000', neighbourhoodId: 'sud' },
    situation: {
      activity: 'chomeur',
      unemploymentSince: '2025-11-01',
      unemploymentNetMonthlyCents: 87654,
      alimonyReceivedMonthlyCents: 0,
      annualIncomeCents: 1_000_000,
    },
    housing: { status: 'locataire_vide', rentMonthlyCents: 61234 },
  });
  expect(r.statusCode).toBe(201);
  const id = r.json().household.id;
  const doc = await client.post('/api/dossiers/me/documents', {
    kind: 'attestation-caf',
    label: `Attestation ${tag}doc`,
    validUntil: '2026-08-31',
    file: { name: `${tag}scan.pdf`, mimeType: 'application/pdf', base64: Buffer.from(`%PDF-1.4 ${tag}`).toString('base64') },
  });
  expect(doc.statusCode).toBe(201);
  const consent = await client.post('/api/dossiers/me/consents', { structureId: partnerStructureId, purpose: 'orientation', parts: ['children'] });
  expect(consent.statusCode).toBe(201);
  await client.patch('/api/dossiers/me', { situation: { otherIncomeMonthlyCents: 1111 } });
  return {
    client: client as Family['client'],
    id,
    values: [...Object.values(v), client.user.email!, `${tag}scan.pdf`, `Attestation ${tag}doc`, `Compte ${tag}nom`],
    documentId: doc.json().id,
    consentId: consent.json().id,
  };
}

const BODIES: Record<string, unknown> = {
  'POST /api/dossiers/me': { parent: { firstName: 'Intrus' } },
  'PATCH /api/dossiers/me': { address: { line: 'Intrusion' } },
  'POST /api/dossiers/me/documents': { kind: 'autre', label: 'intrus' },
  'PATCH /api/dossiers/me/documents/:documentId': { label: 'intrus' },
  'POST /api/dossiers/me/consents': { structureId: '11111111-1111-4111-8111-111111111111', purpose: 'caf-contact', parts: ['identity'] },
  'POST /api/dossiers/me/renewal/confirm': {},
  'POST /api/dossiers/me/erase': { confirm: 'EFFACER' },
  'POST /api/dossiers/search': { q: 'prenom' },
};

describe('two parents', () => {
  it('no dossiers route returns the other household’s data, and none changes it', async () => {
    const structure = '22222222-2222-4222-8222-222222222222';
    const a = await family('alpha', structure);
    const b = await family('bravo', structure);
    const routes = env.routes.filter((r) => r.url.startsWith('/api/dossiers'));
    expect(routes.length).toBeGreaterThan(40);
    const snapshot = async (f: Family) => {
      const file = (await f.client.get('/api/dossiers/me/export.json')).json().file;
      return JSON.stringify({ ...file, version: undefined, updatedAt: undefined });
    };
    const walk = async (walker: Family, victim: Family, only: (url: string) => boolean, allowed: string[] = []) => {
      let n = 0;
      for (const r of routes.filter((x) => only(x.url))) {
        const url = r.url
          .replace(':id', victim.id)
          .replace(':documentId', victim.documentId)
          .replace(':consentId', victim.consentId)
          .replace(':formId', 'droits.simulation');
        const body = BODIES[`${r.method} ${r.url}`] ?? (r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        const res = await walker.client.request(r.method, url, body);
        expect(res.statusCode, `${r.method} ${url}`).toBeLessThan(500);
        for (const v of victim.values) if (!allowed.includes(v)) expect(res.body, `${r.method} ${r.url} leaked ${v}`).not.toContain(v);
        if (!allowed.includes(victim.id)) expect(res.body, `${r.method} ${r.url} leaked the id`).not.toContain(victim.id);
        n++;
      }
      return n;
    };
    const notErase = (u: string) => !u.endsWith('/erase');
    let walked = 0;
    for (const [walker, victim] of [
      [b, a],
      [a, b],
    ] as const) {
      const before = await snapshot(victim);
      walked += await walk(walker, victim, notErase);
      // The victim's file is unchanged by the other parent's walk.
      expect(await snapshot(victim)).toBe(before);
    }
    expect(walked).toBe(2 * routes.filter((r) => notErase(r.url)).length);
    // A partner of another structure sees nothing; the consented one (orientation, children) only the children part.
    const childPart = a.values.filter((v) => /enfant|ecole/.test(v));
    expect(childPart).toHaveLength(3);
    for (const [structureId, allowed] of [
      ['66666666-6666-4666-8666-666666666666', []],
      [structure, [a.id, ...childPart]],
    ] as const) {
      const partner = await env.as('partner', { structureId });
      const before = await snapshot(a);
      await walk({ ...a, client: partner as Family['client'] }, a, notErase, [...allowed]);
      expect(await snapshot(a)).toBe(before);
    }
    // Last, erasure routes as b: b's own file goes, a's stays.
    const before = await snapshot(a);
    await walk(b, a, (u) => u.endsWith('/erase'));
    expect(await snapshot(a)).toBe(before);
    expect((await b.client.get('/api/dossiers/me')).statusCode).toBe(401);
  });
});

/** A row as the export carries it: dates as ISO strings, stored hashes as hex. */
function asExported(table: string, row: Record<string, unknown>) {
  const out = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? `\\x${v.toString('hex')}` : v]));
  if (table === 'users' && out.password_hash) out.password_hash = '(enregistré, non exporté)';
  return JSON.parse(JSON.stringify(out));
}

/**
 * Every row of every table that names the person: a uuid or text column equal to their
 * account id, household id, e-mail or phone, or a hash column equal to the hash of an
 * identifier (rate-limit keys).
 */
async function rowsAbout(ids: string[], identifiers: string[]) {
  const db = env.rt.deps.db;
  const { rows: cols } = await db.query<{ t: string; c: string; type: string }>(
    `SELECT c.table_name AS t, c.column_name AS c, c.data_type AS type
       FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type IN ('uuid', 'text', 'character varying', 'bytea')
      ORDER BY 1, 2`,
  );
  const hashes = identifiers.map((i) => crypto.createHash('sha256').update(i).digest());
  const found = new Map<string, Map<string, Record<string, unknown>>>();
  for (const { t, c, type } of cols) {
    const { rows } =
      type === 'bytea'
        ? await db.query(`SELECT * FROM "${t}" WHERE "${c}" = ANY($1)`, [hashes])
        : await db.query(`SELECT * FROM "${t}" WHERE "${c}"::text = ANY($1)`, [[...ids, ...identifiers]]);
    for (const r of rows) {
      if (!found.has(t)) found.set(t, new Map());
      found.get(t)!.set(JSON.stringify(asExported(t, r)), r);
    }
  }
  return found;
}

describe('export', () => {
  it('holds every row of every table about the person, the platform’s included', async () => {
    const f = await family('charlie', '33333333-3333-4333-8333-333333333333');
    const agent = await env.as('agent');
    await agent.post(`/api/dossiers/households/${f.id}/open`, { reason: 'Suivi' });
    await agent.post(`/api/dossiers/households/${f.id}/notes`, { body: 'Note charlie' });
    await agent.post(`/api/dossiers/households/${f.id}/orientations`, { structureId: '33333333-3333-4333-8333-333333333333', note: 'Orientation charlie' });
    // Account-level rows: a failed login, a reset link (and its message and rate-limit event), the session.
    const email = f.client.user.email!;
    expect((await env.client({ remoteAddress: '192.0.2.44' }).login(email, 'pas-le-bon-mot-de-passe')).statusCode).toBe(401);
    expect((await env.client().post('/api/auth/password-reset', { identifier: email })).statusCode).toBe(202);
    const about = await rowsAbout([f.id, f.client.user.id], [email]);
    for (const t of [
      'users',
      'sessions',
      'password_resets',
      'login_failures',
      'notifications',
      'throttle_events',
      'audit_log',
      'households',
      'household_members',
      'household_notes',
    ]) {
      expect(about.get(t)?.size, t).toBeGreaterThan(0);
    }
    const exp = await f.client.get('/api/dossiers/me/export.json');
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-disposition']).toContain('attachment');
    const data = exp.json();
    let total = 0;
    for (const [table, rows] of about) {
      for (const key of rows.keys()) {
        expect(data.stored[table] ?? [], `${table} row missing from the export: ${key}`).toContainEqual(JSON.parse(key));
        total++;
      }
    }
    expect(total).toBeGreaterThan(25);
    // Secrets are never exported, not even hashed passwords.
    expect(JSON.stringify(data)).not.toMatch(/\$argon2/);
    for (const k of [
      'household_members',
      'household_children',
      'household_documents',
      'household_changes',
      'household_consents',
      'household_orientations',
      'household_notes',
    ]) {
      expect(data.stored[k].length, k).toBeGreaterThan(0);
    }
    expect(data.account.email).toBe(email);
    const html = await f.client.get('/api/dossiers/me/export.html');
    expect(html.headers['content-type']).toContain('text/html');
    for (const v of ['charlieprenom', 'charlieenfantun', 'charlie impasse des Essais']) expect(html.body).toContain(v);
    expect(html.body).not.toContain('<script');
    // The readable part (all but the raw dump at the end) shows no code, field name, id, cents or ISO date.
    const readable = html.body.split('<h2>Toutes les données enregistrées')[0].replace(/<[^>]+>/g, ' ');
    expect(readable).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b|\d{4}-\d{2}-\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-|Cents|null →/);
  });
});

/** Every text-like column of every table, in every schema, searched for the values. */
async function findEverywhere(values: string[]): Promise<string[]> {
  const db = env.rt.deps.db;
  const { rows: cols } = await db.query<{ s: string; t: string; c: string }>(
    `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c
       FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
  );
  const hits: string[] = [];
  for (const col of cols) {
    for (const v of values) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${col.s}"."${col.t}" WHERE "${col.c}"::text ILIKE '%' || $1 || '%'`, [v]);
      if (rows[0].n > 0) hits.push(`${col.s}.${col.t}.${col.c}: ${v}`);
    }
  }
  return hits;
}

/** Files of the data directory (outbox, uploads…, not the database cluster) whose name or content holds one of the values. */
function filesHolding(values: string[]): string[] {
  const root = env.rt.deps.config.dataDir;
  const hits: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== path.join(root, 'pg')) walk(p);
      } else {
        const text = `${e.name}\n${fs.readFileSync(p, 'latin1')}`.toLowerCase();
        if (values.some((v) => text.includes(v.toLowerCase()))) hits.push(p);
      }
    }
  };
  walk(root);
  return hits;
}

describe('erasure', () => {
  afterAll(() => wireDossiers(modules));

  it('leaves no personal data in any table except what retention keeps, then purges it', async () => {
    const structure = '44444444-4444-4444-8444-444444444444';
    const f = await family('delta', structure);
    const partner = await env.as('partner', { structureId: structure });
    const agent = await env.as('agent');
    await agent.post(`/api/dossiers/households/${f.id}/open`, { reason: 'Suivi' });
    await agent.post(`/api/dossiers/households/${f.id}/notes`, { body: 'A appelé pour deltaenfantun' });
    const o = (await agent.post(`/api/dossiers/households/${f.id}/orientations`, { structureId: structure, note: 'Pour deltaprenom' })).json();
    await partner.post(`/api/dossiers/partner/orientations/${o.id}/accept`, { accept: true });
    await partner.post(`/api/dossiers/partner/orientations/${o.id}/outcome`, { outcome: 'accompanied', note: 'Vu deltaprenom' });
    // a renewal and its notification (with the parent's e-mail as recipient)
    setClock('2026-09-02T08:00:00+02:00');
    await env.rt.deps.jobs.runNow('dossiers.open-renewals', {});
    setClock('2026-10-01T10:00:00+02:00');
    // Sessions expire meanwhile: log in again (the clock moved months ahead).
    await f.client.login(f.client.user.email!);
    await agent.login(agent.user.email!);
    expect(await findEverywhere([f.client.user.email!])).not.toEqual([]);
    const uploads = path.join(env.rt.deps.config.dataDir, 'uploads', 'dossiers');
    const stored = (await env.rt.deps.db.query(`SELECT storage_name FROM household_documents WHERE household_id = $1`, [f.id])).rows[0].storage_name;
    expect(fs.existsSync(path.join(uploads, stored))).toBe(true);

    // Messages to the family written to the outbox folder (no SMTP here): the renewal, a reset link.
    expect((await env.client().post('/api/auth/password-reset', { identifier: f.client.user.email! })).statusCode).toBe(202);
    const sent = (await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM notifications WHERE user_id = $1`, [f.client.user.id])).rows;
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const n of sent) await deliver(env.rt.deps, n.id);
    expect(filesHolding([f.client.user.email!]).some((p) => p.includes(`${path.sep}outbox${path.sep}`))).toBe(true);
    expect(fs.readdirSync(path.join(env.rt.deps.config.dataDir, 'outbox')).join(' ')).not.toContain(f.client.user.email!);
    // A granted aid: the law keeps the beneficiary's last name for 10 years.
    wireDossiers([
      ...modules,
      {
        name: 'test-aides',
        hooks: {
          dossiers: {
            retention: async (_q, householdId) =>
              householdId === f.id
                ? [
                    {
                      category: 'aides.granted-aid',
                      reference: 'aid-1',
                      legalBasis: 'Comptabilité publique (10 ans)',
                      retainUntil: '2036-12-31',
                      keep: ['parent.lastName'],
                    },
                  ]
                : [],
          },
        },
      },
    ]);
    expect((await f.client.post('/api/dossiers/me/erase', { confirm: 'non' })).statusCode).toBe(422);
    const r = await f.client.post('/api/dossiers/me/erase', { confirm: 'EFFACER' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ erased: true, retained: 1 });
    expect((await env.expectAudit('dossiers/erased', f.id, { actorId: f.client.user.id })).details).toEqual({ retained: 1 });
    expect(fs.existsSync(path.join(uploads, stored))).toBe(false);

    const hits = await findEverywhere(f.values);
    expect(hits).toEqual(['public.dossier_retention.kept: deltafamille']);
    // Nor in any file of the data directory (outbox messages, uploads).
    expect(filesHolding(f.values)).toEqual([]);
    // The account is closed: no more login, no file.
    expect((await f.client.get('/api/dossiers/me')).statusCode).toBe(401);
    // The coordinator sees the schedule, without the kept values.
    const coord = await env.as('coordinator');
    const sched = (await coord.get('/api/dossiers/retention')).json();
    expect(sched).toHaveLength(1);
    expect(sched[0]).toMatchObject({ category: 'aides.granted-aid', retainUntil: '2036-12-31', keptFields: ['parent.lastName'] });
    expect(JSON.stringify(sched)).not.toContain('deltafamille');
    // The agent can no longer open it.
    expect((await agent.post(`/api/dossiers/households/${f.id}/open`, { reason: 'Suivi' })).statusCode).toBe(410);

    // Before the date, the purge keeps it; after, nothing is left anywhere.
    await env.rt.deps.jobs.runNow('dossiers.purge-retention', {});
    expect(await findEverywhere(['deltafamille'])).toHaveLength(1);
    setClock('2037-01-01T10:00:00+01:00');
    const mark = await env.auditMark();
    await env.rt.deps.jobs.runNow('dossiers.purge-retention', {});
    await env.expectAudit('dossiers/retention-purged', null, { after: mark, householdId: f.id, actorId: null });
    expect(await findEverywhere(f.values)).toEqual([]);
    setClock('2026-03-10T10:00:00+01:00');
  });
});
