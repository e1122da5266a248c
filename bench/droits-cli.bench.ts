/**
 * `relais droits simulate --jsonl` end to end, as a town's IT runs it (issue 20): 100,000
 * households (the 40 of the benefits sample, repeated, each with its own id) from a file,
 * through the compiled CLI (dist/server/main.js, what bin/relais.js runs; built first when stale), process start included,
 * output to a file. Printed: households/s with every core (`--jobs` default) and with
 * `--jobs 1`, with explanations; peak memory of the process (all its threads); output bytes
 * per household with references inline (today's API shape) and by id (`--references ids`);
 * the start of the compiled CLI (`relais --help`, median of 5); the start of the compiled server
 * (`npm start`'s command) to its first answer on /api/health, on a cluster that already exists
 * (created and migrated by a first start that is not timed), median of 3; the load average
 * beside each figure (the machine is shared: figures taken under load are lower than on an idle one).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, type Report } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const HOUSEHOLDS = 100_000;
// Peak memory and CPU time (user + system, µs) of the whole process (main thread and workers), printed on its way out.
const PEAK_RSS = `data:text/javascript,${encodeURIComponent("import fs from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); fs.writeSync(2, '\\nRELAIS_MAXRSS_KB=' + u.maxRSS + ' RELAIS_CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });")}`;

function ensureBuilt() {
  const compiled = path.join(root, 'dist', 'server', 'main.js');
  const built = fs.existsSync(compiled) ? fs.statSync(compiled).mtimeMs : 0;
  const src = path.join(root, 'src');
  const stale = (fs.readdirSync(src, { recursive: true }) as string[]).some((f) => fs.statSync(path.join(src, f)).mtimeMs > built);
  if (stale)
    execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-server.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

function writeInput(file: string) {
  const sample = JSON.parse(fs.readFileSync(path.join(root, 'src/modules/droits/fixtures/benefits-sample.json'), 'utf8')) as {
    cases: { input: Record<string, unknown> }[];
  };
  const fd = fs.openSync(file, 'w');
  let chunk = '';
  for (let i = 0; i < HOUSEHOLDS; i++) {
    chunk += JSON.stringify({ ...sample.cases[i % sample.cases.length]!.input, id: `m-${i}` }) + '\n';
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

/** The 1-minute load average now, beside each figure: on a shared machine a figure taken under load is lower. */
function load(): string {
  return `load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`;
}

interface Run {
  seconds: number;
  peakMb: number;
  /** CPU time of the process, every thread (user + system): what a loaded machine changes least. */
  cpuSeconds: number;
  bytes: number;
  load: string;
}

/** « 6.1 CPU-s: 16,400 households per CPU-second; load 3.2 on 2 cores »: beside each rate, as the load makes the wall-clock rate vary. */
function cpuAndLoad(r: Run): string {
  return `${r.cpuSeconds.toFixed(1)} CPU-s: ${Math.round(HOUSEHOLDS / r.cpuSeconds).toLocaleString('en')} households per CPU-second; ${r.load}`;
}

async function simulate(input: string, output: string, args: string[]): Promise<Run> {
  const t0 = performance.now();
  const out = fs.openSync(output, 'w');
  // The compiled entry itself (what bin/relais.js imports): another engineer saving a source file
  // during the minutes of a run must not switch bin/relais.js to the sources half-way.
  const p = spawn(process.execPath, ['--import', PEAK_RSS, path.join(root, 'dist', 'server', 'main.js'), 'droits', 'simulate', '--jsonl', input, ...args], {
    cwd: root,
    stdio: ['ignore', out, 'pipe'],
  });
  let stderr = '';
  p.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((r) => p.on('exit', r));
  fs.closeSync(out);
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`relais droits simulate ${args.join(' ')}: exit ${code}: ${stderr.slice(0, 2000)}`);
  if (stderr.includes('tsx')) throw new Error(`the CLI ran the sources, not the build: ${stderr.slice(0, 500)}`);
  const rss = Number(stderr.match(/RELAIS_MAXRSS_KB=(\d+)/)?.[1] ?? NaN);
  const cpu = Number(stderr.match(/RELAIS_CPU_US=(\d+)/)?.[1] ?? NaN);
  return { seconds, peakMb: rss / 1024, cpuSeconds: cpu / 1e6, bytes: fs.statSync(output).size, load: load() };
}

/** Seconds from spawning `relais --help` (compiled) to its exit, median of 5. */
function cliStart(): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [path.join(root, 'bin', 'relais.js'), '--help'], { cwd: root, stdio: 'ignore' });
    times.push((performance.now() - t0) / 1000);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/** Seconds from spawning the compiled server to a 200 on /api/health, then it is stopped (SIGTERM). */
async function serverStart(env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  const p = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist', 'server', 'main.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  p.stderr!.on('data', (d) => (stderr += d));
  let exited = false;
  const exit = new Promise<void>((r) => p.on('exit', () => ((exited = true), r())));
  try {
    for (;;) {
      if (exited) throw new Error(`relais serve ended before answering: ${stderr.slice(0, 2000)}`);
      const ok = await fetch(`http://127.0.0.1:${env.PORT}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return (performance.now() - t0) / 1000;
      if (performance.now() - t0 > 120_000) throw new Error(`relais serve did not answer in 2 minutes: ${stderr.slice(0, 2000)}`);
      await new Promise((r) => setTimeout(r, 5)); // a poll interval, not a wait for a state
    }
  } finally {
    p.kill('SIGTERM');
    await exit;
  }
}

/** Median of 3 server starts on one data directory, after a first start that creates its cluster. */
async function serverStarts(): Promise<number> {
  // Under the checkout, like the other benches' clusters: PostgreSQL runs as its own user when
  // we are root, and cannot enter a private temporary folder.
  const dataDir = path.join(root, '.tmp', `bench-server-start-${process.pid}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(await freePort()),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  try {
    await serverStart(env);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await serverStart(env));
    return times.sort((a, b) => a - b)[1]!;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function run(report: Report) {
  ensureBuilt();
  report('droits_cli_load_average_1min', Number(os.loadavg()[0]!.toFixed(1)), `(${os.availableParallelism()} cores, at the start)`);
  report('droits_cli_start_help', Number(cliStart().toFixed(3)), `s (aim ≤ 0.5 s; ${load()})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-droits-cli-'));
  try {
    report('server_start_to_health', Number((await serverStarts()).toFixed(3)), `s (aim ≤ 2 s; existing cluster; ${load()})`);
    const input = path.join(dir, 'households.jsonl');
    const output = path.join(dir, 'out.jsonl');
    writeInput(input);
    const all = await simulate(input, output, []);
    const cores = os.availableParallelism();
    report(
      'droits_cli_households_per_s_all_cores',
      Math.round(HOUSEHOLDS / all.seconds),
      `households/s (--jobs ${cores}, references inline, start included; ${cpuAndLoad(all)})`,
    );
    report('droits_cli_peak_memory_all_cores', Math.round(all.peakMb), `MB (aim ≤ 300; ${all.load})`);
    report('droits_cli_bytes_per_household_inline', Math.round(all.bytes / HOUSEHOLDS), 'bytes');
    const one = await simulate(input, output, ['--jobs', '1']);
    report('droits_cli_households_per_s_one_job', Math.round(HOUSEHOLDS / one.seconds), `households/s (references inline; ${cpuAndLoad(one)})`);
    report('droits_cli_peak_memory_one_job', Math.round(one.peakMb), `MB (${one.load})`);
    const ids = await simulate(input, output, ['--references', 'ids']);
    report(
      'droits_cli_households_per_s_references_ids',
      Math.round(HOUSEHOLDS / ids.seconds),
      `households/s (aim ≥ 20,000 with explanations, here by id; --jobs ${cores}, start included; ${cpuAndLoad(ids)})`,
    );
    report('droits_cli_peak_memory_references_ids', Math.round(ids.peakMb), `MB (${ids.load})`);
    report('droits_cli_bytes_per_household_references_ids', Math.round(ids.bytes / HOUSEHOLDS), 'bytes (aim ≤ 3,000)');
    const idsOne = await simulate(input, output, ['--references', 'ids', '--jobs', '1']);
    report(
      'droits_cli_households_per_s_references_ids_one_job',
      Math.round(HOUSEHOLDS / idsOne.seconds),
      `households/s (aim ≥ 12,000 with explanations, here by id; ${cpuAndLoad(idsOne)})`,
    );
    report('droits_cli_peak_memory_references_ids_one_job', Math.round(idsOne.peakMb), `MB (${idsOne.load})`);
    report('droits_cli_load_average_1min_end', Number(os.loadavg()[0]!.toFixed(1)), '(at the end)');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
