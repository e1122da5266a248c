/**
 * The embedded server as `npm start` runs it: data in DATA_DIR, a start after kill -9
 * recovers (the orphaned postgres is stopped through postmaster.pid) without losing
 * what was acknowledged, and Ctrl-C stops both cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePostgresPort } from './testing-ports';

const dataDir = path.resolve('.tmp', `embedded-${process.pid}`);
const live: ChildProcess[] = [];

async function serve(pgPort: number): Promise<{ proc: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.push(proc);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`no start: ${out}`)), 90_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(t);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    proc.stderr!.on('data', (d) => (out += d));
    proc.on('exit', (c) => reject(new Error(`exited ${c}: ${out}`)));
  });
  return { proc, url };
}

async function signup(url: string, identifier: string, route = '/api/auth/signup') {
  const me = await fetch(`${url}/api/auth/me`);
  const csrf = me.headers.getSetCookie().find((c) => c.startsWith('relais_csrf='))!.split(';')[0];
  return fetch(`${url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': csrf.split('=')[1] },
    body: JSON.stringify(route.endsWith('/login') ? { identifier, password: 'un-long-mot-de-passe' } : { identifier, password: 'un-long-mot-de-passe', displayName: 'Test' }),
  });
}

afterAll(async () => {
  for (const p of live) if (p.exitCode === null) p.kill('SIGINT');
  const deadline = Date.now() + 20_000;
  while (live.some((p) => p.exitCode === null && p.signalCode === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const pid = path.join(dataDir, 'pg', 'postmaster.pid');
  if (fs.existsSync(pid)) {
    try {
      process.kill(Number(fs.readFileSync(pid, 'utf8').split('\n')[0]), 'SIGINT');
    } catch {
      /* gone */
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it.skipIf(Boolean(process.env.DATABASE_URL))('recovers after kill -9 without losing acknowledged data, and stops cleanly on Ctrl-C', async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pgPort = await freePostgresPort();
  const first = await serve(pgPort);
  expect((await signup(first.url, 'avant-crash@example.fr')).status).toBe(201);
  first.proc.kill('SIGKILL');
  await new Promise((r) => first.proc.once('exit', r));
  // postgres outlived its parent
  expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);

  const second = await serve(pgPort);
  expect((await signup(second.url, 'avant-crash@example.fr', '/api/auth/login')).status).toBe(200); // still there
  second.proc.kill('SIGINT');
  const code = await new Promise((r) => second.proc.once('exit', r));
  expect(code).toBe(0);
  expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
}, 240_000);
