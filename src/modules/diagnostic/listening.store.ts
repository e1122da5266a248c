/** SQL of the listening sessions, their participants and verbatims (diagnostic's qualitative part). */
import type { Queryable } from '../../platform/db/pool';
import type { AgeBand, QuoteConsent, SessionKind } from './listening';

export interface SessionRow {
  id: string;
  kind: SessionKind;
  title: string;
  theme: string;
  structureId: string | null;
  partnerName: string | null;
  neighbourhoodId: string | null;
  startsAt: Date;
  durationMinutes: number;
  facilitator: string;
  place: string | null;
  notes: string;
  cancelledAt: Date | null;
  cancelReason: string | null;
  isDemo: boolean;
  participants: number;
  attended: number;
  verbatims: number;
}

const SESSION_SELECT = `
  SELECT s.id, s.kind, s.title, s.theme, s.structure_id AS "structureId", s.partner_name AS "partnerName",
         s.neighbourhood_id AS "neighbourhoodId", s.starts_at AS "startsAt", s.duration_minutes AS "durationMinutes",
         s.facilitator, s.place, s.notes, s.cancelled_at AS "cancelledAt", s.cancel_reason AS "cancelReason", s.is_demo AS "isDemo",
         (SELECT count(*)::int FROM diagnostic_listening_participants p WHERE p.session_id = s.id) AS participants,
         (SELECT count(*)::int FROM diagnostic_listening_participants p WHERE p.session_id = s.id AND p.attended) AS attended,
         (SELECT count(*)::int FROM diagnostic_verbatims v WHERE v.session_id = s.id) AS verbatims
    FROM diagnostic_listening_sessions s`;

export interface SessionInput {
  kind: SessionKind;
  title: string;
  theme: string;
  structureId: string | null;
  partnerName: string | null;
  neighbourhoodId: string | null;
  startsAt: Date;
  durationMinutes: number;
  facilitator: string;
  place: string | null;
}

export async function insertSession(q: Queryable, v: SessionInput & { by: string | null; now: Date; isDemo?: boolean }): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_listening_sessions
       (kind, title, theme, structure_id, partner_name, neighbourhood_id, starts_at, duration_minutes, facilitator, place, created_by, created_at, updated_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13) RETURNING id`,
    [
      v.kind,
      v.title,
      v.theme,
      v.structureId,
      v.partnerName,
      v.neighbourhoodId,
      v.startsAt,
      v.durationMinutes,
      v.facilitator,
      v.place,
      v.by,
      v.now,
      v.isDemo ?? false,
    ],
  );
  return rows[0].id as string;
}

export async function updateSession(q: Queryable, id: string, v: SessionInput & { notes: string; now: Date }): Promise<void> {
  await q.query(
    `UPDATE diagnostic_listening_sessions
        SET kind = $2, title = $3, theme = $4, structure_id = $5, partner_name = $6, neighbourhood_id = $7, starts_at = $8,
            duration_minutes = $9, facilitator = $10, place = $11, notes = $12, updated_at = $13
      WHERE id = $1`,
    [id, v.kind, v.title, v.theme, v.structureId, v.partnerName, v.neighbourhoodId, v.startsAt, v.durationMinutes, v.facilitator, v.place, v.notes, v.now],
  );
}

export async function cancelSession(q: Queryable, id: string, reason: string, now: Date): Promise<void> {
  await q.query(`UPDATE diagnostic_listening_sessions SET cancelled_at = $2, cancel_reason = $3, updated_at = $2 WHERE id = $1`, [id, now, reason]);
}

export async function getSession(q: Queryable, id: string, lock = false): Promise<SessionRow | null> {
  if (lock) await q.query(`SELECT 1 FROM diagnostic_listening_sessions WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await q.query(`${SESSION_SELECT} WHERE s.id = $1`, [id]);
  return (rows[0] as SessionRow | undefined) ?? null;
}

export async function listSessions(q: Queryable): Promise<SessionRow[]> {
  const { rows } = await q.query(`${SESSION_SELECT} ORDER BY s.starts_at DESC, s.title LIMIT 500`);
  return rows as SessionRow[];
}

/** What is recorded of a participant and their consents (as registered, and as read back). */
export interface ParticipantInput {
  firstName: string | null;
  pseudonym: string | null;
  age: number | null;
  ageBand: AgeBand | null;
  neighbourhoodId: string | null;
  childrenCount: number | null;
  householdId: string | null;
  quoteConsent: QuoteConsent;
  profileConsent: boolean;
  recordConsent: boolean;
  consentAt: Date;
  attended: boolean | null;
}

export interface ParticipantRow extends ParticipantInput {
  id: string;
  sessionId: string;
  consentRecordedBy: string | null;
  withdrawnAt: Date | null;
  isDemo: boolean;
}

const PARTICIPANT_SELECT = `
  SELECT p.id, p.session_id AS "sessionId", p.first_name AS "firstName", p.pseudonym, p.age, p.age_band AS "ageBand",
         p.neighbourhood_id AS "neighbourhoodId", p.children_count AS "childrenCount", p.household_id AS "householdId",
         p.quote_consent AS "quoteConsent", p.profile_consent AS "profileConsent", p.record_consent AS "recordConsent",
         p.consent_at AS "consentAt", u.display_name AS "consentRecordedBy", p.withdrawn_at AS "withdrawnAt", p.attended, p.is_demo AS "isDemo"
    FROM diagnostic_listening_participants p
    LEFT JOIN users u ON u.id = p.consent_recorded_by`;

export async function participantsOf(q: Queryable, sessionId: string): Promise<ParticipantRow[]> {
  const { rows } = await q.query(`${PARTICIPANT_SELECT} WHERE p.session_id = $1 ORDER BY p.created_at, p.id`, [sessionId]);
  return rows as ParticipantRow[];
}

export async function getParticipant(q: Queryable, id: string, lock = false): Promise<ParticipantRow | null> {
  if (lock) await q.query(`SELECT 1 FROM diagnostic_listening_participants WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await q.query(`${PARTICIPANT_SELECT} WHERE p.id = $1`, [id]);
  return (rows[0] as ParticipantRow | undefined) ?? null;
}

export async function insertParticipant(
  q: Queryable,
  sessionId: string,
  v: ParticipantInput & { by: string | null; now: Date; isDemo?: boolean },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_listening_participants
       (session_id, first_name, pseudonym, age, age_band, neighbourhood_id, children_count, household_id, quote_consent, profile_consent,
        record_consent, consent_at, consent_recorded_by, attended, created_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [
      sessionId,
      v.firstName,
      v.pseudonym,
      v.age,
      v.ageBand,
      v.neighbourhoodId,
      v.childrenCount,
      v.householdId,
      v.quoteConsent,
      v.profileConsent,
      v.recordConsent,
      v.consentAt,
      v.by,
      v.attended,
      v.now,
      v.isDemo ?? false,
    ],
  );
  return rows[0].id as string;
}

export async function setAttendance(q: Queryable, id: string, attended: boolean | null): Promise<void> {
  await q.query(`UPDATE diagnostic_listening_participants SET attended = $2 WHERE id = $1`, [id, attended]);
}

/**
 * Withdraws every consent of a participant. Their verbatims go first: the schema refuses a
 * verbatim whose speaker may not be quoted (diagnostic_verbatims_quotable). Returns how many.
 */
export async function withdrawParticipant(q: Queryable, id: string, by: string | null, now: Date): Promise<number> {
  const { rowCount } = await q.query(`DELETE FROM diagnostic_verbatims WHERE participant_id = $1`, [id]);
  await q.query(
    `UPDATE diagnostic_listening_participants
        SET quote_consent = 'none', profile_consent = false, record_consent = false, withdrawn_at = $2, withdrawn_by = $3
      WHERE id = $1`,
    [id, now, by],
  );
  return rowCount ?? 0;
}

export interface VerbatimRow {
  id: string;
  sessionId: string;
  sessionTitle: string;
  sessionKind: SessionKind;
  sessionStartsAt: Date;
  participantId: string;
  text: string;
  themes: string[];
  inReport: boolean;
  recordedAt: Date;
  isDemo: boolean;
  quoteConsent: QuoteConsent;
  profileConsent: boolean;
  firstName: string | null;
  pseudonym: string | null;
  age: number | null;
  ageBand: AgeBand | null;
  neighbourhoodId: string | null;
  childrenCount: number | null;
}

const VERBATIM_SELECT = `
  SELECT v.id, v.session_id AS "sessionId", s.title AS "sessionTitle", s.kind AS "sessionKind", s.starts_at AS "sessionStartsAt",
         v.participant_id AS "participantId", v.text, v.themes, v.in_report AS "inReport", v.recorded_at AS "recordedAt", v.is_demo AS "isDemo",
         p.quote_consent AS "quoteConsent", p.profile_consent AS "profileConsent", p.first_name AS "firstName", p.pseudonym,
         p.age, p.age_band AS "ageBand", p.neighbourhood_id AS "neighbourhoodId", p.children_count AS "childrenCount"
    FROM diagnostic_verbatims v
    JOIN diagnostic_listening_participants p ON p.id = v.participant_id
    JOIN diagnostic_listening_sessions s ON s.id = v.session_id`;

/**
 * Verbatims, joined with their speaker and session. The join repeats the consent check the
 * schema already makes (a verbatim exists only while its speaker may be quoted), so that a
 * reader never depends on a single guard.
 */
export async function verbatims(q: Queryable, filter: { sessionId?: string; inReport?: boolean; ids?: string[] } = {}): Promise<VerbatimRow[]> {
  const where = [`p.quote_consent <> 'none'`, `p.withdrawn_at IS NULL`];
  const params: unknown[] = [];
  if (filter.sessionId) {
    params.push(filter.sessionId);
    where.push(`v.session_id = $${params.length}`);
  }
  if (filter.inReport) where.push('v.in_report');
  if (filter.ids) {
    params.push(filter.ids);
    where.push(`v.id = ANY($${params.length}::uuid[])`);
  }
  const { rows } = await q.query(`${VERBATIM_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.starts_at, v.recorded_at, v.id LIMIT 5000`, params);
  return rows as VerbatimRow[];
}

export async function insertVerbatim(
  q: Queryable,
  v: {
    sessionId: string;
    participantId: string;
    quoteConsent: QuoteConsent;
    text: string;
    themes: string[];
    inReport: boolean;
    by: string | null;
    now: Date;
    isDemo?: boolean;
  },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_verbatims (session_id, participant_id, speaker_quote_consent, text, themes, in_report, recorded_by, recorded_at, updated_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9) RETURNING id`,
    [v.sessionId, v.participantId, v.quoteConsent, v.text, v.themes, v.inReport, v.by, v.now, v.isDemo ?? false],
  );
  return rows[0].id as string;
}

export async function lockVerbatim(
  q: Queryable,
  id: string,
): Promise<{ id: string; sessionId: string; text: string; themes: string[]; inReport: boolean } | null> {
  const { rows } = await q.query(
    `SELECT id, session_id AS "sessionId", text, themes, in_report AS "inReport" FROM diagnostic_verbatims WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function updateVerbatim(q: Queryable, id: string, v: { text: string; themes: string[]; inReport: boolean; now: Date }): Promise<void> {
  await q.query(`UPDATE diagnostic_verbatims SET text = $2, themes = $3, in_report = $4, updated_at = $5 WHERE id = $1`, [
    id,
    v.text,
    v.themes,
    v.inReport,
    v.now,
  ]);
}

export async function deleteVerbatim(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM diagnostic_verbatims WHERE id = $1`, [id]);
}
