/**
 * Export the directory as data·inclusion: every field as imported (or as a partner
 * edited it), our own fields under `relais` / `relais_*` when they differ from the defaults.
 * JSON: `{ structures, services }`, or one plain data·inclusion array with `kind`.
 * CSV: one kind per file (structures by default).
 */
import type { Ctx } from '../../platform/context';
import * as store from './annuaire.store';
import type { Kind } from './data-inclusion';
import { toCsv, toJsonRecord, type ExportItem } from './di-files';
import type { ServiceExtras, StructureExtras } from './extras';
import { requireImporter } from './import-directory';

export type ExportKind = 'all' | 'structures' | 'services';

function items(rows: { raw: Record<string, unknown>; extras: Record<string, unknown> }[]): ExportItem[] {
  return rows.map((r) => ({ record: r.raw, extras: r.extras as unknown as StructureExtras | ServiceExtras }));
}

export async function exportDirectory(ctx: Ctx, format: 'json' | 'csv', kind: ExportKind = 'all'): Promise<string> {
  requireImporter(ctx);
  const rows = await store.exportRows(ctx.db);
  const structures = items(rows.structures);
  const services = items(rows.services);
  const json = (k: Kind, list: ExportItem[]) => list.map((it) => toJsonRecord(k, it));
  if (format === 'json') {
    if (kind === 'structures') return JSON.stringify(json('structure', structures), null, 2) + '\n';
    if (kind === 'services') return JSON.stringify(json('service', services), null, 2) + '\n';
    return JSON.stringify({ structures: json('structure', structures), services: json('service', services) }, null, 2) + '\n';
  }
  return kind === 'services' ? toCsv('service', services) : toCsv('structure', structures);
}
