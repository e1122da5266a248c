/**
 * Import a data·inclusion dump (structures, services, or both; JSON or CSV). Every row is
 * checked first and every problem reported with its line and field; then everything is
 * written in one transaction, or nothing. Re-importing a source updates its records
 * (unique source + id) instead of duplicating them.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx, type Queryable, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import * as store from './annuaire.store';
import * as importStore from './import.store';
import { structureKey, validateRecords, type RowError, type ValidRecord } from './data-inclusion';
import { readDiFile } from './di-files';
import type { ServiceExtras, StructureExtras } from './extras';
import { geoCell, shapesFromGeoJson, type NeighbourhoodShape } from './geo';
import { serviceRow, structureRow, type ServiceRow, type StructureBasics } from './listing-rows';
import { forgetCorrections } from './search-services';

export interface ImportOutcome {
  format: 'json' | 'csv';
  structures: { inserted: number; updated: number };
  services: { inserted: number; updated: number };
  errors: RowError[];
}

export interface ImportOptions {
  /** Called after each batch with rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
}

/** The CLI acts as the system (no user); over HTTP, staff only. */
export function requireImporter(ctx: Ctx): void {
  if (ctx.user) requireRole(ctx, 'agent', 'coordinator', 'admin');
}

let shapesCache: { key: string; shapes: NeighbourhoodShape[] } | null = null;

/** Neighbourhood polygons of the town (its GeoJSON when configured), else centres only. */
export function townShapes(ctx: Pick<Ctx, 'town'>): NeighbourhoodShape[] {
  const key = `${ctx.town.id}|${ctx.town.geojson ?? ''}`;
  if (shapesCache?.key === key) return shapesCache.shapes;
  let shapes: NeighbourhoodShape[] = ctx.town.neighbourhoods.map((n) => ({ ...n }));
  if (ctx.town.geojson) {
    try {
      const gj = JSON.parse(fs.readFileSync(path.resolve(ctx.town.geojson), 'utf8'));
      shapes = shapesFromGeoJson(gj, ctx.town.neighbourhoods);
    } catch {
      /* no polygons: nearest centre */
    }
  }
  shapesCache = { key, shapes };
  return shapes;
}

function areaKey(r: { latitude: number | null; longitude: number | null }): string {
  return r.latitude === null || r.longitude === null ? '~' : geoCell(r.latitude, r.longitude);
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** `within`: run inside this transaction (demo seed) instead of a new one. */
export async function importDirectory(ctx: Ctx, text: string, opts: ImportOptions = {}, within?: Tx): Promise<ImportOutcome> {
  requireImporter(ctx);
  const read = readDiFile(text);
  const outcome: ImportOutcome = { format: read.format, structures: { inserted: 0, updated: 0 }, services: { inserted: 0, updated: 0 }, errors: [] };
  if (read.errors.length) return { ...outcome, errors: read.errors };

  // Services may reference structures imported earlier.
  const referenced = new Map<string, { source: string; di_id: string }>();
  for (const r of read.records) {
    const o = r.input as Record<string, unknown> | null;
    if (r.kind === 'service' && o && typeof o.source === 'string' && typeof o.structure_id === 'string') {
      referenced.set(structureKey(o.source, o.structure_id), { source: o.source, di_id: o.structure_id });
    }
  }
  const inTransaction = <T>(fn: (t: Tx) => Promise<T>) => (within ? fn(within) : tx(ctx.db, fn));
  await inTransaction(async (t) => {
    await importStore.lockDirectoryImport(t);
    const known = await store.structureBasicsByKeys(t, [...referenced.values()]);
    // The services already there, looked up by the keys as written (the checks keep them as
    // they are): the server answers while the records are checked here.
    const serviceKeys: { source: string; di_id: string }[] = [];
    for (const r of read.records) {
      const o = r.input as Record<string, unknown> | null;
      if (r.kind === 'service' && o && typeof o.source === 'string' && typeof o.id === 'string') serviceKeys.push({ source: o.source, di_id: o.id });
    }
    const lookedUp = importStore.existingIds(t, 'annuaire_services', serviceKeys);
    lookedUp.catch(() => undefined); // awaited below (or the transaction fails with it)
    const { valid, errors } = validateRecords(read.records, new Set(known.map((k) => structureKey(k.source, k.di_id))));
    if (errors.length) {
      await lookedUp;
      outcome.errors = errors;
      return;
    }
    await write(t, valid, await lookedUp);
  });
  if (!outcome.errors.length) forgetCorrections();
  return outcome;

  async function write(t: Tx, valid: ValidRecord[], knownServices: Map<string, string>): Promise<void> {
    const structures = valid.filter((v): v is ValidRecord<'structure'> => v.kind === 'structure');
    const services = valid.filter((v): v is ValidRecord<'service'> => v.kind === 'service');
    const total = valid.length;
    const size = opts.batchSize ?? 1000;
    const now = ctx.now();
    const shapes = townShapes(ctx);
    let done = 0;
    const progressed = (n: number) => {
      done += n;
      opts.onProgress?.(done, total);
    };

    // Large files: let the text index gather new entries longer before merging them.
    if (total > 5000) await store.deferTextIndexMerges(t);

    // Structures already there are updated (upsert); new ones are copied, in file order.
    const knownStructures = await importStore.existingIds(
      t,
      'annuaire_structures',
      structures.map((s) => ({ source: s.source, di_id: s.id })),
    );
    const updatedStructureIds: string[] = [];
    for (const withExtras of [true, false]) {
      const group = structures.filter((s) => s.hasExtras === withExtras && knownStructures.has(structureKey(s.source, s.id)));
      for (const batch of chunks(group, size)) {
        for (const r of await store.upsertStructures(
          t,
          batch.map((s) => structureRow(s.record, s.extras, shapes)),
          withExtras,
          now,
        )) {
          outcome.structures.updated++;
          updatedStructureIds.push(r.id);
        }
        progressed(batch.length);
      }
    }
    const newStructures = structures.filter((s) => !knownStructures.has(structureKey(s.source, s.id)));
    if (newStructures.length) {
      const seq = await store.reserveImportSeq(t, 'annuaire_structures', newStructures.length);
      outcome.structures.inserted = await importStore.copyNewStructures(
        t,
        mapLazily(newStructures, (s, i) => ({ ...structureRow(s.record, s.extras, shapes), id: randomUUID(), import_seq: seq + i }), progressed),
        now,
      );
    }

    const basics = new Map<string, StructureBasics>();
    const keys = new Map<string, { source: string; di_id: string }>();
    for (const s of services) keys.set(structureKey(s.source, s.record.structure_id as string), { source: s.source, di_id: s.record.structure_id as string });
    for (const b of await store.structureBasicsByKeys(t, [...keys.values()])) basics.set(structureKey(b.source, b.di_id), b);
    const basicsOf = (s: ValidRecord<'service'>) => basics.get(structureKey(s.source, s.record.structure_id as string))!;

    const serviceIds: string[] = [];
    const tokens = new Set<string>();
    const base = services.length ? await store.reserveImportSeq(t, 'annuaire_services', services.length) : 0;
    // Written area by area (file order kept in import_seq): services near each other share
    // heap pages, so a text + radius search reads few pages.
    const byArea = (list: { s: ValidRecord<'service'>; i: number }[]) =>
      list.map((x) => ({ ...x, area: areaKey(placeOf(x.s.record, basicsOf(x.s))) })).sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : a.i - b.i));
    const numbered = services.map((s, i) => ({ s, i }));
    for (const withExtras of [true, false]) {
      const group = byArea(numbered.filter(({ s }) => s.hasExtras === withExtras && knownServices.has(structureKey(s.source, s.id))));
      for (const batch of chunks(group, size)) {
        const rows = batch.map(({ s, i }) => ({ ...serviceRow(s.record, s.extras, basicsOf(s), shapes, now), import_seq: base + i }));
        for (const row of rows) addTokens(tokens, row);
        for (const r of await store.upsertServices(t, rows, withExtras, now)) {
          serviceIds.push(r.id);
          outcome.services.updated++;
        }
        progressed(batch.length);
      }
    }
    const newServices = byArea(numbered.filter(({ s }) => !knownServices.has(structureKey(s.source, s.id))));
    if (newServices.length) {
      outcome.services.inserted = await importStore.copyNewServices(
        t,
        mapLazily(
          newServices,
          ({ s, i }) => {
            const row = { ...serviceRow(s.record, s.extras, basicsOf(s), shapes, now), id: randomUUID(), import_seq: base + i };
            addTokens(tokens, row);
            serviceIds.push(row.id);
            return row;
          },
          progressed,
        ),
        now,
      );
    }
    await refreshInheritedServices(t, ctx, updatedStructureIds, new Set(serviceIds));
    // Merge the pending entries now, so searches after a big import scan a compact index.
    if (total > 5000) await store.mergeTextIndexes(t);
    await importStore.addWordsOfTokens(t, [...tokens]);
    await audit(t, ctx, 'annuaire/imported', {
      subjectType: 'annuaire',
      details: { format: read.format, structures: outcome.structures, services: outcome.services },
    });
  }
}

/** `fn` over `list` as it is read (by COPY), telling `progressed` every 1,000 items and at the end. */
function* mapLazily<T, R>(list: T[], fn: (x: T, i: number) => R, progressed: (n: number) => void): Generator<R> {
  let pending = 0;
  for (let i = 0; i < list.length; i++) {
    yield fn(list[i], i);
    if (++pending === 1000) {
      progressed(pending);
      pending = 0;
    }
  }
  if (pending) progressed(pending);
}

/** Where a service is: its own place, else its structure's (as serviceRow decides). */
function placeOf(record: Record<string, unknown>, structure: StructureBasics): { latitude: number | null; longitude: number | null } {
  const own =
    typeof record.latitude === 'number' && typeof record.longitude === 'number' && Number.isFinite(record.latitude) && Number.isFinite(record.longitude);
  return own ? { latitude: record.latitude as number, longitude: record.longitude as number } : structure;
}

const NUMBER = /^[0-9]+$/;

/** The pieces of a service's searched text between ASCII spaces and punctuation (see addWordsOfTokens). */
function addTokens(tokens: Set<string>, row: ServiceRow): void {
  for (const text of [row.nom, row.search_extra, row.description]) {
    for (const token of text.split(/[^0-9A-Za-z\u0080-\uffff]+/)) {
      // ASCII pieces shorter than 3 letters stay shorter than 3 letters: never a word; and a
      // number is never one either (search.store.ts LEXICON_WORD).
      if ((token.length >= 3 && !NUMBER.test(token)) || /[\u0080-\uffff]/.test(token)) tokens.add(token);
    }
  }
}

/** Services take address, place and hours from their structure: recompute them after it changed. */
export async function refreshInheritedServices(
  t: Queryable,
  ctx: Pick<Ctx, 'town' | 'now'>,
  structureIds: string[],
  skip: Set<string> = new Set(),
): Promise<void> {
  if (!structureIds.length) return;
  const shapes = townShapes(ctx);
  const list = (await store.servicesOfStructures(t, structureIds)).filter((s) => !skip.has(s.id));
  const byStructure = new Map<string, StructureBasics>();
  for (const s of list) {
    if (!byStructure.has(s.structure_id)) byStructure.set(s.structure_id, (await store.structureBasics(t, s.structure_id))!);
  }
  for (const batch of chunks(list, 1000)) {
    const rows = batch.map((s) => {
      const extras: ServiceExtras = { demo: s.demo, categorie: s.categorie, profession: s.profession };
      return serviceRow(s.raw, extras, byStructure.get(s.structure_id)!, shapes, ctx.now());
    });
    await store.upsertServices(t, rows, true, ctx.now());
  }
}

/** Turn an outcome with errors into the API's error (fields: `ligne N champ` → message). */
export function importErrorToAppError(errors: RowError[]): AppError {
  return new AppError('annuaire/invalid-file', {
    fields: errors.slice(0, 500).map((e) => ({ path: `ligne ${e.line}${e.field ? ` · ${e.field}` : ''}`, message: e.message })),
    details: { count: errors.length },
  });
}

export type { StructureExtras };
