/**
 * YAML files read at start-up (rules/legislation/*.yaml…), parsed once by the build: the
 * compiled server finds each file's value in dist/server/yaml-cache.json, as JSON, under
 * the SHA-256 of the file's text — a file changed since the build (a town editing its
 * parameters) is parsed again, so the cache can never serve stale values. From the sources
 * (tsx, tests), or for a file the build did not cache, the file is parsed as before.
 * JSON.parse is some 20 times faster than the YAML parser (issue 20: server start to first
 * /api/health ≤ 2 s; the legislation's YAML alone took 0.8 s).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type * as Yaml from 'yaml';

/**
 * The YAML parser, loaded on first use: a compiled process whose files all come from the
 * build's cache never loads it (~50 ms of every start, and of every worker thread's).
 */
const requireModule = createRequire(import.meta.url);
const parse = (text: string): unknown => (requireModule('yaml') as typeof Yaml).parse(text);

// Set by the build (scripts/build-server.ts) to the compiled server's folder; undefined from the sources.
declare const RELAIS_DIST_DIR: string | undefined;

export const YAML_CACHE_FILE = 'yaml-cache.json';

/** SHA-256 of a file's text → its value as JSON text. */
type Cache = Record<string, string>;
let cache: Cache | null | undefined;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

function builtCache(): Cache | null {
  if (cache !== undefined) return cache;
  cache = null;
  if (typeof RELAIS_DIST_DIR === 'string') {
    try {
      cache = JSON.parse(fs.readFileSync(path.join(RELAIS_DIST_DIR, YAML_CACHE_FILE), 'utf8')) as Cache;
    } catch {
      /* no cache written (an older build): every file is parsed */
    }
  }
  return cache;
}

/** The value of a YAML file: from the build's cache when it holds this very text, else parsed. */
export function readYamlFile(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  const hit = builtCache()?.[sha256(text)];
  return hit !== undefined ? JSON.parse(hit) : parse(text);
}

/**
 * The build's side: the cache of `files` (their values as JSON, by SHA-256 of their text).
 * A file whose value JSON cannot carry exactly (a date, a non-finite number) is left out.
 */
export function yamlCache(files: string[]): Cache {
  const out: Cache = {};
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const value = parse(text) as unknown;
    const json = JSON.stringify(value);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) continue;
    out[sha256(text)] = json;
  }
  return out;
}
