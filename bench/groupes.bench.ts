/**
 * Groupes de parole, live fan-out: two `relais serve` processes on one PostgreSQL, 1,000
 * WebSocket clients in 50 rooms (20 per room, half on each process), messages written
 * through HTTP at a steady pace; each delivery's latency is measured from the moment its
 * POST left to the moment a socket received it (insert + commit + NOTIFY + re-read + send).
 * Prints p50/p99 fan-out latency and deliveries per second. Bounded in count and time.
 */
import os from 'node:os';
import pg from 'pg';
import { insertUser } from '../src/platform/auth/auth.service';
import { startServerProcess, type ServerProcess } from '../src/platform/testing-multiprocess';
import * as store from '../src/modules/groupes/groupes.store';
import { openLive, type LiveClient } from '../src/modules/groupes/live-client';
import { benchDatabase, loginCookie, percentile, type Report } from './harness';

const ROOMS = 50;
const PER_ROOM = 20;
const USERS = 100;
const MESSAGES = 500;
const RATE_PER_S = 50;
const PASSWORD = 'mot-de-passe-de-bench';

async function inBatches<T, R>(items: T[], size: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((t, k) => fn(t, i + k)))));
  return out;
}

export default async function run(report: Report) {
  const databaseUrl = await benchDatabase();
  const servers: ServerProcess[] = [];
  const sockets: LiveClient[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  try {
    const dataDir = `.tmp/bench-groupes-${process.pid}`;
    // The bench makes its own users and rooms: no demo data.
    const opts = { dataDir, env: { SEED_DEMO: 'false' } };
    servers.push(...(await Promise.all([startServerProcess(databaseUrl, opts), startServerProcess(databaseUrl, opts)])));
    const bases = servers.map((x) => x.url);
    const now = new Date(Math.round(performance.timeOrigin));

    // Users, rooms, memberships: room r holds users r*20 … r*20+19 (mod 100), so each user is in 10 rooms.
    const users = await inBatches([...Array(USERS).keys()], 10, async (i) => {
      const identifier = `bench-groupes-${i}@bench.relais.fr`;
      const u = await insertUser(pool, { identifier, password: PASSWORD, role: 'parent', displayName: `Parent ${i}`, structureId: null });
      return { id: u.id, identifier, cookie: '' };
    });
    const rooms: string[] = [];
    for (let r = 0; r < ROOMS; r++)
      rooms.push(
        await store.insertRoom(pool, { name: `Salon ${r}`, description: '', theme: 'autre', neighbourhood: null, kind: 'discussion', createdBy: null, now }),
      );
    const members = new Map<string, string[]>();
    for (let r = 0; r < ROOMS; r++) {
      const ids: string[] = [];
      for (let k = 0; k < PER_ROOM; k++) {
        const u = users[(r * PER_ROOM + k) % USERS]!;
        ids.push(u.id);
        await store.upsertMember(pool, { roomId: rooms[r]!, userId: u.id, pseudonym: `p${k}-${u.id.slice(0, 6)}`, role: 'member', now });
      }
      members.set(rooms[r]!, ids);
    }
    await inBatches(users, 10, async (u, i) => {
      u.cookie = await loginCookie(bases[i % 2]!, u.identifier, PASSWORD);
    });
    const cookieOf = new Map(users.map((u) => [u.id, u.cookie]));

    // 1,000 sockets, half on each process.
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    let delivered = 0;
    let lastDelivery = 0;
    const pairs: { room: string; user: string }[] = [];
    for (const [room, ids] of members) for (const id of ids) pairs.push({ room, user: id });
    const t0 = performance.now();
    await inBatches(pairs, 50, async (p, i) => {
      const c = await openLive(bases[i % 2]!, p.room, {
        cookie: cookieOf.get(p.user)!,
        onFrame: (f) => {
          if (f.type !== 'message' || !f.message?.body) return;
          const at = sent.get(f.message.body);
          if (at === undefined) return;
          const t = performance.now();
          latencies.push(t - at);
          delivered++;
          lastDelivery = t;
        },
      });
      sockets.push(c);
    });
    report('groupes ws connect 1000 sockets', Math.round(performance.now() - t0), 'ms');

    // Messages at a steady pace, each from a member of its room, through either process.
    const expected = MESSAGES * PER_ROOM;
    const start = performance.now();
    const posts: Promise<unknown>[] = [];
    let refused = 0;
    for (let m = 0; m < MESSAGES; m++) {
      const due = start + (m * 1000) / RATE_PER_S;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const room = rooms[m % ROOMS]!;
      const ids = members.get(room)!;
      const author = ids[Math.floor(m / ROOMS) % ids.length]!;
      const body = `bench ${m}`;
      const cookie = cookieOf.get(author)!;
      const csrf = /relais_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
      sent.set(body, performance.now());
      posts.push(
        fetch(`${bases[m % 2]}/api/groupes/rooms/${room}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
          body: JSON.stringify({ body }),
        }).then((r) => {
          if (r.status !== 201) refused++;
        }),
      );
    }
    await Promise.all(posts);
    const deadline = performance.now() + 30_000;
    while (delivered < expected - refused * PER_ROOM && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const elapsed = (lastDelivery - start) / 1000;
    latencies.sort((x, y) => x - y);
    report('groupes fan-out latency p50 (1000 sockets, 50 rooms, 2 processes)', percentile(latencies, 50), 'ms');
    report('groupes fan-out latency p99 (1000 sockets, 50 rooms, 2 processes)', percentile(latencies, 99), 'ms');
    report('groupes messages delivered', delivered, `of ${expected}`);
    report('groupes deliveries per second', delivered / elapsed, 'msg/s');
    if (refused) report('groupes posts refused', refused, 'posts');
    // The machine's load while measuring (the figures above depend on it; 2 cores shared here).
    report('groupes bench load average (1 min)', os.loadavg()[0]!, `on ${os.cpus().length} cores`);
  } finally {
    for (const s of sockets) s.close();
    await pool.end();
    await Promise.all(servers.map((x) => x.stop()));
  }
}
