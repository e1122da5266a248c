/** SQL of the droits potentiels tables only (droits_estimates, droits_simulation_runs). */
import type { Queryable } from '../../platform/db/pool';
import type { AmountsCents } from './estimate';

export interface EstimateRow {
  householdId: string;
  input: Record<string, unknown>;
  received: string[];
  period: string;
  parameterDate: string;
  amountsCents: AmountsCents;
  netCents: AmountsCents;
  missed: string[];
  savedAt: Date;
  updatedAt: Date;
  notifiedAt: Date | null;
}

const COLUMNS = `household_id AS "householdId", input, received, period, to_char(parameter_date, 'YYYY-MM-DD') AS "parameterDate",
  amounts_cents AS "amountsCents", net_cents AS "netCents", missed, saved_at AS "savedAt", updated_at AS "updatedAt", notified_at AS "notifiedAt"`;

export async function upsertEstimate(
  q: Queryable,
  e: Omit<EstimateRow, 'savedAt' | 'updatedAt' | 'notifiedAt'> & { savedBy: string; now: Date },
): Promise<EstimateRow> {
  const { rows } = await q.query<EstimateRow>(
    `INSERT INTO droits_estimates (household_id, input, received, period, parameter_date, amounts_cents, net_cents, missed, saved_by, saved_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     ON CONFLICT (household_id) DO UPDATE SET input = EXCLUDED.input, received = EXCLUDED.received, period = EXCLUDED.period,
       parameter_date = EXCLUDED.parameter_date, amounts_cents = EXCLUDED.amounts_cents, net_cents = EXCLUDED.net_cents,
       missed = EXCLUDED.missed, saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at, updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}`,
    [
      e.householdId,
      JSON.stringify(e.input),
      e.received,
      e.period,
      e.parameterDate,
      JSON.stringify(e.amountsCents),
      JSON.stringify(e.netCents),
      e.missed,
      e.savedBy,
      e.now,
    ],
  );
  return rows[0]!;
}

export async function getEstimate(q: Queryable, householdId: string, opts: { forUpdate?: boolean } = {}): Promise<EstimateRow | null> {
  const { rows } = await q.query<EstimateRow>(`SELECT ${COLUMNS} FROM droits_estimates WHERE household_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [
    householdId,
  ]);
  return rows[0] ?? null;
}

/** Households whose saved estimate used another revaluation than `parameterDate`. */
export async function staleEstimateIds(q: Queryable, parameterDate: string, limit = 5000): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(`SELECT household_id AS id FROM droits_estimates WHERE parameter_date <> $1 ORDER BY updated_at LIMIT $2`, [
    parameterDate,
    limit,
  ]);
  return rows.map((r) => r.id);
}

export async function updateReestimate(
  q: Queryable,
  householdId: string,
  e: { period: string; parameterDate: string; amountsCents: AmountsCents; netCents: AmountsCents; missed: string[]; now: Date; notified: boolean },
): Promise<void> {
  await q.query(
    `UPDATE droits_estimates SET period = $2, parameter_date = $3, amounts_cents = $4, net_cents = $5, missed = $6, updated_at = $7,
       notified_at = CASE WHEN $8 THEN $7 ELSE notified_at END
     WHERE household_id = $1`,
    [householdId, e.period, e.parameterDate, JSON.stringify(e.amountsCents), JSON.stringify(e.netCents), e.missed, e.now, e.notified],
  );
}

/** Every stored column, as the family's export shows them. */
export async function estimateRowsForExport(q: Queryable, householdId: string): Promise<Record<string, unknown>[]> {
  const { rows } = await q.query(`SELECT * FROM droits_estimates WHERE household_id = $1`, [householdId]);
  return rows;
}

export async function deleteEstimate(q: Queryable, householdId: string): Promise<void> {
  await q.query(`DELETE FROM droits_estimates WHERE household_id = $1`, [householdId]);
}

export async function insertRun(q: Queryable, run: { at: Date; neighbourhoodId: string | null; source: 'simulateur' | 'potentiels' | 'agent' }): Promise<void> {
  await q.query(`INSERT INTO droits_simulation_runs (ran_at, neighbourhood_id, source) VALUES ($1, $2, $3)`, [run.at, run.neighbourhoodId, run.source]);
}

export async function countRuns(q: Queryable, from: Date, to: Date): Promise<{ neighbourhood: string | null; value: number }[]> {
  const { rows } = await q.query<{ neighbourhood: string | null; value: number }>(
    `SELECT neighbourhood_id AS neighbourhood, count(*)::int AS value FROM droits_simulation_runs
      WHERE ran_at >= $1 AND ran_at < $2 GROUP BY 1 ORDER BY 1 NULLS LAST`,
    [from, to],
  );
  return rows;
}

export async function userContact(q: Queryable, userId: string): Promise<{ email: string | null; phone: string | null } | null> {
  const { rows } = await q.query<{ email: string | null; phone: string | null }>(`SELECT email, phone FROM users WHERE id = $1`, [userId]);
  return rows[0] ?? null;
}
