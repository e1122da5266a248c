/** SQL of the end notices: who receives or asks for an aid, the yearly aids granted, the notices already sent (once each). */
import type { Queryable } from '../../platform/db/pool';

/** The latest live request of each household for an aid (not refused, not closed): granted, paid, or still in progress. */
export async function liveRequestsOf(q: Queryable, aidId: string): Promise<{ householdId: string; requestId: string; status: string }[]> {
  const { rows } = await q.query<{ householdId: string; requestId: string; status: string }>(
    `SELECT DISTINCT ON (household_id) household_id AS "householdId", id AS "requestId", status
       FROM aid_requests WHERE aid_id = $1 AND status NOT IN ('refusee', 'classee') AND NOT is_demo
      ORDER BY household_id, created_at DESC`,
    [aidId],
  );
  return rows;
}

/** Requests granted (or paid) with a decision taken in `year`, with their aid's version. */
export async function grantedIn(q: Queryable, year: number): Promise<{ householdId: string; requestId: string; aidId: string; aidVersion: number }[]> {
  const { rows } = await q.query<{ householdId: string; requestId: string; aidId: string; aidVersion: number }>(
    `SELECT household_id AS "householdId", id AS "requestId", aid_id AS "aidId", aid_version AS "aidVersion"
       FROM aid_requests WHERE status IN ('accordee', 'versee') AND NOT is_demo
        AND decided_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Paris') AND decided_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Paris')
      ORDER BY decided_at`,
    [year],
  );
  return rows;
}

/** Records a notice; false when this household was already told this (aid, reason, period). */
export async function insertEndNotice(
  q: Queryable,
  n: { householdId: string; aidId: string; requestId: string | null; reason: 'aid-ended' | 'renewal'; period: string },
  now: Date,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO aid_end_notices (household_id, aid_id, request_id, reason, period, sent_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT ON CONSTRAINT aid_end_notices_once DO NOTHING`,
    [n.householdId, n.aidId, n.requestId, n.reason, n.period, now],
  );
  return rowCount === 1;
}
