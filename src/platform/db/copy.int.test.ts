import { afterAll, beforeAll, expect, it } from 'vitest';
import { tx } from './pool';
import { copyRows, copyText, pgTextArray, type CopyValue } from './copy';
import { createTestEnv, type TestEnv } from '../testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  await env.rt.deps.db.query(`CREATE TABLE copy_probe (id int PRIMARY KEY, label text, data jsonb, at timestamptz, ok boolean)`);
});
afterAll(() => env?.close());

it('escapes what COPY text format reserves', () => {
  expect(copyText(null)).toBe('\\N');
  expect(copyText('a\tb\nc\\d\r')).toBe('a\\tb\\nc\\\\d\\r');
  expect(copyText({ q: 'il a dit "non"\n' })).toBe('{"q":"il a dit \\\\"non\\\\"\\\\n"}');
});

it('writes every row exactly as given, hostile strings and JSON included', async () => {
  const hostile = ['\\N', 'tab\there', 'ligne\nsuivante', 'anti\\slash', "l'apostrophe", '😀 émoji', '\\.', ''];
  const rows: CopyValue[][] = hostile.map((label, i) => [i, label, { label, n: i }, new Date(Date.UTC(2026, 0, i + 1)), i % 2 === 0]);
  rows.push([99, null, null, null, null]);
  const n = await tx(env.rt.deps.db, (t) => copyRows(t, 'copy_probe', ['id', 'label', 'data', 'at', 'ok'], rows));
  expect(n).toBe(hostile.length + 1);
  const { rows: back } = await env.rt.deps.db.query(`SELECT id, label, data, at, ok FROM copy_probe ORDER BY id`);
  expect(back.map((r) => r.label)).toEqual([...hostile, null]);
  expect(back.slice(0, -1).map((r) => r.data.label)).toEqual(hostile);
  expect(back[3].at.toISOString()).toBe('2026-01-04T00:00:00.000Z');
  expect(back[8]).toEqual({ id: 99, label: null, data: null, at: null, ok: null });
});

it('writes text[] values element by element, quotes, backslashes, braces and the word NULL included', async () => {
  await env.rt.deps.db.query(`CREATE TABLE copy_arrays (id int PRIMARY KEY, list text[])`);
  const lists = [[], ['un'], ['a"b', 'c\\d', '{x}', 'e,f', 'NULL', '', 'tab\there', 'ligne\nsuivante', 'é😀']];
  await tx(env.rt.deps.db, (t) => copyRows(t, 'copy_arrays', ['id', 'list'], lists.map((l, i) => [i, pgTextArray(l)])));
  const { rows } = await env.rt.deps.db.query(`SELECT list FROM copy_arrays ORDER BY id`);
  expect(rows.map((r) => r.list)).toEqual(lists);
});

it('a constraint broken halfway aborts the whole COPY and its transaction: nothing is written', async () => {
  const rows = Array.from({ length: 50_000 }, (_, i) => [1000 + (i === 40_000 ? 0 : i), `r${i}`, null, null, true]);
  await expect(tx(env.rt.deps.db, (t) => copyRows(t, 'copy_probe', ['id', 'label', 'data', 'at', 'ok'], rows))).rejects.toMatchObject({ code: '23505' });
  const { rows: count } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM copy_probe WHERE id >= 1000`);
  expect(count[0].n).toBe(0);
});
