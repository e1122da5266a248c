/** Covoiturage through HTTP on real PostgreSQL: matching at registration, confirmation, contacts, rota, safety. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { family } from './entraide.fixture';

let env: TestEnv;
let sport: string; // "Sport parent et enfant en même temps", club omnisports du Sud (demo directory)
let piscine: string;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await env.seedDemo();
  const { rows } = await env.rt.deps.db.query<{ id: string; nom: string }>(
    "SELECT id, nom FROM annuaire_services WHERE nom LIKE 'Sport parent et enfant%' OR nom LIKE 'Baignade en famille%'",
  );
  sport = rows.find((r) => r.nom.startsWith('Sport'))!.id;
  piscine = rows.find((r) => r.nom.startsWith('Baignade'))!.id;
}, 120_000);
afterAll(() => env.close());

const wednesday = (serviceId: string, extra: Record<string, unknown> = {}) => ({
  serviceId,
  weekday: 3,
  arriveAt: '14:00',
  fromDay: '2026-03-11',
  toDay: '2026-06-24',
  children: 1,
  ...extra,
});

it('two families going to the same Wednesday activity are matched; contacts and the rota once both confirm', async () => {
  const a = await family(env, 'etouvie', { firstName: 'Nadia' });
  const b = await family(env, 'etouvie', { firstName: 'Karim' });
  const first = await a.parent.post('/api/entraide/rides', wednesday(sport, { role: 'driver', seats: 2, hasLicence: true, children: 1 }));
  expect(first.statusCode).toBe(201);
  expect(first.json().crewId).toBeNull();
  await env.expectAudit('entraide/ride-registered', first.json().id, { actorId: a.parent.user.id, householdId: a.householdId });
  let mine = (await a.parent.get('/api/entraide/rides')).json();
  expect(mine.rides[0].state).toBe('waiting');

  const second = await b.parent.post('/api/entraide/rides', wednesday(sport, { role: 'passenger', arriveAt: '13:50' }));
  expect(second.statusCode).toBe(201);
  const crewId = second.json().crewId;
  expect(crewId).not.toBeNull();
  await env.expectAudit('entraide/crew-proposed', crewId);

  // Proposed: the other family is anonymous, no phone.
  mine = (await b.parent.get('/api/entraide/rides')).json();
  expect(mine.rides[0].state).toBe('proposed');
  expect(mine.rides[0].crew.members.map((m: { label: string; contact: unknown }) => [m.label, m.contact])).toEqual([
    ['Famille 2', null],
    ['Votre famille', null],
  ]);
  expect(mine.rides[0].crew.iDrive).toBe(false);

  // Another family cannot confirm someone else's ride; an agent has no ride.
  const c = await family(env);
  expect((await c.parent.post(`/api/entraide/rides/${second.json().id}/confirm`)).statusCode).toBe(404);
  expect((await (await env.as('agent')).post(`/api/entraide/rides/${second.json().id}/confirm`)).statusCode).toBe(403);

  expect((await b.parent.post(`/api/entraide/rides/${second.json().id}/confirm`)).statusCode).toBe(200);
  await env.expectAudit('entraide/ride-confirmed', second.json().id, { actorId: b.parent.user.id });
  expect((await b.parent.get('/api/entraide/rides')).json().rides[0].crew.members[0].contact).toBeNull();
  expect((await a.parent.post(`/api/entraide/rides/${first.json().id}/confirm`)).statusCode).toBe(200);

  mine = (await b.parent.get('/api/entraide/rides')).json();
  const ride = mine.rides[0];
  expect(ride.state).toBe('confirmed');
  const driver = ride.crew.members.find((m: { drives: boolean }) => m.drives);
  expect(driver.label).toBe('Famille de Nadia');
  expect(driver.contact.phone).toMatch(/^0612340/);
  // Only Nadia can drive: every date is hers; the first is Wednesday 11 March.
  expect(ride.crew.rota[0]).toEqual({ date: '2026-03-11', driver: 'Famille de Nadia' });
  expect(ride.crew.rota.every((r: { driver: string }) => r.driver === 'Famille de Nadia')).toBe(true);
});

it('school holidays are skipped and custody weeks share the driving fairly', async () => {
  const a = await family(env, 'nord');
  const b = await family(env, 'nord');
  await a.parent.post('/api/entraide/rides', wednesday(piscine, { role: 'either', seats: 3, hasLicence: true, fromDay: '2026-04-01', toDay: '2026-05-13' }));
  const r = await b.parent.post(
    '/api/entraide/rides',
    wednesday(piscine, { role: 'either', seats: 3, hasLicence: true, fromDay: '2026-04-01', toDay: '2026-05-13' }),
  );
  expect(r.json().crewId).not.toBeNull();
  const ride = (await b.parent.get('/api/entraide/rides')).json().rides[0];
  // 1, 8 April; spring holidays (11–26 April, zone B) skipped; 29 April, 6 and 13 May.
  expect(ride.crew.rota.map((x: { date: string }) => x.date)).toEqual(['2026-04-01', '2026-04-08', '2026-04-29', '2026-05-06', '2026-05-13']);
  const drivers = ride.crew.rota.map((x: { driver: string }) => x.driver);
  expect(drivers.filter((d: string) => d === 'Votre famille').length).toBeGreaterThanOrEqual(2);
  expect(drivers.filter((d: string) => d !== 'Votre famille').length).toBeGreaterThanOrEqual(2);
});

it('minors never drive; a driver declares the licence; bad input names its field', async () => {
  const minor = await family(env, 'etouvie', { birthDate: '2009-06-01' });
  const res = await minor.parent.post('/api/entraide/rides', wednesday(sport, { role: 'driver', seats: 2, hasLicence: true }));
  expect(res.statusCode).toBe(403);
  expect(res.json().error.code).toBe('entraide/minor-driver');
  // As a passenger, a young parent is welcome.
  expect((await minor.parent.post('/api/entraide/rides', wednesday(sport, { role: 'passenger' }))).statusCode).toBe(201);

  const f = await family(env);
  const noLicence = await f.parent.post('/api/entraide/rides', wednesday(sport, { role: 'driver', seats: 2 }));
  expect(noLicence.statusCode).toBe(422);
  expect(noLicence.json().error.fields[0].path).toBe('hasLicence');
  const bad = await f.parent.post('/api/entraide/rides', wednesday(sport, { role: 'passenger', arriveAt: '25:00' }));
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.fields[0].path).toBe('arriveAt');
  const unknown = await f.parent.post('/api/entraide/rides', wednesday(crypto.randomUUID(), { role: 'passenger' }));
  expect(unknown.statusCode).toBe(422);
  expect(unknown.json().error.fields[0].path).toBe('serviceId');
  const twice = await minor.parent.post('/api/entraide/rides', wednesday(sport, { role: 'passenger' }));
  expect(twice.json().error.code).toBe('entraide/ride-exists');
  expect((await (await env.as('agent')).post('/api/entraide/rides', wednesday(sport, { role: 'passenger' }))).statusCode).toBe(403);
});

it('blocked families are never matched; a family that leaves a crew is not proposed again with it', async () => {
  const a = await family(env, 'sud');
  const b = await family(env, 'sud');
  const c = await family(env, 'sud');
  const ride = (extra: Record<string, unknown>) => wednesday(sport, { weekday: 6, arriveAt: '09:00', ...extra });
  // a blocks b through a post's conversation.
  const post = await b.parent.post('/api/entraide/posts', {
    kind: 'request',
    category: 'trajet',
    neighbourhoodId: 'sud',
    title: 'Trajet samedi',
    description: '',
    startsAt: '2026-03-14T09:00:00+01:00',
  });
  expect((await a.parent.post('/api/entraide/blocks', { postId: post.json().id })).statusCode).toBe(200);
  const ra = await a.parent.post('/api/entraide/rides', ride({ role: 'driver', seats: 3, hasLicence: true }));
  const rb = await b.parent.post('/api/entraide/rides', ride({ role: 'passenger' }));
  expect(rb.json().crewId).toBeNull();
  const rc = await c.parent.post('/api/entraide/rides', ride({ role: 'passenger' }));
  expect(rc.json().crewId).not.toBeNull();

  // c leaves: the crew dissolves (no passenger left); a and c are not matched again; b still blocked.
  expect((await c.parent.post(`/api/entraide/rides/${rc.json().id}/decline`)).statusCode).toBe(200);
  await env.expectAudit('entraide/ride-declined', rc.json().id, { actorId: c.parent.user.id });
  const states = async (who: typeof a) => (await who.parent.get('/api/entraide/rides')).json().rides.map((r: { state: string }) => r.state);
  expect(await states(a)).toEqual(['waiting']);
  expect(await states(c)).toEqual(['waiting']);
  // c cancels; a third family d comes and is matched with a.
  expect((await c.parent.post(`/api/entraide/rides/${rc.json().id}/cancel`)).statusCode).toBe(200);
  await env.expectAudit('entraide/ride-cancelled', rc.json().id, { actorId: c.parent.user.id });
  expect(await states(c)).toEqual([]);
  const d = await family(env, 'sud');
  const rd = await d.parent.post('/api/entraide/rides', ride({ role: 'passenger' }));
  expect(rd.json().crewId).not.toBeNull();
  void ra;
});

it('a detour beyond the driver’s limit is not proposed', async () => {
  const a = await family(env, 'etouvie');
  const far = await family(env, 'etouvie');
  // The driver lives next to the pool; the passenger's home far on the other side of town.
  await a.parent.post(
    '/api/entraide/rides',
    wednesday(piscine, { weekday: 5, role: 'driver', seats: 2, hasLicence: true, detourPercent: 10, home: { lat: 49.925, lon: 2.29 } }),
  );
  const r = await far.parent.post('/api/entraide/rides', wednesday(piscine, { weekday: 5, role: 'passenger', home: { lat: 49.86, lon: 2.33 } }));
  expect(r.statusCode).toBe(201);
  expect(r.json().crewId).toBeNull();
});

it('eight families register at once for one car of two seats: two passengers in it, no family in two crews', async () => {
  const driver = await family(env, 'centre-ville');
  const ride = (extra: Record<string, unknown>) => wednesday(piscine, { weekday: 2, arriveAt: '17:30', ...extra });
  await driver.parent.post('/api/entraide/rides', ride({ role: 'driver', seats: 2, hasLicence: true }));
  const families = await Promise.all(Array.from({ length: 8 }, () => family(env, 'centre-ville')));
  const res = await Promise.all(families.map((f) => f.parent.post('/api/entraide/rides', ride({ role: 'passenger' }))));
  expect(res.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
  const { rows } = await env.rt.deps.db.query<{ crew_id: string | null; n: number }>(
    `SELECT crew_id, count(*)::int AS n FROM entraide_rides WHERE service_id = $1 AND weekday = 2 AND status = 'open' GROUP BY crew_id`,
    [piscine],
  );
  // One crew: the driver and two passengers; the six others wait.
  expect(rows.find((r) => r.crew_id !== null)?.n).toBe(3);
  expect(rows.find((r) => r.crew_id === null)?.n).toBe(6);
});
