/**
 * The directory export streams from a cursor (issue 20): the same text as the whole
 * directory serialised at once, in chunks, over HTTP and in the CLI's function, with the
 * access check before the first byte.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { exportDirectoryChunks } from './export-directory';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-25T10:00:00+01:00' });
  await env.seedDemo();
});
afterAll(() => env?.close());

async function collect(gen: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of gen) out.push(c);
  return out;
}

it('JSON: chunk by chunk, exactly JSON.stringify(…, null, 2) of the whole directory', async () => {
  const ctx = env.rt.systemCtx();
  for (const kind of ['all', 'structures', 'services'] as const) {
    const chunks = await collect(exportDirectoryChunks(ctx, 'json', kind));
    const text = chunks.join('');
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  }
  const all = JSON.parse((await collect(exportDirectoryChunks(ctx, 'json', 'all'))).join(''));
  expect(all.structures.length).toBeGreaterThan(5);
  expect(all.services.length).toBeGreaterThan(30);
});

it('CSV: a header naming every column any record uses, then one line per record', async () => {
  const text = (await collect(exportDirectoryChunks(env.rt.systemCtx(), 'csv', 'services'))).join('');
  const lines = text.trimEnd().split('\r\n');
  const json = JSON.parse((await collect(exportDirectoryChunks(env.rt.systemCtx(), 'json', 'services'))).join('')) as Record<string, unknown>[];
  expect(lines.length).toBe(json.length + 1);
  for (const key of new Set(json.flatMap((r) => Object.keys(r).filter((k) => k !== 'relais')))) expect(lines[0]!.split(',')).toContain(key);
});

it('over HTTP: streamed to staff, refused to a parent before anything is sent', async () => {
  const agent = await env.as('agent');
  const res = await agent.get('/api/annuaire/export?format=json&type=all');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  expect(res.body).toBe((await collect(exportDirectoryChunks(env.rt.systemCtx(), 'json', 'all'))).join(''));
  const csv = await agent.get('/api/annuaire/export?format=csv&type=structures');
  expect(csv.statusCode).toBe(200);
  expect(csv.body.split('\r\n')[0]).toMatch(/^accessibilite_lieu,adresse,/);
  const parent = await env.as('parent');
  expect((await parent.get('/api/annuaire/export?format=json')).statusCode).toBe(403);
});

it('a reader that stops early ends the snapshot and gives the connection back', async () => {
  const pool = env.rt.deps.db;
  const before = pool.totalCount - pool.idleCount;
  const gen = exportDirectoryChunks(env.rt.systemCtx(), 'json', 'services');
  await gen.next();
  await gen.return(undefined);
  await expect.poll(() => pool.totalCount - pool.idleCount).toBe(before);
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
  expect(rows[0].n).toBe(0);
});
