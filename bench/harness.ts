/**
 * Benchmarks share one throwaway embedded PostgreSQL (or DATABASE_URL's server), and
 * start the app on a free loopback port. Loads are bounded in count and time.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { buildApp } from '../src/app';
import { boot, type Runtime } from '../src/platform/runtime';
import { startEmbedded, type EmbeddedServer } from '../src/platform/db/embedded';
import { runSeeds } from '../src/platform/seeds';
import { allSeeds } from '../src/cli/seeds';
import { modules } from '../src/modules/registry';
import type { App } from '../src/platform/http/types';

export type Report = (name: string, value: number, unit: string) => void;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
}

let server: EmbeddedServer | null = null;
let adminUrl: string | null = null;

/** The admin URL of the bench PostgreSQL server (started once per `npm run bench`). */
export async function benchPostgres(): Promise<string> {
  if (adminUrl) return adminUrl;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    // BENCH_DURABLE=1: a cluster as in service (fsync on, synchronous commit), to read the figures'
    // cost of durability; by default a throwaway one (no fsync), as the tests use.
    const durable = process.env.BENCH_DURABLE === '1';
    server = await startEmbedded({ dir: path.resolve('.tmp', `bench-pg-${process.pid}`), port: await freePort(), ephemeral: !durable });
    adminUrl = server.url('postgres');
  }
  return adminUrl;
}

export async function stopBenchPostgres(): Promise<void> {
  await server?.stop();
  if (server && process.env.BENCH_DURABLE === '1') fs.rmSync(path.resolve('.tmp', `bench-pg-${process.pid}`), { recursive: true, force: true });
  server = null;
  adminUrl = null;
}

/** A new empty database on the bench server; `boot` migrates it. */
export async function benchDatabase(): Promise<string> {
  const admin = await benchPostgres();
  const name = `bench_${crypto.randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface BenchApp {
  url: string;
  rt: Runtime;
  app: App;
  databaseUrl: string;
  close(): Promise<void>;
}

export async function startBenchApp(opts: { seed?: boolean } = {}): Promise<BenchApp> {
  const databaseUrl = await benchDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    DATA_DIR: `.tmp/bench-data-${process.pid}`,
  });
  const rt = await boot(config, { modules, jobs: 'send', log: () => {} });
  if (opts.seed) await runSeeds(rt.systemCtx(), allSeeds());
  const { app } = await buildApp(rt.deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${addr.port}`,
    rt,
    app,
    databaseUrl,
    async close() {
      await app.close();
      await rt.close();
    },
  };
}

/** Log in through the API and return the cookie header to send. */
export async function loginCookie(url: string, identifier: string, password: string): Promise<string> {
  const me = await fetch(`${url}/api/auth/me`);
  const csrf = me.headers
    .getSetCookie()
    .find((c) => c.startsWith('relais_csrf='))!
    .split(';')[0];
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': csrf.split('=')[1] },
    body: JSON.stringify({ identifier, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
