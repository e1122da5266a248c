/**
 * HTML printed to PDF by Chromium (playwright-core), as a bounded resource: a browser per
 * render costs a core and hundreds of MB, and a page can take forever (a huge answer, a
 * script that loops). So:
 * - at most `concurrency` renders run at once; up to `queueLimit` more wait their turn, and
 *   past that the request is refused at once with 503 `http/busy` and a Retry-After;
 * - each render has a hard deadline (`timeoutMs`, from the moment it starts): past it the
 *   browser's whole process group is killed (SIGKILL), not asked to close;
 * - the caller's AbortSignal (the client went away: `abortOnDisconnect` in
 *   http/disconnect.ts) kills it the same way, or takes it out of the queue;
 * - a slot is given back only once its browser process is gone, so there are never more
 *   than `concurrency` Chromiums alive.
 * Settings come from src/config.ts (`pdfRendering`, `externalPrograms`).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { BrowserServer } from 'playwright-core';
import { externalPrograms, pdfRendering } from '../config';
import { AppError } from './errors';

export interface PdfSettings {
  chromiumPath: string;
  /** Renders running at once (one browser each). */
  concurrency: number;
  /** Renders waiting for a slot; one more is refused with 503. */
  queueLimit: number;
  /** Hard deadline of one render, from its start, in milliseconds. */
  timeoutMs: number;
}

export interface RenderOptions {
  /** Aborting it (the client left) kills the render, or takes it out of the queue. */
  signal?: AbortSignal;
}

/** A graceful close that takes longer than this is cut short by a kill. */
const CLOSE_GRACE_MS = 5_000;

export class PdfRenderer {
  private running = 0;
  private readonly waiting: Array<{ start: () => void }> = [];
  private readonly idleWaiters: Array<() => void> = [];
  /** Recent render time, to tell a refused client when to come back. */
  private typicalMs = 3_000;
  /** Called with the process id of each browser once it has started (tests, diagnostics). */
  onLaunch?: (pid: number) => void;

  constructor(readonly settings: PdfSettings) {}

  available(): boolean {
    return fs.existsSync(this.settings.chromiumPath);
  }

  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.waiting.length };
  }

  /** Resolves when nothing runs or waits and every browser is gone. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Seconds after which a refused client may reasonably try again. */
  retryAfterSeconds(): number {
    const ahead = this.running + this.waiting.length;
    return Math.max(1, Math.ceil((this.typicalMs * ahead) / this.settings.concurrency / 1000));
  }

  render(html: string, opts: RenderOptions = {}): Promise<Buffer> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(aborted());
    if (this.running < this.settings.concurrency) return this.run(html, signal);
    if (this.waiting.length >= this.settings.queueLimit) {
      return Promise.reject(new AppError('http/busy', { details: { retryAfterSeconds: this.retryAfterSeconds() } }));
    }
    return new Promise<Buffer>((resolve, reject) => {
      const entry = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.run(html, signal).then(resolve, reject);
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(aborted());
        this.settle();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  /** Takes a slot now (synchronously), gives it back once the browser is gone. */
  private run(html: string, signal: AbortSignal | undefined): Promise<Buffer> {
    this.running++;
    const started = performance.now();
    const job = renderOnce(html, this.settings, signal, (pid) => this.onLaunch?.(pid));
    job.result.then(
      () => {
        this.typicalMs = Math.round(0.7 * this.typicalMs + 0.3 * (performance.now() - started));
      },
      () => {},
    );
    void job.gone.then(() => {
      this.running--;
      this.waiting.shift()?.start();
      this.settle();
    });
    return job.result;
  }

  private settle() {
    if (this.running === 0 && this.waiting.length === 0) for (const w of this.idleWaiters.splice(0)) w();
  }
}

function aborted(): AppError {
  return new AppError('http/aborted');
}

/** SIGKILL to the browser's process group (Playwright starts it detached: its own group), then to itself. */
export function killBrowser(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* no such group */
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * One render in its own browser. `result` settles at the deadline or abort at the latest;
 * `gone` resolves once the browser process has exited (even if it was still starting).
 */
function renderOnce(
  html: string,
  settings: PdfSettings,
  signal: AbortSignal | undefined,
  onLaunch: (pid: number) => void,
): { result: Promise<Buffer>; gone: Promise<void> } {
  let server: BrowserServer | undefined;
  let stopped = false;
  let fail: (e: Error) => void = () => {};
  const stop = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const kill = (why: Error) => {
    if (stopped) return;
    stopped = true;
    fail(why);
    const pid = server?.process().pid;
    if (pid) killBrowser(pid);
  };
  const timer = setTimeout(() => kill(new AppError('http/render-timeout')), settings.timeoutMs);
  const onAbort = () => kill(aborted());
  signal?.addEventListener('abort', onAbort, { once: true });

  const work = (async () => {
    const { chromium } = await import('playwright-core');
    server = await chromium.launchServer({
      executablePath: settings.chromiumPath,
      args: ['--no-sandbox'],
      timeout: settings.timeoutMs,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const pid = server.process().pid;
    if (pid) onLaunch(pid);
    // Stopped while the browser was starting: it is killed as soon as it exists.
    if (stopped) {
      if (pid) killBrowser(pid);
      throw aborted();
    }
    const browser = await chromium.connect(server.wsEndpoint(), { timeout: settings.timeoutMs });
    const page = await browser.newPage();
    // The document is self-contained: no network needed, none allowed.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
    await browser.close().catch(() => {});
    return pdf;
  })();
  work.catch(() => {}); // after a kill, its rejection is expected and not the caller's

  const result = Promise.race([work, stop]).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  });

  const gone = (async () => {
    const ok = await result.then(
      () => true,
      () => false,
    );
    // A kill may come while the launch is still pending: wait for it to settle first.
    await work.catch(() => {});
    if (!server) return;
    const child = server.process();
    if (ok) {
      const closed = server.close().catch(() => {});
      const grace = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
      await Promise.race([closed, grace]);
    }
    if (child.pid && child.exitCode === null && child.signalCode === null) killBrowser(child.pid);
    await exited(child);
  })();
  return { result, gone };
}

let shared: PdfRenderer | undefined;

/** The process's renderer, configured from the environment (src/config.ts) on first use. */
export function pdfRenderer(): PdfRenderer {
  if (!shared) shared = new PdfRenderer({ chromiumPath: externalPrograms().chromium, ...pdfRendering() });
  return shared;
}

/** Tests: use this renderer instead (returns the previous one). */
export function setPdfRenderer(r: PdfRenderer | undefined): PdfRenderer | undefined {
  const previous = shared;
  shared = r;
  return previous;
}
