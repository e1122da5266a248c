/**
 * Starting and stopping what a process needs: PostgreSQL (the embedded server in
 * DATA_DIR/pg, or DATABASE_URL), migrations, the job queue. Used by `serve`, the CLI
 * and the tests.
 */
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config';
import { systemClock, type Clock } from './clock';
import { makeCtx, type Ctx, type Deps } from './context';
import { startEmbedded, type EmbeddedServer } from './db/embedded';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';
import { Jobs } from './jobs';
import type { ModuleDef } from './module';
import { loadTown } from './town';
import { wireModules } from './wiring';

export interface Runtime {
  deps: Deps;
  /** A context acting as the system (CLI commands, jobs). */
  systemCtx(): Ctx;
  databaseUrl: string;
  /** The embedded PostgreSQL (owned or attached), null with DATABASE_URL. */
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

export const DB_NAME = 'relais';

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  c.on('error', () => {
    /* reported by the query it interrupted */
  });
  await c.connect();
  try {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount)
      await c.query(`CREATE DATABASE "${name}"`).catch((e) => {
        if (e.code !== '42P04') throw e; // created meanwhile by another process
      });
  } finally {
    await c.end();
  }
}

export async function startDatabase(config: Config, log: (m: string) => void): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  // Attaches to the cluster another process of this DATA_DIR runs, or starts (and owns) it.
  // Its output reaches us without data (DETAIL, CONTEXT, statements are dropped).
  const embedded = await startEmbedded({
    dir: path.join(config.dataDir, 'pg'),
    port: config.EMBEDDED_PG_PORT,
    log: (m) => {
      // Connections refused while it starts or stops are expected (a restart after a crash): not news.
      if (/^(FATAL|PANIC|ERROR):/.test(m) && !/system is (starting up|not yet accepting|shutting down)/.test(m)) log(`postgres: ${m.trim()}`);
    },
  });
  try {
    await ensureDatabase(embedded.url('postgres'), DB_NAME);
  } catch (err) {
    await embedded.stop();
    throw err;
  }
  return { url: embedded.url(DB_NAME), embedded };
}

export async function boot(
  config: Config,
  opts: {
    /** The modules to wire (src/modules/registry.ts): their errors, jobs, indicators and hooks. */
    modules: readonly ModuleDef[];
    jobs?: 'work' | 'send' | 'none';
    clock?: Clock;
    log?: (m: string) => void;
    databaseUrl?: string;
  },
): Promise<Runtime> {
  const wiring = wireModules(opts.modules);
  const log = opts.log ?? ((m: string) => console.error(m));
  const { url, embedded } = opts.databaseUrl ? { url: opts.databaseUrl, embedded: null } : await startDatabase(config, log);
  const db = createPool(url, 20);
  try {
    await migrate(db, log);
  } catch (err) {
    await db.end();
    await embedded?.stop();
    throw err;
  }
  const jobs = new Jobs(url, wiring.jobs);
  const deps: Deps = {
    db,
    config,
    clock: opts.clock ?? systemClock,
    jobs,
    town: loadTown(config.TOWN_CONFIG),
    log: console,
    dbMode: config.DATABASE_URL || opts.databaseUrl ? 'external' : 'embedded',
  };
  const mode = opts.jobs ?? 'send';
  if (mode !== 'none') await jobs.start(deps, { work: mode === 'work' });
  let closed = false;
  return {
    deps,
    databaseUrl: url,
    embedded,
    systemCtx: () => makeCtx(deps, null, 'system', 'local'),
    async close() {
      if (closed) return;
      closed = true;
      await jobs.stop().catch(() => {});
      await db.end().catch(() => {});
      await embedded?.stop().catch(() => {});
    },
  };
}
