/** SQL of the yearly renewal (household_renewals) and of its date, a town setting (platform_state). */
import type { Queryable } from '../../platform/db/pool';

const SETTING_KEY = 'dossiers.renewal-date';

/** The stored renewal date (`{ day, month }`), or null when the town kept the default. */
export async function storedRenewalDate(q: Queryable): Promise<unknown> {
  const { rows } = await q.query(`SELECT value FROM platform_state WHERE key = $1`, [SETTING_KEY]);
  return rows[0]?.value ?? null;
}

export async function saveRenewalDate(q: Queryable, d: { day: number; month: number }, now: Date) {
  await q.query(
    `INSERT INTO platform_state (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [SETTING_KEY, JSON.stringify(d), now],
  );
}

/** Active households created before `createdBefore` with no renewal for `year` yet (at most 5000, oldest first). */
export async function householdsWithoutRenewal(q: Queryable, createdBefore: Date, year: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT h.id FROM households h
      WHERE h.status = 'active' AND h.created_at < $1
        AND NOT EXISTS (SELECT 1 FROM household_renewals r WHERE r.household_id = h.id AND r.campaign_year = $2)
      ORDER BY h.created_at LIMIT 5000`,
    [createdBefore, year],
  );
  return rows.map((r) => r.id);
}

/** Opens the year's renewal; its id, or null when it was already open (unique per household and year). */
export async function insertRenewal(q: Queryable, householdId: string, year: number, now: Date): Promise<string | null> {
  const ins = await q.query<{ id: string }>(
    `INSERT INTO household_renewals (household_id, campaign_year, opened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
    [householdId, year, now],
  );
  return ins.rowCount ? ins.rows[0].id : null;
}

export interface OpenRenewal {
  id: string;
  campaignYear: number;
  openedAt: Date;
  confirmedAt: Date | null;
}

/** The household's latest renewal still waiting for the family. */
export async function openRenewal(q: Queryable, householdId: string): Promise<OpenRenewal | null> {
  const { rows } = await q.query(
    `SELECT id, campaign_year AS "campaignYear", opened_at AS "openedAt", confirmed_at AS "confirmedAt"
       FROM household_renewals WHERE household_id = $1 AND confirmed_at IS NULL ORDER BY campaign_year DESC LIMIT 1`,
    [householdId],
  );
  return rows[0] ?? null;
}

/** Records the family's confirmation on the renewal and on the household. */
export async function confirmRenewal(q: Queryable, r: { renewalId: string; householdId: string; by: string; changes: number; now: Date }) {
  await q.query(`UPDATE household_renewals SET confirmed_at = $2, confirmed_by = $3, changes_count = $4 WHERE id = $1`, [r.renewalId, r.now, r.by, r.changes]);
  await q.query(`UPDATE households SET last_confirmed_at = $2 WHERE id = $1`, [r.householdId, r.now]);
}

/** A review task for the household's referent agent; nothing when the family has none. */
export async function insertRenewalReviewTask(q: Queryable, t: { householdId: string; note: string; createdBy: string; now: Date }) {
  await q.query(
    `INSERT INTO household_tasks (household_id, kind, note, created_by, created_at, assigned_to)
     SELECT id, 'renewal_review', $2, $3, $4, referent_agent_id FROM households WHERE id = $1 AND referent_agent_id IS NOT NULL`,
    [t.householdId, t.note, t.createdBy, t.now],
  );
}
