/** SQL of emergency childcare requests and the on-call roster. */
import type { Queryable } from '../../platform/db/pool';

export interface EmergencyRow {
  id: string;
  householdId: string;
  childId: string;
  day: string;
  fromTime: string;
  toTime: string;
  reason: string;
  status: 'open' | 'placed' | 'refused';
  answer: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

const COLS = `id, household_id AS "householdId", child_id AS "childId", to_char(day, 'YYYY-MM-DD') AS day,
  to_char(from_time, 'HH24:MI') AS "fromTime", to_char(to_time, 'HH24:MI') AS "toTime", reason, status, answer,
  created_at AS "createdAt", answered_at AS "answeredAt"`;

export async function insertEmergency(
  q: Queryable,
  e: { householdId: string; childId: string; day: string; fromTime: string; toTime: string; reason: string },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO rdv_emergency_requests (household_id, child_id, day, from_time, to_time, reason, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [e.householdId, e.childId, e.day, e.fromTime, e.toTime, e.reason, now],
  );
  return rows[0]!.id;
}

export async function lockEmergency(q: Queryable, id: string): Promise<EmergencyRow | null> {
  const { rows } = await q.query<EmergencyRow>(`SELECT ${COLS} FROM rdv_emergency_requests WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function answerEmergencyRow(q: Queryable, id: string, status: 'placed' | 'refused', answer: string | null, by: string, now: Date): Promise<void> {
  await q.query(`UPDATE rdv_emergency_requests SET status = $2, answer = $3, answered_by = $4, answered_at = $5 WHERE id = $1`, [id, status, answer, by, now]);
}

/** Open requests, then those answered in the last week. */
export async function listEmergencies(q: Queryable, since: Date): Promise<EmergencyRow[]> {
  const { rows } = await q.query<EmergencyRow>(
    `SELECT ${COLS} FROM rdv_emergency_requests WHERE status = 'open' OR answered_at >= $1 ORDER BY (status = 'open') DESC, created_at DESC LIMIT 200`,
    [since],
  );
  return rows;
}

export async function emergenciesOfHousehold(q: Queryable, householdId: string): Promise<EmergencyRow[]> {
  const { rows } = await q.query<EmergencyRow>(`SELECT ${COLS} FROM rdv_emergency_requests WHERE household_id = $1 ORDER BY created_at DESC`, [householdId]);
  return rows;
}

export async function setOnCall(q: Queryable, agentId: string, on: boolean, now: Date): Promise<void> {
  if (on) await q.query(`INSERT INTO rdv_oncall (agent_id, since) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [agentId, now]);
  else await q.query(`DELETE FROM rdv_oncall WHERE agent_id = $1`, [agentId]);
}

export async function isOnCall(q: Queryable, agentId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM rdv_oncall WHERE agent_id = $1`, [agentId]);
  return rows.length > 0;
}

/** Who to alert: the on-call agents' ids and phones (users is the platform's table). */
export async function onCallAgents(q: Queryable): Promise<{ id: string; phone: string | null }[]> {
  const { rows } = await q.query<{ id: string; phone: string | null }>(
    `SELECT u.id, u.phone FROM rdv_oncall o JOIN users u ON u.id = o.agent_id WHERE u.disabled_at IS NULL`,
  );
  return rows;
}

export async function deleteHouseholdEmergencies(q: Queryable, householdId: string): Promise<void> {
  await q.query(`DELETE FROM rdv_emergency_requests WHERE household_id = $1`, [householdId]);
}
