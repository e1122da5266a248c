/**
 * SQL of what the household file reads from the aids (dossiers' hooks): the timeline's
 * events, every row of the family's export, the erasure of its requests and mandates, and
 * the granted decisions the law makes the town keep.
 */
import type { Queryable, Tx } from '../../platform/db/pool';
import type { RequestStatus } from './request-states';

export interface TimelineRow {
  at: Date;
  request_id: string;
  to_status: RequestStatus | null;
  kind: string;
  title: string;
  by_mandate: boolean;
}

export async function timelineRows(q: Queryable, householdId: string): Promise<TimelineRow[]> {
  const { rows } = await q.query<TimelineRow>(
    `SELECT e.at, e.request_id, e.to_status, e.kind, v.definition->>'title' AS title, e.mandate_id IS NOT NULL AS by_mandate
       FROM aid_request_events e JOIN aid_requests r ON r.id = e.request_id JOIN aid_versions v ON v.aid_id = r.aid_id AND v.version = r.aid_version
      WHERE r.household_id = $1 AND (e.to_status IS NOT NULL OR e.kind = 'document-added') ORDER BY e.at, e.id`,
    [householdId],
  );
  return rows;
}

/** Every stored row about the household, table by table (the family's export). */
export async function exportRows(q: Queryable, householdId: string): Promise<Record<string, unknown[]>> {
  const ids = `(SELECT id FROM aid_requests WHERE household_id = $1)`;
  const one = async (sql: string) => (await q.query(sql, [householdId])).rows;
  return {
    aid_requests: await one(`SELECT * FROM aid_requests WHERE household_id = $1 ORDER BY created_at`),
    aid_request_events: await one(`SELECT * FROM aid_request_events WHERE request_id IN ${ids} ORDER BY id`),
    aid_decisions: await one(`SELECT * FROM aid_decisions WHERE request_id IN ${ids} ORDER BY decided_at`),
    aid_request_documents: await one(`SELECT * FROM aid_request_documents WHERE request_id IN ${ids} ORDER BY added_at`),
    aid_messages: await one(`SELECT * FROM aid_messages WHERE request_id IN ${ids} ORDER BY seq`),
    aid_mandates: await one(`SELECT * FROM aid_mandates WHERE household_id = $1 ORDER BY granted_at`),
    aid_end_notices: await one(`SELECT * FROM aid_end_notices WHERE household_id = $1 ORDER BY sent_at`),
  };
}

/** The requests (and everything under them, by cascade), the mandates and the end notices of a household. */
export async function eraseHousehold(t: Tx, householdId: string): Promise<void> {
  await t.query(`DELETE FROM aid_end_notices WHERE household_id = $1`, [householdId]);
  await t.query(`DELETE FROM aid_requests WHERE household_id = $1`, [householdId]);
  await t.query(`DELETE FROM aid_mandates WHERE household_id = $1`, [householdId]);
}

export async function grantedDecisions(q: Queryable, householdId: string): Promise<{ id: string; decided_at: Date }[]> {
  const { rows } = await q.query<{ id: string; decided_at: Date }>(
    `SELECT d.id, d.decided_at FROM aid_decisions d JOIN aid_requests r ON r.id = d.request_id WHERE r.household_id = $1 AND d.kind = 'accordee'`,
    [householdId],
  );
  return rows;
}
