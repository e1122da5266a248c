/**
 * Background jobs on a PostgreSQL-backed queue (pg-boss), never in a timer of one
 * process: any server process may enqueue, any may work. A module declares its jobs with
 * `defineJob` (no side effect) and lists them as `jobs` in its ModuleDef; the wiring hands
 * every declared job to `new Jobs(url, jobs)`, and `start` creates the queues, starts
 * workers and cron schedules. `send` may run inside a transaction so that a job exists
 * exactly when the change that causes it commits; it refuses a job nobody declared.
 */
import PgBoss from 'pg-boss';
import type { Deps } from './context';
import type { Queryable } from './db/pool';

export interface JobDef<T extends object = object> {
  name: string;
  handler: (data: T, deps: Deps) => Promise<void>;
  /** Cron (Europe/Paris) to run this job periodically with `{}` as data. */
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
}

const QUEUE_SETUP_LOCK = 7_242_012;

/** Types a job (`module.verb`). Registers nothing: list it in your ModuleDef's `jobs`. */
export function defineJob<T extends object>(def: JobDef<T>): JobDef<T> {
  return def;
}

export interface SendOptions {
  /** Enqueue inside this transaction. */
  tx?: Queryable;
  startAfter?: Date | number;
  singletonKey?: string;
}

export class Jobs {
  private boss: PgBoss | null = null;
  private working = false;
  private deps: Deps | null = null;
  private readonly registry: ReadonlyMap<string, JobDef<any>>;

  /** `jobs`: every job the wired modules declare (src/platform/wiring.ts). */
  constructor(
    private readonly url: string,
    jobs: readonly JobDef<any>[],
  ) {
    this.registry = new Map(jobs.map((j) => [j.name, j]));
  }

  async start(deps: Deps, opts: { work: boolean; schedule?: boolean }): Promise<void> {
    this.deps = deps;
    this.boss = new PgBoss({
      connectionString: this.url,
      max: 4,
      schedule: opts.schedule ?? opts.work,
      supervise: opts.work,
      migrate: true,
    });
    this.boss.on('error', (err) => deps.log.error({ err: String(err) }, 'job queue error'));
    // Two processes starting at once on a fresh database would create the same queues
    // concurrently, which deadlocks inside pg-boss: one process at a time, by an advisory lock.
    const lock = await deps.db.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK]);
      await this.boss.start();
      const existing = new Set((await this.boss.getQueues()).map((q) => q.name));
      for (const def of this.registry.values()) {
        if (existing.has(def.name)) continue;
        await this.boss.createQueue(def.name, {
          name: def.name,
          retryLimit: def.retryLimit ?? 5,
          retryDelay: def.retryDelaySeconds ?? 30,
          retryBackoff: true,
          expireInSeconds: def.expireInSeconds ?? 15 * 60,
        });
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK]).catch(() => {});
      lock.release();
    }
    if (opts.work) {
      for (const def of this.registry.values()) {
        await this.boss.work(def.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
          await def.handler(job.data as object, deps);
        });
        if (def.cron) await this.boss.schedule(def.name, def.cron, {}, { tz: 'Europe/Paris' });
      }
      this.working = true;
    }
  }

  async send<T extends object>(name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    if (!this.registry.has(name)) throw new Error(`unknown job ${name}`);
    if (!this.boss) throw new Error('job queue not started');
    const db = opts.tx ? { executeSql: (text: string, values: unknown[]) => opts.tx!.query(text, values as any[]) } : undefined;
    return this.boss.send(name, data, {
      ...(db ? { db } : {}),
      ...(opts.startAfter ? { startAfter: opts.startAfter instanceof Date ? opts.startAfter : new Date(opts.startAfter) } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    });
  }

  /** Run a job's handler now, in this process (tests, CLI). */
  async runNow<T extends object>(name: string, data: T): Promise<void> {
    const def = this.registry.get(name);
    if (!def || !this.deps) throw new Error(`unknown job ${name} or queue not started`);
    await def.handler(data, this.deps);
  }

  get started(): boolean {
    return this.boss !== null;
  }

  get workersRunning(): boolean {
    return this.working;
  }

  async stop(): Promise<void> {
    const b = this.boss;
    this.boss = null;
    this.working = false;
    if (b) await b.stop({ graceful: true, timeout: 5000, wait: true });
  }
}
