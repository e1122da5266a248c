/**
 * SQL of the directory import at scale: new records go into the tables through COPY (the
 * rows are built while PostgreSQL writes the previous ones), records already there through
 * the upserts of annuaire.store.ts. One import at a time (a transaction-scoped lock), so the
 * keys read as absent stay absent until the COPY.
 */
import { copyRows, pgTextArray, type CopyValue } from '../../platform/db/copy';
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

function* values<R extends object>(columns: [string, ColumnType][], rows: Iterable<R>, now: Date): Generator<CopyValue[]> {
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    const out: CopyValue[] = columns.map(([c, type]) => (type === 'text[]' ? pgTextArray((r[c] as string[] | null) ?? []) : (r[c] as CopyValue)));
    out.push(now);
    yield out;
  }
}

/** COPY new structures (their ids chosen by the caller); resolves with the count written. */
export function copyNewStructures(t: Tx, rows: Iterable<NewRow<StructureRow>>, now: Date): Promise<number> {
  return copyRows(t, 'annuaire_structures', [...STRUCTURE_COPY.map(([c]) => c), 'updated_at'], values(STRUCTURE_COPY, rows, now));
}

/** COPY new services (their ids chosen by the caller); resolves with the count written. */
export function copyNewServices(t: Tx, rows: Iterable<NewRow<ServiceRow>>, now: Date): Promise<number> {
  return copyRows(t, 'annuaire_services', [...SERVICE_COPY.map(([c]) => c), 'updated_at'], values(SERVICE_COPY, rows, now));
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
