/**
 * Rate limits in PostgreSQL, so that they hold whichever process answers. A route
 * declares `config: { rateLimit: { max, windowSeconds } }` (per client address); a use
 * case may also throttle on its own key (an identifier, hashed). Over the limit:
 * `http/rate-limited` (429).
 */
import crypto from 'node:crypto';
import { AppError } from './errors';
import { defineJob } from './jobs';
import type { Queryable } from './db/pool';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

const hash = (key: string) => crypto.createHash('sha256').update(key).digest();

/** Records one attempt; throws 429 when `max` attempts were already made in the window. */
export async function throttle(q: Queryable, bucket: string, key: string, limit: RateLimit, now: Date): Promise<void> {
  // The count sees the attempts before this one (a CTE's insert is invisible to its SELECT).
  const { rows } = await q.query<{ n: number }>(
    `WITH attempt AS (INSERT INTO throttle_events (bucket, key, at) VALUES ($1, $2, $3))
     SELECT count(*)::int AS n FROM throttle_events
      WHERE bucket = $1 AND key = $2 AND at > $3::timestamptz - make_interval(secs => $4)`,
    [bucket, hash(key), now, limit.windowSeconds],
  );
  if (rows[0].n >= limit.max) throw new AppError('http/rate-limited');
}

export const throttleCleanupJob = defineJob({
  name: 'platform.throttle-cleanup',
  cron: '17 * * * *',
  handler: async (_data, deps) => {
    await deps.db.query(`DELETE FROM throttle_events WHERE at < now() - interval '2 days'`);
  },
});
