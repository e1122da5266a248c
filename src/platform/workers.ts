/**
 * Worker threads for CPU-bound batches (e.g. `relais droits simulate --jobs N`).
 *
 * A worker is a source file named `*.worker.ts`. Compiled (`npm run build`), each one is its
 * own entry dist/server/worker.<name>.js (scripts/build-server.ts finds them); from the sources
 * (tsx, vitest) the worker registers tsx first, then imports the file. The caller names the
 * worker by its source location: `startWorker(new URL('./batch.worker.ts', import.meta.url))`.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Set by the compiled build: the folder of dist/server/ (undefined when running the sources). */
declare const RELAIS_DIST_DIR: string | undefined;

const SRC_DIR = path.resolve(import.meta.dirname, '..');

/** <path under src/, slashes as dots>: dist/server/worker.<that>.js is what the build writes. */
export function compiledWorkerName(sourceFile: string): string {
  const rel = path.relative(SRC_DIR, sourceFile).split(path.sep).join('/');
  return `${rel.replace(/\.ts$/, '').replace(/\//g, '.')}`;
}

export function startWorker(source: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const sourceFile = fileURLToPath(source);
  if (!sourceFile.endsWith('.worker.ts')) throw new Error(`a worker's file is named *.worker.ts: ${sourceFile}`);
  if (typeof RELAIS_DIST_DIR === 'string') {
    return new Worker(path.join(RELAIS_DIST_DIR, `worker.${compiledWorkerName(sourceFile)}.js`), options);
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(sourceFile).href)}); })`;
  return new Worker(code, { ...options, eval: true });
}

/** Default parallelism: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism());
}
