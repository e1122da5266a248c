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
