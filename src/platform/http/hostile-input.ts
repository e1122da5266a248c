/**
 * Input no field of ours can want, refused once for every route before its zod schema
 * runs: a NUL character or a lone UTF-16 surrogate in any string (query, path, body, keys
 * included; PostgreSQL cannot store the first, UTF-8 cannot encode the second), a string
 * longer than the route's schema allows anywhere (DEFAULT_MAX_STRING unless a field declares
 * more), and JSON nested deeper than MAX_DEPTH. Each answers 400 `http/validation` naming
 * the field.
 */
import { z } from 'zod';
import type { FieldError } from '../errors';

/** Every string, in every route, unless the route's schema declares a longer `.max()`. */
export const DEFAULT_MAX_STRING = 10_000;
/** No form of ours nests deeper than a handful of levels. */
export const MAX_DEPTH = 32;

// eslint-disable-next-line no-control-regex
const BAD_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const BAD_CHAR_MESSAGE = 'Ce texte contient un caractère non autorisé.';
export const DEPTH_MESSAGE = 'Ces données sont imbriquées trop profondément.';
export const tooLongMessage = (max: number) => `Ce texte est trop long (${max.toLocaleString('fr-FR')} caractères au maximum).`;

export function hasBadChars(s: string): boolean {
  return BAD_CHARS.test(s);
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

/**
 * The first problem found in `value` (a parsed query, params or body), with its dotted
 * path (`rootName` for a bare string), or null. Bounded recursion: stops at MAX_DEPTH.
 */
export function findHostileInput(value: unknown, opts: { maxString: number; rootName: string }): FieldError | null {
  const walk = (v: unknown, path: string, depth: number): FieldError | null => {
    if (typeof v === 'string') {
      const at = path || opts.rootName;
      if (hasBadChars(v)) return { path: at, message: BAD_CHAR_MESSAGE };
      if (v.length > opts.maxString) return { path: at, message: tooLongMessage(opts.maxString) };
      return null;
    }
    if (v === null || typeof v !== 'object') return null;
    if (depth >= MAX_DEPTH) return { path: path || opts.rootName, message: DEPTH_MESSAGE };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const p = walk(v[i], join(path, i), depth + 1);
        if (p) return p;
      }
      return null;
    }
    if (Buffer.isBuffer(v)) return null;
    for (const [k, item] of Object.entries(v)) {
      const kp = join(path, k);
      if (hasBadChars(k)) return { path: path || opts.rootName, message: BAD_CHAR_MESSAGE };
      if (k.length > opts.maxString) return { path: path || opts.rootName, message: tooLongMessage(opts.maxString) };
      const p = walk(item, kp, depth + 1);
      if (p) return p;
    }
    return null;
  };
  return walk(value, '', 0);
}

/** The longest `maxLength` declared anywhere in a JSON schema (0 when none). */
function longestDeclared(node: unknown, seen = new Set<unknown>()): number {
  if (node === null || typeof node !== 'object' || seen.has(node)) return 0;
  seen.add(node);
  let max = 0;
  const ml = (node as { maxLength?: unknown }).maxLength;
  if (typeof ml === 'number' && Number.isFinite(ml)) max = ml;
  for (const child of Object.values(node)) max = Math.max(max, longestDeclared(child, seen));
  return max;
}

/**
 * The string length cap of a route: DEFAULT_MAX_STRING, or more when one of its schemas
 * declares a longer string (an import's file content, an upload's base64).
 */
export function routeMaxString(schemas: readonly unknown[]): number {
  let max = DEFAULT_MAX_STRING;
  for (const s of schemas) {
    if (!(s instanceof z.ZodType)) continue;
    try {
      max = Math.max(max, longestDeclared(z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })));
    } catch {
      // A schema zod cannot describe keeps the default.
    }
  }
  return max;
}
