/**
 * Reading large results a batch at a time (exports, reports): a server-side cursor in a
 * read-only snapshot, so memory does not grow with the table and every pass over it sees
 * the same rows. The transaction ends — committed, or rolled back if the reader stops early
 * (a client that goes away) — before the connection goes back to the pool.
 */
import pg from 'pg';
import type { Db, Queryable, Tx } from './pool';

let cursors = 0;

/** Rows of `sql`, `batch` at a time, through a cursor on `t` (which must be in a transaction). */
export async function* cursorBatches<T>(t: Tx, sql: string, params: unknown[] = [], batch = 1000): AsyncGenerator<T[]> {
  const name = `relais_cursor_${++cursors}`;
  await t.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  try {
    for (;;) {
      const { rows } = await t.query(`FETCH ${batch} FROM ${name}`);
      if (!rows.length) return;
      yield rows as T[];
    }
  } finally {
    await t.query(`CLOSE ${name}`).catch(() => {});
  }
}

/** Runs `read` in a REPEATABLE READ, READ ONLY transaction and yields what it yields. */
export async function* inSnapshot<T>(db: Db, read: (t: Tx) => AsyncGenerator<T>): AsyncGenerator<T> {
  const client = await db.connect();
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    yield* read(client);
    await client.query('COMMIT');
    open = false;
  } finally {
    if (open) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/**
 * Rows of `sql`, `batch` at a time. From the pool: through a cursor in a read-only snapshot
 * (memory bounded by the batch). From a client (the caller's transaction, or none): one query,
 * one batch — a cursor needs a transaction, and we do not open one in someone else's client.
 */
export async function* readBatches<T>(q: Queryable, sql: string, params: unknown[] = [], batch = 1000): AsyncGenerator<T[]> {
  if (q instanceof pg.Pool) {
    yield* inSnapshot(q, (t) => cursorBatches<T>(t, sql, params, batch));
    return;
  }
  const { rows } = await q.query(sql, params);
  if (rows.length) yield rows as T[];
}
