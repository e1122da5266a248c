/** SQL of the requests, their events, decisions, documents, messages and the mandates. */
import type { Queryable } from '../../platform/db/pool';
import type { AidEligibility } from './eligibility';
import type { RequestStatus } from './request-states';

export interface RequestRow {
  id: string;
  householdId: string;
  aidId: string;
  aidVersion: number;
  fundId: string;
  neighbourhood: string | null;
  status: RequestStatus;
  fields: Record<string, string | number>;
  eligibility: AidEligibility | null;
  assignedTo: string | null;
  mandateId: string | null;
  createdBy: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  statusChangedAt: Date;
  pausedSince: Date | null;
  pausedSeconds: number;
  decidedAt: Date | null;
  isDemo: boolean;
}

const COLS = `id, household_id AS "householdId", aid_id AS "aidId", aid_version AS "aidVersion", fund_id AS "fundId", neighbourhood, status, fields,
  eligibility, assigned_to AS "assignedTo", mandate_id AS "mandateId", created_by AS "createdBy", created_at AS "createdAt",
  submitted_at AS "submittedAt", status_changed_at AS "statusChangedAt", paused_since AS "pausedSince", paused_seconds::int AS "pausedSeconds",
  decided_at AS "decidedAt", is_demo AS "isDemo"`;

export async function insertRequest(
  q: Queryable,
  r: {
    householdId: string;
    aidId: string;
    aidVersion: number;
    fundId: string;
    neighbourhood: string | null;
    fields: object;
    eligibility: object;
    mandateId: string | null;
    createdBy: string | null;
    isDemo: boolean;
  },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO aid_requests (household_id, aid_id, aid_version, fund_id, neighbourhood, status, fields, eligibility, mandate_id, created_by, created_at, status_changed_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, 'brouillon', $6, $7, $8, $9, $10, $10, $11) RETURNING id`,
    [
      r.householdId,
      r.aidId,
      r.aidVersion,
      r.fundId,
      r.neighbourhood,
      JSON.stringify(r.fields),
      JSON.stringify(r.eligibility),
      r.mandateId,
      r.createdBy,
      now,
      r.isDemo,
    ],
  );
  return rows[0].id;
}

/** The request, locked for the transaction (`lock`), or null. */
export async function getRequest(q: Queryable, id: string, lock = false): Promise<RequestRow | null> {
  const { rows } = await q.query<RequestRow>(`SELECT ${COLS} FROM aid_requests WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function requestsOfHousehold(q: Queryable, householdId: string): Promise<RequestRow[]> {
  const { rows } = await q.query<RequestRow>(`SELECT ${COLS} FROM aid_requests WHERE household_id = $1 ORDER BY created_at DESC`, [householdId]);
  return rows;
}

export async function setStatus(
  q: Queryable,
  id: string,
  to: RequestStatus,
  now: Date,
  extra: { submitted?: boolean; pause?: 'start' | 'end'; decided?: boolean; assignedTo?: string | null; fields?: object } = {},
): Promise<void> {
  await q.query(
    `UPDATE aid_requests SET status = $2, status_changed_at = $3,
       submitted_at = CASE WHEN $4 THEN $3 ELSE submitted_at END,
       paused_seconds = CASE WHEN $5 = 'end' AND paused_since IS NOT NULL THEN paused_seconds + EXTRACT(EPOCH FROM ($3 - paused_since))::bigint ELSE paused_seconds END,
       paused_since = CASE WHEN $5 = 'start' THEN $3 WHEN $5 = 'end' THEN NULL ELSE paused_since END,
       decided_at = CASE WHEN $6 THEN $3 ELSE decided_at END,
       assigned_to = CASE WHEN $7 THEN $8::uuid ELSE assigned_to END,
       fields = COALESCE($9::jsonb, fields)
     WHERE id = $1`,
    [
      id,
      to,
      now,
      extra.submitted ?? false,
      extra.pause ?? null,
      extra.decided ?? false,
      extra.assignedTo !== undefined,
      extra.assignedTo ?? null,
      extra.fields ? JSON.stringify(extra.fields) : null,
    ],
  );
}

export async function assign(q: Queryable, id: string, agentId: string | null): Promise<void> {
  await q.query(`UPDATE aid_requests SET assigned_to = $2 WHERE id = $1`, [id, agentId]);
}

export async function addEvent(
  q: Queryable,
  e: {
    requestId: string;
    actorId: string | null;
    actorRole: string | null;
    mandateId: string | null;
    kind: string;
    from: RequestStatus | null;
    to: RequestStatus | null;
    detail?: object;
  },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO aid_request_events (request_id, at, actor_id, actor_role, mandate_id, kind, from_status, to_status, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.requestId, now, e.actorId, e.actorRole, e.mandateId, e.kind, e.from, e.to, JSON.stringify(e.detail ?? {})],
  );
}

export interface EventRow {
  at: Date;
  kind: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus | null;
  actorRole: string | null;
  actorName: string | null;
  byMandate: boolean;
  detail: Record<string, unknown>;
}

export async function eventsOf(q: Queryable, requestId: string): Promise<EventRow[]> {
  const { rows } = await q.query<EventRow>(
    `SELECT e.at, e.kind, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.actor_role AS "actorRole", u.display_name AS "actorName",
            e.mandate_id IS NOT NULL AS "byMandate", e.detail
       FROM aid_request_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.request_id = $1 ORDER BY e.id`,
    [requestId],
  );
  return rows;
}

export interface DecisionRow {
  id: string;
  kind: 'accordee' | 'refusee' | 'classee';
  amountCents: number | null;
  schedule: { n: number; amountCents: number }[] | null;
  motif: string | null;
  motifText: string | null;
  contest: string | null;
  supersedes: string | null;
  decidedAt: Date;
}

export async function insertDecision(
  q: Queryable,
  d: {
    requestId: string;
    kind: DecisionRow['kind'];
    amountCents: number | null;
    schedule: object | null;
    motif: string | null;
    motifText: string | null;
    contest: string | null;
    supersedes: string | null;
    by: string | null;
  },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO aid_decisions (request_id, kind, amount_cents, schedule, motif, motif_text, contest, supersedes, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [d.requestId, d.kind, d.amountCents, d.schedule ? JSON.stringify(d.schedule) : null, d.motif, d.motifText, d.contest, d.supersedes, d.by, now],
  );
  return rows[0].id;
}

export async function decisionsOf(q: Queryable, requestId: string): Promise<DecisionRow[]> {
  const { rows } = await q.query<DecisionRow>(
    `SELECT id, kind, amount_cents AS "amountCents", schedule, motif, motif_text AS "motifText", contest, supersedes, decided_at AS "decidedAt"
       FROM aid_decisions WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
  return rows;
}

export interface DocumentRow {
  id: string;
  kind: string;
  householdDocumentId: string | null;
  storageName: string | null;
  originalName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  addedAt: Date;
  byMandate: boolean;
}

export async function insertDocument(
  q: Queryable,
  d: {
    requestId: string;
    kind: string;
    householdDocumentId: string | null;
    storageName: string | null;
    originalName: string | null;
    mimeType: string | null;
    sizeBytes: number | null;
    by: string | null;
    mandateId: string | null;
  },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO aid_request_documents (request_id, kind, household_document_id, storage_name, original_name, mime_type, size_bytes, added_by, mandate_id, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [d.requestId, d.kind, d.householdDocumentId, d.storageName, d.originalName, d.mimeType, d.sizeBytes, d.by, d.mandateId, now],
  );
  return rows[0].id;
}

export async function documentsOf(q: Queryable, requestId: string): Promise<DocumentRow[]> {
  const { rows } = await q.query<DocumentRow>(
    `SELECT id, kind, household_document_id AS "householdDocumentId", storage_name AS "storageName", original_name AS "originalName",
            mime_type AS "mimeType", size_bytes AS "sizeBytes", added_at AS "addedAt", mandate_id IS NOT NULL AS "byMandate"
       FROM aid_request_documents WHERE request_id = $1 ORDER BY added_at, id`,
    [requestId],
  );
  return rows;
}

export interface MessageRow {
  id: string;
  internal: boolean;
  body: string;
  at: Date;
  authorRole: string | null;
  authorName: string | null;
  byMandate: boolean;
}

export async function insertMessage(
  q: Queryable,
  m: { requestId: string; authorId: string; authorRole: string; mandateId: string | null; internal: boolean; body: string },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO aid_messages (request_id, author_id, author_role, mandate_id, internal, body, at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [m.requestId, m.authorId, m.authorRole, m.mandateId, m.internal, m.body, now],
  );
  return rows[0].id;
}

export async function messagesOf(q: Queryable, requestId: string, withInternal: boolean): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(
    `SELECT m.id, m.internal, m.body, m.at, m.author_role AS "authorRole", u.display_name AS "authorName", m.mandate_id IS NOT NULL AS "byMandate"
       FROM aid_messages m LEFT JOIN users u ON u.id = m.author_id
      WHERE m.request_id = $1 AND ($2 OR NOT m.internal) ORDER BY m.seq`,
    [requestId, withInternal],
  );
  return rows;
}

/** Aids granted (or paid) to the household this calendar year (Paris), for "already received". */
export async function receivedThisYear(q: Queryable, householdId: string, year: number): Promise<string[]> {
  const { rows } = await q.query<{ aid_id: string }>(
    `SELECT DISTINCT aid_id FROM aid_requests
      WHERE household_id = $1 AND status IN ('accordee', 'versee') AND EXTRACT(YEAR FROM decided_at AT TIME ZONE 'Europe/Paris') = $2`,
    [householdId, year],
  );
  return rows.map((r) => r.aid_id);
}

export interface MandateRow {
  id: string;
  householdId: string;
  agentId: string;
  agentName: string | null;
  aidId: string | null;
  purpose: string;
  grantedAt: Date;
  validUntil: Date;
  revokedAt: Date | null;
}

const MANDATE_COLS = `m.id, m.household_id AS "householdId", m.agent_id AS "agentId", u.display_name AS "agentName", m.aid_id AS "aidId", m.purpose,
  m.granted_at AS "grantedAt", m.valid_until AS "validUntil", m.revoked_at AS "revokedAt"`;

export async function insertMandate(
  q: Queryable,
  m: { householdId: string; agentId: string; aidId: string | null; purpose: string; grantedBy: string; validUntil: Date },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO aid_mandates (household_id, agent_id, aid_id, purpose, granted_by, granted_at, valid_until) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [m.householdId, m.agentId, m.aidId, m.purpose, m.grantedBy, now, m.validUntil],
  );
  return rows[0].id;
}

export async function getMandate(q: Queryable, id: string): Promise<MandateRow | null> {
  const { rows } = await q.query<MandateRow>(`SELECT ${MANDATE_COLS} FROM aid_mandates m LEFT JOIN users u ON u.id = m.agent_id WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function mandatesOf(q: Queryable, householdId: string): Promise<MandateRow[]> {
  const { rows } = await q.query<MandateRow>(
    `SELECT ${MANDATE_COLS} FROM aid_mandates m LEFT JOIN users u ON u.id = m.agent_id WHERE m.household_id = $1 ORDER BY m.granted_at DESC`,
    [householdId],
  );
  return rows;
}

export async function revokeMandate(q: Queryable, id: string, householdId: string, now: Date): Promise<boolean> {
  const r = await q.query(`UPDATE aid_mandates SET revoked_at = $3 WHERE id = $1 AND household_id = $2 AND revoked_at IS NULL`, [id, householdId, now]);
  return (r.rowCount ?? 0) > 0;
}

/** Which of these stored file names a request still references. */
export async function referencedUploads(q: Queryable, names: string[]): Promise<string[]> {
  const { rows } = await q.query<{ storage_name: string }>(`SELECT storage_name FROM aid_request_documents WHERE storage_name = ANY($1)`, [names]);
  return rows.map((r) => r.storage_name);
}

/** A user's role (to check that an assignee is staff), or null. */
export async function userRole(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ role: string }>(`SELECT role FROM users WHERE id = $1`, [userId]);
  return rows[0]?.role ?? null;
}

export async function displayName(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ display_name: string | null }>(`SELECT display_name FROM users WHERE id = $1`, [userId]);
  return rows[0]?.display_name ?? null;
}

/** Staff accounts of these roles, by name (who a request can be assigned to). */
export async function staffUsers(q: Queryable, roles: readonly string[]): Promise<{ id: string; name: string }[]> {
  const { rows } = await q.query<{ id: string; name: string }>(
    `SELECT id, COALESCE(display_name, 'Agent') AS name FROM users WHERE role = ANY($1) AND disabled_at IS NULL ORDER BY display_name, id LIMIT 500`,
    [roles],
  );
  return rows;
}
