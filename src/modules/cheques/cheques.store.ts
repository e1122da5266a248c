/** SQL of the chèques ledger, payment codes and partners' kinds (the pass has pass.store.ts). */
import type { Queryable } from '../../platform/db/pool';
import type { CreditSource, EntryType, Kind } from './kinds';

export interface AccountRow {
  id: string;
  householdId: string | null;
  kind: Kind;
  holderFirstName: string | null;
}

const ACCOUNT = `id, household_id AS "householdId", kind, holder_first_name AS "holderFirstName"`;

/** The household's account of this kind, created on its first credit. */
export async function upsertAccount(
  q: Queryable,
  a: { householdId: string; kind: Kind; firstName: string | null; now: Date; isDemo?: boolean },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO cheques_accounts (household_id, kind, holder_first_name, created_at, is_demo) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (household_id, kind) WHERE household_id IS NOT NULL
     DO UPDATE SET holder_first_name = coalesce(EXCLUDED.holder_first_name, cheques_accounts.holder_first_name)
     RETURNING id`,
    [a.householdId, a.kind, a.firstName, a.now, a.isDemo ?? false],
  );
  return rows[0].id;
}

export async function accountsOfHousehold(q: Queryable, householdId: string): Promise<AccountRow[]> {
  const { rows } = await q.query<AccountRow>(`SELECT ${ACCOUNT} FROM cheques_accounts WHERE household_id = $1 ORDER BY kind`, [householdId]);
  return rows;
}

export async function accountOf(q: Queryable, householdId: string, kind: Kind): Promise<AccountRow | null> {
  const { rows } = await q.query<AccountRow>(`SELECT ${ACCOUNT} FROM cheques_accounts WHERE household_id = $1 AND kind = $2`, [householdId, kind]);
  return rows[0] ?? null;
}

/** Locks the account row: every spend of one account waits for the one before (the trigger locks it too). */
export async function lockAccount(q: Queryable, id: string): Promise<AccountRow | null> {
  const { rows } = await q.query<AccountRow>(`SELECT ${ACCOUNT} FROM cheques_accounts WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

/**
 * The balance (sum of every entry) and what can be spent now: never more than the credits
 * still valid at `now` (plus positive corrections), so that a credit past its expiry is not
 * spent before the expiry job has written its entry. Spending draws on the soonest-expiring
 * credits first, so the balance sits in the latest ones.
 */
export async function balanceOf(q: Queryable, accountId: string, now: Date): Promise<{ balanceCents: number; availableCents: number }> {
  const { rows } = await q.query<{ balance: number; valid: number }>(
    `SELECT coalesce(sum(amount_cents), 0)::int AS balance,
            coalesce(sum(amount_cents) FILTER (WHERE (type = 'credit' AND (expires_at IS NULL OR expires_at > $2))
                                                  OR (type = 'correction' AND amount_cents > 0)), 0)::int AS valid
       FROM cheques_entries WHERE account_id = $1`,
    [accountId, now],
  );
  const { balance, valid } = rows[0];
  return { balanceCents: balance, availableCents: Math.max(0, Math.min(balance, valid)) };
}

export interface NewEntry {
  accountId: string;
  type: EntryType;
  amountCents: number;
  source?: CreditSource | null;
  sourceRef?: string | null;
  reason?: string | null;
  expiresAt?: Date | null;
  structureId?: string | null;
  reversesId?: string | null;
  /** A yearly allowance's year: once per account and year (unique index cheques_entries_allowance_once). */
  allowanceYear?: number | null;
  createdBy: string | null;
  now: Date;
}

const INSERT_ENTRY = `INSERT INTO cheques_entries (account_id, type, amount_cents, source, source_ref, reason, expires_at, structure_id, reverses_id, created_by, created_at, allowance_year)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;

const entryParams = (e: NewEntry) => [
  e.accountId,
  e.type,
  e.amountCents,
  e.source ?? null,
  e.sourceRef ?? null,
  e.reason ?? null,
  e.expiresAt ?? null,
  e.structureId ?? null,
  e.reversesId ?? null,
  e.createdBy,
  e.now,
  e.allowanceYear ?? null,
];

export async function insertEntry(q: Queryable, e: NewEntry): Promise<string> {
  const { rows } = await q.query<{ id: string }>(`${INSERT_ENTRY} RETURNING id`, entryParams(e));
  return rows[0].id;
}

/**
 * A credit that is a year's allowance (`allowanceYear` set): inserts it, or nothing (null)
 * when the account already holds that year's — the unique index decides, also against a
 * transaction not yet committed (this insert waits for it, then does nothing if it committed).
 */
export async function insertAllowanceCredit(q: Queryable, e: NewEntry & { allowanceYear: number }): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `${INSERT_ENTRY} ON CONFLICT (account_id, allowance_year) WHERE allowance_year IS NOT NULL DO NOTHING RETURNING id`,
    entryParams(e),
  );
  return rows[0]?.id ?? null;
}

export interface EntryRow {
  id: string;
  accountId: string;
  kind: Kind;
  type: EntryType;
  amountCents: number;
  source: CreditSource | null;
  reason: string | null;
  expiresAt: Date | null;
  structureId: string | null;
  reversesId: string | null;
  createdAt: Date;
  cancelled: boolean;
  settled: boolean;
}

const ENTRY = `e.id, e.account_id AS "accountId", a.kind, e.type, e.amount_cents AS "amountCents", e.source, e.reason, e.expires_at AS "expiresAt",
  e.structure_id AS "structureId", e.reverses_id AS "reversesId", e.created_at AS "createdAt",
  EXISTS (SELECT 1 FROM cheques_entries c WHERE c.reverses_id = e.id AND c.type = 'cancellation') AS cancelled,
  EXISTS (SELECT 1 FROM cheques_settlement_items si WHERE si.entry_id = e.id) AS settled`;

export async function entriesOfHousehold(q: Queryable, householdId: string, limit = 200): Promise<EntryRow[]> {
  const { rows } = await q.query<EntryRow>(
    `SELECT ${ENTRY} FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
      WHERE a.household_id = $1 ORDER BY e.created_at DESC, e.id LIMIT $2`,
    [householdId, limit],
  );
  return rows;
}

export async function entryById(
  q: Queryable,
  id: string,
  opts: { forUpdateAccount?: boolean } = {},
): Promise<(EntryRow & { householdId: string | null }) | null> {
  const { rows } = await q.query<EntryRow & { householdId: string | null }>(
    `SELECT ${ENTRY}, a.household_id AS "householdId" FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id WHERE e.id = $1
     ${opts.forUpdateAccount ? 'FOR UPDATE OF a' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** The redemptions a partner took today (Paris), for its cashier's list and cancellations. */
export async function debitsOfStructure(q: Queryable, structureId: string, from: Date, to: Date): Promise<(EntryRow & { holderFirstName: string | null })[]> {
  const { rows } = await q.query<EntryRow & { holderFirstName: string | null }>(
    `SELECT ${ENTRY}, a.holder_first_name AS "holderFirstName" FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
      WHERE e.structure_id = $1 AND e.type = 'debit' AND e.created_at >= $2 AND e.created_at < $3
      ORDER BY e.created_at DESC`,
    [structureId, from, to],
  );
  return rows;
}

// ------------------------------------------------------------------ partners' kinds
export async function kindsOfStructure(q: Queryable, structureId: string): Promise<Kind[]> {
  const { rows } = await q.query<{ kind: Kind }>(`SELECT kind FROM cheques_partner_kinds WHERE structure_id = $1 ORDER BY kind`, [structureId]);
  return rows.map((r) => r.kind);
}

export async function setKindsOfStructure(q: Queryable, structureId: string, kinds: Kind[], by: string | null, now: Date): Promise<void> {
  await q.query(`DELETE FROM cheques_partner_kinds WHERE structure_id = $1 AND NOT (kind = ANY($2::text[]))`, [structureId, kinds]);
  await q.query(
    `INSERT INTO cheques_partner_kinds (structure_id, kind, accepted_at, accepted_by) SELECT $1, k, $3, $4 FROM unnest($2::text[]) k ON CONFLICT DO NOTHING`,
    [structureId, kinds, now, by],
  );
}

// ------------------------------------------------------------------ payment codes
export async function insertCode(q: Queryable, c: { accountId: string; hash: Buffer; now: Date; expiresAt: Date; printed?: boolean }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO cheques_codes (account_id, code_hash, created_at, expires_at, printed) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [c.accountId, c.hash, c.now, c.expiresAt, c.printed ?? false],
  );
  return rows[0].id;
}

export interface CodeRow {
  id: string;
  accountId: string;
  kind: Kind;
  holderFirstName: string | null;
  householdId: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

/** The code with this hash, its account locked (the spend that follows holds the lock). */
export async function codeByHash(q: Queryable, hash: Buffer): Promise<CodeRow | null> {
  const { rows } = await q.query<CodeRow>(
    `SELECT c.id, c.account_id AS "accountId", a.kind, a.holder_first_name AS "holderFirstName", a.household_id AS "householdId",
            c.expires_at AS "expiresAt", c.used_at AS "usedAt"
       FROM cheques_codes c JOIN cheques_accounts a ON a.id = c.account_id
      WHERE c.code_hash = $1
      FOR UPDATE OF a, c`,
    [hash],
  );
  return rows[0] ?? null;
}

export async function markCodeUsed(q: Queryable, id: string, entryId: string, now: Date): Promise<boolean> {
  const r = await q.query(`UPDATE cheques_codes SET used_at = $2, entry_id = $3 WHERE id = $1 AND used_at IS NULL`, [id, now, entryId]);
  return r.rowCount === 1;
}

/**
 * Earlier unused codes of the account stop working when a new one is shown (one live code
 * per account): the phone's (`printed` false), or a printed sheet's when a new sheet is printed.
 */
export async function retireCodes(q: Queryable, accountId: string, now: Date, printed = false): Promise<void> {
  await q.query(`UPDATE cheques_codes SET expires_at = least(expires_at, $2) WHERE account_id = $1 AND used_at IS NULL AND expires_at > $2 AND printed = $3`, [
    accountId,
    now,
    printed,
  ]);
}

export async function codeStatus(q: Queryable, id: string): Promise<{ usedAt: Date | null; expiresAt: Date; accountId: string } | null> {
  const { rows } = await q.query(`SELECT used_at AS "usedAt", expires_at AS "expiresAt", account_id AS "accountId" FROM cheques_codes WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

// ------------------------------------------------------------------ expiry
export interface ExpiringCredit {
  id: string;
  accountId: string;
  householdId: string | null;
  kind: Kind;
  amountCents: number;
  expiresAt: Date;
}

const CREDIT = `e.id, e.account_id AS "accountId", a.household_id AS "householdId", a.kind, e.amount_cents AS "amountCents", e.expires_at AS "expiresAt"`;

/** Credits expiring before `until` whose notice has not gone out. */
export async function creditsToNotice(q: Queryable, now: Date, until: Date, limit = 500): Promise<ExpiringCredit[]> {
  const { rows } = await q.query<ExpiringCredit>(
    `SELECT ${CREDIT} FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
      LEFT JOIN cheques_credit_states s ON s.credit_id = e.id
      WHERE e.type = 'credit' AND e.expires_at > $1 AND e.expires_at <= $2 AND s.notice_sent_at IS NULL AND a.household_id IS NOT NULL
      ORDER BY e.expires_at LIMIT $3`,
    [now, until, limit],
  );
  return rows;
}

export async function markNoticed(q: Queryable, creditId: string, now: Date): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO cheques_credit_states (credit_id, notice_sent_at) VALUES ($1, $2)
     ON CONFLICT (credit_id) DO UPDATE SET notice_sent_at = EXCLUDED.notice_sent_at WHERE cheques_credit_states.notice_sent_at IS NULL`,
    [creditId, now],
  );
  return r.rowCount === 1;
}

/** Accounts with a credit past its expiry that is not closed yet. */
export async function accountsWithExpiredCredits(q: Queryable, now: Date, limit = 500): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT DISTINCT e.account_id AS id FROM cheques_entries e LEFT JOIN cheques_credit_states s ON s.credit_id = e.id
      WHERE e.type = 'credit' AND e.expires_at <= $1 AND s.closed_at IS NULL LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => r.id);
}

/** The account's expired credits not yet closed, latest expiry first (the balance sits in the latest). */
export async function openExpiredCredits(q: Queryable, accountId: string, now: Date): Promise<ExpiringCredit[]> {
  const { rows } = await q.query<ExpiringCredit>(
    `SELECT ${CREDIT} FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
      LEFT JOIN cheques_credit_states s ON s.credit_id = e.id
      WHERE e.account_id = $1 AND e.type = 'credit' AND e.expires_at <= $2 AND s.closed_at IS NULL
      ORDER BY e.expires_at DESC, e.id`,
    [accountId, now],
  );
  return rows;
}

export async function markClosed(q: Queryable, creditId: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO cheques_credit_states (credit_id, closed_at) VALUES ($1, $2) ON CONFLICT (credit_id) DO UPDATE SET closed_at = EXCLUDED.closed_at`,
    [creditId, now],
  );
}

// ------------------------------------------------------------------ family's rows (export, erasure, timeline)
export async function detachHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query(`DELETE FROM cheques_codes WHERE account_id IN (SELECT id FROM cheques_accounts WHERE household_id = $1)`, [householdId]);
  await q.query(`UPDATE cheques_accounts SET household_id = NULL, holder_first_name = NULL WHERE household_id = $1`, [householdId]);
}

/** Valid credits (and positive corrections) that expire after `after` (or never): what the balance sits in before older credits. */
export async function creditsValidAfter(q: Queryable, accountId: string, after: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT coalesce(sum(amount_cents), 0)::int AS n FROM cheques_entries
      WHERE account_id = $1 AND ((type = 'credit' AND (expires_at IS NULL OR expires_at > $2)) OR (type = 'correction' AND amount_cents > 0))`,
    [accountId, after],
  );
  return rows[0].n;
}

// ------------------------------------------------------------------ yearly allowance
/** "householdId:kind" of the accounts already credited with this year's allowance. */
export async function allowancesOfYear(q: Queryable, year: number): Promise<Set<string>> {
  const { rows } = await q.query<{ key: string }>(
    `SELECT a.household_id || ':' || a.kind AS key FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
      WHERE e.allowance_year = $1 AND a.household_id IS NOT NULL`,
    [year],
  );
  return new Set(rows.map((r) => r.key));
}

// ------------------------------------------------------------------ demo
/** The demo parent account (platform's demo accounts), for the demo seed. */
export async function demoParent(q: Queryable): Promise<{ id: string; displayName: string; email: string | null } | null> {
  const { rows } = await q.query<{ id: string; displayName: string; email: string | null }>(
    `SELECT id, display_name AS "displayName", email FROM users WHERE is_demo AND role = 'parent' ORDER BY created_at LIMIT 1`,
  );
  return rows[0] ?? null;
}
