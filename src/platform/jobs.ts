/**
 * Background jobs on a PostgreSQL-backed queue (pg-boss), never in a timer of one
 * process: any server process may enqueue, any may work. A module declares its jobs with
 * `defineJob` (no side effect) and lists them as `jobs` in its ModuleDef; the wiring hands
 * every declared job to `new Jobs(url, jobs)`, and `start` creates the queues, starts
 * workers and cron schedules. A job is queued by its own handle (`remindJob.send(ctx, data,
 * { tx })`), inside the transaction of its cause so that it exists exactly when that change
 * commits; the queue refuses a job nobody declared (a handle not listed in any ModuleDef).
 */
import PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Deps, Logger } from './context';
import { createPool, isDbUnavailable, loggableError, type Db, type Queryable } from './db/pool';

/** The payload of a job declared without a schema (a periodic one runs with `{}`): kept as sent. */
const anyPayload = z.looseObject({});

const QUEUE_SETUP_LOCK = 7_242_012;

export interface JobDef<T extends object = object> {
  name: string;
  /** Checks the payload when the job is sent and again when it runs (a job queued by an older version). */
  payload: z.ZodType<T>;
  handler: (data: T, deps: Deps) => Promise<void>;
  /** Cron (Europe/Paris) to run this job periodically with `{}` as data. */
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
}

/** Where a job is queued from: a use case's `ctx`, the process's `deps`, or the queue itself. */
export type JobsHolder = { jobs: Jobs } | Jobs;

/**
 * A declared job: the only way to queue it is its own `send`, so its name is never a
 * string typed at a call site and its payload is typed by its schema (`z.input`).
 */
export interface Job<In extends object = object, T extends object = object> extends JobDef<T> {
  /** Enqueue (inside `opts.tx` when given: the job exists exactly when that transaction commits). */
  send(on: JobsHolder, data: In, opts?: SendOptions): Promise<string | null>;
}

export interface SendOptions {
  /** Enqueue inside this transaction. */
  tx?: Queryable;
  startAfter?: Date | number;
  singletonKey?: string;
}

const ENQUEUE = Symbol('enqueue');

interface JobSpec<T extends object> {
  /** `<module>.<verb>`. */
  name: string;
  handler: (data: T, deps: Deps) => Promise<void>;
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
}

/**
 * Declares a job (`module.verb`). Registers nothing: list it in your ModuleDef's `jobs`.
 * `payload`: its zod schema, which types what `send` accepts and the handler receives (a
 * periodic job, or one without data, leaves it out).
 */
export function defineJob<S extends z.ZodType<object, object>>(def: JobSpec<z.output<S>> & { payload: S }): Job<z.input<S>, z.output<S>>;
export function defineJob(def: JobSpec<Record<string, never>> & { payload?: undefined }): Job<Record<string, never>, Record<string, never>>;
export function defineJob(def: JobSpec<any> & { payload?: z.ZodType<object> }): Job<any, any> {
  const payload = def.payload ?? anyPayload;
  return {
    ...def,
    payload,
    handler: async (data, deps) => def.handler(payload.parse(data), deps),
    send: async (on, data, opts) => {
      const jobs = on instanceof Jobs ? on : on.jobs;
      return jobs[ENQUEUE](def.name, payload.parse(data), opts);
    },
  };
}

/**
 * What the queue reports, in the log. When PostgreSQL goes away (the embedded cluster restarting, a
 * stop), every connection of the queue and every worker's poll fail with « terminating connection… »,
 * « Connection terminated… » or a refused connection, for as long as it is away: one warning in words
 * says so, then nothing until the database answers again (one line says it is back). Any other error
 * is an error, with its stack (and never a row's data: loggableError).
 */
export class QueueLog {
  private away = false;
  constructor(private readonly log: Logger) {}

  error(err: unknown): void {
    if (isDbUnavailable(err)) {
      if (this.away) return;
      this.away = true;
      const code = (err as { code?: string }).code;
      this.log.warn({ ...(code ? { code } : {}) }, 'job queue: the database went away (restarting or stopped); jobs wait until it answers again');
      return;
    }
    const queue = (err as { queue?: string }).queue;
    this.log.error({ err: loggableError(err), ...(queue ? { queue } : {}) }, 'job queue error');
  }

  /** A query of the queue succeeded. */
  answered(): void {
    if (!this.away) return;
    this.away = false;
    this.log.info('job queue: the database answers again');
  }
}

export class Jobs {
  private boss: PgBoss | null = null;
  private pool: Db | null = null;
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
    const said = new QueueLog(deps.log);
    // The queue's own pool (createPool: a connection lost under a client never kills the process), so that
    // its lost connections and its queries' outcomes reach QueueLog.
    const url = new URL(this.url);
    url.searchParams.set('application_name', 'relais-jobs');
    const pool = (this.pool = createPool(url.toString(), 4));
    pool.on('error', (err) => said.error(err));
    const db = {
      executeSql: async (text: string, values: unknown[]) => {
        const r = await pool.query(text, values as any[]);
        said.answered();
        return r;
      },
    };
    this.boss = new PgBoss({ db, schedule: opts.schedule ?? opts.work, supervise: opts.work, migrate: true });
    this.boss.on('error', (err) => said.error(err));
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

  /** Only a job's own `send` reaches this (the symbol is this file's): see `defineJob`. */
  async [ENQUEUE](name: string, data: object, opts: SendOptions = {}): Promise<string | null> {
    if (!this.registry.has(name)) throw new Error(`unknown job ${name}`);
    if (!this.boss) throw new Error('job queue not started');
    const db = opts.tx ? { executeSql: (text: string, values: unknown[]) => opts.tx!.query(text, values as any[]) } : undefined;
    return this.boss.send(name, data, {
      ...(db ? { db } : {}),
      ...(opts.startAfter ? { startAfter: opts.startAfter instanceof Date ? opts.startAfter : new Date(opts.startAfter) } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    });
  }

  /**
   * Run a job's handler now, in this process (tests, CLI): the job, or its name (a test's
   * shorthand; src/platform/module-contract.test.ts checks every name a test runs is declared).
   */
  async runNow<T extends object>(job: Job<T, any> | string, data: T): Promise<void> {
    const name = typeof job === 'string' ? job : job.name;
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
    const pool = this.pool;
    this.boss = null;
    this.pool = null;
    this.working = false;
    if (b) await b.stop({ graceful: true, timeout: 5000, wait: true });
    await pool?.end();
  }
}
