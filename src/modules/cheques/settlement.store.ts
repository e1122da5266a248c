/** SQL of the partners' settlements: statements per month, reimbursements, paid marks. */
import type { Queryable } from '../../platform/db/pool';
import type { Kind } from './kinds';

const MONTH = `to_char(e.created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM')`;

export interface StatementLine {
  id: string;
  at: Date;
  kind: Kind;
  amountCents: number;
  cancelled: boolean;
  settlementId: string | null;
}

/** A partner's redemptions of a month (Paris), cancelled ones included and flagged. */
export async function statementLines(q: Queryable, structureId: string, period: string): Promise<StatementLine[]> {
  const { rows } = await q.query<StatementLine>(
    `SELECT e.id, e.created_at AS at, a.kind, -e.amount_cents AS "amountCents",
            EXISTS (SELECT 1 FROM cheques_entries c WHERE c.reverses_id = e.id) AS cancelled,
            si.settlement_id AS "settlementId"
       FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
       LEFT JOIN cheques_settlement_items si ON si.entry_id = e.id
      WHERE e.type = 'debit' AND e.structure_id = $1 AND ${MONTH} = $2
      ORDER BY e.created_at`,
    [structureId, period],
  );
  return rows;
}

/** Structures with redemptions in the month, for the town's list. */
export async function structuresOfPeriod(q: Queryable, period: string): Promise<{ structureId: string; count: number; totalCents: number }[]> {
  const { rows } = await q.query(
    `SELECT e.structure_id AS "structureId", count(*)::int AS count, coalesce(-sum(e.amount_cents), 0)::int AS "totalCents"
       FROM cheques_entries e
      WHERE e.type = 'debit' AND ${MONTH} = $1 AND NOT EXISTS (SELECT 1 FROM cheques_entries c WHERE c.reverses_id = e.id)
      GROUP BY e.structure_id`,
    [period],
  );
  return rows;
}

export interface SettlementRow {
  id: string;
  structureId: string;
  period: string;
  totalCents: number;
  count: number;
  createdAt: Date;
  paidAt: Date | null;
}

export async function settlementsOfPeriod(q: Queryable, period: string): Promise<SettlementRow[]> {
  const { rows } = await q.query<SettlementRow>(
    `SELECT s.id, s.structure_id AS "structureId", s.period, s.total_cents AS "totalCents",
            (SELECT count(*)::int FROM cheques_settlement_items i WHERE i.settlement_id = s.id) AS count,
            s.created_at AS "createdAt", s.paid_at AS "paidAt"
       FROM cheques_settlements s WHERE s.period = $1 ORDER BY s.created_at`,
    [period],
  );
  return rows;
}

/**
 * Settles a partner's month: the redemptions not cancelled and not settled yet, in one
 * statement (run under SERIALIZABLE: a cancellation racing it makes one of them retry).
 */
export async function insertSettlement(
  q: Queryable,
  s: { structureId: string; period: string; by: string | null; now: Date },
): Promise<{ id: string; totalCents: number; count: number } | null> {
  const { rows } = await q.query<{ id: string; totalCents: number; count: number }>(
    `WITH lines AS (
       SELECT e.id, -e.amount_cents AS cents FROM cheques_entries e
        WHERE e.type = 'debit' AND e.structure_id = $1 AND ${MONTH} = $2
          AND NOT EXISTS (SELECT 1 FROM cheques_entries c WHERE c.reverses_id = e.id)
          AND NOT EXISTS (SELECT 1 FROM cheques_settlement_items i WHERE i.entry_id = e.id)
     ), s AS (
       INSERT INTO cheques_settlements (structure_id, period, total_cents, created_at, created_by)
       SELECT $1, $2, sum(cents), $3, $4 FROM lines HAVING count(*) > 0
       RETURNING id, total_cents
     ), items AS (
       INSERT INTO cheques_settlement_items (settlement_id, entry_id) SELECT s.id, lines.id FROM s, lines RETURNING 1
     )
     SELECT s.id, s.total_cents AS "totalCents", (SELECT count(*)::int FROM items) AS count FROM s`,
    [s.structureId, s.period, s.now, s.by],
  );
  return rows[0] ?? null;
}

export async function markPaid(q: Queryable, id: string, by: string, now: Date): Promise<'ok' | 'paid' | 'missing'> {
  const r = await q.query(`UPDATE cheques_settlements SET paid_at = $2, paid_by = $3 WHERE id = $1 AND paid_at IS NULL`, [id, now, by]);
  if (r.rowCount === 1) return 'ok';
  const e = await q.query(`SELECT 1 FROM cheques_settlements WHERE id = $1`, [id]);
  return e.rowCount ? 'paid' : 'missing';
}

export async function settlementExists(q: Queryable, structureId: string, period: string): Promise<boolean> {
  return Boolean((await q.query(`SELECT 1 FROM cheques_settlements WHERE structure_id = $1 AND period = $2`, [structureId, period])).rowCount);
}
