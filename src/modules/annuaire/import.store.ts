/**
 * SQL of the directory import at scale: new records go into the tables through COPY (the
 * rows are built while PostgreSQL writes the previous ones), records already there through
 * the upserts of annuaire.store.ts. One import at a time (a transaction-scoped lock), so the
 * keys read as absent stay absent until the COPY.
 */
import { BinaryRows, copyBinary } from '../../platform/db/copy';
import type { Queryable, Tx } from '../../platform/db/pool';
import { SERVICE_DI_COLUMNS, SERVICE_EXTRA_COLUMNS, STRUCTURE_DI_COLUMNS, STRUCTURE_EXTRA_COLUMNS, type ColumnType } from './annuaire.store';
import { structureKey } from './data-inclusion';
import { LEXICON_WORD } from './search.store';
import type { ServiceRow, StructureRow } from './listing-rows';

/** Waits for another import of the directory to end (released with the transaction). */
export async function lockDirectoryImport(t: Tx): Promise<void> {
  await t.query(`SELECT pg_advisory_xact_lock(hashtext('annuaire/import'))`);
}

/** Ids of the records already there, by their key (`structureKey(source, di_id)`). */
export async function existingIds(
  q: Queryable,
  table: 'annuaire_structures' | 'annuaire_services',
  keys: { source: string; di_id: string }[],
): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const { rows } = await q.query<{ id: string; source: string; di_id: string }>(
    `SELECT id, source, di_id FROM ${table} JOIN unnest($1::text[], $2::text[]) AS k(source, di_id) USING (source, di_id)`,
    [keys.map((k) => k.source), keys.map((k) => k.di_id)],
  );
  return new Map(rows.map((r) => [structureKey(r.source, r.di_id), r.id]));
}

type NewRow<R> = R & { id: string; import_seq: number };

function copyColumns(di: [string, ColumnType][], extras: [string, ColumnType][]): [string, ColumnType][] {
  return [['id', 'uuid'], ['source', 'text'], ['di_id', 'text'], ...di, ...extras, ['import_seq', 'int8']];
}
const STRUCTURE_COPY = copyColumns(STRUCTURE_DI_COLUMNS, STRUCTURE_EXTRA_COLUMNS);
const SERVICE_COPY = copyColumns(SERVICE_DI_COLUMNS, SERVICE_EXTRA_COLUMNS);

type Put = (w: BinaryRows, v: unknown) => void;

/** Each column type written in COPY's binary format: the server reads bytes, not text to parse. */
const PUT: Record<ColumnType, Put> = {
  text: (w, v) => w.text(v === null || v === undefined ? null : String(v)),
  float8: (w, v) => w.float8(v === null || v === undefined ? null : Number(v)),
  date: (w, v) => w.date((v as string | null | undefined) ?? null),
  // json's binary form is its text.
  json: (w, v) => w.text(v === null || v === undefined ? null : JSON.stringify(v)),
  jsonb: (w, v) => w.jsonb(v === null || v === undefined ? null : JSON.stringify(v)),
  bool: (w, v) => w.bool((v as boolean | null | undefined) ?? null),
  'text[]': (w, v) => w.textArray((v as string[] | null | undefined) ?? []),
  uuid: (w, v) => w.uuid((v as string | null | undefined) ?? null),
  int8: (w, v) => w.int8((v as number | null | undefined) ?? null),
};

/** The opening week's multirange, from its literal (`{[480,720),[810,1020)}`, search-query.ts multirangeLiteral): few distinct ones, read once each. */
const weeks = new Map<string, [number, number][]>();
function weekRanges(literal: string): [number, number][] {
  let ranges = weeks.get(literal);
  if (!ranges) {
    if (!/^\{(\[-?\d+,-?\d+\)(,\[-?\d+,-?\d+\))*)?\}$/.test(literal)) throw new Error(`not a week literal: ${literal}`);
    ranges = [...literal.matchAll(/\[(-?\d+),(-?\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
    if (weeks.size < 10_000) weeks.set(literal, ranges);
  }
  return ranges;
}
const putWeek: Put = (w, v) => w.int4multirange(weekRanges((v as string | null | undefined) ?? '{}'));

/** COPY `rows` in binary format: the table's columns in `columns` order, then `updated_at`; in statements of 10,000 rows, one transaction. */
function copyNew<R extends object>(t: Tx, table: string, columns: [string, ColumnType][], rows: Iterable<R>, now: Date): Promise<number> {
  const puts = columns.map(([c, type]) => [c, c === 'week_open' ? putWeek : PUT[type]] as const);
  return copyBinary(
    t,
    table,
    [...columns.map(([c]) => c), 'updated_at'],
    rows,
    (w, row) => {
      const r = row as Record<string, unknown>;
      w.row(puts.length + 1);
      for (const [c, put] of puts) put(w, r[c]);
      w.timestamptz(now);
    },
    // Statements of 10,000 rows: the server checks one's foreign keys while the next rows are built.
    { statementRows: 10_000 },
  );
}

/** COPY new structures (their ids chosen by the caller); resolves with the count written. */
export function copyNewStructures(t: Tx, rows: Iterable<NewRow<StructureRow>>, now: Date): Promise<number> {
  return copyNew(t, 'annuaire_structures', STRUCTURE_COPY, rows, now);
}

/** COPY new services (their ids chosen by the caller); resolves with the count written. */
export function copyNewServices(t: Tx, rows: Iterable<NewRow<ServiceRow>>, now: Date): Promise<number> {
  return copyNew(t, 'annuaire_services', SERVICE_COPY, rows, now);
}

/**
 * Add words to the typo-correction lexicon from `tokens`: pieces of service texts cut at ASCII
 * punctuation and spaces. Those characters are left alone by lower() and unaccent, so cutting
 * there first gives the very words `addWords` gets from the whole texts, from a far shorter list.
 */
export async function addWordsOfTokens(q: Queryable, tokens: string[]): Promise<void> {
  if (!tokens.length) return;
  await q.query(
    // In alphabetical order: neighbouring words share trigrams, the GiST index's pages stay warm (~10 % faster).
    `INSERT INTO annuaire_words (word)
     SELECT w FROM (
       SELECT DISTINCT w FROM unnest($1::text[]) AS t(token), regexp_split_to_table(lower(immutable_unaccent(t.token)), '[^a-z0-9]+') AS w
       WHERE ${LEXICON_WORD}
     ) words ORDER BY w
     ON CONFLICT DO NOTHING`,
    [tokens],
  );
}
