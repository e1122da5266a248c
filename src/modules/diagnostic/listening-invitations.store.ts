/** SQL of the invitations to listening sessions sent from household files (diagnostic tables only). */
import type { Queryable } from '../../platform/db/pool';
import type { QuoteConsent } from './listening';
import type { SessionRow } from './listening.store';

export type InvitationStatus = 'pending' | 'accepted' | 'declined';

/** Throws the `diagnostic_listening_invitations_once` violation when the family is already invited. */
export async function insertInvitation(q: Queryable, v: { sessionId: string; householdId: string; userId: string; by: string; now: Date }): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_listening_invitations (session_id, household_id, user_id, invited_by, invited_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [v.sessionId, v.householdId, v.userId, v.by, v.now],
  );
  return rows[0].id as string;
}

export interface InvitationRow {
  id: string;
  sessionId: string;
  householdId: string;
  userId: string;
  status: InvitationStatus;
  invitedAt: Date;
  answeredAt: Date | null;
  participantId: string | null;
  quoteConsent: QuoteConsent | null;
  pseudonym: string | null;
  profileConsent: boolean | null;
  recordConsent: boolean | null;
  withdrawnAt: Date | null;
}

const INVITATION_SELECT = `
  SELECT i.id, i.session_id AS "sessionId", i.household_id AS "householdId", i.user_id AS "userId", i.status, i.invited_at AS "invitedAt",
         i.answered_at AS "answeredAt", i.participant_id AS "participantId", p.quote_consent AS "quoteConsent", p.pseudonym,
         p.profile_consent AS "profileConsent", p.record_consent AS "recordConsent", p.withdrawn_at AS "withdrawnAt"
    FROM diagnostic_listening_invitations i
    LEFT JOIN diagnostic_listening_participants p ON p.id = i.participant_id`;

/** The account's invitations, newest first. */
export async function invitationsOfUser(q: Queryable, userId: string): Promise<InvitationRow[]> {
  const { rows } = await q.query(`${INVITATION_SELECT} WHERE i.user_id = $1 ORDER BY i.invited_at DESC, i.id LIMIT 200`, [userId]);
  return rows as InvitationRow[];
}

/** One invitation of this account, locked; null when it is not theirs. */
export async function lockInvitationOf(q: Queryable, id: string, userId: string): Promise<InvitationRow | null> {
  await q.query(`SELECT 1 FROM diagnostic_listening_invitations WHERE id = $1 AND user_id = $2 FOR UPDATE`, [id, userId]);
  const { rows } = await q.query(`${INVITATION_SELECT} WHERE i.id = $1 AND i.user_id = $2`, [id, userId]);
  return (rows[0] as InvitationRow | undefined) ?? null;
}

/** Answers a pending invitation; false when it was already answered. */
export async function answerInvitation(q: Queryable, id: string, status: 'accepted' | 'declined', participantId: string | null, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE diagnostic_listening_invitations SET status = $2, participant_id = $3, answered_at = $4 WHERE id = $1 AND status = 'pending'`,
    [id, status, participantId, now],
  );
  return Boolean(rowCount);
}

/** The household's invitation to each of these sessions. */
export async function invitationsOfHousehold(q: Queryable, householdId: string): Promise<{ sessionId: string; status: InvitationStatus; invitedAt: Date }[]> {
  const { rows } = await q.query(
    `SELECT session_id AS "sessionId", status, invited_at AS "invitedAt" FROM diagnostic_listening_invitations WHERE household_id = $1`,
    [householdId],
  );
  return rows;
}

/** Sessions still to come (not cancelled), soonest first. */
export async function upcomingSessions(
  q: Queryable,
  now: Date,
): Promise<
  Pick<SessionRow, 'id' | 'kind' | 'title' | 'theme' | 'startsAt' | 'durationMinutes' | 'place' | 'neighbourhoodId' | 'partnerName' | 'cancelledAt'>[]
> {
  const { rows } = await q.query(
    `SELECT id, kind, title, theme, starts_at AS "startsAt", duration_minutes AS "durationMinutes", place, neighbourhood_id AS "neighbourhoodId",
            partner_name AS "partnerName", cancelled_at AS "cancelledAt"
       FROM diagnostic_listening_sessions WHERE starts_at > $1 AND cancelled_at IS NULL ORDER BY starts_at, id LIMIT 100`,
    [now],
  );
  return rows;
}

/** How many families were invited to a session, by answer (no family named). */
export async function invitationCounts(q: Queryable, sessionId: string): Promise<Record<InvitationStatus, number>> {
  const { rows } = await q.query<{ status: InvitationStatus; n: number }>(
    `SELECT status, count(*)::int AS n FROM diagnostic_listening_invitations WHERE session_id = $1 GROUP BY status`,
    [sessionId],
  );
  const out: Record<InvitationStatus, number> = { pending: 0, accepted: 0, declined: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

// ------------------------------------------------------------------ the family's rights (dossiers hooks)

/** Everything stored about the household here, for its export: invitations and the participations they made. */
export async function householdRows(q: Queryable, householdId: string): Promise<Record<string, unknown[]>> {
  const invitations = (
    await q.query(
      `SELECT i.id, i.session_id, s.title AS session_title, s.starts_at AS session_starts_at, i.status, i.invited_at, i.answered_at, i.participant_id
         FROM diagnostic_listening_invitations i JOIN diagnostic_listening_sessions s ON s.id = i.session_id
        WHERE i.household_id = $1 ORDER BY i.invited_at`,
      [householdId],
    )
  ).rows;
  const participants = (
    await q.query(
      `SELECT id, session_id, first_name, pseudonym, age, age_band, neighbourhood_id, children_count, quote_consent, profile_consent, record_consent,
              consent_at, withdrawn_at, attended, created_at
         FROM diagnostic_listening_participants WHERE household_id = $1 ORDER BY created_at`,
      [householdId],
    )
  ).rows;
  const verbatims = (
    await q.query(
      `SELECT v.id, v.session_id, v.participant_id, v.text, v.themes, v.in_report, v.recorded_at
         FROM diagnostic_verbatims v JOIN diagnostic_listening_participants p ON p.id = v.participant_id
        WHERE p.household_id = $1 ORDER BY v.recorded_at`,
      [householdId],
    )
  ).rows;
  return { diagnostic_listening_invitations: invitations, diagnostic_listening_participants: participants, diagnostic_verbatims: verbatims };
}

/** The file is erased: its invitations go; a participation it made stays as the family consented, without the link to the file. */
export async function eraseHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query(`DELETE FROM diagnostic_listening_invitations WHERE household_id = $1`, [householdId]);
  await q.query(`UPDATE diagnostic_listening_participants SET household_id = NULL WHERE household_id = $1`, [householdId]);
}
