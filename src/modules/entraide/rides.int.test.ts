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
  expect(mine.rides[0].crew.members.map((m: { label: string; number: number | null; contact: unknown }) => [m.label, m.number, m.contact])).toEqual([
    ['Famille 2', 2, null],
    ['Votre famille', null, null],
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
  expect(driver).toMatchObject({ label: 'Famille de Nadia', number: null, mine: false });
  expect(ride.crew.members.find((m: { mine: boolean }) => m.mine)).toMatchObject({ label: 'Votre famille', number: null });
  expect(driver.contact.phone).toMatch(/^0612340/);
  // Only Nadia can drive: every date is hers; the first is Wednesday 11 March. The page words
  // the driver from its place among the members (the label is French, for API clients).
  const at = ride.crew.members.indexOf(driver);
  expect(ride.crew.rota[0]).toEqual({ date: '2026-03-11', driver: 'Famille de Nadia', driverIndex: at });
  expect(ride.crew.rota.every((r: { driver: string; driverIndex: number }) => r.driver === 'Famille de Nadia' && r.driverIndex === at)).toBe(true);
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

it('a family starting from its phone’s position: kept rounded to about 100 m, shown to no one', async () => {
  const a = await family(env, 'etouvie');
  const b = await family(env, 'etouvie');
  const d = await a.parent.post(
    '/api/entraide/rides',
    wednesday(piscine, { weekday: 4, role: 'driver', seats: 2, hasLicence: true, home: { lat: 49.9123456, lon: 2.2598765 } }),
  );
  expect(d.statusCode).toBe(201);
  const { rows } = await env.rt.deps.db.query<{ home_lat: number; home_lon: number }>('SELECT home_lat, home_lon FROM entraide_rides WHERE id = $1', [
    d.json().id,
  ]);
  expect([Number(rows[0]!.home_lat), Number(rows[0]!.home_lon)]).toEqual([49.912, 2.26]);
  const p = await b.parent.post('/api/entraide/rides', wednesday(piscine, { weekday: 4, role: 'passenger', home: { lat: 49.9098765, lon: 2.2612345 } }));
  expect(p.json().crewId).not.toBeNull();
  // Neither family's view carries the other's position (nor its own).
  for (const who of [a, b]) expect(JSON.stringify((await who.parent.get('/api/entraide/rides')).json())).not.toMatch(/49\.91|2\.26/);
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

it("a recurring ride skips the 2026-2027 holidays of the town's zone (Amiens: zone B)", async () => {
  env.clock.set('2026-12-04T10:00:00+01:00'); // the Christmas holidays are the next ones
  const a = await family(env, 'saint-leu');
  const b = await family(env, 'saint-leu');
  const winter = (extra: Record<string, unknown>) => wednesday(sport, { weekday: 3, arriveAt: '10:00', ...extra });
  // Across Christmas: 9 and 16 December, then 6 January (23 and 30 December are holidays).
  await a.parent.post('/api/entraide/rides', winter({ role: 'driver', seats: 3, hasLicence: true, fromDay: '2026-12-07', toDay: '2027-01-13' }));
  expect((await b.parent.post('/api/entraide/rides', winter({ role: 'passenger', fromDay: '2026-12-07', toDay: '2027-01-13' }))).json().crewId).not.toBeNull();
  const christmas = (await b.parent.get('/api/entraide/rides')).json();
  expect(christmas.holidaysZone).toBe('B');
  expect(christmas.roadDistances).toBe(false); // no routing service configured here
  expect(christmas.rides[0].crew.rota.map((x: { date: string }) => x.date)).toEqual(['2026-12-09', '2026-12-16', '2027-01-06', '2027-01-13']);

  // Winter 2027: zone B is off 20 February – 7 March (24 February and 3 March skipped); 17 February, a zone A holiday, runs.
  const c = await family(env, 'elbeuf');
  const d = await family(env, 'elbeuf');
  const feb = (extra: Record<string, unknown>) => wednesday(piscine, { weekday: 3, arriveAt: '16:00', fromDay: '2027-02-08', toDay: '2027-03-17', ...extra });
  await c.parent.post('/api/entraide/rides', feb({ role: 'driver', seats: 3, hasLicence: true }));
  expect((await d.parent.post('/api/entraide/rides', feb({ role: 'passenger' }))).json().crewId).not.toBeNull();
  const rota = (await d.parent.get('/api/entraide/rides')).json().rides[0].crew.rota.map((x: { date: string }) => x.date);
  expect(rota).toEqual(['2027-02-10', '2027-02-17', '2027-03-10', '2027-03-17']);
});

it("a recurring ride skips the town's pont de l'Ascension and the public holidays (Amiens: zone B, 2027)", async () => {
  env.clock.set('2026-12-04T10:00:00+01:00');
  const rota = async (weekday: number, fromDay: string, toDay: string) => {
    const a = await family(env, 'nord');
    const b = await family(env, 'nord');
    const ride = (extra: Record<string, unknown>) => wednesday(piscine, { weekday, arriveAt: '17:30', fromDay, toDay, ...extra });
    await a.parent.post('/api/entraide/rides', ride({ role: 'driver', seats: 3, hasLicence: true }));
    expect((await b.parent.post('/api/entraide/rides', ride({ role: 'passenger' }))).json().crewId).not.toBeNull();
    return (await b.parent.get('/api/entraide/rides')).json().rides[0].crew.rota.map((x: { date: string }) => x.date);
  };
  // Fridays: 23 and 30 April in zone B's spring holidays, 7 May the pont de l'Ascension.
  expect(await rota(5, '2027-04-19', '2027-05-28')).toEqual(['2027-05-14', '2027-05-21', '2027-05-28']);
  // Mondays: Easter Monday 29 March and Whit Monday 17 May 2027; 3 May is the reprise.
  expect(await rota(1, '2027-03-22', '2027-05-24')).toEqual(['2027-03-22', '2027-04-05', '2027-04-12', '2027-05-03', '2027-05-10', '2027-05-24']);
  // Thursdays: Ascension 6 May 2027.
  expect(await rota(4, '2027-05-03', '2027-05-27')).toEqual(['2027-05-13', '2027-05-20', '2027-05-27']);
});

it('a family offers or asks a ride to one of its bookings (rendezvous) or accepted places (attribution); not to someone else’s', async () => {
  env.clock.set('2026-12-04T10:00:00+01:00');
  const db = env.rt.deps.db;
  const a = await family(env, 'etouvie', { firstName: 'Lina' });
  const b = await family(env, 'etouvie', { firstName: 'Omar' });
  // Both booked the crèche of the demo for Wednesday 9 December, 9:00 (a place in the Étouvie neighbourhood).
  const { rows: ids } = await db.query<{ lieu: string; motif: string; resource: string }>(
    `SELECT (SELECT id FROM rdv_lieux WHERE name = 'Crèche des Lilas (démo)') AS lieu, (SELECT id FROM rdv_motifs ORDER BY name LIMIT 1) AS motif,
            (SELECT id FROM rdv_resources LIMIT 1) AS resource`,
  );
  const { lieu, motif, resource } = ids[0]!;
  await db.query(`UPDATE rdv_lieux SET neighbourhood_id = 'etouvie' WHERE id = $1`, [lieu]);
  const { rows: sess } = await db.query<{ id: string }>(
    `INSERT INTO rdv_sessions (motif_id, resource_id, lieu_id, age_group, during, capacity, taken, created_at)
     VALUES ($1, $2, $3, 'test-rides', tstzrange('2026-12-09T09:00:00+01:00', '2026-12-09T11:00:00+01:00'), 4, 2, now()) RETURNING id`,
    [motif, resource, lieu],
  );
  const booking = async (householdId: string) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO rdv_bookings (session_id, household_id, subject_key, during, status, created_at, status_at)
         VALUES ($1, $2::uuid, 'parent:' || $2::text, tstzrange('2026-12-09T09:00:00+01:00', '2026-12-09T11:00:00+01:00'), 'confirmed', now(), now()) RETURNING id`,
        [sess[0]!.id, householdId],
      )
    ).rows[0]!.id;
  const bookingA = await booking(a.householdId);
  const bookingB = await booking(b.householdId);

  const sources = (await a.parent.get('/api/entraide/rides/sources')).json().sources;
  expect(sources).toContainEqual(
    expect.objectContaining({
      kind: 'booking',
      id: bookingA,
      placeName: 'Crèche des Lilas (démo)',
      day: '2026-12-09',
      weekday: 3,
      time: '09:00',
      located: true,
    }),
  );
  expect(sources.map((s: { id: string }) => s.id)).not.toContain(bookingB);

  // The booking fixes the day and time, whatever the form sent.
  const ride = { weekday: 1, arriveAt: '18:00', fromDay: '2026-12-07', toDay: '2027-06-30', children: 1 };
  const ra = await a.parent.post('/api/entraide/rides', { ...ride, bookingId: bookingA, role: 'driver', seats: 2, hasLicence: true });
  expect(ra.statusCode).toBe(201);
  await env.expectAudit('entraide/ride-registered', ra.json().id, { actorId: a.parent.user.id });
  // Another family's booking: refused with the field.
  const stolen = await b.parent.post('/api/entraide/rides', { ...ride, bookingId: bookingA, role: 'passenger' });
  expect(stolen.statusCode).toBe(422);
  expect(stolen.json().error.fields[0].path).toBe('bookingId');
  const rb = await b.parent.post('/api/entraide/rides', { ...ride, bookingId: bookingB, role: 'passenger' });
  expect(rb.json().crewId).not.toBeNull();
  const mine = (await b.parent.get('/api/entraide/rides')).json().rides.find((r: { id: string }) => r.id === rb.json().id);
  expect(mine).toMatchObject({
    weekday: 3,
    arriveAt: '09:00',
    fromDay: '2026-12-09',
    toDay: '2026-12-09',
    placeLabel: 'Crèche des Lilas (démo) — 3 allée des Lilas',
  });
  expect(mine.crew.rota.map((x: { date: string }) => x.date)).toEqual(['2026-12-09']);

  // An accepted place (attribution) whose site is a structure of the directory: the family gives the schedule.
  const { rows: st } = await db.query<{ nom: string }>('SELECT nom FROM annuaire_structures WHERE latitude IS NOT NULL ORDER BY nom LIMIT 1');
  const { rows: camp } = await db.query<{ id: string }>(
    `INSERT INTO attribution_campaigns (kind, title, tie_break, status, created_at, updated_at) VALUES ('mercredis', 'Mercredis 2026-2027', 'random', 'published', now(), now()) RETURNING id`,
  );
  const { rows: grp } = await db.query<{ id: string }>(
    `INSERT INTO attribution_groups (campaign_id, external_id, label, capacity, site, period) VALUES ($1, 'g1', '6-11 ans', 10, $2, 'mercredis') RETURNING id`,
    [camp[0]!.id, st[0]!.nom],
  );
  const { rows: app } = await db.query<{ id: string }>(
    `INSERT INTO attribution_applications (campaign_id, number, household_id, family_key, submitted_at, choices) VALUES ($1, 1, $2, 'f1', now(), ARRAY[$3]::uuid[]) RETURNING id`,
    [camp[0]!.id, a.householdId, grp[0]!.id],
  );
  const { rows: offer } = await db.query<{ id: string }>(
    `INSERT INTO attribution_offers (application_id, group_id, status, created_at, expires_at) VALUES ($1, $2, 'confirmed', now(), now() + interval '7 days') RETURNING id`,
    [app[0]!.id, grp[0]!.id],
  );
  const placeSource = (await a.parent.get('/api/entraide/rides/sources')).json().sources.find((s: { kind: string }) => s.kind === 'place');
  expect(placeSource).toMatchObject({ id: offer[0]!.id, title: 'Mercredis 2026-2027 — 6-11 ans', placeName: st[0]!.nom, located: true });
  const rp = await a.parent.post('/api/entraide/rides', {
    offerId: offer[0]!.id,
    weekday: 3,
    arriveAt: '13:30',
    fromDay: '2027-01-06',
    toDay: '2027-06-30',
    role: 'either',
    seats: 2,
    hasLicence: true,
    children: 1,
  });
  expect(rp.statusCode).toBe(201);
  expect((await b.parent.post('/api/entraide/rides', { ...ride, offerId: offer[0]!.id, role: 'passenger' })).json().error.fields[0].path).toBe('offerId');
  // Exactly one destination.
  const both = await a.parent.post('/api/entraide/rides', { ...ride, offerId: offer[0]!.id, bookingId: bookingA, role: 'passenger' });
  expect(both.statusCode).toBe(400);
  expect(both.json().error.fields[0].path).toBe('serviceId');
});
