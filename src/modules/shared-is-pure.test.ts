/**
 * A module's `shared.ts` is what the browser runs too (docs/modules.md): everything it
 * reaches, file by file, must be pure — no Node built-in, no database, no store, service,
 * routes or platform I/O — or the web bundle would carry server code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const MODULES = import.meta.dirname;
const FORBIDDEN = [/^node:/, /^pg(-|$)/, /\.(store|service|routes|jobs|cli|seed)$/, /platform\/(db|jobs|runtime|config|auth|notify|pdf|http)/, /config$/];

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // What the bundle loads: `import type` / `export type` are erased, every other import counts.
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return null;
}

const shared = readdirSync(MODULES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(MODULES, d.name, 'shared.ts')))
  .map((d) => path.join(MODULES, d.name, 'shared.ts'));

it('some modules share code with the web app', () => {
  expect(shared.length).toBeGreaterThanOrEqual(4);
});

it.each(shared.map((f) => [path.relative(MODULES, f), f]))('%s reaches only pure files', (_name, entry) => {
  const seen = new Set<string>();
  const problems: string[] = [];
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      const bad = FORBIDDEN.some((re) => re.test(spec));
      if (bad) problems.push(`${path.relative(MODULES, file)} imports ${spec}`);
      const next = resolve(file, spec);
      if (next) walk(next);
      else if (!spec.startsWith('.') && !bad && !['zod', 'opening_hours', 'qrcode-generator'].includes(spec))
        problems.push(`${path.relative(MODULES, file)} imports the package ${spec}`);
    }
  };
  walk(entry);
  expect(problems).toEqual([]);
});
