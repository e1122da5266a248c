/**
 * Two `relais serve` processes on one PostgreSQL: a message written through one reaches
 * the sockets of the other (LISTEN/NOTIFY), every socket gets every message once, in the
 * room's order, and a socket that reconnects to the other process gets exactly what it missed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from '../../platform/testing';
import { openLive, type LiveClient } from './live-client';

const procs: ChildProcess[] = [];
const sockets: LiveClient[] = [];

function startServer(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('npx', ['tsx', 'src/main.ts', 'serve'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: `.tmp/groupes-mp-${process.pid}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    procs.push(p);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    p.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    p.stderr!.on('data', (d) => (out += d));
    p.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

interface Session {
  jar: Map<string, string>;
  cookie(): string;
  call(base: string, method: string, path: string, body?: unknown): Promise<Response>;
}

async function login(base: string, identifier: string): Promise<Session> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv!.indexOf('=');
      jar.set(kv!.slice(0, i), kv!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async (b: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${b}${path}`, {
      method,
      headers: { cookie: cookie(), 'x-csrf-token': jar.get('relais_csrf') ?? '', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    keep(res);
    return res;
  };
  keep(await fetch(`${base}/api/auth/me`));
  const res = await call(base, 'POST', '/api/auth/login', { identifier, password: 'relais-demo-2026' });
  expect(res.status).toBe(200);
  return { jar, cookie, call };
}

async function until<T>(fn: () => T, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = fn();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let a: string;
let b: string;
beforeAll(async () => {
  const url = await createTestDb();
  [a, b] = await Promise.all([startServer(url), startServer(url)]);
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const p of procs) p.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
});

it('carries messages between two processes, in order, once each, and catches up across them', async () => {
  const parent = await login(a, 'parent@demo.relais.fr');
  const agent = await login(b, 'agent@demo.relais.fr');
  // The demo's rooms are facilitated by the demo agent.
  const rooms = (await (await parent.call(a, 'GET', '/api/groupes/rooms')).json()) as { rooms: { id: string; kind: string }[] };
  const room = rooms.rooms.find((r) => r.kind === 'discussion')!.id;
  expect((await parent.call(a, 'POST', `/api/groupes/rooms/${room}/join`, { pseudonym: 'Samia' })).status).toBe(200);

  const onA = await openLive(a, room, { cookie: parent.cookie() });
  const onB = await openLive(b, room, { cookie: agent.cookie() });
  sockets.push(onA, onB);

  // Written at once through both processes.
  const writes = [...Array(16)].map((_, i) =>
    i % 2
      ? parent.call(a, 'POST', `/api/groupes/rooms/${room}/messages`, { body: `du parent ${i}` })
      : agent.call(b, 'POST', `/api/groupes/rooms/${room}/messages`, { body: `de l'animateur ${i}` }),
  );
  const codes = (await Promise.all(writes)).map((r) => r.status);
  expect(codes).toEqual(Array(16).fill(201));
  const expected = [...Array(16)].map((_, i) => i + 1);
  await until(
    () => onA.seqs(),
    (s) => s.length >= 16,
    '16 messages on process A',
  );
  await until(
    () => onB.seqs(),
    (s) => s.length >= 16,
    '16 messages on process B',
  );
  expect(onA.seqs()).toEqual(expected);
  expect(onB.seqs()).toEqual(expected);

  // The agent's socket on B drops; the parent writes through A; the agent comes back on A.
  onB.close();
  await onB.closed;
  for (let i = 0; i < 3; i++)
    expect((await parent.call(a, 'POST', `/api/groupes/rooms/${room}/messages`, { body: `pendant l'absence ${i}` })).status).toBe(201);
  const back = await openLive(a, room, { cookie: agent.cookie(), after: 16 });
  sockets.push(back);
  expect((await agent.call(b, 'POST', `/api/groupes/rooms/${room}/messages`, { body: 'de retour' })).status).toBe(201);
  await until(
    () => back.seqs(),
    (s) => s.length >= 4,
    'catch-up then live',
  );
  expect(back.seqs()).toEqual([17, 18, 19, 20]);
  await until(
    () => onA.seqs(),
    (s) => s.length >= 20,
    'all 20 on A',
  );
  expect(onA.seqs()).toEqual([...expected, 17, 18, 19, 20]);
}, 120_000);
