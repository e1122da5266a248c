/**
 * The database a process uses: DATABASE_URL's, or the embedded PostgreSQL of DATA_DIR/pg
 * (attached to when another process of this DATA_DIR runs it, else started and owned), with
 * the application's database created in it. `relais serve` starts it before loading the
 * application (startDatabaseEarly), so that PostgreSQL's start and the loading of the code
 * overlap (issue 20: server start to first /api/health).
 */
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config';
import { startEmbedded, type EmbeddedServer } from './embedded';

export interface StartedDatabase {
  url: string;
  embedded: EmbeddedServer | null;
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

export async function startDatabase(config: Config, log: (m: string) => void): Promise<StartedDatabase> {
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

let early: Promise<StartedDatabase> | null = null;

/** Starts the database now, for `takeEarlyDatabase` to hand to `boot` once the application is loaded. */
export function startDatabaseEarly(config: Config, log: (m: string) => void): void {
  early = startDatabase(config, log);
  early.catch(() => undefined); // its failure is thrown where it is taken
}

/** The database started by `startDatabaseEarly`, once (null when none was). */
export function takeEarlyDatabase(): Promise<StartedDatabase> | null {
  const e = early;
  early = null;
  return e;
}
