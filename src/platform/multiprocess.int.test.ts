/**
 * Stateless servers: two `relais serve` processes on one PostgreSQL serve the same
 * users. Log in on one, act on the other; both seed the demo at once without clashing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from './testing';
import { HttpSession, startServerProcess, type ServerProcess } from './testing-multiprocess';

let procs: ServerProcess[] = [];
let a: string;
let b: string;
beforeAll(async () => {
  const url = await createTestDb();
  procs = await Promise.all([startServerProcess(url), startServerProcess(url)]);
  [a, b] = procs.map((p) => p.url);
}, 120_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
});

it('logs in on one process and acts on the other', async () => {
  const agent = await new HttpSession(a).login('agent@demo.relais.fr', 'relais-demo-2026');
  const me = await (await agent.call('GET', '/api/auth/me', undefined, b)).json();
  expect(me.user.email).toBe('agent@demo.relais.fr');
  const patch = await agent.call('PATCH', '/api/account', { easyRead: true }, b);
  expect(patch.status).toBe(200);
  const again = await (await agent.call('GET', '/api/auth/me')).json();
  expect(again.user.easyRead).toBe(true);
  // logging out on A ends the session on B too
  await agent.call('POST', '/api/auth/logout');
  const gone = await (await fetch(`${b}/api/auth/me`, { headers: { cookie: agent.cookie() } })).json();
  expect(gone.user).toBeNull();
}, 60_000);

it('both report the same migration and a running queue', async () => {
  const [ha, hb] = await Promise.all([fetch(`${a}/api/health`).then((r) => r.json()), fetch(`${b}/api/health`).then((r) => r.json())]);
  expect(ha.database.migration).toBe(hb.database.migration);
  expect(ha.queue.workers && hb.queue.workers).toBe(true);
});
