/**
 * SQL of orientations (household_orientations), the tasks they create for the CCAS
 * (household_tasks) and what a partner structure sees of the families it works with.
 */
import type { Queryable } from '../../platform/db/pool';

export interface OrientationRow {
  id: string;
  household_id: string;
  structure_id: string;
  agent_id: string | null;
  status: string;
}

export async function insertOrientation(
  q: Queryable,
  o: {
    householdId: string;
    structureId: string;
    serviceId: string | null;
    agentId: string;
    note: string;
    now: Date;
    status: 'sent' | 'awaiting_consent';
    consentParts: string[] | null;
  },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO household_orientations (household_id, structure_id, service_id, agent_id, note, created_at, status, consent_parts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [o.householdId, o.structureId, o.serviceId, o.agentId, o.note, o.now, o.status, o.consentParts],
  );
  return rows[0].id;
}

/** What a structure may see: an orientation the family has not agreed to is not sent yet. */
const SENT = `o.status NOT IN ('awaiting_consent', 'refused_by_family')`;

/** Orientations of a family waiting for its own consent. */
export async function awaitingOrientations(q: Queryable, householdId: string) {
  const { rows } = await q.query<{
    id: string;
    structureId: string;
    serviceId: string | null;
    note: string;
    createdAt: Date;
    consentParts: string[] | null;
    agentName: string | null;
  }>(
    `SELECT o.id, o.structure_id AS "structureId", o.service_id AS "serviceId", o.note, o.created_at AS "createdAt",
            o.consent_parts AS "consentParts", u.display_name AS "agentName"
       FROM household_orientations o LEFT JOIN users u ON u.id = o.agent_id
      WHERE o.household_id = $1 AND o.status = 'awaiting_consent' ORDER BY o.created_at DESC`,
    [householdId],
  );
  return rows;
}

/** An orientation of the family waiting for its consent, locked until the transaction ends. */
export async function lockAwaitingOrientation(q: Queryable, householdId: string, id: string) {
  const { rows } = await q.query(`SELECT * FROM household_orientations WHERE id = $1 AND household_id = $2 AND status = 'awaiting_consent' FOR UPDATE`, [
    id,
    householdId,
  ]);
  return rows[0] ?? null;
}

export async function setFamilyAnswer(q: Queryable, id: string, status: 'sent' | 'refused_by_family', at: Date) {
  await q.query(`UPDATE household_orientations SET status = $2, family_answered_at = $3 WHERE id = $1`, [id, status, at]);
}

/** The orientation if it was sent to `structureId`, locked until the transaction ends. */
export async function lockOrientationOfStructure(q: Queryable, id: string, structureId: string | null): Promise<OrientationRow | null> {
  const { rows } = await q.query(`SELECT * FROM household_orientations o WHERE o.id = $1 AND o.structure_id = $2 AND ${SENT} FOR UPDATE`, [id, structureId]);
  return rows[0] ?? null;
}

/** Orientations received by a structure (active families only), with whether the family's consent holds at `now`. */
export async function orientationsOfStructure(q: Queryable, structureId: string | null, now: Date) {
  const { rows } = await q.query(
    `SELECT o.id, o.household_id AS "householdId", o.note, o.status, o.created_at AS "createdAt", o.accepted_at AS "acceptedAt",
            o.outcome, o.outcome_note AS "outcomeNote", o.outcome_at AS "outcomeAt", u.display_name AS "agentName",
            EXISTS (SELECT 1 FROM household_consents c WHERE c.household_id = o.household_id AND c.structure_id = o.structure_id
                     AND c.purpose = 'orientation' AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > $2)) AS "hasConsent"
       FROM household_orientations o JOIN households h ON h.id = o.household_id AND h.status = 'active'
       LEFT JOIN users u ON u.id = o.agent_id
      WHERE o.structure_id = $1 AND ${SENT} ORDER BY o.created_at DESC LIMIT 200`,
    [structureId, now],
  );
  return rows;
}

/** One orientation received by a structure (active family only). */
export async function orientationOfStructure(q: Queryable, id: string, structureId: string | null) {
  const { rows } = await q.query(
    `SELECT o.id, o.household_id AS "householdId", o.note, o.status, o.created_at AS "createdAt", o.accepted_at AS "acceptedAt",
            o.outcome, o.outcome_note AS "outcomeNote", o.outcome_at AS "outcomeAt"
       FROM household_orientations o JOIN households h ON h.id = o.household_id AND h.status = 'active'
      WHERE o.id = $1 AND o.structure_id = $2 AND ${SENT}`,
    [id, structureId],
  );
  return rows[0] ?? null;
}

export async function setOrientationAnswer(q: Queryable, id: string, status: 'accepted' | 'declined', at: Date, by: string) {
  await q.query(`UPDATE household_orientations SET status = $2, accepted_at = $3, accepted_by = $4 WHERE id = $1`, [id, status, at, by]);
}

export async function closeOrientation(q: Queryable, id: string, o: { outcome: string; note: string | null; at: Date; by: string }) {
  await q.query(`UPDATE household_orientations SET status = 'closed', outcome = $2, outcome_note = $3, outcome_at = $4, outcome_by = $5 WHERE id = $1`, [
    id,
    o.outcome,
    o.note,
    o.at,
    o.by,
  ]);
}

/** The orienting agent's task: read the outcome a partner recorded. */
export async function insertOutcomeTask(
  q: Queryable,
  t: { householdId: string; note: string; structureId: string; createdBy: string; now: Date; assignedTo: string | null },
) {
  await q.query(
    `INSERT INTO household_tasks (household_id, kind, note, structure_id, created_by, created_at, assigned_to)
     VALUES ($1, 'orientation_outcome', $2, $3, $4, $5, $6)`,
    [t.householdId, t.note, t.structureId, t.createdBy, t.now, t.assignedTo],
  );
}

/** Repérage précoce: a task for the family's referent agent (or the whole CCAS when none). */
export async function insertEarlyDetectionTask(
  q: Queryable,
  t: { householdId: string; note: string; structureId: string | null; createdBy: string; now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO household_tasks (household_id, kind, note, structure_id, created_by, created_at, assigned_to)
     SELECT $1, 'early_detection', $2, $3, $4, $5, referent_agent_id FROM households WHERE id = $1 RETURNING id`,
    [t.householdId, t.note, t.structureId, t.createdBy, t.now],
  );
  return rows[0].id;
}
