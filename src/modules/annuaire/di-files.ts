/**
 * Reading and writing data·inclusion dumps: a JSON array of structures, a JSON array of
 * services, our combined `{ structures, services }` export, or the CSV of either.
 * CSV cells are typed by the schema (lists as JSON arrays, also `a,b`, `{a,b}` or
 * `['a', 'b']` on reading); unknown columns and keys are kept as they are.
 */
import { parseCsv, toCsv as writeCsv } from '../../platform/csv';
import { EXTRAS_KEY, FIELDS, SCHEMAS, type Kind, type RowError, type SourceRecord } from './data-inclusion';
import { compactExtras, isDefaultExtras, SERVICE_EXTRA_KEYS, STRUCTURE_EXTRA_KEYS, type ServiceExtras, type StructureExtras } from './extras';
import type { JsonSchema } from './json-schema';
import { jsonElementLines, lineOfOffset } from './json-lines';

export interface ReadResult {
  format: 'json' | 'csv';
  records: SourceRecord[];
  /** Problems that make a line unreadable (CSV syntax, JSON syntax). */
  errors: RowError[];
}

const EXTRA_PREFIX = `${EXTRAS_KEY}_`;

export function readDiFile(text: string): ReadResult {
  const start = text.replace(/^\ufeff/, '').trimStart()[0];
  return start === '[' || start === '{' ? readJson(text) : readCsv(text);
}

function kindOfObject(o: unknown): Kind {
  return typeof o === 'object' && o !== null && 'structure_id' in o ? 'service' : 'structure';
}

function readJson(text: string): ReadResult {
  const body = text.replace(/^\ufeff/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    const pos = /position (\d+)/.exec(String(err));
    const line = pos ? lineOfOffset(body, Number(pos[1])) : firstBadElementLine(body);
    return { format: 'json', records: [], errors: [{ line, kind: 'structure', id: null, field: '', message: 'JSON illisible à cette ligne.' }] };
  }
  const lines = jsonElementLines(body);
  const records: SourceRecord[] = [];
  if (Array.isArray(data)) {
    data.forEach((input, i) => records.push({ line: lines.top[i] ?? 1, kind: kindOfObject(input), input }));
    return { format: 'json', records, errors: [] };
  }
  const obj = data as Record<string, unknown>;
  const errors: RowError[] = [];
  for (const [key, kind] of [
    ['structures', 'structure'],
    ['services', 'service'],
  ] as const) {
    const list = obj[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push({ line: 1, kind, id: null, field: key, message: 'Doit être une liste.' });
      continue;
    }
    list.forEach((input, i) => records.push({ line: lines.byKey[key]?.[i] ?? 1, kind, input }));
  }
  if (obj.structures === undefined && obj.services === undefined) {
    errors.push({ line: 1, kind: 'structure', id: null, field: '', message: 'Attendu : une liste de structures ou de services (data·inclusion).' });
  }
  return { format: 'json', records, errors };
}

/** Without a position in the parser's message: the first top-level element that does not parse alone. */
function firstBadElementLine(body: string): number {
  const { top, topOffsets } = jsonElementLines(body);
  for (let i = 0; i < topOffsets.length; i++) {
    const end = i + 1 < topOffsets.length ? topOffsets[i + 1] : body.length;
    const slice = body
      .slice(topOffsets[i], end)
      .trimEnd()
      .replace(/[,\]]$/, '')
      .trimEnd()
      .replace(/,$/, '');
    try {
      JSON.parse(slice);
    } catch {
      return top[i];
    }
  }
  return 1;
}

/** The schema of one property, without its `null` alternative and with `$ref` resolved. */
function propertyType(kind: Kind, field: string): JsonSchema | null {
  const root = SCHEMAS[kind];
  let s = root.properties?.[field];
  if (!s) return null;
  if (s.anyOf) s = s.anyOf.find((b) => b.type !== 'null') ?? s;
  if (s.$ref) s = root.$defs?.[s.$ref.replace('#/$defs/', '')] ?? s;
  return s;
}

export function parseList(cell: string): unknown {
  const t = cell.trim();
  if (t.startsWith('[')) {
    try {
      return JSON.parse(t);
    } catch {
      try {
        return JSON.parse(t.replace(/'/g, '"')); // Python-style ['a', 'b']
      } catch {
        return cell;
      }
    }
  }
  const inner = t.startsWith('{') && t.endsWith('}') ? t.slice(1, -1) : t;
  const sep = inner.includes('|') ? '|' : inner.includes(';') ? ';' : ',';
  return inner
    .split(sep)
    .map((x) => x.trim().replace(/^"(.*)"$/, '$1'))
    .filter((x) => x !== '');
}

function parseNumber(cell: string): unknown {
  const t = cell.trim();
  return /^-?\d+([.,]\d+)?([eE][-+]?\d+)?$/.test(t) ? Number(t.replace(',', '.')) : cell;
}

function parseBoolean(cell: string): unknown {
  const t = cell.trim().toLowerCase();
  if (['true', 'vrai', 'oui', '1', 'yes'].includes(t)) return true;
  if (['false', 'faux', 'non', '0', 'no'].includes(t)) return false;
  return cell;
}

function decodeCell(kind: Kind, field: string, cell: string): unknown {
  if (cell === '') return null;
  const t = propertyType(kind, field);
  if (!t) return cell;
  if (t.type === 'array') return parseList(cell);
  if (t.type === 'number' || t.type === 'integer') return parseNumber(cell);
  return cell;
}

function decodeExtra(key: string, cell: string): unknown {
  if (cell === '') return undefined;
  if (key === 'langues') return parseList(cell);
  if (['demo', 'label_ville_solidaire', 'pass_famille_solo', 'coin_enfants', 'poussettes'].includes(key)) return parseBoolean(cell);
  return cell;
}

function readCsv(text: string): ReadResult {
  // Our own exports neutralise formulas ('=…): read back, a field is its original text.
  const parsed = parseCsv(text, { restoreFormulas: true });
  const errors: RowError[] = parsed.problems.map((e) => ({ line: e.line, kind: 'structure' as Kind, id: null, field: '', message: e.message }));
  const [header, ...rows] = parsed.records;
  if (!header) return { format: 'csv', records: [], errors: [...errors, { line: 1, kind: 'structure', id: null, field: '', message: 'Fichier vide.' }] };
  const names = header.fields.map((h) => h.trim());
  const kind: Kind = names.includes('structure_id') ? 'service' : 'structure';
  const records: SourceRecord[] = [];
  for (const row of rows) {
    if (row.fields.length !== names.length) {
      errors.push({ line: row.line, kind, id: null, field: '', message: `${row.fields.length} colonnes au lieu de ${names.length}.` });
      continue;
    }
    const input: Record<string, unknown> = {};
    const extras: Record<string, unknown> = {};
    names.forEach((name, i) => {
      if (name.startsWith(EXTRA_PREFIX)) {
        const v = decodeExtra(name.slice(EXTRA_PREFIX.length), row.fields[i]);
        if (v !== undefined) extras[name.slice(EXTRA_PREFIX.length)] = v;
      } else {
        input[name] = decodeCell(kind, name, row.fields[i]);
      }
    });
    if (Object.keys(extras).length) input[EXTRAS_KEY] = extras;
    records.push({ line: row.line, kind, input });
  }
  return { format: 'csv', records, errors };
}

/** What the export writes for one record. */
export interface ExportItem {
  record: Record<string, unknown>;
  extras: StructureExtras | ServiceExtras;
}

export function toJsonRecord(kind: Kind, item: ExportItem): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS[kind]) if (f in item.record) out[f] = item.record[f];
  for (const [k, v] of Object.entries(item.record)) if (!(k in out)) out[k] = v;
  if (!isDefaultExtras(kind, item.extras)) out[EXTRAS_KEY] = compactExtras(kind, item.extras);
  return out;
}

function encodeCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** The CSV's columns for these records: the schema's, then unknown ones in order met, then ours if any record has them. */
export class CsvColumns {
  readonly columns: string[];
  private extras = false;
  constructor(readonly kind: Kind) {
    this.columns = [...FIELDS[kind]];
  }
  see(it: ExportItem): void {
    for (const k of Object.keys(it.record)) if (!this.columns.includes(k)) this.columns.push(k);
    if (!this.extras && !isDefaultExtras(this.kind, it.extras)) this.extras = true;
  }
  private extraKeys(): readonly string[] {
    return this.extras ? (this.kind === 'structure' ? STRUCTURE_EXTRA_KEYS : SERVICE_EXTRA_KEYS) : [];
  }
  header(opts: { bom?: boolean } = {}): string {
    return writeCsv([[...this.columns, ...this.extraKeys().map((k) => EXTRA_PREFIX + k)]], opts);
  }
  row(it: ExportItem): string {
    const extras = it.extras as unknown as Record<string, unknown>;
    return writeCsv([[...this.columns.map((c) => encodeCell(it.record[c])), ...this.extraKeys().map((k) => encodeCell(extras[k]))]]);
  }
}

/** CSV of one kind: the schema's columns, then unknown ones, then ours if any record has them. */
export function toCsv(kind: Kind, items: readonly ExportItem[], opts: { bom?: boolean } = {}): string {
  const cols = new CsvColumns(kind);
  for (const it of items) cols.see(it);
  return cols.header(opts) + items.map((it) => cols.row(it)).join('');
}
