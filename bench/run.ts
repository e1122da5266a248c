/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and
 * prints one `name: value unit` line per figure. Figures are measured here, never typed in.
 *
 * Each bench file runs in a process of its own, one after the other, on one shared throwaway
 * PostgreSQL (or DATABASE_URL's): a figure is measured as the bench alone would measure it,
 * not in a heap grown by the benches before it (their data, their compiled code, their
 * garbage collections).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchPostgres, stopBenchPostgres, type Report } from './harness';

const dir = path.dirname(new URL(import.meta.url).pathname);

const report: Report = (name, value, unit) => {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  console.log(`${name}: ${v} ${unit}`);
};

/** Runs one bench file in this process (the child's part). */
async function runOne(f: string): Promise<boolean> {
  try {
    const mod = await import(path.join(dir, f));
    await mod.default(report);
    return true;
  } catch (err) {
    console.error(`# ${f} failed: ${(err as Error).stack ?? err}`);
    return false;
  }
}

const child = process.env.RELAIS_BENCH_FILE;
if (child) {
  const ok = await runOne(child);
  await stopBenchPostgres();
  process.exit(ok ? 0 : 1);
}

const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

// The cluster is started once here and handed to each bench's process.
const databaseUrl = await benchPostgres();
let failed = 0;
for (const f of files) {
  const started = Date.now();
  console.error(`# ${f}`);
  const code = await new Promise<number | null>((resolve) => {
    const p = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname], {
      env: { ...process.env, RELAIS_BENCH_FILE: f, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    });
    p.on('exit', resolve);
  });
  if (code !== 0) {
    failed++;
    if (code !== 1) console.error(`# ${f} ended with code ${code}`);
  }
  console.error(`# ${f} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
await stopBenchPostgres();
process.exit(failed ? 1 : 0);
