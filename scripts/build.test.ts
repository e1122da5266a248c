/**
 * The compiled server/CLI (scripts/build-server.ts): built into a throwaway folder of
 * dist/, it answers `--help` from its help texts and runs a command that loads the whole
 * application, and a stack trace of an error thrown in it names the .ts source line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './build-server';
import { testHousehold } from '../src/modules/droits/test-households';

const root = path.resolve(import.meta.dirname, '..');
// Inside dist/ (same depth as dist/server), so that the paths to rules/ and dist/web hold.
const outdir = path.join(root, 'dist', `server-test-${process.pid}`);
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--enable-source-maps', path.join(outdir, 'main.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

describe('npm run build:server', () => {
  beforeAll(async () => {
    await buildServer(outdir);
  }, 60_000);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('answers --help from the help texts, as the full CLI does', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: relais');
    expect(r.stdout).toContain('serve');
    const sub = run('droits', 'simulate', '--help');
    expect(sub.status).toBe(0);
    expect(sub.stdout).toContain('Usage: relais droits simulate');
    const texts = JSON.parse(fs.readFileSync(path.join(outdir, 'cli-help.json'), 'utf8'));
    expect(texts['droits simulate']).toBe(sub.stdout);
  });

  it('runs a command of a module, reading its rules/ files from the compiled code', () => {
    const r = spawnSync(process.execPath, [path.join(outdir, 'main.js'), 'droits', 'simulate', '--no-explanations'], {
      cwd: root,
      input: JSON.stringify({ ...testHousehold(), id: 'a' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('a');
  });

  it('runs worker threads from their compiled entries (droits simulate --jobs 2), output in input order', () => {
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ ...testHousehold(), id: `h${i}` }));
    const r = spawnSync(process.execPath, [path.join(outdir, 'main.js'), 'droits', 'simulate', '--jsonl', '--jobs', '2', '--references', 'ids'], {
      cwd: root,
      input: lines.join('\n'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(outdir)).toContain('worker.modules.droits.batch.worker.js');
    const ids = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ids).toEqual(lines.map((_, i) => `h${i}`));
  });

  it('maps a stack trace to the .ts source line', () => {
    // The build's own step, told to write into a folder: fs throws from src/cli/help-cache.ts.
    const r = run('--write-help-cache', outdir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('EISDIR');
    expect(r.stderr).toMatch(/at writeHelpCache \(.*src\/cli\/help-cache\.ts:\d+:\d+\)/);
    expect(r.stderr).toMatch(/src\/main\.ts:\d+:\d+/);
  });
});
