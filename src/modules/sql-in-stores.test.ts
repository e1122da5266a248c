/**
 * One interior layout: a module's SQL lives in its `*.store.ts` files only (routes → use
 * cases → stores and pure files), so a file's name says whether it does I/O.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULES = import.meta.dirname;

/** Known exceptions, each with why (shrink this list; never grow it without a reason). */
const ALLOWED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('module interiors', () => {
  it('SQL is only in *.store.ts files', () => {
    const outside = sourceFiles(MODULES)
      .filter((f) => !f.endsWith('.store.ts') && /\.query\s*[(<]/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(MODULES, f).split(path.sep).join('/'))
      .filter((f) => !(f in ALLOWED));
    expect(outside).toEqual([]);
  });
});
