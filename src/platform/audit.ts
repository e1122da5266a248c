/**
 * The one audit helper every module uses. The table is append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE). Write it in the same transaction as the change it
 * records, so that an action and its trace land together or not at all.
 * Never put personal data in `details`: identifiers and codes only.
 */
import type { Ctx } from './context';
import type { Queryable } from './db/pool';

export interface AuditEntry {
  householdId?: string | null;
  subjectType?: string;
  subjectId?: string;
  /** Why an agent opened a family's file, or why a decision was taken. */
  reason?: string;
  details?: Record<string, unknown>;
  /**
   * The person acting must stay unknown (an anonymous survey answer): the entry keeps what was
   * done and when, without the account, the address or the request that would tie it to them.
   */
  anonymous?: boolean;
}

export async function audit(q: Queryable, ctx: Ctx, action: string, entry: AuditEntry = {}): Promise<void> {
  const { text, values } = auditInsert(ctx, action, entry);
  await q.query(text, values);
}

/**
 * The entry as one INSERT whose parameters are numbered from `$first`: for a change made in a
 * single statement (a hot path, e.g. a booking), the entry is a CTE of that statement, so the
 * change and its trace land together or not at all without a transaction's round trips.
 * `audit` above is this INSERT on its own.
 */
export function auditInsert(ctx: Ctx, action: string, entry: AuditEntry = {}, first = 1): { text: string; values: unknown[] } {
  const values = [
    ctx.now(),
    entry.anonymous ? null : (ctx.user?.id ?? null),
    entry.anonymous ? null : (ctx.user?.role ?? null),
    action,
    entry.householdId ?? null,
    entry.subjectType ?? null,
    entry.subjectId ?? null,
    entry.reason ?? null,
    JSON.stringify(entry.details ?? {}),
    entry.anonymous ? null : ctx.requestId,
    // The client address as Fastify resolved it: X-Forwarded-For only from TRUST_PROXY.
    entry.anonymous ? null : ctx.ip,
  ];
  const params = values.map((_, i) => `$${first + i}`).join(', ');
  return {
    text: `INSERT INTO audit_log (at, actor_id, actor_role, action, household_id, subject_type, subject_id, reason, details, request_id, ip) VALUES (${params})`,
    values,
  };
}

export interface AuditRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  householdId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export async function listAudit(
  q: Queryable,
  filter: { householdId?: string; actorId?: string; action?: string; before?: number; limit?: number },
): Promise<AuditRow[]> {
  const { rows } = await q.query(
    `SELECT a.id, a.at, a.actor_id AS "actorId", a.actor_role AS "actorRole", u.display_name AS "actorName",
            a.action, a.household_id AS "householdId", a.subject_type AS "subjectType", a.subject_id AS "subjectId",
            a.reason, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      WHERE ($1::uuid IS NULL OR a.household_id = $1)
        AND ($2::uuid IS NULL OR a.actor_id = $2)
        AND ($3::text IS NULL OR a.action LIKE $3 || '%')
        AND ($4::bigint IS NULL OR a.id < $4)
      ORDER BY a.id DESC
      LIMIT $5`,
    [filter.householdId ?? null, filter.actorId ?? null, filter.action ?? null, filter.before ?? null, Math.min(filter.limit ?? 100, 500)],
  );
  return rows;
}

/** How many times `action` was recorded by actors of `actorRole` in [from, to), per household (indicators). */
export async function countActionsPerHousehold(
  q: Queryable,
  filter: { action: string; actorRole: string; from: Date; to: Date },
): Promise<{ householdId: string; n: number }[]> {
  const { rows } = await q.query<{ householdId: string; n: number }>(
    `SELECT household_id AS "householdId", count(*)::int AS n FROM audit_log
      WHERE action = $1 AND actor_role = $2 AND household_id IS NOT NULL AND at >= $3 AND at < $4
      GROUP BY household_id`,
    [filter.action, filter.actorRole, filter.from, filter.to],
  );
  return rows;
}
