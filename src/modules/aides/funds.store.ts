/**
 * SQL of the funds: yearly budgets and the append-only ledger (commitment, payment,
 * release). The remainder is derived: budget − commitments + releases. Over-commitment is
 * refused by the database (trigger `aid_fund_not_overcommitted`, migration 0500) and the
 * grant locks the budget row first (`lockBudget`) so that concurrent grants queue.
 */
import type { Queryable, Tx } from '../../platform/db/pool';

export interface FundTotals {
  fundId: string;
  title: string;
  year: number;
  budgetCents: number;
  committedCents: number;
  paidCents: number;
  remainderCents: number;
  isDemo: boolean;
}

export async function upsertFund(q: Queryable, f: { id: string; title: string; isDemo: boolean }, now: Date): Promise<void> {
  await q.query(`INSERT INTO aid_funds (id, title, is_demo, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title`, [
    f.id,
    f.title,
    f.isDemo,
    now,
  ]);
}

export async function setBudget(q: Queryable, fundId: string, year: number, budgetCents: number, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO aid_fund_budgets (fund_id, year, budget_cents, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (fund_id, year) DO UPDATE SET budget_cents = EXCLUDED.budget_cents, updated_at = EXCLUDED.updated_at`,
    [fundId, year, budgetCents, now],
  );
}

/** A year's budget, when the fund has none for that year yet. */
export async function insertBudgetIfAbsent(q: Queryable, fundId: string, year: number, budgetCents: number, now: Date): Promise<void> {
  await q.query(`INSERT INTO aid_fund_budgets (fund_id, year, budget_cents, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
    fundId,
    year,
    budgetCents,
    now,
  ]);
}

/** Locks the (fund, year) budget row for the transaction; concurrent grants on the fund wait here. Null: no budget that year. */
export async function lockBudget(t: Tx, fundId: string, year: number): Promise<number | null> {
  const { rows } = await t.query<{ budget_cents: string }>(`SELECT budget_cents FROM aid_fund_budgets WHERE fund_id = $1 AND year = $2 FOR UPDATE`, [
    fundId,
    year,
  ]);
  return rows[0] ? Number(rows[0].budget_cents) : null;
}

const SUMS = `
  COALESCE(SUM(e.amount_cents) FILTER (WHERE e.kind = 'commitment'), 0) - COALESCE(SUM(e.amount_cents) FILTER (WHERE e.kind = 'release'), 0) AS committed,
  COALESCE(SUM(e.amount_cents) FILTER (WHERE e.kind = 'payment'), 0) AS paid`;

export async function fundTotals(q: Queryable, year: number, fundId?: string): Promise<FundTotals[]> {
  const { rows } = await q.query(
    `SELECT f.id, f.title, f.is_demo, b.budget_cents, ${SUMS}
       FROM aid_funds f
       JOIN aid_fund_budgets b ON b.fund_id = f.id AND b.year = $1
       LEFT JOIN aid_fund_entries e ON e.fund_id = f.id AND e.year = $1
      WHERE ($2::text IS NULL OR f.id = $2)
      GROUP BY f.id, f.title, f.is_demo, b.budget_cents
      ORDER BY f.title`,
    [year, fundId ?? null],
  );
  return rows.map((r) => ({
    fundId: r.id,
    title: r.title,
    year,
    budgetCents: Number(r.budget_cents),
    committedCents: Number(r.committed),
    paidCents: Number(r.paid),
    remainderCents: Number(r.budget_cents) - Number(r.committed),
    isDemo: r.is_demo,
  }));
}

export interface NeighbourhoodTotals {
  fundId: string;
  neighbourhood: string | null;
  committedCents: number;
  paidCents: number;
}

export async function totalsByNeighbourhood(q: Queryable, year: number): Promise<NeighbourhoodTotals[]> {
  const { rows } = await q.query(
    `SELECT e.fund_id, e.neighbourhood, ${SUMS} FROM aid_fund_entries e WHERE e.year = $1 GROUP BY e.fund_id, e.neighbourhood ORDER BY e.fund_id, e.neighbourhood NULLS LAST`,
    [year],
  );
  return rows.map((r) => ({ fundId: r.fund_id, neighbourhood: r.neighbourhood, committedCents: Number(r.committed), paidCents: Number(r.paid) }));
}

export async function addEntry(
  t: Queryable,
  e: {
    fundId: string;
    year: number;
    kind: 'commitment' | 'payment' | 'release';
    amountCents: number;
    requestId: string;
    decisionId: string | null;
    neighbourhood: string | null;
    by: string | null;
  },
  now: Date,
): Promise<void> {
  await t.query(
    `INSERT INTO aid_fund_entries (fund_id, year, kind, amount_cents, request_id, decision_id, neighbourhood, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.fundId, e.year, e.kind, e.amountCents, e.requestId, e.decisionId, e.neighbourhood, e.by, now],
  );
}

/**
 * Records that a granted request credited the family's chèques account. The request is the
 * key: a second credit for it fails (unique violation) and rolls its transaction back.
 */
export async function insertVoucherCredit(
  q: Queryable,
  c: { requestId: string; decisionId: string; chequesKind: string; amountCents: number; entryId: string },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO aid_voucher_credits (request_id, decision_id, cheques_kind, amount_cents, entry_id, credited_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.requestId, c.decisionId, c.chequesKind, c.amountCents, c.entryId, now],
  );
}

export async function voucherCreditOf(q: Queryable, requestId: string): Promise<{ amountCents: number; chequesKind: string } | null> {
  const { rows } = await q.query<{ amountCents: number; chequesKind: string }>(
    `SELECT amount_cents AS "amountCents", cheques_kind AS "chequesKind" FROM aid_voucher_credits WHERE request_id = $1`,
    [requestId],
  );
  return rows[0] ?? null;
}
