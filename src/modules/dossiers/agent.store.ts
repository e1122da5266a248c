/**
 * SQL of the agents' desk: caseload, search, the rows of a family's timeline, notes
 * (household_notes), tasks (household_tasks) and the referent agent.
 */
import type { Queryable } from '../../platform/db/pool';

/** Active families whose referent is `agentId`, with what waits on each. */
export async function familiesOfReferent(q: Queryable, agentId: string) {
  const { rows } = await q.query(
    `SELECT h.id, m.first_name AS "firstName", m.last_name AS "lastName", h.neighbourhood_id AS "neighbourhoodId",
            h.updated_at AS "updatedAt", h.last_confirmed_at AS "lastConfirmedAt",
            (SELECT count(*) FROM household_children c WHERE c.household_id = h.id) AS "childrenCount",
            (SELECT count(*) FROM household_tasks k WHERE k.household_id = h.id AND k.done_at IS NULL) AS "openTasks",
            (SELECT count(*) FROM household_orientations o WHERE o.household_id = h.id AND o.status IN ('sent', 'accepted')) AS "pendingOrientations",
            EXISTS (SELECT 1 FROM household_renewals r WHERE r.household_id = h.id AND r.confirmed_at IS NULL) AS "renewalOpen"
       FROM households h LEFT JOIN household_members m ON m.household_id = h.id AND m.kind = 'parent'
      WHERE h.status = 'active' AND h.referent_agent_id = $1
      ORDER BY h.updated_at DESC LIMIT 500`,
    [agentId],
  );
  return rows;
}

/** Active families the agent opened since `since`, the latest opening first (one line per family). */
export async function recentlyOpenedBy(q: Queryable, agentId: string, since: Date) {
  const { rows } = await q.query<{ id: string; firstName: string | null; lastName: string | null; openedAt: Date; reason: string }>(
    `SELECT h.id, m.first_name AS "firstName", m.last_name AS "lastName", g.opened_at AS "openedAt", g.reason
       FROM (SELECT DISTINCT ON (household_id) household_id, opened_at, reason FROM household_access_grants
              WHERE user_id = $1 AND opened_at >= $2 ORDER BY household_id, opened_at DESC) g
       JOIN households h ON h.id = g.household_id AND h.status = 'active'
       LEFT JOIN household_members m ON m.household_id = h.id AND m.kind = 'parent'
      ORDER BY g.opened_at DESC LIMIT 20`,
    [agentId, since],
  );
  return rows;
}

/** Open tasks of active families assigned to `agentId` or to nobody. */
export async function openTasksFor(q: Queryable, agentId: string) {
  const { rows } = await q.query(
    `SELECT k.id, k.household_id AS "householdId", k.kind, k.note, k.created_at AS "createdAt", k.assigned_to AS "assignedTo",
            m.first_name AS "firstName", m.last_name AS "lastName"
       FROM household_tasks k JOIN households h ON h.id = k.household_id AND h.status = 'active'
       LEFT JOIN household_members m ON m.household_id = k.household_id AND m.kind = 'parent'
      WHERE k.done_at IS NULL AND (k.assigned_to = $1 OR k.assigned_to IS NULL)
      ORDER BY k.created_at LIMIT 500`,
    [agentId],
  );
  return rows;
}

/**
 * Active families whose parent's name contains `text`, a child's first name starts with
 * it, or the parent's phone contains `digits` (4 digits at least). One indexed lookup per
 * criterion (trigram indexes of 0200/0201), then the families.
 */
export async function findHouseholds(q: Queryable, text: string, digits: string) {
  const { rows } = await q.query(
    `WITH ids AS (
       SELECT m.household_id FROM household_members m
        WHERE m.kind = 'parent'
          AND immutable_unaccent(lower(coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, ''))) LIKE '%' || immutable_unaccent(lower($1)) || '%'
       UNION
       SELECT c.household_id FROM household_children c WHERE immutable_unaccent(lower(c.first_name)) LIKE immutable_unaccent(lower($1)) || '%'
       UNION
       SELECT m.household_id FROM household_members m
        WHERE m.kind = 'parent' AND length($2) >= 4 AND regexp_replace(coalesce(m.phone, ''), '\\D', '', 'g') LIKE '%' || $2 || '%')
     SELECT h.id, m.first_name AS "firstName", m.last_name AS "lastName", h.neighbourhood_id AS "neighbourhoodId",
            (SELECT string_agg(c.first_name, ', ' ORDER BY c.birth_date) FROM household_children c WHERE c.household_id = h.id) AS "children"
       FROM ids JOIN households h ON h.id = ids.household_id AND h.status = 'active'
       LEFT JOIN household_members m ON m.household_id = h.id AND m.kind = 'parent'
      ORDER BY m.last_name NULLS LAST, m.first_name LIMIT 30`,
    [text, digits],
  );
  return rows;
}

/** What a family's timeline shows besides the field changes (snake_case rows, read in parallel). */
export async function timelineRows(q: Queryable, householdId: string) {
  const [orientations, notes, tasks, consents, renewals] = await Promise.all([
    q.query(
      `SELECT o.id, o.created_at, o.status, o.note, o.outcome, o.outcome_note, o.outcome_at, o.accepted_at, o.structure_id, o.service_id,
              o.family_answered_at
         FROM household_orientations o WHERE o.household_id = $1`,
      [householdId],
    ),
    q.query(`SELECT n.id, n.at, n.body, u.display_name AS author FROM household_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.household_id = $1`, [
      householdId,
    ]),
    q.query(`SELECT id, kind, note, created_at, done_at FROM household_tasks WHERE household_id = $1`, [householdId]),
    q.query(
      `SELECT c.id, c.purpose, c.structure_id, c.granted_at, c.revoked_at, c.recorded_at_desk, r.role IN ('agent', 'coordinator') AS revoked_at_desk
         FROM household_consents c LEFT JOIN users r ON r.id = c.revoked_by WHERE c.household_id = $1`,
      [householdId],
    ),
    q.query(`SELECT id, campaign_year, opened_at, confirmed_at FROM household_renewals WHERE household_id = $1`, [householdId]),
  ]);
  return { orientations: orientations.rows, notes: notes.rows, tasks: tasks.rows, consents: consents.rows, renewals: renewals.rows };
}

export async function insertNote(q: Queryable, n: { householdId: string; authorId: string; at: Date; body: string }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(`INSERT INTO household_notes (household_id, author_id, at, body) VALUES ($1, $2, $3, $4) RETURNING id`, [
    n.householdId,
    n.authorId,
    n.at,
    n.body,
  ]);
  return rows[0].id;
}

/** Marks an open task done; the task's household, or null when there is no such open task. */
export async function completeTask(q: Queryable, taskId: string, doneAt: Date, doneBy: string): Promise<{ householdId: string } | null> {
  const { rows } = await q.query(`UPDATE household_tasks SET done_at = $2, done_by = $3 WHERE id = $1 AND done_at IS NULL RETURNING household_id`, [
    taskId,
    doneAt,
    doneBy,
  ]);
  return rows[0] ? { householdId: rows[0].household_id } : null;
}

export async function setReferent(q: Queryable, householdId: string, agentId: string) {
  await q.query(`UPDATE households SET referent_agent_id = $2 WHERE id = $1`, [householdId, agentId]);
}

/** The agent becomes the referent unless the family already has one. */
export async function setReferentIfNone(q: Queryable, householdId: string, agentId: string) {
  await q.query(`UPDATE households SET referent_agent_id = COALESCE(referent_agent_id, $2) WHERE id = $1`, [householdId, agentId]);
}
