/**
 * The Subscriber survives its connection: terminated by PostgreSQL (pg_terminate_backend,
 * as a restart or an operator would), it reconnects, LISTENs again, says so, and delivers
 * what is published afterwards.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publish, Subscriber } from './events';
import { createTestDb } from './testing';

let url: string;
let pool: pg.Pool;
const NAME = 'relais-listen-events-test';

beforeAll(async () => {
  url = await createTestDb();
  pool = new pg.Pool({ connectionString: url, max: 2 });
});
afterAll(() => pool.end());

/** Kills the listener's backend; returns how many were killed. */
async function terminateListener(): Promise<number> {
  const { rows } = await pool.query(
    `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
    [NAME],
  );
  return rows.filter((r) => r.killed).length;
}

it('reconnects with backoff after its backend is terminated, listens again and delivers', async () => {
  const sub = new Subscriber(url, { name: NAME, minDelayMs: 20 });
  const got: number[] = [];
  const other: number[] = [];
  let reconnects = 0;
  sub.onReconnect(() => reconnects++);
  await sub.subscribe('events_test', (p) => got.push(p.n));
  try {
    await publish(pool, 'events_test', { n: 1 });
    await expect.poll(() => got).toEqual([1]);

    expect(await terminateListener()).toBe(1);
    await expect.poll(() => reconnects).toBe(1);
    expect(sub.connected).toBe(true);
    await publish(pool, 'events_test', { n: 2 });
    await expect.poll(() => got).toEqual([1, 2]);

    // Twice more, with a channel added after the first reconnection: both are listened to again.
    await sub.subscribe('events_test_other', (p) => other.push(p.n));
    expect(await terminateListener()).toBe(1);
    await expect.poll(() => reconnects).toBe(2);
    await publish(pool, 'events_test', { n: 3 });
    await publish(pool, 'events_test_other', { n: 30 });
    await expect.poll(() => [got, other]).toEqual([[1, 2, 3], [30]]);
  } finally {
    await sub.close();
  }
  // Closed: no listener left behind, and none comes back.
  await expect.poll(() => terminateListener()).toBe(0);
  expect(sub.connected).toBe(false);
});

it('a subscriber whose first connection fails says so to its caller', async () => {
  const bad = new URL(url);
  bad.pathname = '/relais_no_such_database';
  const sub = new Subscriber(bad.toString(), { name: NAME });
  await expect(sub.subscribe('events_test', () => {})).rejects.toThrow();
  expect(sub.connected).toBe(false);
  await sub.close();
});
