/**
 * Validation against the data·inclusion JSON Schemas, by Ajv. What is ours is only the
 * reporting: every problem with its field path and one French message per field (Ajv's
 * own messages are English and, under `anyOf`, one per alternative). Pure: no I/O.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** The part of JSON Schema our callers read (the schema files have more). */
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

const TYPE_MESSAGES: Record<string, string> = {
  string: 'Doit être un texte.',
  number: 'Doit être un nombre.',
  integer: 'Doit être un nombre entier.',
  boolean: 'Doit être vrai ou faux.',
  array: 'Doit être une liste.',
  object: 'Doit être un objet.',
  null: 'Doit être vide.',
};

const REQUIRED = 'Champ obligatoire.';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

// One Ajv for both schemas. Formats are ours (a calendar date, an http(s) link) rather than
// ajv-formats', whose `uri` accepts any scheme.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
ajv.addFormat('date', isValidDate);
ajv.addFormat('email', EMAIL);
ajv.addFormat('uri', isValidUri);

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** `/thematiques/1` → `thematiques.1`. */
function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function under(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

/** Which failure of a field is reported when several are (one message per field, as a person would fix it). */
const PRIORITY = ['required', 'anyOf', 'type', 'const', 'enum', 'pattern', 'minLength', 'maxLength', 'format', 'minimum', 'minItems', 'uniqueItems'];

interface Found {
  /** JSON pointer of the value the message is about. */
  pointer: string;
  keyword: string;
  messages: string[];
}

function describe(e: ErrorObject): Found {
  const pointer = e.instancePath;
  const one = (message: string, keyword = e.keyword): Found => ({ pointer, keyword, messages: [message] });
  switch (e.keyword) {
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty.replace(/~/g, '~0').replace(/\//g, '~1');
      return { pointer: `${pointer}/${key}`, keyword: 'required', messages: [REQUIRED] };
    }
    case 'type': {
      // A required field sent as null is missing, like an absent one.
      if (e.data === null) return one(REQUIRED, 'required');
      const t = String((e.params as { type: string }).type).split(',')[0];
      return one(TYPE_MESSAGES[t] ?? 'Type incorrect.');
    }
    case 'const':
      return one(`Doit valoir « ${show(e.schema)} ».`);
    case 'enum':
      return one(`« ${show(e.data)} » n'est pas une valeur autorisée.`);
    case 'pattern':
      return one(PATTERN_MESSAGES[String(e.schema)] ?? 'Format incorrect.');
    case 'minLength':
      return one(e.schema === 1 ? 'Ne peut pas être vide.' : `Doit contenir au moins ${e.schema} caractères.`);
    case 'maxLength':
      return one(`Doit contenir au plus ${e.schema} caractères.`);
    case 'format': {
      const f = (e.params as { format: string }).format;
      if (f === 'date') return one('Date invalide (attendue au format AAAA-MM-JJ).');
      if (f === 'email') return one('Adresse courriel invalide.');
      if (f === 'uri') return one('Lien invalide (doit commencer par http:// ou https://).');
      return one('Format incorrect.');
    }
    case 'minimum':
      return one(`Doit être supérieur ou égal à ${e.schema}.`);
    case 'minItems':
      return one('La liste ne peut pas être vide.');
    case 'uniqueItems': {
      // Every repeated value, not only the first pair Ajv saw.
      const seen = new Set<string>();
      const messages: string[] = [];
      for (const item of e.data as unknown[]) {
        const k = JSON.stringify(item);
        if (seen.has(k)) messages.push(`Valeur en double : « ${show(item)} ».`);
        seen.add(k);
      }
      return { pointer, keyword: 'uniqueItems', messages };
    }
    default:
      return one('Valeur incorrecte.');
  }
}

/**
 * Ajv reports a failed `anyOf` after the failures of each alternative. Keep those of the
 * only non-null alternative (`anyOf: [X, null]` is how the schema says "optional"), or one
 * message when there are several (zone_eligibilite: commune, département, EPCI, pays).
 */
function collapseAnyOf(errors: readonly ErrorObject[]): Found[] {
  const found: Found[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf') {
      found.push(describe(e));
      continue;
    }
    const at = e.instancePath;
    const inside = found.filter((f) => under(f.pointer, at));
    for (const f of inside) found.splice(found.indexOf(f), 1);
    const candidates = (e.schema as JsonSchema[]).filter((b) => b.type !== 'null');
    if (e.data === null || e.data === undefined) {
      found.push({ pointer: at, keyword: 'required', messages: [REQUIRED] });
    } else if (candidates.length === 1) {
      // Drop "must be null" from the null alternative.
      found.push(...inside.filter((f) => !(f.pointer === at && f.keyword === 'type' && f.messages[0] === TYPE_MESSAGES.null)));
    } else {
      found.push({
        pointer: at,
        keyword: 'anyOf',
        messages: [`« ${show(e.data)} » n'est pas un code géographique valable (commune, département, EPCI, pays ou « france »).`],
      });
    }
  }
  return found;
}

export class SchemaValidator {
  private readonly validateFn: ValidateFunction;
  private readonly required: string[];
  private readonly fields: string[];

  constructor(root: JsonSchema) {
    this.validateFn = ajv.compile(root);
    this.required = root.required ?? [];
    this.fields = Object.keys(root.properties ?? {});
  }

  /** Every issue of `value` against the root schema (an object schema): one field, one message. */
  validate(value: unknown): SchemaIssue[] {
    if (this.validateFn(value)) return [];
    const found = collapseAnyOf(this.validateFn.errors ?? []);
    // One failure per value: the first by PRIORITY (as a person fixes them one at a time).
    const priority = (f: Found) => (PRIORITY.includes(f.keyword) ? PRIORITY.indexOf(f.keyword) : PRIORITY.length);
    const best = new Map<string, Found>();
    for (const f of found) {
      const prev = best.get(f.pointer);
      if (!prev || priority(f) < priority(prev)) best.set(f.pointer, f);
    }
    const kept = found.filter((f) => best.get(f.pointer) === f);
    // Missing fields first in the schema's `required` order, then the others in its field order.
    const rank = (f: Found): number => {
      const field = dotted(f.pointer).split('.')[0];
      if (f.keyword === 'required' && this.required.includes(field)) return this.required.indexOf(field);
      const i = this.fields.indexOf(field);
      return this.required.length + (i < 0 ? this.fields.length : i);
    };
    const ordered = kept.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i);
    return ordered.flatMap(({ f }) => f.messages.map((message) => ({ path: dotted(f.pointer), message })));
  }
}
