/** SQL of the agents' queue: requests by fund, status and age, without family data (the file opens with a reason). */
import type { Queryable } from '../../platform/db/pool';
import type { RequestStatus } from './request-states';

export interface QueueFilters {
  fund?: string;
  status?: RequestStatus;
  /** Waiting (filed, not decided) for at least this many days. */
  olderThanDays?: number;
  /** 'me': assigned to the caller; 'none': unassigned; else the id of the agent it is assigned to. */
  assigned?: string;
  /** Search in the aid's title or the request number's start. */
  q?: string;
}

export interface QueueRow {
  id: string;
  aidId: string;
  aidTitle: string;
  aidVersion: number;
  fundId: string;
  fundTitle: string;
  status: RequestStatus;
  neighbourhood: string | null;
  submittedAt: Date | null;
  statusChangedAt: Date;
  /** Days since filing, pauses (à corriger) not counted. */
  waitingDays: number;
  assignedTo: string | null;
  assignedName: string | null;
  byMandate: boolean;
  isDemo: boolean;
}

export async function queue(q: Queryable, f: QueueFilters, userId: string, now: Date, limit = 500): Promise<QueueRow[]> {
  const { rows } = await q.query<QueueRow>(
    `SELECT r.id, r.aid_id AS "aidId", v.definition->>'title' AS "aidTitle", r.aid_version AS "aidVersion", r.fund_id AS "fundId", f.title AS "fundTitle",
            r.status, r.neighbourhood, r.submitted_at AS "submittedAt", r.status_changed_at AS "statusChangedAt",
            GREATEST(0, FLOOR((EXTRACT(EPOCH FROM (COALESCE(r.decided_at, $3::timestamptz) - r.submitted_at)) - r.paused_seconds
              - COALESCE(EXTRACT(EPOCH FROM ($3::timestamptz - r.paused_since)), 0)) / 86400))::int AS "waitingDays",
            r.assigned_to AS "assignedTo", u.display_name AS "assignedName", r.mandate_id IS NOT NULL AS "byMandate", r.is_demo AS "isDemo"
       FROM aid_requests r
       JOIN aid_versions v ON v.aid_id = r.aid_id AND v.version = r.aid_version
       JOIN aid_funds f ON f.id = r.fund_id
       LEFT JOIN users u ON u.id = r.assigned_to
      WHERE r.status <> 'brouillon'
        AND ($1::text IS NULL OR r.fund_id = $1)
        AND ($2::text IS NULL OR r.status = $2)
        AND ($4::int IS NULL OR (r.status IN ('deposee', 'en_instruction') AND r.submitted_at <= $3::timestamptz - make_interval(days => $4::int)))
        AND ($5::text IS NULL OR ($5 = 'me' AND r.assigned_to = $6) OR ($5 = 'none' AND r.assigned_to IS NULL) OR r.assigned_to::text = $5)
        AND ($7::text IS NULL OR immutable_unaccent(lower(v.definition->>'title')) LIKE '%' || immutable_unaccent(lower($7)) || '%' OR r.id::text LIKE lower($7) || '%')
      ORDER BY r.submitted_at NULLS LAST, r.id
      LIMIT $8`,
    [f.fund ?? null, f.status ?? null, now, f.olderThanDays ?? null, f.assigned ?? null, userId, f.q?.trim() || null, limit],
  );
  return rows;
}

/** Requests filed or in instruction for more than `days` days, for the reminder. */
export async function waitingLongerThan(q: Queryable, days: number, now: Date): Promise<{ id: string; assignedTo: string | null; email: string | null }[]> {
  const { rows } = await q.query(
    `SELECT r.id, r.assigned_to AS "assignedTo", u.email FROM aid_requests r LEFT JOIN users u ON u.id = r.assigned_to
      WHERE r.status IN ('deposee', 'en_instruction') AND r.submitted_at <= $1::timestamptz - make_interval(days => $2::int) ORDER BY r.submitted_at`,
    [now, days],
  );
  return rows;
}

/** Indicator counts per neighbourhood over [from, to). */
export async function countsByNeighbourhood(
  q: Queryable,
  what: 'requested' | 'granted' | 'paid',
  from: Date,
  to: Date,
): Promise<{ neighbourhood: string | null; value: number }[]> {
  const sql = {
    requested: `SELECT neighbourhood, count(*)::int AS value FROM aid_requests WHERE NOT is_demo AND submitted_at >= $1 AND submitted_at < $2 GROUP BY neighbourhood`,
    granted: `SELECT r.neighbourhood, count(*)::int AS value FROM aid_decisions d JOIN aid_requests r ON r.id = d.request_id
               WHERE NOT r.is_demo AND d.kind = 'accordee' AND d.supersedes IS NULL AND d.decided_at >= $1 AND d.decided_at < $2 GROUP BY r.neighbourhood`,
    paid: `SELECT neighbourhood, (SUM(amount_cents) / 100.0)::float AS value FROM aid_fund_entries WHERE kind = 'payment' AND created_at >= $1 AND created_at < $2 GROUP BY neighbourhood`,
  }[what];
  const { rows } = await q.query<{ neighbourhood: string | null; value: number }>(sql, [from, to]);
  return rows.map((r) => ({ neighbourhood: r.neighbourhood, value: Number(r.value) }));
}

/** Average instruction time in days (filing → decision, pauses not counted) of the requests decided in [from, to). */
export async function averageInstructionDays(q: Queryable, from: Date, to: Date): Promise<{ neighbourhood: string | null; value: number }[]> {
  const { rows } = await q.query<{ neighbourhood: string | null; value: number }>(
    `SELECT neighbourhood, ROUND(AVG((EXTRACT(EPOCH FROM (decided_at - submitted_at)) - paused_seconds) / 86400)::numeric, 1)::float AS value
       FROM aid_requests WHERE NOT is_demo AND decided_at >= $1 AND decided_at < $2 AND submitted_at IS NOT NULL GROUP BY neighbourhood`,
    [from, to],
  );
  return rows.map((r) => ({ neighbourhood: r.neighbourhood, value: Number(r.value) }));
}
