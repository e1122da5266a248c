/** SQL of the parentothèque: items and loans (the module's own tables). */
import type { Queryable } from '../../platform/db/pool';

export type ItemRow = {
  id: string;
  title: string;
  category: 'poussette' | 'lit' | 'siege-auto' | 'cartable' | 'fournitures' | 'electromenager' | 'meuble' | 'autre';
  condition: 'neuf' | 'tres-bon' | 'bon' | 'usage';
  mode: 'pret' | 'don';
  donorKind: 'partenaire' | 'entreprise' | 'famille';
  donorLabel: string | null;
  description: string;
  neighbourhoodId: string | null;
  loanDays: number;
  status: 'available' | 'given' | 'retired';
  isDemo: boolean;
  promised: boolean;
  hasPhoto: boolean;
};

const ITEM_COLS = `i.id, i.title, i.category, i.condition, i.mode, i.donor_kind AS "donorKind", i.donor_label AS "donorLabel", i.description,
  i.neighbourhood_id AS "neighbourhoodId", i.loan_days AS "loanDays", i.status, i.is_demo AS "isDemo",
  EXISTS (SELECT 1 FROM entraide_loans l WHERE l.item_id = i.id AND l.status IN ('reserved', 'active', 'overdue')) AS promised,
  EXISTS (SELECT 1 FROM entraide_item_photos p WHERE p.item_id = i.id) AS "hasPhoto"`;

export async function insertItem(q: Queryable, i: Omit<ItemRow, 'id' | 'status' | 'promised' | 'hasPhoto'> & { now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_items (title, category, condition, mode, donor_kind, donor_label, description, neighbourhood_id, loan_days, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [i.title, i.category, i.condition, i.mode, i.donorKind, i.donorLabel, i.description, i.neighbourhoodId, i.loanDays, i.isDemo, i.now],
  );
  return rows[0]!.id;
}

export async function listItems(q: Queryable, opts: { category?: string } = {}): Promise<ItemRow[]> {
  const { rows } = await q.query<ItemRow>(
    `SELECT ${ITEM_COLS} FROM entraide_items i WHERE i.status = 'available' AND ($1::text IS NULL OR i.category = $1) ORDER BY i.category, i.title, i.id LIMIT 500`,
    [opts.category ?? null],
  );
  return rows;
}

export async function getItem(q: Queryable, id: string): Promise<ItemRow | null> {
  const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLS} FROM entraide_items i WHERE i.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function setItemStatus(q: Queryable, id: string, status: ItemRow['status']): Promise<void> {
  await q.query('UPDATE entraide_items SET status = $2 WHERE id = $1', [id, status]);
}

export type LoanStatus = 'reserved' | 'active' | 'overdue' | 'returned' | 'given' | 'refused' | 'cancelled';
export type LoanRow = {
  id: string;
  itemId: string;
  itemTitle: string;
  itemMode: 'pret' | 'don';
  loanDays: number;
  householdId: string;
  status: LoanStatus;
  dueOn: string | null;
  reservedAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  lastReminderOn: string | null;
};

const LOAN_COLS = `l.id, l.item_id AS "itemId", i.title AS "itemTitle", i.mode AS "itemMode", i.loan_days AS "loanDays", l.household_id AS "householdId",
  l.status, l.due_on::text AS "dueOn", l.reserved_at AS "reservedAt", l.started_at AS "startedAt", l.ended_at AS "endedAt", l.last_reminder_on::text AS "lastReminderOn"`;

/**
 * Serialises a household's borrowing: a transaction-scoped lock on the household, then its
 * loans locked (FOR UPDATE) — two asks of one family cannot both pass the overdue check.
 */
export async function lockHouseholdLoans(q: Queryable, householdId: string): Promise<{ id: string; status: LoanStatus; dueOn: string | null }[]> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('entraide.loans'), hashtext($1))", [householdId]);
  const { rows } = await q.query('SELECT id, status, due_on::text AS "dueOn" FROM entraide_loans WHERE household_id = $1 FOR UPDATE', [householdId]);
  return rows;
}

/** Reserve: the partial unique index entraide_loans_item_promised refuses a second promise of the item. */
export async function insertLoan(q: Queryable, itemId: string, householdId: string, now: Date): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_loans (item_id, household_id, status, reserved_at) VALUES ($1, $2, 'reserved', $3) RETURNING id`,
    [itemId, householdId, now],
  );
  return rows[0]!.id;
}

export async function getLoan(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<LoanRow | null> {
  const { rows } = await q.query<LoanRow>(
    `SELECT ${LOAN_COLS} FROM entraide_loans l JOIN entraide_items i ON i.id = l.item_id WHERE l.id = $1${opts.lock ? ' FOR UPDATE OF l' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function loansOf(q: Queryable, householdId: string): Promise<LoanRow[]> {
  const { rows } = await q.query<LoanRow>(
    `SELECT ${LOAN_COLS} FROM entraide_loans l JOIN entraide_items i ON i.id = l.item_id WHERE l.household_id = $1 ORDER BY l.reserved_at DESC, l.id LIMIT 200`,
    [householdId],
  );
  return rows;
}

export async function loansToHandle(q: Queryable): Promise<LoanRow[]> {
  const { rows } = await q.query<LoanRow>(
    `SELECT ${LOAN_COLS} FROM entraide_loans l JOIN entraide_items i ON i.id = l.item_id WHERE l.status IN ('reserved', 'active', 'overdue') ORDER BY l.reserved_at, l.id LIMIT 500`,
  );
  return rows;
}

export async function setLoan(
  q: Queryable,
  id: string,
  patch: { status: LoanStatus; dueOn?: string | null; startedAt?: Date; endedAt?: Date; decidedBy?: string },
): Promise<void> {
  await q.query(
    `UPDATE entraide_loans SET status = $2, due_on = coalesce($3::date, due_on), started_at = coalesce($4, started_at), ended_at = coalesce($5, ended_at),
            decided_by = coalesce($6, decided_by) WHERE id = $1`,
    [id, patch.status, patch.dueOn ?? null, patch.startedAt ?? null, patch.endedAt ?? null, patch.decidedBy ?? null],
  );
}

/** The daily job: active loans past their due day become overdue. */
export async function markOverdue(q: Queryable, today: string): Promise<number> {
  const r = await q.query("UPDATE entraide_loans SET status = 'overdue' WHERE status = 'active' AND due_on < $1::date", [today]);
  return r.rowCount ?? 0;
}

/** Loans to remind today (due within `days` days or overdue), not reminded yet today; marked as reminded. */
export async function takeReminders(
  q: Queryable,
  today: string,
  days: number,
): Promise<{ id: string; householdId: string; itemTitle: string; dueOn: string; status: LoanStatus }[]> {
  const { rows } = await q.query(
    `UPDATE entraide_loans l SET last_reminder_on = $1::date
       FROM entraide_items i
      WHERE i.id = l.item_id AND l.status IN ('active', 'overdue') AND l.due_on <= $1::date + $2::int
        AND (l.last_reminder_on IS NULL OR l.last_reminder_on < $1::date)
      RETURNING l.id, l.household_id AS "householdId", i.title AS "itemTitle", l.due_on::text AS "dueOn", l.status`,
    [today, days],
  );
  return rows;
}

// ------------------------------------------------------------------ the household file's hooks
export async function eraseHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query(
    'DELETE FROM entraide_messages WHERE author_household_id = $1 OR answer_id IN (SELECT a.id FROM entraide_answers a JOIN entraide_posts p ON p.id = a.post_id WHERE a.household_id = $1 OR p.household_id = $1)',
    [householdId],
  );
  await q.query('DELETE FROM entraide_answers WHERE household_id = $1 OR post_id IN (SELECT id FROM entraide_posts WHERE household_id = $1)', [householdId]);
  await q.query('DELETE FROM entraide_reports WHERE reported_household_id = $1 OR post_id IN (SELECT id FROM entraide_posts WHERE household_id = $1)', [
    householdId,
  ]);
  await q.query('UPDATE entraide_reports SET reporter_household_id = NULL WHERE reporter_household_id = $1', [householdId]);
  await q.query('DELETE FROM entraide_posts WHERE household_id = $1', [householdId]);
  await q.query('DELETE FROM entraide_blocks WHERE blocker_household_id = $1 OR blocked_household_id = $1', [householdId]);
  await q.query('DELETE FROM entraide_validations WHERE household_id = $1', [householdId]);
  await q.query('DELETE FROM entraide_loans WHERE household_id = $1', [householdId]);
}

export async function exportHousehold(q: Queryable, householdId: string): Promise<Record<string, unknown[]>> {
  const posts = await q.query(
    'SELECT id, kind, category, neighbourhood_id, title, description, starts_at, ends_at, status, created_at FROM entraide_posts WHERE household_id = $1 ORDER BY created_at',
    [householdId],
  );
  const msgs = await q.query('SELECT answer_id, body, created_at FROM entraide_messages WHERE author_household_id = $1 ORDER BY created_at', [householdId]);
  const loans = await q.query(
    'SELECT l.id, i.title, l.status, l.due_on::text AS due_on, l.reserved_at, l.started_at, l.ended_at FROM entraide_loans l JOIN entraide_items i ON i.id = l.item_id WHERE l.household_id = $1 ORDER BY l.reserved_at',
    [householdId],
  );
  return { entraide_posts: posts.rows, entraide_messages: msgs.rows, entraide_loans: loans.rows };
}

export async function timelineOf(q: Queryable, householdId: string): Promise<{ at: Date; kind: string; title: string }[]> {
  const { rows } = await q.query(
    `SELECT created_at AS at, 'post' AS kind, title FROM entraide_posts WHERE household_id = $1
     UNION ALL SELECT l.reserved_at, 'loan', i.title FROM entraide_loans l JOIN entraide_items i ON i.id = l.item_id WHERE l.household_id = $1
     ORDER BY 1 DESC LIMIT 100`,
    [householdId],
  );
  return rows;
}

/** Sets (or replaces) an item's photo. */
export async function upsertPhoto(q: Queryable, itemId: string, p: { mimeType: string; content: Buffer; by: string; now: Date }): Promise<void> {
  await q.query(
    `INSERT INTO entraide_item_photos (item_id, mime_type, content, size_bytes, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (item_id) DO UPDATE SET mime_type = EXCLUDED.mime_type, content = EXCLUDED.content, size_bytes = EXCLUDED.size_bytes,
       uploaded_by = EXCLUDED.uploaded_by, uploaded_at = EXCLUDED.uploaded_at`,
    [itemId, p.mimeType, p.content, p.content.length, p.by, p.now],
  );
}

export async function getPhoto(q: Queryable, itemId: string): Promise<{ mimeType: string; content: Buffer } | null> {
  const { rows } = await q.query<{ mimeType: string; content: Buffer }>(
    'SELECT mime_type AS "mimeType", content FROM entraide_item_photos WHERE item_id = $1',
    [itemId],
  );
  return rows[0] ?? null;
}
