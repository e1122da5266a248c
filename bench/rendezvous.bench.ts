/**
 * Rendez-vous figures:
 * - rendezvous_month_slots_50_agents_ms: free slots of a month for 50 agents (3 plages each:
 *   weekly, every other week, 1st and 3rd Saturday; absences), the pure computation;
 * - rendezvous_confirmed_per_s_contention: 1 000 families racing through the use case for
 *   10 collective sessions of 50 seats (500 confirmations, 500 refusals), confirmed bookings per second;
 * - rendezvous_booking_p50_ms / _p99_ms at 200 requests/s: an agent books at the desk over
 *   HTTP on loopback (open loop, one request every 5 ms for 5 s, sent from a worker thread),
 *   each for another family;
 * - the machine's load average (1 min) before and after, so the figures can be read in context
 *   (the bench shares its cores with whatever else runs).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
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

/** Open loop: one POST every `intervalMs`, whatever the answers; latencies from send to the whole answer. */
const OPEN_LOOP_CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, cookie, csrf, intervalMs, bodies } = workerData;
const latencies = [], failures = [], pending = [];
const started = performance.now();
(async () => {
  for (let i = 0; i < bodies.length; i++) {
    const wait = started + i * intervalMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = performance.now();
    pending.push(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(bodies[i]) })
      .then(async (r) => { await r.arrayBuffer(); latencies.push(performance.now() - t); if (r.status !== 201) failures.push(r.status); }, () => failures.push(0)));
  }
  await Promise.all(pending);
  parentPort.postMessage({ latencies, failures, seconds: (performance.now() - started) / 1000 });
})();
`;

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
    const desk = await families(rt, 1000, [], rt.deps.clock.now());
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
    // The load generator runs in its own thread (its own event loop), so the client's work
    // does not queue behind the server's on one loop and the figures are the server's.
    const load = new Worker(OPEN_LOOP_CLIENT, {
      eval: true,
      workerData: {
        url: `${app.url}/api/rendezvous/bookings`,
        cookie,
        csrf,
        intervalMs: 5,
        bodies: desk.map((f, i) => ({
          motifId: workshop.motifId,
          ownerId: agent.id,
          start: slotStarts[10 + (i % 20)]!.toISOString(),
          parent: true,
          householdId: f.householdId,
        })),
      },
    });
    const done = await new Promise<{ latencies: number[]; failures: number[]; seconds: number }>((resolve, reject) => {
      load.once('message', resolve);
      load.once('error', reject);
    });
    await load.terminate();
    const { latencies, failures } = done;
    report('rendezvous_booking_failures', failures.length, 'requests');
    latencies.sort((a, b) => a - b);
    report('rendezvous_booking_p50_ms', Math.round(percentile(latencies, 50) * 10) / 10, 'ms');
    report('rendezvous_booking_p99_ms', Math.round(percentile(latencies, 99) * 10) / 10, 'ms');
    report('rendezvous_booking_rate_achieved', Math.round(desk.length / done.seconds), 'requests/s');
    report('rendezvous_load_average_1min_at_end', Math.round(os.loadavg()[0]! * 100) / 100, `(${os.cpus().length} cores)`);
  } finally {
    await app.close();
  }
}
