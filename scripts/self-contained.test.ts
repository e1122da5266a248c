/**
 * A clone of the repository alone must build, test and benchmark: nothing in it may read
 * outside it. This scans every tracked text file (sources, tests, config, scripts, .ci,
 * bench, e2e, docs) for paths that leave the repository:
 * - the project's reference folder beside the repository (`../shared`, `shared/seeds`…);
 * - absolute paths into the machine the project was written on (`/work/…`);
 * - relative paths the file reads (imports, `path.resolve(import.meta.dirname, '../..')`,
 *   `new URL('..', import.meta.url)`, Markdown links) that, taken from the file's own
 *   folder, resolve above the repository root.
 * A path resolved from another base is caught by the first two rules.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SELF = path.relative(ROOT, import.meta.filename);
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'data', 'test-results', 'coverage']);

/** Tracked files (git ls-files); without git (an unpacked archive), every file but build output. */
function repoFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
      .split('\0')
      .filter(Boolean);
  } catch {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) walk(rel);
        } else if (e.isFile()) out.push(rel);
      }
    };
    walk('');
    return out;
  }
}

export interface Finding {
  file: string;
  line: number;
  text: string;
  why: string;
}

const NAMED: Array<{ re: RegExp; why: string }> = [
  { re: /\.\.[\\/]+shared\b/, why: 'the reference folder beside the repository' },
  {
    re: /(?<![\w.-])shared\/(?:reference|seeds|hooks)\b|(?<![\w.-])shared\/(?:ENGINEERING|PRODUCT|ANCHORS)\.md/,
    why: 'the reference folder beside the repository',
  },
  { re: /(?<![\w.~-])\/work\//, why: 'an absolute path of the machine the project was written on' },
];

/**
 * Relative paths a file really reads, in one line: import/export/require specifiers (a
 * statement, not a string that quotes one), `path.resolve|join(import.meta.dirname |
 * __dirname, …)`, `new URL('…', import.meta.url)`, and Markdown links. Strings that merely
 * look like paths (lint samples, glob patterns) are not reads.
 */
function relativeReads(line: string, markdown: boolean): string[] {
  const found: string[] = [];
  if (markdown) {
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) found.push(m[1]!);
    return found.filter((p) => p.startsWith('../'));
  }
  const statement = /^\s*(?:import|export)\b[^'"]*?(?:\bfrom\s*)?['"]([^'"]+)['"]/.exec(line);
  if (statement) found.push(statement[1]!);
  for (const m of line.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  for (const m of line.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) found.push(m[1]!);
  for (const m of line.matchAll(/\b(?:resolve|join)\(\s*(?:import\.meta\.dirname|__dirname)\s*,([^)]*)\)/g)) {
    const parts = [...m[1]!.matchAll(/['"]([^'"]+)['"]/g)].map((p) => p[1]!);
    if (parts.length) found.push(parts.join('/'));
  }
  return found.filter((p) => p.startsWith('..'));
}

export function scan(files: Array<{ file: string; text: string }>): Finding[] {
  const findings: Finding[] = [];
  for (const { file, text } of files) {
    const dir = path.join(ROOT, path.dirname(file));
    const markdown = file.endsWith('.md');
    text.split('\n').forEach((line, i) => {
      for (const { re, why } of NAMED) if (re.test(line)) findings.push({ file, line: i + 1, text: line.trim().slice(0, 160), why });
      for (const p of relativeReads(line, markdown)) {
        const target = path.resolve(dir, p);
        if (target !== ROOT && !target.startsWith(ROOT + path.sep))
          findings.push({ file, line: i + 1, text: p, why: `resolves outside the repository (${path.relative(ROOT, target)})` });
      }
    });
  }
  return findings;
}

function readText(file: string): string | null {
  const buf = fs.readFileSync(path.join(ROOT, file));
  if (buf.includes(0)) return null; // binary
  return buf.toString('utf8');
}

describe('the repository is self-contained', () => {
  it('no tracked file reads outside the repository', () => {
    const files = repoFiles()
      .filter((f) => f !== SELF && fs.existsSync(path.join(ROOT, f)))
      .map((file) => ({ file, text: readText(file) }))
      .filter((f): f is { file: string; text: string } => f.text !== null);
    expect(files.length).toBeGreaterThan(100);
    const findings = scan(files).map((f) => `${f.file}:${f.line}: ${f.text} — ${f.why}`);
    expect(findings, `paths leaving the repository:\n${findings.join('\n')}`).toEqual([]);
  });

  it('catches each kind of path that leaves it', () => {
    const f = (file: string, text: string) => scan([{ file, text }]).map((x) => x.line);
    expect(f('src/modules/droits/a.test.ts', "const s = path.resolve(import.meta.dirname, '../../../../shared/reference/x.json');")).toEqual([1, 1, 1]);
    expect(f('src/modules/droits/a.ts', "const s = path.join(import.meta.dirname, '..', '..', '..', '..', 'elsewhere');")).toEqual([1]);
    expect(f('bench/a.ts', "const u = new URL('../../elsewhere/x.json', import.meta.url);")).toEqual([1]);
    expect(f('src/a.ts', "const m = await import('../../elsewhere/x.js');")).toEqual([1]);
    expect(f('bench/a.ts', "readFileSync(path.resolve(repo, '../shared/seeds/000.txt'))")).toEqual([1, 1]);
    expect(f('docs/a.md', 'See `../shared/ENGINEERING.md`.')).toEqual([1, 1]);
    expect(f('src/a.ts', "fs.readFileSync('/work/shared/reference/benefits-sample.json')")).toEqual([1, 1]);
    expect(f('e2e/a.ts', "import x from '../../outside/thing';")).toEqual([1]);
    expect(f('README.md', '[docs](../wiki/Home.md)')).toEqual([1]);
  });

  it('lets paths inside the repository pass', () => {
    const f = (file: string, text: string) => scan([{ file, text }]);
    expect(f('src/modules/droits/potential/communes.ts', "path.resolve(import.meta.dirname, '../../../../rules/legislation/x.csv')")).toEqual([]);
    expect(f('web/features/annuaire/Map.tsx', "import { x } from '../../../src/modules/annuaire/geo';")).toEqual([]);
    expect(f('bin/relais.js', "await import(path.join(here, '..', 'src', 'main.ts'));")).toEqual([]);
    expect(f('src/platform/http/server.ts', "if (rel && !rel.includes('..') && ok)")).toEqual([]);
    expect(f('vite.config.ts', "outDir: '../dist/web',")).toEqual([]);
    expect(f('scripts/lint.test.ts', "expect(await fired('src/x.ts', \"import { a } from '../../../../web/app/api';\")).toEqual([]);")).toEqual([]);
    expect(f('eslint.config.js', "  regex: `^(\\.\\./){3}[^./]`, group: ['../../../../*'],")).toEqual([]);
    expect(f('docs/modules.md', "import type { App } from '../../platform/http/types'; [tour](../README.md)")).toEqual([]);
    expect(f('e2e/a.ts', "const chromium = '/usr/bin/chromium'; const t = os.tmpdir();")).toEqual([]);
  });
});
