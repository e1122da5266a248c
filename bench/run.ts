/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and
 * prints one `name: value unit` line per figure. Figures are measured here, never typed in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stopBenchPostgres, type Report } from './harness';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();

const report: Report = (name, value, unit) => {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  console.log(`${name}: ${v} ${unit}`);
};

let failed = 0;
for (const f of files) {
  const started = Date.now();
  console.error(`# ${f}`);
  try {
    const mod = await import(path.join(dir, f));
    await mod.default(report);
  } catch (err) {
    failed++;
    console.error(`# ${f} failed: ${(err as Error).stack ?? err}`);
  }
  console.error(`# ${f} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
await stopBenchPostgres();
process.exit(failed ? 1 : 0);
