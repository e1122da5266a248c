/**
 * Rendez-vous figures:
 * - rendezvous_month_slots_50_agents_ms: free slots of a month for 50 agents (3 plages each:
 *   weekly, every other week, 1st and 3rd Saturday; absences), the pure computation;
 * - rendezvous_confirmed_per_s_contention: 1 000 families racing through the use case for
 *   10 collective sessions of 50 seats (500 confirmations, 500 refusals), confirmed bookings per second;
 * - rendezvous_booking_p50_ms / _p95_ms / _p99_ms at 200 requests/s: an agent books at the desk
 *   over HTTP on loopback (open loop, one request every 5 ms for 5 s, 1 000 families into 20
 *   sessions of 50 seats), each for another family; the load is sent by a separate node process
 *   (node:http, keep-alive), so the generator neither shares the server's event loop nor is
 *   counted in its figures; the rate it achieved, and the CPU the server process and the
 *   database's backends spent per booking;
 * - the machine's load average (1 min) before and after, so the figures can be read in context
 *   (the bench shares its cores with whatever else runs);
 * - where the tail comes from: the latency's max; the time requests waited for a database
 *   connection of the server's pool (p99, max); the server's event-loop delay (p99, max: GC
 *   and CPU starvation of the server process); how late the load generator sent its requests
 *   (p99: a generator starved of CPU sends in bursts, which the server then queues).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Db } from '../src/platform/db/pool';
import { insertUser } from '../src/platform/auth/auth.service';
import { parisDate } from '../src/platform/clock';
import { tx } from '../src/platform/db/pool';
import { book } from '../src/modules/rendezvous/bookings.service';
import { families, offer } from '../src/modules/rendezvous/fixtures/families';
import { freeSlots, type Plage } from '../src/modules/rendezvous/slots';
import { loginCookie, percentile, startBenchApp, type Report } from './harness';

const PASSWORD = 'mot-de-passe-de-bench';

function monthOfSlots(): number {
  const plages: Plage[] = [];
  for (let a = 0; a < 50; a++) {
    const ownerId = `agent-${a}`;
    plages.push(
      {
        id: `${a}-w`,
        ownerId,
        lieuId: null,
        firstDate: '2026-01-01',
        untilDate: null,
        startTime: '09:00',
        endTime: '12:00',
        recurrence: { kind: 'weekly', weekdays: [1, 2, 4] },
      },
      {
        id: `${a}-2w`,
        ownerId,
        lieuId: null,
        firstDate: '2026-01-01',
        untilDate: null,
        startTime: '14:00',
        endTime: '17:30',
        recurrence: { kind: 'weekly', weekdays: [3, 5], interval: 2 },
      },
      {
        id: `${a}-m`,
        ownerId,
        lieuId: null,
        firstDate: '2026-01-01',
        untilDate: null,
        startTime: '09:00',
        endTime: '12:00',
        recurrence: { kind: 'monthly', weekday: 6, nths: [1, 3] },
      },
    );
  }
  const absences = Array.from({ length: 50 }, (_, a) => ({
    ownerId: `agent-${a}`,
    start: new Date(Date.UTC(2026, 2, 2 + (a % 20), 8)),
    end: new Date(Date.UTC(2026, 2, 2 + (a % 20), 12)),
  }));
  const t0 = performance.now();
  const slots = freeSlots({
    plages,
    motif: { durationMinutes: 30, minNoticeMinutes: 60, maxNoticeDays: 90 },
    now: new Date('2026-02-25T10:00:00Z'),
    fromDate: '2026-03-01',
    toDate: '2026-03-31',
    absences,
    closedDates: [],
  });
  const ms = performance.now() - t0;
  if (slots.length < 1000) throw new Error(`too few slots: ${slots.length}`);
  return ms;
}

/**
 * Open loop, in its own process: one POST every `intervalMs` whatever the answers (a late
 * answer never delays the next request); latency from send to the whole answer. Reads its
 * work as JSON on stdin, writes its figures as JSON on stdout.
 */
const OPEN_LOOP_CLIENT = `
const http = require('node:http');
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', async () => {
  const { url, cookie, csrf, intervalMs, bodies } = JSON.parse(input);
  const u = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const post = (body) => new Promise((resolve) => {
    const data = JSON.stringify(body);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), cookie, 'x-csrf-token': csrf } },
      (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.on('error', () => resolve(0));
    req.end(data);
  });
  const latencies = [], failures = [], pending = [], lags = [];
  const started = performance.now();
  for (let i = 0; i < bodies.length; i++) {
    const wait = started + i * intervalMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    lags.push(t - (started + i * intervalMs));
    pending.push(post(bodies[i]).then((status) => { latencies.push(performance.now() - t); if (status !== 201) failures.push(status); }));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ latencies, failures, seconds, lags }));
});
`;

interface LoadResult {
  latencies: number[];
  failures: number[];
  seconds: number;
  /** How late each request left the generator, against its schedule (ms). */
  lags: number[];
}

/**
 * The time each checkout of a connection from the pool waited (ms), while `on`: pg's
 * `pool.query` checks a client out through `connect(callback)`, a transaction through `connect()`.
 */
function poolWaits(pool: Db): { waits: number[]; restore(): void } {
  const waits: number[] = [];
  const original = pool.connect;
  type Callback = (err: Error | undefined, client: unknown, done: unknown) => void;
  const connect = original as unknown as (this: Db, cb?: Callback) => Promise<unknown> | undefined;
  const timed = function (this: Db, cb?: Callback) {
    const t = performance.now();
    if (cb) return connect.call(this, (err, client, done) => (waits.push(performance.now() - t), cb(err, client, done)));
    return connect.call(this)!.then((c) => (waits.push(performance.now() - t), c));
  };
  pool.connect = timed as unknown as Db['connect'];
  return { waits, restore: () => void (pool.connect = original) };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function openLoop(work: { url: string; cookie: string; csrf: string; intervalMs: number; bodies: unknown[] }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', OPEN_LOOP_CLIENT], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited with ${code}`))));
    child.stdin.end(JSON.stringify(work));
  });
}

/** CPU milliseconds the database's backends of `database` have used (Linux /proc; null elsewhere). */
function backendsCpuMs(database: string): number | null {
  try {
    const tick = 1000 / 100; // USER_HZ
    let ms = 0;
    for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmd.startsWith('postgres:') || !cmd.includes(` ${database} `)) continue;
        const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ms += (Number(f[11]) + Number(f[12])) * tick;
      } catch {
        /* a backend that ended meanwhile */
      }
    }
    return ms;
  } catch {
    return null;
  }
}

export default async function run(report: Report) {
  report('rendezvous_load_average_1min_at_start', Math.round(os.loadavg()[0]! * 100) / 100, `(${os.cpus().length} cores)`);
  report('rendezvous_month_slots_50_agents_ms', Math.round(monthOfSlots() * 10) / 10, 'ms');

  const app = await startBenchApp();
  try {
    const rt = app.rt;
    const db = rt.deps.db;
    const agent = await insertUser(db, { identifier: 'agent-rdv@bench.relais.fr', password: PASSWORD, role: 'agent', displayName: 'Agent bench' });
    const today = parisDate(rt.deps.clock.now());

    // ——— contention: 1 000 families on 10 sessions of 50 seats, all at once through the use case
    const workshop = await offer(
      rt,
      {
        agentId: agent.id,
        motif: { name: 'Atelier (bench)', kind: 'atelier', collective: true, capacity: 50, durationMinutes: 60, minNoticeMinutes: 0, maxNoticeDays: 60 },
        recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
        startTime: '08:00',
        endTime: '18:00',
        firstDate: today,
      },
      rt.deps.clock.now(),
    );
    const slotStarts = freeSlots({
      plages: [
        {
          id: 'p',
          ownerId: agent.id,
          lieuId: null,
          firstDate: today,
          untilDate: null,
          startTime: '08:00',
          endTime: '18:00',
          recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
        },
      ],
      motif: { durationMinutes: 60, minNoticeMinutes: 24 * 60, maxNoticeDays: 50 },
      now: rt.deps.clock.now(),
      fromDate: today,
      toDate: parisDate(new Date(rt.deps.clock.now().getTime() + 45 * 86_400_000)),
    }).map((s) => s.start);
    const fams = await families(rt, 1000, [], rt.deps.clock.now());
    const t0 = performance.now();
    const results = await Promise.all(
      fams.map((f, i) =>
        book(f.ctx, { motifId: workshop.motifId, ownerId: agent.id, start: slotStarts[i % 10]!, parent: true, childIds: [] }).then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'error',
        ),
      ),
    );
    const seconds = (performance.now() - t0) / 1000;
    const ok = results.filter((r) => r === 'ok').length;
    if (ok !== 500 || results.some((r) => r !== 'ok' && r !== 'rendezvous/full'))
      throw new Error(`contention: ${ok} confirmed, ${JSON.stringify([...new Set(results)])}`);
    report('rendezvous_confirmed_per_s_contention', Math.round(ok / seconds), 'bookings/s');
    report('rendezvous_contention_requests_per_s', Math.round(results.length / seconds), 'requests/s');

    // ——— latency at 200 requests/s: an agent books at the desk, each request for another family
    const desk = await families(rt, 1100, [], rt.deps.clock.now());
    // Files opened beforehand (the reason typed once, as at the desk), so each request is the booking itself.
    await tx(db, async (t) => {
      for (const f of desk) {
        await t.query(
          `INSERT INTO household_access_grants (household_id, user_id, reason, opened_at, expires_at) VALUES ($1, $2, 'bench', now(), now() + interval '8 hours')`,
          [f.householdId, agent.id],
        );
      }
    });
    const me = await fetch(`${app.url}/api/auth/me`);
    const csrfCookie = me.headers
      .getSetCookie()
      .find((c) => c.startsWith('relais_csrf='))!
      .split(';')[0]!;
    const login = await loginCookie(app.url, 'agent-rdv@bench.relais.fr', PASSWORD);
    const cookie = login.includes('relais_csrf=') ? login : `${csrfCookie}; ${login}`;
    const csrf = /relais_csrf=([^;]+)/.exec(cookie)![1]!;
    const bodies = (list: typeof desk, first: number, sessions: number) =>
      list.map((f, i) => ({
        motifId: workshop.motifId,
        ownerId: agent.id,
        start: slotStarts[first + (i % sessions)]!.toISOString(),
        parent: true,
        householdId: f.householdId,
      }));
    const url = `${app.url}/api/rendezvous/bookings`;
    // A warm server (connections open, statements prepared, code compiled), as in service: 100 bookings first, not counted.
    const warm = await openLoop({ url, cookie, csrf, intervalMs: 10, bodies: bodies(desk.slice(0, 100), 40, 2) });
    if (warm.failures.length) throw new Error(`warm-up: ${JSON.stringify(warm.failures.slice(0, 5))}`);
    const measured = desk.slice(100);
    const database = new URL(app.databaseUrl).pathname.slice(1);
    const cpu0 = process.cpuUsage();
    const pg0 = backendsCpuMs(database);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const pool = poolWaits(db);
    loop.enable();
    const done = await openLoop({ url, cookie, csrf, intervalMs: 5, bodies: bodies(measured, 10, 20) });
    loop.disable();
    pool.restore();
    const cpu = process.cpuUsage(cpu0);
    const pg1 = backendsCpuMs(database);
    const { latencies, failures } = done;
    report('rendezvous_booking_failures', failures.length, 'requests');
    latencies.sort((a, b) => a - b);
    report('rendezvous_booking_p50_ms', Math.round(percentile(latencies, 50) * 10) / 10, 'ms');
    report('rendezvous_booking_p95_ms', Math.round(percentile(latencies, 95) * 10) / 10, 'ms');
    report('rendezvous_booking_p99_ms', Math.round(percentile(latencies, 99) * 10) / 10, 'ms');
    report('rendezvous_booking_max_ms', r1(latencies[latencies.length - 1] ?? 0), 'ms');
    const waits = pool.waits.sort((a, b) => a - b);
    report('rendezvous_booking_pool_wait_p99_ms', r1(percentile(waits, 99)), `ms (${waits.length} checkouts)`);
    report('rendezvous_booking_pool_wait_max_ms', r1(waits[waits.length - 1] ?? 0), 'ms');
    report('rendezvous_server_event_loop_delay_p99_ms', r1(loop.percentile(99) / 1e6), 'ms');
    report('rendezvous_server_event_loop_delay_max_ms', r1(loop.max / 1e6), 'ms');
    const lags = [...done.lags].sort((a, b) => a - b);
    report('rendezvous_load_generator_send_lag_p99_ms', r1(percentile(lags, 99)), 'ms');
    report('rendezvous_booking_rate_achieved', Math.round(measured.length / done.seconds), 'requests/s');
    report('rendezvous_booking_server_cpu_per_request', Math.round(((cpu.user + cpu.system) / 1000 / measured.length) * 100) / 100, 'ms');
    if (pg0 !== null && pg1 !== null) report('rendezvous_booking_database_cpu_per_request', Math.round(((pg1 - pg0) / measured.length) * 100) / 100, 'ms');
    report('rendezvous_load_average_1min_at_end', Math.round(os.loadavg()[0]! * 100) / 100, `(${os.cpus().length} cores)`);
  } finally {
    await app.close();
  }
}
