/**
 * Covoiturage with a routing service configured (ROUTING_URL): a fake OSRM `table` server
 * (node:http) answers a known matrix and the matching uses it; when it answers 500 or hangs past
 * ROUTING_TIMEOUT_MS, the straight line × factor applies and the registration still succeeds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { family } from './entraide.fixture';

let env: TestEnv;
let server: http.Server;
let piscine: string;
let mode: 'ok' | '500' | 'hang' = 'ok';
let requests = 0;
/** When set, the next request is held: the test answers it by calling the function given. */
let holdNext: ((answer: () => void) => void) | null = null;

// The driver lives next to the pool, the passenger far on the other side of town: by straight
// line, picking her up is far beyond the driver's 10 %; by the (fake) roads, she is on the way.
const DRIVER = { lat: 49.925, lon: 2.29 };
const PASSENGER = { lat: 49.86, lon: 2.33 };
const same = (lonLat: string, p: { lat: number; lon: number }) => {
  const [lon, lat] = lonLat.split(',').map(Number);
  return Math.abs(lat! - p.lat) < 1e-6 && Math.abs(lon! - p.lon) < 1e-6;
};
/** Metres: driver → pool 10 km, driver → passenger 1 km, passenger → pool 9.5 km. */
function metres(x: string, y: string): number {
  if (x === y) return 0;
  const who = (s: string) => (same(s, DRIVER) ? 'D' : same(s, PASSENGER) ? 'P' : 'X');
  const pair = [who(x), who(y)].sort().join('');
  return { DP: 1000, DX: 10_000, PX: 9500 }[pair] ?? 50_000;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++;
    if (mode === 'hang') return;
    if (mode === '500') return void res.writeHead(500).end();
    const coords = decodeURIComponent(new URL(req.url ?? '', 'http://x').pathname.replace('/table/v1/driving/', '')).split(';');
    const answer = () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'Ok', distances: coords.map((x) => coords.map((y) => metres(x, y))) }));
    };
    const hold = holdNext;
    holdNext = null;
    if (hold) hold(answer);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00', env: { ROUTING_URL: `http://127.0.0.1:${port}`, ROUTING_TIMEOUT_MS: '300' } });
  await env.seedDemo();
  const { rows } = await env.rt.deps.db.query<{ id: string }>("SELECT id FROM annuaire_services WHERE nom LIKE 'Baignade en famille%'");
  piscine = rows[0]!.id;
}, 120_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await env?.close();
});

async function pair(weekday: number) {
  const a = await family(env, 'etouvie');
  const b = await family(env, 'etouvie');
  const ride = { serviceId: piscine, weekday, arriveAt: '14:00', fromDay: '2026-03-11', toDay: '2026-06-24', children: 1 };
  const d = await a.parent.post('/api/entraide/rides', { ...ride, role: 'driver', seats: 2, hasLicence: true, detourPercent: 10, home: DRIVER });
  expect(d.statusCode).toBe(201);
  return { r: await b.parent.post('/api/entraide/rides', { ...ride, role: 'passenger', home: PASSENGER }), passenger: b.parent };
}

it("the matching uses the routing service's road distances (one table request per matching)", async () => {
  mode = 'ok';
  const before = requests;
  const { r, passenger } = await pair(1);
  expect(r.statusCode).toBe(201);
  expect(r.json().crewId).not.toBeNull();
  const { rows } = await env.rt.deps.db.query<{ route_km: string; direct_km: string }>('SELECT route_km, direct_km FROM entraide_crews WHERE id = $1', [
    r.json().crewId,
  ]);
  expect(Number(rows[0]!.direct_km)).toBeCloseTo(10, 3);
  expect(Number(rows[0]!.route_km)).toBeCloseTo(10.5, 3);
  // The family's page says the distances are by road.
  expect((await passenger.get('/api/entraide/rides')).json().roadDistances).toBe(true);
  expect(requests - before).toBe(1); // the driver alone is not matched: only the second registration asks
});

it.each(['500', 'hang'] as const)('when the service answers %s, the straight line × factor applies (no crew here), never a 500', async (m) => {
  mode = m;
  const before = requests;
  const warn = vi.spyOn(env.rt.deps.log, 'warn').mockImplementation(() => {});
  const { r } = await pair(m === '500' ? 2 : 4);
  expect(r.statusCode).toBe(201);
  expect(r.json().crewId).toBeNull();
  expect(requests - before).toBe(1);
  // Logged with its cause, without the homes' coordinates.
  expect(warn).toHaveBeenCalledTimes(1);
  expect(JSON.stringify(warn.mock.calls[0])).toContain(m === '500' ? 'HTTP 500' : 'no answer within 300 ms');
  expect(JSON.stringify(warn.mock.calls[0])).not.toMatch(/49\.8|49\.9|2\.29|2\.33/);
  warn.mockRestore();
});

it('the routing service is asked before the activity is locked; a registration that came in meanwhile makes it ask again', async () => {
  mode = 'ok';
  const config = env.rt.deps.config;
  const timeout = config.ROUTING_TIMEOUT_MS;
  config.ROUTING_TIMEOUT_MS = 30_000; // the held request must not fall back to the straight line
  try {
    const db = env.rt.deps.db;
    const advisoryLocks = async () =>
      (
        await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        )
      ).rows[0]!.n;
    const [a, b, c] = [await family(env, 'etouvie'), await family(env, 'etouvie'), await family(env, 'etouvie')];
    const ride = { serviceId: piscine, weekday: 6, arriveAt: '14:00', fromDay: '2026-03-11', toDay: '2026-06-24', children: 1 };
    expect(
      (await a.parent.post('/api/entraide/rides', { ...ride, role: 'driver', seats: 2, hasLicence: true, detourPercent: 10, home: DRIVER })).statusCode,
    ).toBe(201);
    const before = requests;
    let answer: (() => void) | null = null;
    holdNext = (fn) => (answer = fn);
    const second = b.parent.post('/api/entraide/rides', { ...ride, role: 'passenger', home: PASSENGER });
    await expect.poll(() => answer !== null).toBe(true);
    // The request is in flight: nobody holds the activity's lock meanwhile.
    expect(await advisoryLocks()).toBe(0);
    // Another family registers meanwhile (its home elsewhere: the held distances do not cover it); it is not kept waiting.
    const third = await c.parent.post('/api/entraide/rides', { ...ride, role: 'passenger', home: { lat: 49.87, lon: 2.31 } });
    expect(third.statusCode).toBe(201);
    expect(third.json().crewId).toBeNull(); // 50 km away by the fake roads
    answer!();
    const r = await second;
    expect(r.statusCode).toBe(201);
    // Under the lock the held distances missed the third family's home: asked again, then matched by road.
    expect(r.json().crewId).not.toBeNull();
    expect(requests - before).toBe(3);
    const { rows } = await db.query<{ route_km: string }>('SELECT route_km FROM entraide_crews WHERE id = $1', [r.json().crewId]);
    expect(Number(rows[0]!.route_km)).toBeCloseTo(10.5, 3);
  } finally {
    config.ROUTING_TIMEOUT_MS = timeout;
  }
});
