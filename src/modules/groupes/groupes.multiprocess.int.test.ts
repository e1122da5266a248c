/**
 * Two `relais serve` processes on one PostgreSQL: a message written through one reaches
 * the sockets of the other (LISTEN/NOTIFY), every socket gets every message once, in the
 * room's order, and a socket that reconnects to the other process gets exactly what it missed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from '../../platform/testing';
import { HttpSession, startServerProcess, type ServerProcess } from '../../platform/testing-multiprocess';
import { openLive, type LiveClient } from './live-client';

const servers: ServerProcess[] = [];
const sockets: LiveClient[] = [];

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
  servers.push(
    ...(await Promise.all([
      startServerProcess(url, { dataDir: `.tmp/groupes-mp-${process.pid}` }),
      startServerProcess(url, { dataDir: `.tmp/groupes-mp-${process.pid}` }),
    ])),
  );
  [a, b] = servers.map((s) => s.url) as [string, string];
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all(servers.map((s) => s.stop()));
});

const login = (base: string, identifier: string) => new HttpSession(base).login(identifier, 'relais-demo-2026');

it('carries messages between two processes, in order, once each, and catches up across them', async () => {
  const parent = await login(a, 'parent@demo.relais.fr');
  const agent = await login(b, 'agent@demo.relais.fr');
  // The demo's rooms are facilitated by the demo agent.
  const rooms = (await (await parent.call('GET', '/api/groupes/rooms')).json()) as { rooms: { id: string; kind: string }[] };
  const room = rooms.rooms.find((r) => r.kind === 'discussion')!.id;
  expect((await parent.call('POST', `/api/groupes/rooms/${room}/join`, { pseudonym: 'Samia' })).status).toBe(200);

  const onA = await openLive(a, room, { cookie: parent.cookie() });
  const onB = await openLive(b, room, { cookie: agent.cookie() });
  sockets.push(onA, onB);

  // Written at once through both processes.
  const writes = [...Array(16)].map((_, i) =>
    i % 2
      ? parent.call('POST', `/api/groupes/rooms/${room}/messages`, { body: `du parent ${i}` })
      : agent.call('POST', `/api/groupes/rooms/${room}/messages`, { body: `de l'animateur ${i}` }),
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
  for (let i = 0; i < 3; i++) expect((await parent.call('POST', `/api/groupes/rooms/${room}/messages`, { body: `pendant l'absence ${i}` })).status).toBe(201);
  const back = await openLive(a, room, { cookie: agent.cookie(), after: 16 });
  sockets.push(back);
  expect((await agent.call('POST', `/api/groupes/rooms/${room}/messages`, { body: 'de retour' })).status).toBe(201);
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
