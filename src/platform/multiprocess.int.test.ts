/**
 * Stateless servers: two `relais serve` processes on one PostgreSQL serve the same
 * users. Log in on one, act on the other; both seed the demo at once without clashing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from './testing';

const procs: ChildProcess[] = [];

function startServer(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('npx', ['tsx', 'src/main.ts', 'serve'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: `.tmp/mp-${process.pid}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    procs.push(p);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
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

let a: string;
let b: string;
beforeAll(async () => {
  const url = await createTestDb();
  [a, b] = await Promise.all([startServer(url), startServer(url)]);
}, 120_000);

afterAll(async () => {
  for (const p of procs) p.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
});

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [kv] = c.split(';');
    const i = kv.indexOf('=');
    jar.set(kv.slice(0, i), kv.slice(i + 1));
  }
}
const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

it('logs in on one process and acts on the other', async () => {
  const jar = new Map<string, string>();
  cookiesOf(await fetch(`${a}/api/auth/me`), jar);
  const login = await fetch(`${a}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: header(jar), 'x-csrf-token': jar.get('relais_csrf')! },
    body: JSON.stringify({ identifier: 'agent@demo.relais.fr', password: 'relais-demo-2026' }),
  });
  expect(login.status).toBe(200);
  cookiesOf(login, jar);
  const me = await (await fetch(`${b}/api/auth/me`, { headers: { cookie: header(jar) } })).json();
  expect(me.user.email).toBe('agent@demo.relais.fr');
  const patch = await fetch(`${b}/api/account`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie: header(jar), 'x-csrf-token': jar.get('relais_csrf')! },
    body: JSON.stringify({ easyRead: true }),
  });
  expect(patch.status).toBe(200);
  const again = await (await fetch(`${a}/api/auth/me`, { headers: { cookie: header(jar) } })).json();
  expect(again.user.easyRead).toBe(true);
  // logging out on A ends the session on B too
  await fetch(`${a}/api/auth/logout`, { method: 'POST', headers: { cookie: header(jar), 'x-csrf-token': jar.get('relais_csrf')! } });
  const gone = await (await fetch(`${b}/api/auth/me`, { headers: { cookie: header(jar) } })).json();
  expect(gone.user).toBeNull();
}, 60_000);

it('both report the same migration and a running queue', async () => {
  const [ha, hb] = await Promise.all([fetch(`${a}/api/health`).then((r) => r.json()), fetch(`${b}/api/health`).then((r) => r.json())]);
  expect(ha.database.migration).toBe(hb.database.migration);
  expect(ha.queue.workers && hb.queue.workers).toBe(true);
});
