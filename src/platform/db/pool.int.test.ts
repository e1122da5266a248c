/**
 * The pool's clients when PostgreSQL goes away under them: a transaction whose connection is
 * cut fails its statement, and the process lives on (a checked-out client's 'error' event,
 * without a listener, used to kill the server when its embedded postmaster was killed).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from '../testing';
import { createPool, tx, type Db } from './pool';

let db: Db;
let other: Db;
beforeAll(async () => {
  const url = await createTestDb();
  db = createPool(url, 2);
  other = createPool(url, 1);
});
afterAll(async () => {
  await Promise.all([db.end(), other.end()]);
});

it('a transaction whose connection is cut fails, the process lives, the pool serves again', async () => {
  const cut = tx(db, async (t) => {
    const { rows } = await t.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const ended = new Promise((resolve) => t.once('end', resolve));
    await other.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    // The connection ends while no statement of ours runs: pg emits 'error' on the client.
    await ended;
    await t.query('SELECT 1');
  });
  await expect(cut).rejects.toThrow();
  // The broken client is dropped, a new one answers.
  expect((await db.query<{ v: number }>('SELECT 1 AS v')).rows[0]!.v).toBe(1);
});
