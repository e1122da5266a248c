/**
 * Import a data·inclusion dump (structures, services, or both; JSON or CSV). Every row is
 * checked and every problem reported with its line and field; everything is written in one
 * transaction, or nothing. New services are checked as the COPY reads them (the server writes
 * while the next ones are checked); a problem anywhere rolls everything back. Re-importing a source updates its records
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
import { structureKey, validateRecord, validateRecords, type RowError, type SourceRecord, type ValidRecord } from './data-inclusion';
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
  let knownKeys = new Set<string>();
  /** `stream`: new services checked as they are written (else every record before anything is written). */
  const run = (stream: boolean) =>
    inTransaction(async (t) => {
      await importStore.lockDirectoryImport(t);
      const known = await store.structureBasicsByKeys(t, [...referenced.values()]);
      knownKeys = new Set(known.map((k) => structureKey(k.source, k.di_id)));
      // The services already there, looked up by the keys as written (the checks keep them as
      // they are): the server answers while the records are checked here.
      const serviceKeys: { source: string; di_id: string }[] = [];
      for (const r of read.records) {
        const o = r.input as Record<string, unknown> | null;
        if (r.kind === 'service' && o && typeof o.source === 'string' && typeof o.id === 'string') serviceKeys.push({ source: o.source, di_id: o.id });
      }
      const lookedUp = importStore.existingIds(t, 'annuaire_services', serviceKeys);
      lookedUp.catch(() => undefined); // awaited below (or the transaction fails with it)
      if (!stream) {
        // Everything checked before anything is written (inside a caller's transaction: the demo seed).
        const { valid, errors } = validateRecords(read.records, knownKeys);
        if (errors.length) {
          await lookedUp;
          outcome.errors = errors;
          return;
        }
        await write(t, valid, [], await lookedUp, knownKeys);
        return;
      }
      // New services (most of a big file) are checked as they are written, in the order they are
      // written; the structures and the services to update are checked now. Any problem anywhere
      // stops the writing and rolls everything back; the report is then made over the whole file
      // exactly as before (below), every record's problems with their line and field.
      // Written area by area (below): the new services are ordered from their fields as written
      // while the server answers the lookup; a structure's place is the database's or the file's.
      const places = new Map<string, Place>(known.map((k) => [structureKey(k.source, k.di_id), k]));
      for (const r of read.records) {
        const o = r.input as Record<string, unknown> | null;
        if (r.kind === 'structure' && o && typeof o.source === 'string' && typeof o.id === 'string')
          places.set(structureKey(o.source, o.id), placeOf(o, NOWHERE));
      }
      const services: { src: SourceRecord; i: number; area: string }[] = [];
      for (const r of read.records) {
        if (r.kind !== 'service') continue;
        const o = r.input as Record<string, unknown> | null;
        const structure =
          o && typeof o.source === 'string' && typeof o.structure_id === 'string' ? places.get(structureKey(o.source, o.structure_id)) : undefined;
        services.push({ src: r, i: services.length, area: areaKey(placeOf(o ?? {}, structure ?? NOWHERE)) });
      }
      services.sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : a.i - b.i));
      const knownServices = await lookedUp;
      const later: { src: SourceRecord; i: number }[] = [];
      const now = read.records.filter((r) => r.kind !== 'service');
      for (const x of services) {
        const o = x.src.input as Record<string, unknown> | null;
        if (o && typeof o.source === 'string' && typeof o.id === 'string' && knownServices.has(structureKey(o.source, o.id))) now.push(x.src);
        else later.push(x);
      }
      const checked = validateRecords(now, knownKeys);
      if (checked.errors.length) throw new InvalidFile();
      await write(t, checked.valid, later, knownServices, knownKeys);
    });
  try {
    await run(!within);
  } catch (err) {
    if (!(err instanceof InvalidFile)) throw err;
    outcome.structures = { inserted: 0, updated: 0 };
    outcome.services = { inserted: 0, updated: 0 };
    outcome.errors = validateRecords(read.records, knownKeys).errors;
    // Never the case (the same checks), but a file refused while written is never reported as imported.
    if (!outcome.errors.length) await run(false);
  }
  if (!outcome.errors.length) forgetCorrections();
  return outcome;

  /**
   * Write the checked records, then the new services of `later` (area by area, each with its
   * index among the file's services), checked one by one as the COPY reads them; the first problem among them
   * stops the COPY and throws `InvalidFile` (the transaction rolls back).
   */
  async function write(
    t: Tx,
    valid: ValidRecord[],
    later: { src: SourceRecord; i: number }[],
    knownServices: Map<string, string>,
    knownKeys: ReadonlySet<string>,
  ): Promise<void> {
    const structures = valid.filter((v): v is ValidRecord<'structure'> => v.kind === 'structure');
    const services = valid.filter((v): v is ValidRecord<'service'> => v.kind === 'service');
    const total = valid.length + later.length;
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
        countProgress(
          (function* () {
            // Built as the COPY reads them.
            for (const [i, s] of newStructures.entries()) yield { ...structureRow(s.record, s.extras, shapes), id: randomUUID(), import_seq: seq + i };
          })(),
          progressed,
        ),
        now,
      );
    }

    const basics = new Map<string, StructureBasics>();
    const keys = new Map<string, { source: string; di_id: string }>();
    for (const s of services) keys.set(structureKey(s.source, s.record.structure_id as string), { source: s.source, di_id: s.record.structure_id as string });
    for (const { src } of later) {
      const o = src.input as Record<string, unknown> | null;
      if (o && typeof o.source === 'string' && typeof o.structure_id === 'string')
        keys.set(structureKey(o.source, o.structure_id), { source: o.source, di_id: o.structure_id });
    }
    for (const b of await store.structureBasicsByKeys(t, [...keys.values()])) basics.set(structureKey(b.source, b.di_id), b);
    const basicsOf = (s: ValidRecord<'service'>) => basics.get(structureKey(s.source, s.record.structure_id as string))!;

    const serviceIds: string[] = [];
    const tokens = new Set<string>();
    const serviceCount = services.length + later.length;
    const base = serviceCount ? await store.reserveImportSeq(t, 'annuaire_services', serviceCount) : 0;
    // Written area by area (file order kept in import_seq): services near each other share
    // heap pages, so a text + radius search reads few pages.
    const byArea = (list: { s: ValidRecord<'service'>; i: number }[]) =>
      list.map((x) => ({ ...x, area: areaKey(placeOf(x.s.record, basicsOf(x.s))) })).sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : a.i - b.i));
    // Indices among the file's services (import_seq keeps the file's order).
    const numbered: { s: ValidRecord<'service'>; i: number }[] = [];
    {
      const laterAt = new Set(later.map((x) => x.i));
      let i = 0;
      for (const s of services) {
        while (laterAt.has(i)) i++;
        numbered.push({ s, i: i++ });
      }
    }
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
    // New services, area by area, each checked as the COPY reads it (the file's services are
    // unique by source and id, and name a structure known or in the file).
    const structureIds = new Set(knownKeys);
    for (const v of structures) structureIds.add(structureKey(v.source, v.id));
    const seen = new Set(services.map((s) => structureKey(s.source, s.id)));
    /** A new service's row (the i-th service of the file), its words and id kept for after the COPY. */
    const newRow = (s: ValidRecord<'service'>, i: number) => {
      const row = { ...serviceRow(s.record, s.extras, basicsOf(s), shapes, now), id: randomUUID(), import_seq: base + i };
      addTokens(tokens, row);
      serviceIds.push(row.id);
      return row;
    };
    let invalid = false;
    function* checkedRows(): Generator<ServiceRow & { id: string; import_seq: number }> {
      for (const { src, i } of later) {
        const r = validateRecord(src);
        const v = r.valid as ValidRecord<'service'> | null;
        const key = v ? structureKey(v.source, v.id) : '';
        if (!v || r.errors.length || seen.has(key) || !structureIds.has(structureKey(v.source, v.record.structure_id as string))) {
          invalid = true;
          return;
        }
        seen.add(key);
        yield newRow(v, i);
      }
    }
    const newServices = byArea(numbered.filter(({ s }) => !knownServices.has(structureKey(s.source, s.id))));
    if (newServices.length || later.length) {
      const rows = function* () {
        for (const { s, i } of newServices) yield newRow(s, i);
        yield* checkedRows();
      };
      outcome.services.inserted = await importStore.copyNewServices(t, countProgress(rows(), progressed), now);
      if (invalid) throw new InvalidFile();
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

/** A file with a problem found while it was being written: the transaction rolls back, the report is made apart. */
class InvalidFile extends Error {}

/** The items of `rows` as they are read (by COPY), telling `progressed` every 1,000 items and at the end. */
function* countProgress<R>(rows: Iterable<R>, progressed: (n: number) => void): Generator<R> {
  let pending = 0;
  for (const row of rows) {
    yield row;
    if (++pending === 1000) {
      progressed(pending);
      pending = 0;
    }
  }
  if (pending) progressed(pending);
}

type Place = { latitude: number | null; longitude: number | null };
const NOWHERE: Place = { latitude: null, longitude: null };

/** Where a service is: its own place, else its structure's (as serviceRow decides). */
function placeOf(record: Record<string, unknown>, structure: Place): Place {
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
