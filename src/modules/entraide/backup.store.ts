/** SQL of the garde de dépannage: the roster of trusted neighbours and the short-notice requests. */
import type { Queryable } from '../../platform/db/pool';

export async function addToRoster(q: Queryable, owner: string, member: string, answerId: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO entraide_roster (owner_household_id, member_household_id, answer_id, added_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (owner_household_id, member_household_id) DO NOTHING`,
    [owner, member, answerId, now],
  );
}

export async function removeFromRoster(q: Queryable, owner: string, member: string): Promise<boolean> {
  const r = await q.query('DELETE FROM entraide_roster WHERE owner_household_id = $1 AND member_household_id = $2', [owner, member]);
  return (r.rowCount ?? 0) > 0;
}

/** The roster, without members blocked either way since, nor households no longer validated. */
export async function rosterOf(q: Queryable, owner: string): Promise<{ householdId: string; addedAt: Date }[]> {
  const { rows } = await q.query(
    `SELECT r.member_household_id AS "householdId", r.added_at AS "addedAt" FROM entraide_roster r
      WHERE r.owner_household_id = $1
        AND EXISTS (SELECT 1 FROM entraide_validations v WHERE v.household_id = r.member_household_id)
        AND NOT EXISTS (SELECT 1 FROM entraide_blocks b WHERE (b.blocker_household_id = $1 AND b.blocked_household_id = r.member_household_id)
                                                     OR (b.blocker_household_id = r.member_household_id AND b.blocked_household_id = $1))
      ORDER BY r.added_at, r.member_household_id`,
    [owner],
  );
  return rows;
}

export type BackupRow = {
  id: string;
  householdId: string;
  reason: 'enfant-malade' | 'entretien' | 'rendez-vous' | 'autre';
  note: string;
  startsAt: Date;
  endsAt: Date;
  status: 'open' | 'taken' | 'cancelled';
  takenByHouseholdId: string | null;
  takenAt: Date | null;
  createdAt: Date;
};
const COLS = `id, household_id AS "householdId", reason, note, starts_at AS "startsAt", ends_at AS "endsAt", status,
  taken_by_household_id AS "takenByHouseholdId", taken_at AS "takenAt", created_at AS "createdAt"`;

export async function insertRequest(
  q: Queryable,
  r: Pick<BackupRow, 'householdId' | 'reason' | 'note' | 'startsAt' | 'endsAt'> & { now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO entraide_backup_requests (household_id, reason, note, starts_at, ends_at, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [r.householdId, r.reason, r.note, r.startsAt, r.endsAt, r.now],
  );
  return rows[0]!.id;
}

export async function getRequest(q: Queryable, id: string): Promise<BackupRow | null> {
  const { rows } = await q.query<BackupRow>(`SELECT ${COLS} FROM entraide_backup_requests WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** The first to accept takes it: only an open request changes (never two takers). */
export async function take(q: Queryable, id: string, taker: string, now: Date): Promise<boolean> {
  const r = await q.query("UPDATE entraide_backup_requests SET status = 'taken', taken_by_household_id = $2, taken_at = $3 WHERE id = $1 AND status = 'open'", [
    id,
    taker,
    now,
  ]);
  return (r.rowCount ?? 0) > 0;
}

export async function cancel(q: Queryable, id: string, owner: string): Promise<boolean> {
  const r = await q.query("UPDATE entraide_backup_requests SET status = 'cancelled' WHERE id = $1 AND household_id = $2 AND status = 'open'", [id, owner]);
  return (r.rowCount ?? 0) > 0;
}

export async function requestsOf(q: Queryable, owner: string, since: Date): Promise<BackupRow[]> {
  const { rows } = await q.query<BackupRow>(
    `SELECT ${COLS} FROM entraide_backup_requests WHERE household_id = $1 AND ends_at >= $2 ORDER BY starts_at, id LIMIT 50`,
    [owner, since],
  );
  return rows;
}

/** Requests of the households whose roster lists me, still to come: open ones, and those I took. */
export async function incomingFor(q: Queryable, member: string, since: Date): Promise<BackupRow[]> {
  const { rows } = await q.query<BackupRow>(
    `SELECT ${COLS} FROM entraide_backup_requests b
      WHERE b.ends_at >= $2 AND (b.taken_by_household_id = $1 OR (b.status = 'open' AND EXISTS (
        SELECT 1 FROM entraide_roster r WHERE r.owner_household_id = b.household_id AND r.member_household_id = $1)))
      ORDER BY b.starts_at, b.id LIMIT 50`,
    [member, since],
  );
  return rows;
}

export async function isInRoster(q: Queryable, owner: string, member: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM entraide_roster WHERE owner_household_id = $1 AND member_household_id = $2', [owner, member]);
  return rows.length > 0;
}

export async function eraseHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query('DELETE FROM entraide_roster WHERE owner_household_id = $1 OR member_household_id = $1', [householdId]);
  await q.query('DELETE FROM entraide_backup_requests WHERE household_id = $1', [householdId]);
  await q.query("UPDATE entraide_backup_requests SET status = 'cancelled', taken_by_household_id = NULL, taken_at = NULL WHERE taken_by_household_id = $1", [
    householdId,
  ]);
}

export async function exportHousehold(q: Queryable, householdId: string): Promise<Record<string, unknown[]>> {
  const { rows } = await q.query(
    'SELECT reason, note, starts_at, ends_at, status, created_at FROM entraide_backup_requests WHERE household_id = $1 ORDER BY created_at',
    [householdId],
  );
  return { entraide_backup_requests: rows };
}
