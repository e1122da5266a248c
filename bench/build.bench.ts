/**
 * Compiled server and CLI (issue 20): `relais --help` start (the compiled CLI through
 * bin/relais.js, spawn to exit, median of 5) and the start of the compiled server on an
 * existing embedded cluster until /api/health answers 200 (a first start on a throwaway
 * DATA_DIR creates, migrates and seeds it; the second is timed). Builds dist/server/ first
 * when it is missing or older than the sources (bin/relais.js would otherwise run tsx).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, type Report } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const compiled = path.join(root, 'dist', 'server', 'main.js');

function ensureBuilt() {
  const built = fs.existsSync(compiled) ? fs.statSync(compiled).mtimeMs : 0;
  const src = path.join(root, 'src');
  const stale = (fs.readdirSync(src, { recursive: true }) as string[]).some((f) => fs.statSync(path.join(src, f)).mtimeMs > built);
  if (stale)
    execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-server.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

function helpStart(): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'relais.js'), '--help'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    times.push(performance.now() - t0);
    if (r.status !== 0 || !r.stdout.includes('Usage: relais')) throw new Error(`relais --help: ${r.status} ${r.stderr}`);
    if (r.stderr.includes('tsx')) throw new Error(`relais --help ran the sources: ${r.stderr}`);
  }
  return times.sort((a, b) => a - b)[2];
}

/** Starts the compiled server; resolves with the ms until /api/health answers 200, and the process. */
async function serveUntilHealthy(env: NodeJS.ProcessEnv, port: number, deadlineMs: number) {
  const t0 = performance.now();
  const p = spawn(process.execPath, ['--enable-source-maps', compiled, 'serve'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  p.stderr!.on('data', (d) => (stderr += d));
  let exited: number | null = null;
  p.on('exit', (c) => (exited = c ?? -1));
  while (performance.now() - t0 < deadlineMs) {
    if (exited !== null) throw new Error(`serve exited ${exited}: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { ms: performance.now() - t0, p };
    await new Promise((r) => setTimeout(r, 25));
  }
  p.kill('SIGKILL');
  throw new Error(`no healthy /api/health within ${deadlineMs} ms: ${stderr}`);
}

async function stop(p: ReturnType<typeof spawn>) {
  if (p.exitCode !== null) return;
  const gone = new Promise((r) => p.once('exit', r));
  p.kill('SIGINT');
  const timer = setTimeout(() => p.kill('SIGKILL'), 30_000);
  await gone;
  clearTimeout(timer);
}

async function serverStart(): Promise<number> {
  // Inside the repository: when run as root, the cluster's user (postgres) must reach it.
  const dataDir = path.join(root, '.tmp', `bench-build-${process.pid}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const [port, pgPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  try {
    const first = await serveUntilHealthy(env, port, 180_000);
    await stop(first.p);
    const second = await serveUntilHealthy(env, port, 60_000);
    await stop(second.p);
    return second.ms;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function (report: Report) {
  ensureBuilt();
  report('relais --help start', helpStart() / 1000, 's');
  report('server start to first /api/health', (await serverStart()) / 1000, 's');
}
