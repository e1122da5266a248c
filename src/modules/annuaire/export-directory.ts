/**
 * Export the directory as data·inclusion: every field as imported (or as a partner
 * edited it), our own fields under `relais` / `relais_*` when they differ from the defaults.
 * JSON: `{ structures, services }`, or one plain data·inclusion array with `kind`.
 * CSV: one kind per file (structures by default).
 */
import type { Ctx } from '../../platform/context';
import { inSnapshot } from '../../platform/db/cursor';
import * as store from './annuaire.store';
import type { Kind } from './data-inclusion';
import { CsvColumns, toJsonRecord, type ExportItem } from './di-files';
import type { ServiceExtras, StructureExtras } from './extras';
import { requireImporter } from './import-directory';

export type ExportKind = 'all' | 'structures' | 'services';

type Row = { raw: Record<string, unknown>; extras: Record<string, unknown> };
const item = (r: Row): ExportItem => ({ record: r.raw, extras: r.extras as unknown as StructureExtras | ServiceExtras });

/** JSON.stringify(value, null, 2) of an element, indented to sit `depth` levels deep. */
const nested = (value: unknown, depth: number) => '  '.repeat(depth) + JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));

/**
 * The export as text chunks, a batch of records at a time, in one read-only snapshot: the
 * same text as `JSON.stringify(…, null, 2)` (or the CSV) of the whole directory, without ever
 * holding it. CSV takes two passes over the snapshot (its header names every column used).
 */
export function exportDirectoryChunks(ctx: Ctx, format: 'json' | 'csv', kind: ExportKind = 'all'): AsyncGenerator<string> {
  requireImporter(ctx); // before the first chunk: a refusal is an answer, not a broken download
  return inSnapshot(ctx.db, async function* (t) {
    if (format === 'csv') {
      const k: Kind = kind === 'services' ? 'service' : 'structure';
      const cols = new CsvColumns(k);
      for await (const batch of store.exportBatches(t, k)) for (const r of batch) cols.see(item(r));
      let first = true;
      for await (const batch of store.exportBatches(t, k)) {
        yield (first ? cols.header() : '') + batch.map((r) => cols.row(item(r))).join('');
        first = false;
      }
      if (first) yield cols.header();
      return;
    }
    const list = async function* (k: Kind, depth: number) {
      let n = 0;
      for await (const batch of store.exportBatches(t, k)) {
        yield batch.map((r) => (n++ ? ',\n' : '\n') + nested(toJsonRecord(k, item(r)), depth)).join('');
      }
      yield n ? `\n${'  '.repeat(depth - 1)}]` : ']';
    };
    if (kind === 'all') {
      yield '{\n  "structures": [';
      yield* list('structure', 2);
      yield ',\n  "services": [';
      yield* list('service', 2);
      yield '\n}\n';
      return;
    }
    yield '[';
    yield* list(kind === 'services' ? 'service' : 'structure', 1);
    yield '\n';
  });
}

/** The whole export as one string (small directories, tests). */
export async function exportDirectory(ctx: Ctx, format: 'json' | 'csv', kind: ExportKind = 'all'): Promise<string> {
  let text = '';
  for await (const chunk of exportDirectoryChunks(ctx, format, kind)) text += chunk;
  return text;
}
