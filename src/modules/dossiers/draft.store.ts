/** SQL of the household file's drafts (household_drafts): what a family typed, step by step, before saving. */
import type { Queryable } from '../../platform/db/pool';

export type DraftForm = 'remplir' | 'renouvellement';

export interface DraftRow {
  form: DraftForm;
  step: number;
  data: Record<string, unknown>;
  savedAt: Date;
  updatedAt: Date;
}

const COLUMNS = `form, step, data, saved_at AS "savedAt", updated_at AS "updatedAt"`;

export async function readDraft(q: Queryable, userId: string, form: DraftForm): Promise<DraftRow | null> {
  const { rows } = await q.query<DraftRow>(`SELECT ${COLUMNS} FROM household_drafts WHERE user_id = $1 AND form = $2`, [userId, form]);
  return rows[0] ?? null;
}

/**
 * Keep the draft typed last: a save typed before the stored one (an offline phone
 * syncing late) changes nothing. `created` says whether the row is new.
 */
export async function upsertDraft(
  q: Queryable,
  d: { userId: string; form: DraftForm; step: number; data: unknown; savedAt: Date; now: Date },
): Promise<{ row: DraftRow; applied: boolean; created: boolean }> {
  const { rows } = await q.query<DraftRow & { created: boolean }>(
    `INSERT INTO household_drafts (user_id, form, step, data, saved_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id, form) DO UPDATE SET step = EXCLUDED.step, data = EXCLUDED.data, saved_at = EXCLUDED.saved_at, updated_at = EXCLUDED.updated_at
      WHERE household_drafts.saved_at <= EXCLUDED.saved_at
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    [d.userId, d.form, d.step, JSON.stringify(d.data), d.savedAt, d.now],
  );
  if (rows[0]) {
    const { created, ...row } = rows[0];
    return { row, applied: true, created };
  }
  return { row: (await readDraft(q, d.userId, d.form))!, applied: false, created: false };
}

export async function deleteDraft(q: Queryable, userId: string, form: DraftForm): Promise<boolean> {
  const r = await q.query(`DELETE FROM household_drafts WHERE user_id = $1 AND form = $2`, [userId, form]);
  return (r.rowCount ?? 0) > 0;
}

/** Every draft of the account (export, erasure). */
export async function draftRowsOfUser(q: Queryable, userId: string): Promise<Record<string, unknown>[]> {
  return (await q.query(`SELECT * FROM household_drafts WHERE user_id = $1 ORDER BY form`, [userId])).rows;
}

export async function deleteDraftsOfUser(q: Queryable, userId: string): Promise<void> {
  await q.query(`DELETE FROM household_drafts WHERE user_id = $1`, [userId]);
}
