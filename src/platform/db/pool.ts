/**
 * Database access: one pg Pool per process, `tx()` for every multi-row change.
 * Serialization failures and deadlocks are retried; a unique/exclusion violation
 * becomes an AppError chosen by the caller (or `db/conflict`).
 */
import pg from 'pg';
import { AppError } from '../errors';

// bigint (COUNT, SUM) as number: our counts and cents stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric stays a string unless a query casts it; dates as ISO strings (no TZ surprises).
pg.types.setTypeParser(1082, (v) => v);

export type Db = pg.Pool;
export type Tx = pg.PoolClient;
/** Anything that can run a query: the pool or a transaction's client. */
export type Queryable = Pick<pg.Pool, 'query'>;

export function createPool(url: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  // A client checked out (a transaction, a cursor, a lock) has no listener of the pool's: when
  // PostgreSQL goes away under it (postmaster killed, crash), pg fails its queries AND emits
  // 'error' on it, which with no listener kills the whole process (seen in CI: the server died
  // instead of restarting its cluster). Its queries carry the error; the pool drops the client.
  pool.on('connect', (client) =>
    client.on('error', () => {
      /* reported by the query it interrupted */
    }),
  );
  return pool;
}

const RETRYABLE = new Set(['40001', '40P01']);

export async function tx<T>(
  db: Db,
  fn: (t: Tx) => Promise<T>,
  opts: { isolation?: 'read committed' | 'repeatable read' | 'serializable'; retries?: number } = {},
): Promise<T> {
  const retries = opts.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    const client = await db.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${(opts.isolation ?? 'read committed').toUpperCase()}`);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      const code = (err as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < retries) {
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
        continue;
      }
      throw err;
    } finally {
      client.release();
    }
  }
}

/** The database is away (stopped, crashed, restarting, full): worth a 503 and a retry, not a 500. */
export function isDbUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (e?.code && ['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(e.code)) return true;
  return typeof e?.message === 'string' && /^Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message);
}

/**
 * What of an error may be logged. A PostgreSQL error carries the failing row's data in
 * `detail`, `where`, `hint`, `internalQuery`; a query's parameters travel with some
 * drivers' errors too: none of that reaches a log, only the kind, code and first line.
 */
export function loggableError(err: unknown): { type: string; message: string; code?: string; constraint?: string; stack?: string } {
  const e = (err ?? {}) as { name?: string; message?: string; code?: string; constraint?: string; stack?: string };
  let message = String(e.message ?? err).split('\n')[0]!;
  // PostgreSQL quotes the offending value after a colon (`invalid input syntax for type x: "…"`).
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && message.includes(': ')) message = `${message.slice(0, message.indexOf(': '))}: …`;
  const out: { type: string; message: string; code?: string; constraint?: string; stack?: string } = { type: e.name ?? typeof err, message };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.constraint === 'string') out.constraint = e.constraint;
  // The stack's frames, without its first line (the message, already above).
  if (typeof e.stack === 'string') out.stack = e.stack.split('\n').filter((l) => /^\s+at /.test(l)).join('\n');
  return out;
}

/** PostgreSQL error code of a unique (23505) / exclusion (23P01) / FK (23503) / check (23514) violation. */
export function pgErrorCode(err: unknown): string | undefined {
  return (err as { code?: string })?.code;
}

export function constraintOf(err: unknown): string | undefined {
  return (err as { constraint?: string })?.constraint;
}

/** Map a constraint violation to an AppError; rethrow anything else. */
export function onConstraint(err: unknown, map: Record<string, AppError | (() => AppError)>): never {
  const c = constraintOf(err);
  if (c && map[c]) {
    const e = map[c];
    throw typeof e === 'function' ? e() : e;
  }
  throw err;
}
