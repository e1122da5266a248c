/**
 * Who owns the embedded cluster (a live process, identified by pid and start time, so a
 * recycled pid is not taken for it), and a DATA_DIR the cluster's own user cannot reach
 * said up front, in French.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { accessProblem, claimOwnership, currentOwner, isAlive, processStartTime } from './embedded';

const base = path.resolve('.tmp', `owner-${process.pid}`);
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
  fs.rmSync(base, { recursive: true, force: true });
});

function record(dir: string, generation: number, rec: object) {
  fs.mkdirSync(`${dir}.owner`, { recursive: true });
  fs.writeFileSync(path.join(`${dir}.owner`, `${String(generation).padStart(12, '0')}.json`), JSON.stringify(rec));
}

it('tells a live owner from a dead one or a recycled pid', () => {
  const me = { pid: process.pid, start: processStartTime(process.pid) };
  expect(isAlive(me)).toBe(true);
  if (me.start !== null) expect(isAlive({ pid: process.pid, start: `${me.start}1` })).toBe(false); // same pid, another process
  expect(isAlive({ pid: 2 ** 22 + 1, start: null })).toBe(false); // above pid_max: never running
});

it('takes over only from a dead owner, and attaches to a live one', async () => {
  const dead = path.join(base, 'dead', 'pg');
  record(dead, 7, { pid: process.pid, start: 'not-this-process', port: 5555, generation: 7 });
  const mine = claimOwnership(dead, 6000);
  expect(mine).toMatchObject({ owner: true, record: { pid: process.pid, generation: 8, port: 6000 } });
  expect(fs.readdirSync(`${dead}.owner`)).toEqual(['000000000008.json']); // older generations swept
  expect(currentOwner(dead)).toMatchObject({ pid: process.pid });

  // A live other process owns it: we attach, on its port.
  const live = path.join(base, 'live', 'pg');
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  cleanups.push(() => child.kill('SIGKILL'));
  const deadline = Date.now() + 10_000;
  while (processStartTime(child.pid!) === null && fs.existsSync('/proc/self/stat') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  record(live, 3, { pid: child.pid, start: processStartTime(child.pid!), port: 5432, generation: 3 });
  expect(claimOwnership(live, 6000)).toMatchObject({ owner: false, record: { pid: child.pid, port: 5432 } });
  // …until it dies.
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  expect(claimOwnership(live, 6000)).toMatchObject({ owner: true, record: { generation: 4 } });
});

it('names the folder user postgres cannot traverse', () => {
  const stats: Record<string, { uid: number; gid: number; mode: number }> = {
    '/': { uid: 0, gid: 0, mode: 0o40755 },
    '/tmp': { uid: 0, gid: 0, mode: 0o41777 },
    '/tmp/tmp.abc': { uid: 0, gid: 0, mode: 0o40700 },
  };
  const stat = (p: string) => stats[p] ?? null;
  const postgres = { uid: 100, gid: 101 };
  const msg = accessProblem('/tmp/tmp.abc/data/pg', postgres, stat);
  expect(msg).toContain('/tmp/tmp.abc');
  expect(msg).toContain('DATA_DIR=/tmp/tmp.abc/data');
  expect(msg).toContain('chmod o+x /tmp/tmp.abc');
  expect(accessProblem('/tmp/tmp.abc/data/pg', { uid: 0, gid: 0 }, stat)).toBeNull(); // its owner may
  stats['/tmp/tmp.abc']!.mode = 0o40711;
  expect(accessProblem('/tmp/tmp.abc/data/pg', postgres, stat)).toBeNull();
  expect(accessProblem('/tmp/tmp.abc/data/pg', { uid: null, gid: null }, stat)).toBeNull(); // user not created yet: "others"
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

it.skipIf(!isRoot || Boolean(process.env.DATABASE_URL))('as root, refuses at once a DATA_DIR under a folder only root can enter', async () => {
  const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-')); // mode 700, like mktemp -d
  cleanups.push(() => fs.rmSync(closed, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(closed, 'data'), EMBEDDED_PG_PORT: '54999' };
  delete env.DATABASE_URL;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'migrate'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => proc.kill('SIGKILL'));
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const started = Date.now();
  const code = await new Promise<number | null>((r) => proc.once('exit', r));
  expect(code, out).not.toBe(0);
  expect(out).toContain(`DATA_DIR=${path.join(closed, 'data')}`);
  expect(out).toContain(`chmod o+x ${closed}`);
  expect(out).not.toMatch(/Permission denied|initdb/);
  expect(Date.now() - started).toBeLessThan(30_000); // no initdb attempt, no long wait
  expect(fs.existsSync(path.join(closed, 'data', 'pg', 'PG_VERSION'))).toBe(false);
}, 60_000);

it('lets exactly one of several processes starting at once own the cluster', async () => {
  const dir = path.join(base, 'race', 'pg');
  record(dir, 41, { pid: 2 ** 22 + 1, start: null, port: 5555, generation: 41 }); // a dead owner to take over from
  const go = path.join(base, 'race-go');
  const script = `
    const { claimOwnership } = await import(${JSON.stringify(path.resolve('src/platform/db/embedded.ts'))});
    const fs = await import('node:fs');
    console.log('ready');
    while (!fs.existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 1));
    const c = claimOwnership(${JSON.stringify(dir)}, 6000);
    console.log(JSON.stringify({ owner: c.owner, pid: c.record.pid }));
    process.stdin.resume(); // stay alive (an owner must not die) until the test closes stdin
  `;
  const procs = Array.from({ length: 5 }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  cleanups.push(() => procs.forEach((p) => p.kill('SIGKILL')));
  const outputs = procs.map(() => '');
  procs.forEach((p, i) => {
    p.stdout!.on('data', (d) => (outputs[i] += d));
    p.once('exit', (code) => (outputs[i] += `\nexited ${code}`));
  });
  const lines = (i: number) => outputs[i]!.split('\n').filter(Boolean);
  // Every child loaded and waiting for the go file before the race starts.
  await until(() => outputs.every((o) => o.includes('ready') || o.includes('exited')), 60_000);
  fs.writeFileSync(go, '');
  await until(() => procs.every((_, i) => lines(i).length >= 2), 30_000);
  const results = procs.map((_, i) => JSON.parse(lines(i)[1]!) as { owner: boolean; pid: number });
  const owners = results.filter((r) => r.owner);
  expect(owners).toHaveLength(1);
  expect(results.every((r) => r.pid === owners[0]!.pid)).toBe(true); // the others attach to the winner
  expect(currentOwner(dir)?.pid).toBe(owners[0]!.pid);
  for (const p of procs) p.stdin!.end();
}, 90_000);

async function until(probe: () => boolean, ms: number) {
  const deadline = performance.now() + ms;
  while (!probe()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
