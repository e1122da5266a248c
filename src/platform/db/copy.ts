/**
 * Bulk writes through PostgreSQL's COPY (text format), streamed with back-pressure: the
 * imports write at disk speed instead of statement by statement. Runs on the caller's
 * transaction client: a failure (a constraint, a bad value) aborts the whole COPY, and the
 * transaction with it — nothing half-written.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from './pool';

export type CopyValue = string | number | boolean | Date | null | undefined | object;

/** One value in COPY text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyText(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else if (v instanceof Date) s = v.toISOString();
  else s = JSON.stringify(v); // jsonb / json columns
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/**
 * A text[] value for COPY: the array literal `{"a","b"}` (each element quoted, `"` and `\`
 * escaped), which copyText then escapes for the COPY stream like any other text.
 */
export function pgTextArray(list: readonly string[]): string {
  return `{${list.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

const quoteIdent = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
};

/**
 * COPY `rows` (arrays in `columns` order) into `table`. Rows are turned into text lazily, a
 * chunk at a time, so memory does not grow with the count. Resolves with the rows written.
 */
export async function copyRows(t: Tx, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`COPY ${table}: a row has ${row.length} values for ${columns.length} columns`);
      count++;
      yield row.map(copyText).join('\t') + '\n';
    }
  }
  await copyLines(t, table, columns, lines());
  return count;
}

/**
 * COPY lines already in COPY text format (values escaped with copyText, joined by tabs, each
 * line ending with a newline) into `table`. For imports that write the same fixed values on
 * every row or build a value's text themselves (the survey answers' JSON): no array, no
 * value-by-value conversion per row. Lines are gathered into 64 kB chunks, pulled as the
 * server takes them (back-pressure): while PostgreSQL parses one chunk, the caller's
 * generator prepares the next, on the other core.
 */
export async function copyLines(t: Tx, table: string, columns: string[], lines: Iterable<string>): Promise<void> {
  const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
  const stream = t.query(copyFrom(sql));
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const line of lines) {
      chunk += line;
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), stream);
}
