/**
 * The owner of the embedded cluster keeps it alive: a postmaster killed under it is
 * started again; when that is impossible (its folder is gone) it says so, in French,
 * through onFatal (the server then exits 1 for a supervisor to restart it).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedServer } from './embedded';
import { freePostgresPort } from './testing-ports';

const dir = path.resolve('.tmp', `restart-${process.pid}`, 'pg');
let server: EmbeddedServer | null = null;

async function until(what: string, ms: number, probe: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const postmasterPid = (d: string) => Number(fs.readFileSync(path.join(d, 'postmaster.pid'), 'utf8').split('\n')[0]);

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  const moved = `${dir}.moved`;
  if (fs.existsSync(moved)) fs.renameSync(moved, dir);
  try {
    process.kill(postmasterPid(dir), 'SIGINT');
  } catch {
    /* stopped */
  }
  await server?.stop().catch(() => {});
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

it.skipIf(Boolean(process.env.DATABASE_URL))('restarts a killed postmaster, and gives up in French when it cannot', async () => {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  server = await startEmbedded({ dir, port: await freePostgresPort(), restartTimeoutMs: 10_000 }); // a busy machine's old backends may take seconds to go
  expect(server.role).toBe('owner');
  const events: string[] = [];
  let fatal = '';
  server.watch({ onDown: () => events.push('down'), onUp: () => events.push('up'), onFatal: (m) => (fatal = m) });
  await query(server.url('postgres'), `CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)`);

  process.kill(postmasterPid(dir), 'SIGKILL');
  await until('the cluster to be back', 15_000, () => events.join() === 'down,up');
  expect(server.available).toBe(true);
  expect(await query(server.url('postgres'), 'SELECT v FROM kept')).toEqual([{ v: 42 }]);

  // Its folder gone (moved away while it runs), the cluster cannot start again: no empty
  // cluster in its place, but a French message for the process to exit with.
  fs.renameSync(dir, `${dir}.moved`);
  process.kill(postmasterPid(`${dir}.moved`), 'SIGKILL');
  await until('onFatal', 60_000, () => fatal !== '');
  expect(fatal).toMatch(/PostgreSQL embarqué .* ne redémarre pas : le dossier du cluster .* a disparu/);
  expect(fs.existsSync(path.join(dir, 'PG_VERSION'))).toBe(false);
  expect(server.available).toBe(false);
}, 90_000);
