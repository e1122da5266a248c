/** Garde partagée through HTTP on real PostgreSQL: forming a cooperative, its limits, the month's exact split. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { localizeMessage } from '../../platform/http/field-messages';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };
let n = 0;

async function family(neighbourhoodId = 'etouvie'): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  n++;
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName: `Parent${n}`, lastName: 'Coop', birthDate: '1988-01-12' },
    children: [{ firstName: 'Inès', birthDate: '2024-04-01' }],
    address: { line: `${n} rue des Lilas`, postalCode: '80000', inseeCode: '80021', neighbourhoodId },
  });
  expect(res.statusCode).toBe(201);
  return { parent, householdId: res.json().household.id };
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

/** The childminder's hours (Monday, Tuesday, Thursday, Friday 16:30–19:30) and a need within them. */
const HOURS = { weekdays: [1, 2, 4, 5], from: '16:30', to: '19:30' };
const NEED = { weekdays: [1, 4], from: '17:00', to: '19:00' };

/** Full days, Monday to Friday (50 h a week), and a need of three of them (30 h). */
const DAYS = { weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' };
const DAYS_NEED = { weekdays: [1, 2, 4], from: '08:00', to: '18:00' };

it('two families form a cooperative and see their monthly split, exact to the cent', async () => {
  const a = await family();
  const b = await family('saint-maurice'); // a neighbouring quarter (centres ≈ 1.5 km apart)
  const created = await a.parent.post('/api/entraide/coops', { name: 'Les Lilas', hourlyCostCents: 1157, minutesPerWeek: 20 * 60, custody: 'all', ...DAYS });
  expect(created.statusCode).toBe(201);
  const coopId = created.json().id;
  await env.expectAudit('entraide/coop-created', coopId, { actorId: a.parent.user.id });

  const open = (await b.parent.get('/api/entraide/coops')).json().open;
  expect(open.map((c: { id: string }) => c.id)).toContain(coopId);
  expect((await b.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 13 * 60, custody: 'odd', ...DAYS_NEED })).statusCode).toBe(200);
  await env.expectAudit('entraide/coop-joined', coopId, { actorId: b.parent.user.id });
  expect((await b.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 60, ...DAYS_NEED })).json().error.code).toBe('entraide/coop-member');

  // One week differs: holidays for family A the week of 16 March.
  expect((await a.parent.put(`/api/entraide/coops/${coopId}/weeks/2026-03-16`, { minutes: 0 })).statusCode).toBe(200);
  await env.expectAudit('entraide/coop-week-set', coopId, { actorId: a.parent.user.id });
  expect((await a.parent.put(`/api/entraide/coops/${coopId}/weeks/2026-03-17`, { minutes: 0 })).json().error.fields[0].path).toBe('monday');

  const sa = (await a.parent.get(`/api/entraide/coops/${coopId}/split?month=2026-03`)).json();
  const sb = (await b.parent.get(`/api/entraide/coops/${coopId}/split?month=2026-03`)).json();
  // March 2026: Mondays 2, 9, 16, 23, 30; B (odd weeks 11, 13) on the 9th and 23rd.
  // A: 4 × 1200 = 4800 min (not the 16th); B: 2 × 780 = 1560; the childminder works the longest each week:
  // 1200 (2nd) + 1200 (9th) + 0 (16th) + 1200 (23rd) + 1200 (30th) = 4800 min → 4800 × 11,57 € / 60 = 925,60 €.
  expect(sa.childminderMinutes).toBe(4800);
  expect(sa.totalCents).toBe(92_560);
  expect(sa.families.reduce((s: number, f: { cents: number }) => s + f.cents, 0)).toBe(sa.totalCents);
  expect(sa.myCents + sb.myCents).toBe(sa.totalCents);
  expect(sa.families.find((f: { mine: boolean }) => f.mine).minutes).toBe(4800);
  expect(sb.families.find((f: { mine: boolean }) => f.mine).minutes).toBe(1560);
  expect(sa.roundingRule).toContain('centime');

  // The CMG estimate on A's share (the largest remainder gives A the cent: 925,60 € × 4800 / 6360 = 698,566… → 698,57 €):
  // 80 h at ≈ 8,73 € (under the 15 € cap), 1 500 € a month, 1 child → the family's part is 1 500 × 0,1238 % / 10,38 = 17,89 %:
  // aid = 698,57 € × (1 − 0,178902) = 573,59 €; participation 8,73 € × 17,89 % ≈ 1,56 € an hour.
  expect(sa.myCents).toBe(69_857);
  const cmg = await a.parent.get(`/api/entraide/coops/${coopId}/cmg?month=2026-03&resources=1500&children=1`);
  expect(cmg.statusCode).toBe(200);
  expect(cmg.json()).toMatchObject({ myCents: 69_857, minutes: 4800, cmgCents: 57_359, leftCents: 12_498, participationPerHourCents: 156 });
  const bad = await a.parent.get(`/api/entraide/coops/${coopId}/cmg?month=2026-03&resources=-5&children=1`);
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.fields[0].path).toBe('resources');
  expect((await a.parent.get(`/api/entraide/coops/${coopId}/cmg?month=2026-03&resources=1500&children=0`)).json().error.fields[0].path).toBe('children');

  // An outsider sees nothing; a fifth family is refused; a far quarter is refused.
  const c = await family();
  expect((await c.parent.get(`/api/entraide/coops/${coopId}/split?month=2026-03`)).statusCode).toBe(404);
  expect((await c.parent.get(`/api/entraide/coops/${coopId}/cmg?month=2026-03&resources=1500&children=1`)).statusCode).toBe(404);
  expect((await c.parent.put(`/api/entraide/coops/${coopId}/weeks/2026-03-16`, { minutes: 60 })).statusCode).toBe(404);
  const far = await family('sud');
  expect((await far.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 60, ...DAYS_NEED })).json().error.code).toBe('entraide/coop-too-far');
  expect((await c.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 60, ...DAYS_NEED })).statusCode).toBe(200);
  const d = await family();
  expect((await d.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 60, ...DAYS_NEED })).statusCode).toBe(200);
  const e = await family();
  expect((await e.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 60, ...DAYS_NEED })).json().error.code).toBe('entraide/coop-full');
  // An agent is not a family.
  const agent = await env.as('agent');
  expect((await agent.get('/api/entraide/coops')).statusCode).toBe(403);
});

it('concurrent joins never pass four families', async () => {
  const a = await family();
  const coopId = (await a.parent.post('/api/entraide/coops', { name: 'Concurrence', hourlyCostCents: 1200, minutesPerWeek: 600, ...HOURS })).json().id;
  const others = await Promise.all(Array.from({ length: 6 }, () => family()));
  const res = await Promise.all(others.map((o) => o.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 240, ...NEED })));
  expect(res.filter((r) => r.statusCode === 200)).toHaveLength(3);
  expect(res.filter((r) => r.statusCode === 409)).toHaveLength(3);
});

it('compatible hours: a family joins only when the days and hours it needs fall within the childminder’s; bad hours name their field', async () => {
  const a = await family();
  const created = await a.parent.post('/api/entraide/coops', { name: 'Les Mésanges', hourlyCostCents: 1200, minutesPerWeek: 600, ...HOURS });
  expect(created.statusCode).toBe(201);
  const coopId = created.json().id;
  const listed = (await (await family()).parent.get('/api/entraide/coops')).json().open.find((c: { id: string }) => c.id === coopId);
  expect(listed.hours).toEqual(HOURS);

  const b = await family();
  const join = (need: Record<string, unknown>) => b.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 120, ...need });
  // Wednesday: no garde that day.
  let r = await join({ weekdays: [1, 3], from: '17:00', to: '19:00' });
  expect(r.statusCode).toBe(409);
  expect(r.json().error).toMatchObject({ code: 'entraide/coop-hours', fields: [{ path: 'weekdays' }] });
  // Before the childminder starts, after she leaves.
  r = await join({ weekdays: [1], from: '16:00', to: '18:00' });
  expect(r.json().error.fields[0]).toEqual({ path: 'from', message: 'La garde de cette coopérative commence à 16 h 30.' });
  r = await join({ weekdays: [1], from: '17:00', to: '20:00' });
  expect(r.json().error.fields[0]).toEqual({ path: 'to', message: 'La garde de cette coopérative finit à 19 h 30.' });
  // Malformed hours: 400 with the field, nothing written.
  expect((await join({ weekdays: [], from: '17:00', to: '19:00' })).json().error.fields[0].path).toBe('weekdays');
  expect((await join({ weekdays: [1], from: '19:00', to: '17:00' })).json().error.fields[0].path).toBe('to');
  expect((await join({ weekdays: [1], from: '7h', to: '19:00' })).json().error.fields[0].path).toBe('from');
  expect((await join({ weekdays: [8], from: '17:00', to: '19:00' })).statusCode).toBe(400);
  const members = await env.rt.deps.db.query('SELECT 1 FROM entraide_coop_members WHERE coop_id = $1', [coopId]);
  expect(members.rows).toHaveLength(1);
  // Within the hours: joins.
  expect((await join(NEED)).statusCode).toBe(200);
  await env.expectAudit('entraide/coop-joined', coopId, { actorId: b.parent.user.id });
  // Creating one requires its hours.
  const noHours = await a.parent.post('/api/entraide/coops', { name: 'Sans horaires', hourlyCostCents: 1200, minutesPerWeek: 600 });
  expect(noHours.statusCode).toBe(400);
  expect(noHours.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['weekdays', 'from', 'to']));
});

it('weekly hours that fit: a family states no more hours a week than its days and hours hold; the field is named, nothing written', async () => {
  const a = await family();
  // HOURS: four days of 3 h = 12 h a week.
  const tooMany = await a.parent.post('/api/entraide/coops', { name: 'Trop d’heures', hourlyCostCents: 1200, minutesPerWeek: 13 * 60, ...HOURS });
  expect(tooMany.statusCode).toBe(422);
  expect(tooMany.json().error.fields).toEqual([
    { path: 'minutesPerWeek', message: 'Au plus 12 h par semaine : ces jours et ces horaires n’en comptent pas plus.' },
  ]);
  expect((await env.rt.deps.db.query("SELECT 1 FROM entraide_coops WHERE name = 'Trop d’heures'")).rows).toHaveLength(0);
  const created = await a.parent.post('/api/entraide/coops', { name: 'Juste assez', hourlyCostCents: 1200, minutesPerWeek: 12 * 60, ...HOURS });
  expect(created.statusCode).toBe(201);
  const coopId = created.json().id;

  // NEED: two days 17:00–19:00 = 4 h; one day 17:00–18:45 = 1 h 45; one day 17:00–18:05 = 1 h 05.
  const b = await family();
  const over = await b.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 5 * 60, ...NEED });
  expect(over.statusCode).toBe(422);
  expect(over.json().error.fields[0]).toEqual({
    path: 'minutesPerWeek',
    message: 'Au plus 4 h par semaine : ces jours et ces horaires n’en comptent pas plus.',
  });
  const odd = await b.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 120, weekdays: [2], from: '17:00', to: '18:45' });
  expect(odd.json().error.fields[0].message).toBe('Au plus 1 h 45 par semaine : ces jours et ces horaires n’en comptent pas plus.');
  const five = await b.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 120, weekdays: [2], from: '17:00', to: '18:05' });
  expect(five.json().error.fields[0].message).toBe('Au plus 1 h 05 par semaine : ces jours et ces horaires n’en comptent pas plus.');
  // In English and Arabic, the same limit in their words (field-messages catalogues).
  expect(localizeMessage(odd.json().error.fields[0].message, 'en')).toEqual({
    message: 'At most 1 h 45 min a week: these days and hours hold no more.',
    lang: 'en',
  });
  expect(localizeMessage(over.json().error.fields[0].message, 'ar').lang).toBe('ar');
  expect((await env.rt.deps.db.query('SELECT 1 FROM entraide_coop_members WHERE coop_id = $1', [coopId])).rows).toHaveLength(1);
  expect((await b.parent.post(`/api/entraide/coops/${coopId}/join`, { minutesPerWeek: 4 * 60, ...NEED })).statusCode).toBe(200);

  // A week's entry too: b needs at most 4 h a week.
  const week = await b.parent.put(`/api/entraide/coops/${coopId}/weeks/2026-03-16`, { minutes: 5 * 60 });
  expect(week.statusCode).toBe(422);
  expect(week.json().error.fields[0].path).toBe('minutes');
  expect((await env.rt.deps.db.query('SELECT 1 FROM entraide_coop_weeks WHERE coop_id = $1', [coopId])).rows).toHaveLength(0);
  expect((await b.parent.put(`/api/entraide/coops/${coopId}/weeks/2026-03-16`, { minutes: 4 * 60 })).statusCode).toBe(200);
  await env.expectAudit('entraide/coop-week-set', coopId, { actorId: b.parent.user.id });
});
