/**
 * Real server processes for tests and benchmarks that need more than one (LISTEN/NOTIFY
 * across processes, stateless sessions) or a process to kill (durability under SIGKILL).
 * Each `relais serve` runs from the sources on a free port of the loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  proc: ChildProcess;
  /** Sends the signal and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerProcessOptions {
  /** Data directory of this process (backups, uploads); defaults to one per test process. */
  dataDir?: string;
  /** How long the server may take to print its address (a busy machine compiles slowly). */
  startTimeoutMs?: number;
  /** Extra environment for the process. */
  env?: Record<string, string>;
}

/** Starts `relais serve` on DATABASE_URL and resolves with its address once it listens. */
export function startServerProcess(databaseUrl: string, opts: ServerProcessOptions = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATA_DIR: opts.dataDir ?? `.tmp/mp-${process.pid}`,
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let started = false;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not start: ${out}`));
    }, opts.startTimeoutMs ?? 120_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = !started && out.match(/http:\/\/localhost:(\d+)/);
      if (m) {
        started = true;
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${m[1]}`,
          proc,
          async stop(signal = 'SIGTERM') {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
            await exited;
          },
        });
      }
    });
    proc.stderr!.on('data', (d) => (out += d));
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`server exited (${code ?? signal}) before listening: ${out}`));
    });
  });
}

/** A browser-like HTTP client: keeps cookies, sends the CSRF token, can talk to any process of the cluster. */
export class HttpSession {
  readonly jar = new Map<string, string>();

  constructor(readonly base: string) {}

  cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv!.indexOf('=');
      this.jar.set(kv!.slice(0, i), kv!.slice(i + 1));
    }
  }

  /** Calls METHOD PATH on `base` (default: the session's own process) with the session's cookies. */
  async call(method: string, path: string, body?: unknown, base = this.base): Promise<Response> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: this.cookie(),
        'x-csrf-token': this.jar.get('relais_csrf') ?? '',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.keep(res);
    return res;
  }

  /** Gets a CSRF cookie then logs in; throws unless the login succeeds. */
  async login(identifier: string, password: string): Promise<this> {
    this.keep(await fetch(`${this.base}/api/auth/me`));
    const res = await this.call('POST', '/api/auth/login', { identifier, password });
    if (res.status !== 200) throw new Error(`login of ${identifier.replace(/@.*/, '@…')} failed: ${res.status}`);
    return this;
  }
}
