/**
 * The data·inclusion v1 schema (copied into rules/annuaire from the published JSON
 * Schema), its field lists and the validation of one record: schema, our extra fields
 * (`relais`), opening hours, and the rules the schema states only in words.
 */
import serviceSchemaJson from '../../../rules/annuaire/service.schema.json';
import structureSchemaJson from '../../../rules/annuaire/structure.schema.json';
import { parseExtras, type ServiceExtras, type StructureExtras } from './extras';
import { SchemaValidator, type JsonSchema } from './json-schema';
import { hoursError } from './opening-hours';

export type Kind = 'structure' | 'service';

export const SCHEMAS: Record<Kind, JsonSchema> = {
  structure: structureSchemaJson as JsonSchema,
  service: serviceSchemaJson as JsonSchema,
};

// Compiled on first use (an import, an edit), not at every start of the server (issue 20).
const validators: Partial<Record<Kind, SchemaValidator>> = {};
const validatorOf = (kind: Kind) => (validators[kind] ??= new SchemaValidator(SCHEMAS[kind]));

/** data·inclusion field names in the schema's order. */
export const FIELDS: Record<Kind, string[]> = {
  structure: Object.keys(SCHEMAS.structure.properties ?? {}),
  service: Object.keys(SCHEMAS.service.properties ?? {}),
};

/** The key under which our own fields travel in JSON. */
export const EXTRAS_KEY = 'relais';

export const KIND_LABELS: Record<Kind, string> = { structure: 'structure', service: 'service' };

/** A record read from a file, not yet validated. */
export interface SourceRecord {
  line: number;
  kind: Kind;
  input: unknown;
}

/** A record that passed validation. `record` is every data·inclusion field as imported. */
export interface ValidRecord<K extends Kind = Kind> {
  line: number;
  kind: K;
  source: string;
  id: string;
  record: Record<string, unknown>;
  extras: K extends 'structure' ? StructureExtras : ServiceExtras;
  /** The record carried our `relais` fields (else a re-import keeps the ones we have). */
  hasExtras: boolean;
}

export interface RowError {
  line: number;
  kind: Kind;
  id: string | null;
  field: string;
  message: string;
}

/** Validate one record; every problem is reported, none stops the others. */
export function validateRecord(src: SourceRecord): { valid: ValidRecord | null; errors: RowError[] } {
  const { line, kind, input } = src;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { valid: null, errors: [{ line, kind, id: null, field: '', message: 'Chaque élément doit être un objet.' }] };
  }
  const obj = input as Record<string, unknown>;
  const id = typeof obj.id === 'string' ? obj.id : null;
  const errors: RowError[] = [];
  const push = (field: string, message: string) => errors.push({ line, kind, id, field, message });

  const { [EXTRAS_KEY]: extrasInput, ...record } = obj;
  for (const issue of validatorOf(kind).validate(record)) push(issue.path, issue.message);
  const { extras, issues } = parseExtras(kind, extrasInput);
  for (const issue of issues) push(issue.path, issue.message);

  if (typeof record.horaires_accueil === 'string') {
    const msg = hoursError(record.horaires_accueil);
    if (msg) push('horaires_accueil', msg);
  }
  const lat = record.latitude;
  const lon = record.longitude;
  if (typeof lat === 'number' && (lat < -90 || lat > 90)) push('latitude', 'Doit être comprise entre -90 et 90.');
  if (typeof lon === 'number' && (lon < -180 || lon > 180)) push('longitude', 'Doit être comprise entre -180 et 180.');
  if ((typeof lat === 'number') !== (typeof lon === 'number') && !errors.some((e) => e.field === 'latitude' || e.field === 'longitude')) {
    push(typeof lat === 'number' ? 'longitude' : 'latitude', 'Latitude et longitude vont ensemble : renseignez les deux ou aucune.');
  }
  if (Array.isArray(record.publics) && record.publics.includes('tous-publics') && record.publics.length > 1) {
    push('publics', '« tous-publics » ne peut pas être combiné avec d’autres publics.');
  }
  if (errors.length) return { valid: null, errors };
  return {
    valid: {
      line,
      kind,
      source: record.source as string,
      id: record.id as string,
      record,
      extras,
      hasExtras: extrasInput !== undefined && extrasInput !== null,
    } as ValidRecord,
    errors: [],
  };
}

/** How a service finds its structure: same source, data·inclusion id. */
export function structureKey(source: string, id: string): string {
  return `${source}\u0000${id}`;
}

/**
 * Validate a whole file's records: each one, then duplicates (same source and id twice)
 * and, for services, references to structures neither in the file nor already known.
 */
export function validateRecords(
  records: readonly SourceRecord[],
  knownStructureIds: ReadonlySet<string> = new Set(),
): { valid: ValidRecord[]; errors: RowError[] } {
  const valid: ValidRecord[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const src of records) {
    const r = validateRecord(src);
    errors.push(...r.errors);
    if (!r.valid) continue;
    const key = `${r.valid.kind}\u0000${r.valid.source}\u0000${r.valid.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: src.line, kind: src.kind, id: r.valid.id, field: 'id', message: `Identifiant en double (déjà présent ligne ${first}).` });
      continue;
    }
    seen.set(key, src.line);
    valid.push(r.valid);
  }
  const structureIds = new Set(knownStructureIds);
  for (const v of valid) if (v.kind === 'structure') structureIds.add(structureKey(v.source, v.id));
  const kept: ValidRecord[] = [];
  for (const v of valid) {
    if (v.kind === 'service' && !structureIds.has(structureKey(v.source, v.record.structure_id as string))) {
      errors.push({
        line: v.line,
        kind: 'service',
        id: v.id,
        field: 'structure_id',
        message: `Structure « ${String(v.record.structure_id)} » inconnue : importez d’abord ses structures.`,
      });
      continue;
    }
    kept.push(v);
  }
  errors.sort((a, b) => a.line - b.line);
  return { valid: kept, errors };
}

/** One French line per error, for the terminal and the API. */
export function formatRowError(e: RowError): string {
  const where = e.field ? `champ « ${e.field} »` : 'enregistrement';
  return `ligne ${e.line} (${KIND_LABELS[e.kind]}${e.id ? ` ${e.id}` : ''}), ${where} : ${e.message}`;
}
