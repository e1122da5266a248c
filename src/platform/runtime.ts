/**
 * Starting and stopping what a process needs: PostgreSQL (the embedded server in
 * DATA_DIR/pg, or DATABASE_URL), migrations, the job queue. Used by `serve`, the CLI
 * and the tests.
 */
import type { Config } from '../config';
import { systemClock, type Clock } from './clock';
import { makeCtx, type Ctx, type Deps } from './context';
import type { EmbeddedServer } from './db/embedded';
import { migrate } from './db/migrate';
import { startDatabase, type StartedDatabase } from './db/start';
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

export { DB_NAME, startDatabase } from './db/start';

export async function boot(
  config: Config,
  opts: {
    /** The modules to wire (src/modules/registry.ts): their errors, jobs, indicators and hooks. */
    modules: readonly ModuleDef[];
    jobs?: 'work' | 'send' | 'none';
    clock?: Clock;
    log?: (m: string) => void;
    databaseUrl?: string;
    /** The database already being started (`relais serve`: startDatabaseEarly), else it is started here. */
    database?: Promise<StartedDatabase> | null;
  },
): Promise<Runtime> {
  const wiring = wireModules(opts.modules);
  const log = opts.log ?? ((m: string) => console.error(m));
  const { url, embedded } = opts.databaseUrl ? { url: opts.databaseUrl, embedded: null } : await (opts.database ?? startDatabase(config, log));
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
