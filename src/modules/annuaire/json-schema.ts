/**
 * A small validator for the subset of JSON Schema the data·inclusion schema uses
 * (type, anyOf, $ref, enum, const, pattern, min/maxLength, minimum, format, items,
 * minItems, uniqueItems, required). It reports every problem with its field path and a
 * French message, instead of stopping at the first one. Pure: no I/O.
 */
export interface JsonSchema {
  type?: 'string' | 'number' | 'integer' | 'array' | 'object' | 'null' | 'boolean';
  anyOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  format?: string;
  items?: JsonSchema;
  minItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  title?: string;
  description?: string;
  default?: unknown;
}

export interface SchemaIssue {
  /** Dot-separated path (`thematiques.1`). */
  path: string;
  message: string;
}

const PATTERN_MESSAGES: Record<string, string> = {
  '^\\d{14}$': 'Doit comporter 14 chiffres.',
  '^\\d{5}$': 'Doit comporter 5 chiffres.',
  '^\\w{5}$': 'Doit comporter 5 caractères (code Insee).',
  '^\\w{2,3}$': 'Doit comporter 2 ou 3 caractères (code département).',
  '^\\d{9}$': 'Doit comporter 9 chiffres (code EPCI).',
  '^99[0-5]\\d{2}$': 'Doit être un code pays Insee (99XXX).',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const patterns = new Map<string, RegExp>();
function pattern(p: string): RegExp {
  let re = patterns.get(p);
  if (!re) patterns.set(p, (re = new RegExp(p, 'u')));
  return re;
}

export function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function isValidUri(s: string): boolean {
  try {
    const u = new URL(s);
    return /^https?:$/.test(u.protocol) && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function typeOk(type: JsonSchema['type'], v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}

const TYPE_MESSAGES: Record<string, string> = {
  string: 'Doit être un texte.',
  number: 'Doit être un nombre.',
  integer: 'Doit être un nombre entier.',
  boolean: 'Doit être vrai ou faux.',
  array: 'Doit être une liste.',
  object: 'Doit être un objet.',
  null: 'Doit être vide.',
};

export class SchemaValidator {
  constructor(private readonly root: JsonSchema) {}

  private resolve(s: JsonSchema): JsonSchema {
    if (!s.$ref) return s;
    const name = s.$ref.replace(/^#\/\$defs\//, '');
    const target = this.root.$defs?.[name];
    if (!target) throw new Error(`unknown $ref ${s.$ref}`);
    return target;
  }

  /** Every issue of `value` against the root schema (an object schema). */
  validate(value: unknown): SchemaIssue[] {
    const issues: SchemaIssue[] = [];
    this.check(this.root, value, '', issues);
    return issues;
  }

  private check(schema: JsonSchema, v: unknown, path: string, out: SchemaIssue[]): void {
    const s = this.resolve(schema);
    if (s.anyOf) {
      const branches = s.anyOf.map((b) => this.resolve(b));
      if (v === null || v === undefined) {
        if (branches.some((b) => b.type === 'null')) return;
        out.push({ path, message: 'Champ obligatoire.' });
        return;
      }
      const candidates = branches.filter((b) => b.type !== 'null');
      const results = candidates.map((b) => {
        const r: SchemaIssue[] = [];
        this.check(b, v, path, r);
        return r;
      });
      if (results.some((r) => r.length === 0)) return;
      if (candidates.length === 1) {
        out.push(...results[0]);
      } else {
        // Several alternatives (zone_eligibilite codes): one message rather than each branch's.
        out.push({ path, message: `« ${show(v)} » n'est pas un code géographique valable (commune, département, EPCI, pays ou « france »).` });
      }
      return;
    }
    if (s.type && !typeOk(s.type, v)) {
      out.push({ path, message: TYPE_MESSAGES[s.type] ?? 'Type incorrect.' });
      return;
    }
    if (s.const !== undefined && v !== s.const) {
      out.push({ path, message: `Doit valoir « ${show(s.const)} ».` });
      return;
    }
    if (s.enum && !s.enum.includes(v)) {
      out.push({ path, message: `« ${show(v)} » n'est pas une valeur autorisée.` });
      return;
    }
    if (typeof v === 'string') this.checkString(s, v, path, out);
    if (typeof v === 'number' && s.minimum !== undefined && v < s.minimum) {
      out.push({ path, message: `Doit être supérieur ou égal à ${s.minimum}.` });
    }
    if (Array.isArray(v)) this.checkArray(s, v, path, out);
    if (s.type === 'object' && s.properties) this.checkObject(s, v as Record<string, unknown>, path, out);
  }

  private checkString(s: JsonSchema, v: string, path: string, out: SchemaIssue[]): void {
    const len = [...v].length;
    if (s.pattern && !pattern(s.pattern).test(v)) {
      out.push({ path, message: PATTERN_MESSAGES[s.pattern] ?? 'Format incorrect.' });
      return;
    }
    if (s.minLength !== undefined && len < s.minLength) {
      out.push({ path, message: s.minLength === 1 ? 'Ne peut pas être vide.' : `Doit contenir au moins ${s.minLength} caractères.` });
      return;
    }
    if (s.maxLength !== undefined && len > s.maxLength) {
      out.push({ path, message: `Doit contenir au plus ${s.maxLength} caractères.` });
      return;
    }
    if (s.format === 'date' && !isValidDate(v)) out.push({ path, message: 'Date invalide (attendue au format AAAA-MM-JJ).' });
    if (s.format === 'email' && !EMAIL.test(v)) out.push({ path, message: 'Adresse courriel invalide.' });
    if (s.format === 'uri' && !isValidUri(v)) out.push({ path, message: 'Lien invalide (doit commencer par http:// ou https://).' });
  }

  private checkArray(s: JsonSchema, v: unknown[], path: string, out: SchemaIssue[]): void {
    if (s.minItems !== undefined && v.length < s.minItems) out.push({ path, message: 'La liste ne peut pas être vide.' });
    if (s.items) v.forEach((item, i) => this.check(s.items!, item, `${path}.${i}`, out));
    if (s.uniqueItems) {
      const seen = new Set<string>();
      for (const item of v) {
        const k = JSON.stringify(item);
        if (seen.has(k)) out.push({ path, message: `Valeur en double : « ${show(item)} ».` });
        seen.add(k);
      }
    }
  }

  private checkObject(s: JsonSchema, v: Record<string, unknown>, path: string, out: SchemaIssue[]): void {
    const prefix = path ? `${path}.` : '';
    for (const key of s.required ?? []) {
      if (v[key] === undefined || v[key] === null) out.push({ path: prefix + key, message: 'Champ obligatoire.' });
    }
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      if (v[key] === undefined || (v[key] === null && (s.required ?? []).includes(key))) continue;
      this.check(prop, v[key], prefix + key, out);
    }
  }
}
