/**
 * `npm test`: builds the web app (the browser journeys use it), runs every Vitest
 * project (unit + API on real PostgreSQL, then browser journeys) and ends with one line
 * `N passed, N failed` counting all of them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const rest = args.filter((a) => a !== '--e2e-only');

const build = spawnSync('npm', ['run', '--silent', 'build', '--', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The type checker, the linter (house rules: eslint.config.js) and the dependency check
// are tests too: an error in any fails the run like a failing assertion.
const checks: { name: string; command: string[] }[] = [
  { name: 'typecheck (tsc --noEmit)', command: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint (eslint)', command: ['eslint', '.'] },
  { name: 'dependencies (knip)', command: ['knip', '--dependencies'] },
];
// Formatting counts once the repository has been formatted: `npx prettier --write .`,
// then create `.prettier-enforced` at the root (committed), and from then on it is a test.
if (fs.existsSync('.prettier-enforced')) checks.push({ name: 'format (prettier --check)', command: ['prettier', '--check', '.', '--log-level', 'warn'] });
const checkResults = e2eOnly
  ? []
  : checks.map(({ name, command }) => {
      const ok = spawnSync('npx', command, { stdio: 'inherit' }).status === 0;
      console.log(ok ? `✓ ${name}` : `✗ ${name} failed`);
      return ok;
    });

fs.mkdirSync('.tmp', { recursive: true });
const report = path.resolve('.tmp', 'vitest-report.json');
fs.rmSync(report, { force: true });
const vitestArgs = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...(e2eOnly ? ['--project', 'e2e'] : []), ...rest];
const run = spawnSync('npx', vitestArgs, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests ?? 0;
  // A file that fails outside any test (a failing beforeAll, an import error) counts as one
  // failure: its tests are reported as skipped, not failed.
  const brokenFiles = (r.testResults ?? []).filter(
    (f: any) => f.status === 'failed' && !(f.assertionResults ?? []).some((a: any) => a.status === 'failed'),
  ).length;
  failed = (r.numFailedTests ?? 0) + brokenFiles;
  skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1; // a crash outside any test still fails the run
for (const ok of checkResults) {
  if (ok) passed++;
  else failed++;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
