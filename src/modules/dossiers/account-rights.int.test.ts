/**
 * The data rights belong to the person, not to the file (RGPD art. 15, 17, 20): a parent who
 * has an account but no household file (it proposed and supported ideas, joined a parents'
 * group and wrote in it, sent a form again…) exports everything keyed by its account, in JSON
 * and as a printable page, and erases it; the modules' account hooks do their part (pilotage,
 * groupes), the platform's account rows go, the account is closed. Nobody else can do it for
 * it: no id in the URL, the session and the CSRF token are the parent's, agents are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';

let env: TestEnv;
type Client = Awaited<ReturnType<TestEnv['as']>>;
let coord: Client;
let facil: Client;
let plan: string;
let axis: string;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  coord = await env.as('coordinator');
  facil = await env.as('agent');
  plan = (await coord.post('/api/pilotage/plans', { title: 'Plan des familles' })).json().id;
  axis = (await coord.post(`/api/pilotage/plans/${plan}/axes`, { code: 'Axe 1', title: 'Rompre l’isolement' })).json().id;
  expect((await coord.put(`/api/pilotage/plans/${plan}/ideation`, { open: true })).statusCode).toBe(200);
});
afterAll(() => env.close());

const idea = (title: string) => ({ planId: plan, axisId: axis, title, body: 'Un lieu pour se retrouver entre parents solos, avec un coin enfants.' });

async function propose(c: TestClient, title: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await c.request('POST', '/api/pilotage/ideas', idea(title), headers);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function publish(id: string) {
  expect((await coord.post(`/api/pilotage/ideas/${id}/moderation`, { decision: 'publish' })).statusCode).toBe(200);
}

async function newRoom(): Promise<string> {
  const res = await coord.post('/api/groupes/rooms', { name: `Groupe ${Math.random()}`, theme: 'separation' });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  expect((await coord.post(`/api/groupes/rooms/${id}/facilitators`, { userId: facil.user.id, pseudonym: 'Claire (psy)' })).statusCode).toBe(200);
  return id;
}

/** Every text-like column of every table, searched for the values: where each is still found. */
async function findEverywhere(values: string[]): Promise<string[]> {
  const db = env.rt.deps.db;
  const { rows: cols } = await db.query<{ t: string; c: string }>(
    `SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
  );
  const hits: string[] = [];
  for (const { t, c } of cols) {
    const { rows } = await db.query<{ v: string }>(
      `SELECT v FROM unnest($1::text[]) v WHERE EXISTS (SELECT 1 FROM "${t}" WHERE "${c}"::text ILIKE '%' || v || '%')`,
      [values],
    );
    hits.push(...rows.map((r) => `${t}.${c}: ${r.v}`));
  }
  return hits;
}

const count = async (sql: string, params: unknown[]) => (await env.rt.deps.db.query<{ n: number }>(sql, params)).rows[0]!.n;

/** A parent without a household file who did a bit of everything an account can do alone. */
async function accountOnly(tag: string) {
  const parent = await env.as('parent', { displayName: `Compte ${tag}` });
  expect((await parent.get('/api/dossiers/me')).json()).toMatchObject({ household: null });
  const published = await propose(parent, `Un vestiaire solidaire ${tag}`, { 'idempotency-key': `cle-${tag}-0001` });
  await publish(published);
  const pending = await propose(parent, `Une idée pas encore relue ${tag}`);
  // An idea of a workshop, published at once by the coordination: the parent supports it.
  const other = (await coord.post('/api/pilotage/ideas/workshop', { ...idea(`Des ateliers cuisine ${tag}`), workshop: 'Atelier du centre social' })).json().id;
  expect((await parent.post(`/api/pilotage/ideas/${other}/support`)).statusCode).toBeLessThan(300);
  const room = await newRoom();
  expect((await parent.post(`/api/groupes/rooms/${room}/join`, { pseudonym: `Pseudo${tag}` })).statusCode).toBe(200);
  const posted = await parent.post(`/api/groupes/rooms/${room}/messages`, { body: `un message de ${tag}` });
  expect(posted.statusCode).toBeLessThan(300);
  return { parent, published, pending, other, room };
}

describe('a parent without a household file', () => {
  it('exports everything its account holds, as JSON and as a printable page, audited', async () => {
    const a = await accountOnly('alba');
    // In the group: another parent writes; this one reports the message, then blocks its author.
    const neighbour = await env.as('parent');
    await neighbour.post(`/api/groupes/rooms/${a.room}/join`, { pseudonym: 'Voisin' });
    const seq = (await neighbour.post(`/api/groupes/rooms/${a.room}/messages`, { body: 'un message du voisin' })).json().message.seq;
    expect((await a.parent.post(`/api/groupes/rooms/${a.room}/messages/${seq}/report`, { reason: 'Raison de alba' })).statusCode).toBeLessThan(300);
    expect((await a.parent.post(`/api/groupes/rooms/${a.room}/messages/${seq}/block`)).statusCode).toBeLessThan(300);
    const mark = await env.auditMark();
    const res = await a.parent.get('/api/dossiers/me/export.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="mes-donnees-2026-03-10\.json"/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json();
    expect(data).toMatchObject({ file: null, history: [], accessLog: [], account: { displayName: 'Compte alba', email: a.parent.user.email } });
    const s = data.stored;
    expect(s.users).toHaveLength(1);
    expect(s.users[0].password_hash).toBe('(enregistré, non exporté)');
    expect(s.sessions.length).toBeGreaterThan(0);
    expect(s.pilotage_proposals.map((p: { id: string }) => p.id).sort()).toEqual([a.published, a.pending].sort());
    expect(s.pilotage_supports).toEqual([expect.objectContaining({ proposal_id: a.other })]);
    expect(s.groupes_members).toEqual([expect.objectContaining({ room_id: a.room, pseudonym: 'Pseudoalba' })]);
    expect(s.groupes_messages).toEqual([expect.objectContaining({ room_id: a.room, body: 'un message de alba' })]);
    expect(s.groupes_reports).toEqual([expect.objectContaining({ room_id: a.room, reason: 'Raison de alba' })]);
    expect(s.groupes_blocks).toHaveLength(1);
    // Not the other's message: it is someone else's (whom it blocked is in the groupes rows neither; the audit entry names the account, as stored).
    expect(JSON.stringify(s)).not.toContain('un message du voisin');
    expect(JSON.stringify(s.groupes_blocks)).not.toContain(neighbour.user.id);
    expect(s.idempotency_keys).toEqual([expect.objectContaining({ key: 'cle-alba-0001', path: '/api/pilotage/ideas' })]);
    expect(s.audit_log.some((e: { action: string }) => e.action === 'pilotage/proposal-created')).toBe(true);
    // No other person's row: the coordinator's idea is exported only as the supported one's title.
    expect(JSON.stringify(s)).not.toContain(coord.user.email!);
    const entry = await env.expectAudit('dossiers/exported', a.parent.user.id, { after: mark, actorId: a.parent.user.id });
    expect(entry).toMatchObject({ householdId: null, subjectType: 'user' });

    const html = await a.parent.get('/api/dossiers/me/export.html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<h1>Mes données</h1>');
    expect(html.body).toContain('Compte alba');
    for (const label of [
      'Votre compte',
      'Idées proposées',
      'Idées soutenues',
      'Groupes de parole rejoints',
      'Messages dans les groupes de parole',
      'Connexions à votre compte',
    ])
      expect(html.body).toContain(label);
    expect(html.body).not.toContain('<script');
    // People read words: no table or field name, no id, no ISO date, no code.
    const text = html.body
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(a.parent.user.email!, '');
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b|\d{4}-\d{2}-\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-|null|undefined/);
  });

  it('erases it: supports still counted, published idea without author, unpublished deleted, group content gone, account closed', async () => {
    const a = await accountOnly('bruno');
    const neighbour = await env.as('parent');
    const room = a.room;
    expect((await neighbour.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Voisine' })).statusCode).toBe(200);
    await neighbour.post(`/api/groupes/rooms/${room}/messages`, { body: 'je reste' });
    const before = (await neighbour.get(`/api/pilotage/ideas?planId=${plan}`)).json().proposals.find((p: { id: string }) => p.id === a.other);
    expect(before.supports).toBe(1);

    // The confirmation word is required, with the field named; nothing changes without it.
    const wrong = await a.parent.post('/api/dossiers/me/erase', { confirm: 'oui' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].path).toBe('confirm');
    expect(await count(`SELECT count(*)::int AS n FROM pilotage_supports WHERE user_id = $1`, [a.parent.user.id])).toBe(1);

    const mark = await env.auditMark();
    const res = await a.parent.post('/api/dossiers/me/erase', { confirm: 'effacer' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ erased: true, retained: 0 });
    const entry = await env.expectAudit('dossiers/erased', a.parent.user.id, { after: mark, actorId: a.parent.user.id });
    expect(entry).toMatchObject({ householdId: null, subjectType: 'user', details: { retained: 0 } });

    // pilotage: the support is gone but still counted; the published idea stays without its author; the pending one is deleted.
    expect(await count(`SELECT count(*)::int AS n FROM pilotage_supports WHERE user_id = $1`, [a.parent.user.id])).toBe(0);
    const after = (await neighbour.get(`/api/pilotage/ideas?planId=${plan}`)).json().proposals.find((p: { id: string }) => p.id === a.other);
    expect(after.supports).toBe(1);
    const staff = (await coord.get(`/api/pilotage/ideas/staff?planId=${plan}`)).json().proposals;
    expect(staff.find((p: { id: string }) => p.id === a.published)).toMatchObject({ authorName: null });
    expect(staff.find((p: { id: string }) => p.id === a.pending)).toBeUndefined();
    expect(await count(`SELECT count(*)::int AS n FROM pilotage_proposals WHERE author_id = $1`, [a.parent.user.id])).toBe(0);
    // groupes: its messages and membership are gone, the others' stay.
    expect(await count(`SELECT count(*)::int AS n FROM groupes_messages WHERE author_id = $1`, [a.parent.user.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM groupes_members WHERE user_id = $1`, [a.parent.user.id])).toBe(0);
    const left = (await neighbour.get(`/api/groupes/rooms/${room}/messages`)).json().messages.map((m: { body: string }) => m.body);
    expect(left).toEqual(['je reste']);
    // The platform: no session, no kept form answer; the account anonymised and closed.
    expect(await count(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [a.parent.user.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM idempotency_keys WHERE user_id = $1`, [a.parent.user.id])).toBe(0);
    const { rows } = await env.rt.deps.db.query(`SELECT display_name, phone, password_hash, disabled_at FROM users WHERE id = $1`, [a.parent.user.id]);
    expect(rows[0]).toMatchObject({ display_name: 'Compte effacé', phone: null, password_hash: null });
    expect(rows[0].disabled_at).not.toBeNull();
    expect((await a.parent.get('/api/dossiers/me')).statusCode).toBe(401);
    // No text column of any table still holds its name, pseudonym, message or unpublished idea.
    expect(await findEverywhere(['Compte bruno', 'Pseudobruno', 'un message de bruno', 'Une idée pas encore relue bruno', a.parent.user.email!])).toEqual([]);
    // (A later try with its old e-mail is refused; that try is recorded as any failed login.)
    expect((await env.client().login(a.parent.user.email!)).statusCode).toBe(401);
  });

  it('nobody else can export or erase it: no id to aim at, the session and the CSRF token are the parent’s, staff are refused', async () => {
    const a = await accountOnly('carla');
    const other = await env.as('parent');
    // Another parent's calls act on its own account only.
    const theirs = (await other.get('/api/dossiers/me/export.json')).json();
    expect(theirs.account.email).toBe(other.user.email);
    expect(JSON.stringify(theirs)).not.toContain('carla');
    expect((await other.get('/api/dossiers/me/export.html')).body).not.toContain('carla');
    // Without a session: refused; with the session but another CSRF token: refused, nothing erased.
    expect((await env.client().get('/api/dossiers/me/export.json')).statusCode).toBe(401);
    expect((await env.client().post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBeGreaterThanOrEqual(401);
    const forged = await a.parent.request('POST', '/api/dossiers/me/erase', { confirm: 'EFFACER' }, { 'x-csrf-token': 'pas-le-bon-jeton' });
    expect(forged.statusCode).toBe(403);
    const stolen = await a.parent.request('POST', '/api/dossiers/me/erase', { confirm: 'EFFACER' }, { 'x-csrf-token': other.cookies.get('relais_csrf')! });
    expect(stolen.statusCode).toBe(403);
    // Staff have their own routes (by household, with a reason): the parent's are refused to them.
    for (const role of ['agent', 'coordinator', 'partner', 'admin'] as const) {
      const staff = await env.as(role);
      expect((await staff.get('/api/dossiers/me/export.json')).statusCode, role).toBe(403);
      expect((await staff.get('/api/dossiers/me/export.html')).statusCode, role).toBe(403);
      expect((await staff.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode, role).toBe(403);
    }
    // Still all there, still able to log in.
    expect(await count(`SELECT count(*)::int AS n FROM pilotage_supports WHERE user_id = $1`, [a.parent.user.id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM groupes_messages WHERE author_id = $1`, [a.parent.user.id])).toBe(1);
    expect((await a.parent.get('/api/dossiers/me')).statusCode).toBe(200);
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossiers/erased' AND subject_id = $1`, [
      a.parent.user.id,
    ]);
    expect(rows[0].n).toBe(0);
  });
});

describe('a parent with a household file', () => {
  it('gets the same export as before plus its account’s rows, and its erasure runs the same account hooks', async () => {
    const parent = await env.as('parent', { displayName: 'Compte dora' });
    const created = await parent.post('/api/dossiers/me', {
      parent: { firstName: 'Dora', birthDate: '1990-05-06' },
      address: { postalCode: '80000', neighbourhoodId: 'etouvie' },
    });
    expect(created.statusCode).toBe(201);
    const householdId = created.json().household.id;
    // An agent names it ambassador of its neighbourhood (entraide, keyed by its account); it organises a meeting.
    expect((await facil.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Entraide du quartier' })).statusCode).toBe(200);
    expect((await facil.post(`/api/entraide/households/${householdId}/ambassador`)).statusCode).toBe(200);
    const meeting = await parent.post('/api/entraide/meetings', {
      title: 'Café des parents',
      description: 'On se rencontre, les enfants jouent à côté.',
      place: 'Centre social Étouvie, salle 2',
      startsAt: '2026-03-18T14:00:00+01:00',
      endsAt: '2026-03-18T16:00:00+01:00',
      capacity: 10,
    });
    expect(meeting.statusCode).toBe(201);
    const meetingId = meeting.json().id;
    const mine = await propose(parent, 'Une idée de dora');
    const room = await newRoom();
    await parent.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Pseudodora' });
    await parent.post(`/api/groupes/rooms/${room}/messages`, { body: 'un message de dora' });

    const mark = await env.auditMark();
    const exp = await parent.get('/api/dossiers/me/export.json');
    expect(exp.headers['content-disposition']).toMatch(/filename="mon-dossier-/);
    const data = exp.json();
    expect(data.file).toMatchObject({ id: householdId, parent: { firstName: 'Dora' } });
    expect(data.stored.households).toHaveLength(1);
    expect(data.stored.pilotage_proposals.map((p: { id: string }) => p.id)).toEqual([mine]);
    expect(data.stored.groupes_messages).toEqual([expect.objectContaining({ body: 'un message de dora' })]);
    expect(data.stored.users[0].id).toBe(parent.user.id);
    expect(data.stored.entraide_ambassadors).toEqual([expect.objectContaining({ neighbourhood_id: 'etouvie' })]);
    expect(data.stored.entraide_meetings).toEqual([expect.objectContaining({ id: meetingId, title: 'Café des parents' })]);
    // The audit entries about the file and about the account, once each.
    const ids = data.stored.audit_log.map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    await env.expectAudit('dossiers/exported', householdId, { after: mark, actorId: parent.user.id, householdId });
    expect((await parent.get('/api/dossiers/me/export.html')).body).toContain('<h1>Mon dossier</h1>');

    expect((await parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    await env.expectAudit('dossiers/erased', householdId, { after: mark, actorId: parent.user.id, householdId });
    expect(await count(`SELECT count(*)::int AS n FROM pilotage_proposals WHERE author_id = $1`, [parent.user.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM groupes_messages WHERE author_id = $1`, [parent.user.id])).toBe(0);
    // No longer an ambassador; its meeting stays for the families, without its organiser.
    expect(await count(`SELECT count(*)::int AS n FROM entraide_ambassadors WHERE user_id = $1`, [parent.user.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM entraide_meetings WHERE id = $1 AND organiser_user_id IS NULL`, [meetingId])).toBe(1);
    expect((await parent.get('/api/dossiers/me')).statusCode).toBe(401);
  });
});
