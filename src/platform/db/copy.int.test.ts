import { afterAll, beforeAll, expect, it } from 'vitest';
import { tx } from './pool';
import { BinaryRows, copyBinary, copyRows, copyText, orderedIds, pgTextArray, type CopyValue } from './copy';
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

it('writes binary rows exactly as given: uuids, integers, booleans, timestamps to the microsecond, text and json, NULLs, across many chunks', async () => {
  await env.rt.deps.db.query(`CREATE TABLE copy_binary (id uuid PRIMARY KEY, n int, ok boolean, at timestamptz, label text, data json)`);
  const hostile = ['\\N', 'tab\there', 'ligne\nsuivante', 'anti\\slash', '😀 émoji', '\\.', '', 'x'.repeat(70_000)];
  const at = new Date(Date.UTC(2026, 11, 4, 23, 59, 59, 123));
  const fixed = BinaryRows.encode((w) => w.bool(true).timestamptz(at));
  const rows = [...hostile.map((label, i) => ({ label, i })), ...Array.from({ length: 20_000 }, (_, i) => ({ label: `rang ${i}`, i: 100 + i }))];
  const nextId = orderedIds(at);
  const written = await tx(env.rt.deps.db, async (t) => {
    const n = await copyBinary(t, 'copy_binary', ['id', 'n', 'ok', 'at', 'label', 'data'], rows, (w, r) =>
      w.row(6).uuidBytes(nextId()).int4(r.i - 50).bytes(fixed).text(r.label).text(JSON.stringify({ label: r.label })),
    );
    await copyBinary(t, 'copy_binary', ['id', 'n', 'ok', 'at', 'label', 'data'], [null], (w) =>
      w.row(6).uuid('00000000-0000-4000-8000-000000000001').null().bool(false).timestamptz(null).text(null).text(null),
    );
    return n;
  });
  expect(written).toBe(rows.length);
  const { rows: back } = await env.rt.deps.db.query(
    `SELECT id::text, n, ok, at, to_char(at AT TIME ZONE 'UTC', 'US') AS micro, label, data FROM copy_binary ORDER BY id`,
  );
  expect(back).toHaveLength(rows.length + 1);
  // The null row's id sorts first (its time part is 0), then the ordered ids in the rows' order.
  expect(back[0]).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', n: null, ok: false, at: null, label: null, data: null });
  expect(back.slice(1).map((r) => r.label)).toEqual(rows.map((r) => r.label));
  expect(back.slice(1).map((r) => r.data.label)).toEqual(rows.map((r) => r.label));
  expect(back[1]).toMatchObject({ n: -50, ok: true, micro: '123000' });
  expect(back[1].at.toISOString()).toBe(at.toISOString());
  // UUID version 7 with the write's millisecond first.
  expect(back[1].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(parseInt(back[1].id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
});

it('a value the column refuses aborts a binary COPY and its transaction', async () => {
  await env.rt.deps.db.query(`CREATE TABLE copy_binary_json (id int PRIMARY KEY, data json)`);
  const write = tx(env.rt.deps.db, (t) =>
    copyBinary(t, 'copy_binary_json', ['id', 'data'], [1, 2, 3], (w, i) => w.row(2).int4(i).text(i === 3 ? '{pas du json' : '{}')),
  );
  await expect(write).rejects.toMatchObject({ code: '22P02' });
  const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM copy_binary_json`);
  expect(rows[0].n).toBe(0);
});

it('writes float8, int8, date, jsonb, text[] and int4multirange in binary as the text format reads them', async () => {
  const db = env.rt.deps.db;
  const cols = `(id int PRIMARY KEY, x float8, big int8, day date, doc jsonb, list text[], week int4multirange, ok boolean)`;
  await db.query(`CREATE TABLE copy_types_text ${cols}; CREATE TABLE copy_types_binary ${cols}`);
  const hostile = ['a"b', 'c\\d', '{x}', 'e,f', 'NULL', '', 'tab\there', 'ligne\nsuivante', 'é😀'];
  type Row = { id: number; x: number | null; big: number | null; day: string | null; doc: object | null; list: string[]; week: [number, number][]; ok: boolean | null };
  const base: Row[] = [
    { id: 0, x: 49.894067, big: 9_007_199_254_740_991, day: '2026-02-28', doc: { nom: 'é😀 "x"', n: [1, 2.5, null] }, list: hostile, week: [[480, 720], [810, 1020], [10_020, 10_080]], ok: true },
    { id: 1, x: -0.579, big: -3, day: '1999-12-31', doc: {}, list: [], week: [], ok: false },
    { id: 2, x: null, big: null, day: null, doc: null, list: ['un'], week: [[0, 10_080]], ok: null },
    { id: 3, x: 2.5e-300, big: 0, day: '2000-01-01', doc: { long: 'y'.repeat(70_000) }, list: ['z'.repeat(40_000), 'deux'], week: [[1, 2]], ok: true },
  ];
  // Many rows, so that values fall across the chunks' boundaries (the long ones once).
  const rows = [...base, ...Array.from({ length: 6_000 }, (_, i) => ({ ...base[i % 3]!, id: 10 + i, list: [...base[i % 3]!.list, `n° ${i}`] }))];
  const literal = (week: [number, number][]) => `{${week.map(([a, b]) => `[${a},${b})`).join(',')}}`;
  await tx(db, async (t) => {
    await copyRows(
      t,
      'copy_types_text',
      ['id', 'x', 'big', 'day', 'doc', 'list', 'week', 'ok'],
      rows.map((r) => [r.id, r.x, r.big, r.day, r.doc, pgTextArray(r.list), literal(r.week), r.ok]),
    );
    await copyBinary(t, 'copy_types_binary', ['id', 'x', 'big', 'day', 'doc', 'list', 'week', 'ok'], rows, (w, r) =>
      w
        .row(8)
        .int4(r.id)
        .float8(r.x)
        .int8(r.big)
        .date(r.day)
        .jsonb(r.doc === null ? null : JSON.stringify(r.doc))
        .textArray(r.list)
        .int4multirange(r.week)
        .bool(r.ok),
    );
  });
  const read = async (table: string) =>
    (await db.query(`SELECT id, x, big::text, day::text, doc::text, list, week::text, ok FROM ${table} ORDER BY id`)).rows;
  const [text, binary] = [await read('copy_types_text'), await read('copy_types_binary')];
  expect(binary).toHaveLength(rows.length);
  expect(binary).toEqual(text);
  expect(binary[0]).toMatchObject({ x: 49.894067, big: '9007199254740991', day: '2026-02-28', list: hostile, week: '{[480,720),[810,1020),[10020,10080)}' });
  expect(binary[1]).toMatchObject({ list: [], week: '{}', day: '1999-12-31' });
});

it('refuses a date or an integer it cannot write exactly', () => {
  const w = new BinaryRows();
  expect(() => w.date('2026-02-30')).toThrow(/not a date/);
  expect(() => w.date('26/02/2026')).toThrow(/not a date/);
  expect(() => w.int8(1.5)).toThrow(/not an integer/);
});

it('in statements of N rows: every row written once and in order, an empty or exact-multiple input too; a failure in a middle statement leaves nothing', async () => {
  const db = env.rt.deps.db;
  await db.query(`CREATE TABLE copy_parent (id int PRIMARY KEY); INSERT INTO copy_parent VALUES (1);
    CREATE TABLE copy_statements (id int PRIMARY KEY, parent int NOT NULL REFERENCES copy_parent, label text)`);
  const write = (n: number, per: number, bad = -1) =>
    tx(db, (t) =>
      copyBinary(
        t,
        'copy_statements',
        ['id', 'parent', 'label'],
        Array.from({ length: n }, (_, i) => i),
        (w, i) => w.row(3).int4(i).int4(i === bad ? 2 : 1).text(`r${i}`),
        { statementRows: per },
      ),
    );
  for (const [n, per] of [
    [0, 1000],
    [3000, 1000],
    [25_001, 1000],
    [7, 10_000],
  ] as const) {
    await db.query(`DELETE FROM copy_statements`);
    expect(await write(n, per)).toBe(n);
    const { rows } = await db.query(`SELECT id, label FROM copy_statements ORDER BY id`);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(rows.every((r) => r.label === `r${r.id}`)).toBe(true);
  }
  await db.query(`DELETE FROM copy_statements`);
  // Row 12,345 refers to no parent: its statement (the 13th of 25) fails, the transaction with it.
  await expect(write(25_000, 1000, 12_345)).rejects.toMatchObject({ code: '23503' });
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM copy_statements`);
  expect(rows[0].n).toBe(0);
});
