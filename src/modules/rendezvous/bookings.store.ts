/** SQL of sessions (a slot's occurrence and its seats), bookings and the waitlist. */
import type { Queryable } from '../../platform/db/pool';

export type BookingStatus = 'confirmed' | 'seen' | 'noshow' | 'excused' | 'revoked';
export type BookingOrigin = 'family' | 'desk' | 'partner';
export type WaitStatus = 'waiting' | 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface SessionKey {
  motifId: string;
  agentId: string | null;
  resourceId: string | null;
  lieuId: string | null;
  ageGroup: string;
  start: Date;
  end: Date;
  capacity: number;
}

/**
 * The session of this slot and its seats left as last committed (no lock: a fast refusal
 * only, never a guarantee), created if missing. Read first (the common case: one query);
 * concurrent creators meet on the unique key.
 */
export async function ensureSession(q: Queryable, k: SessionKey, now: Date): Promise<{ id: string; left: number }> {
  const find = () =>
    q.query<{ id: string; left: number }>(
      `SELECT id, capacity - taken AS left FROM rdv_sessions
        WHERE motif_id = $1 AND coalesce(agent_id, resource_id) = $2 AND age_group = $3 AND lower(during) = $4`,
      [k.motifId, k.agentId ?? k.resourceId, k.ageGroup, k.start],
    );
  const found = await find();
  if (found.rows[0]) return found.rows[0];
  const ins = await q.query<{ id: string; left: number }>(
    `INSERT INTO rdv_sessions (motif_id, agent_id, resource_id, lieu_id, age_group, during, capacity, created_at)
     VALUES ($1,$2,$3,$4,$5,tstzrange($6,$7),$8,$9)
     ON CONFLICT (motif_id, (coalesce(agent_id, resource_id)), age_group, (lower(during))) DO NOTHING
     RETURNING id, capacity - taken AS left`,
    [k.motifId, k.agentId, k.resourceId, k.lieuId, k.ageGroup, k.start, k.end, k.capacity, now],
  );
  return ins.rows[0] ?? (await find()).rows[0]!;
}

/**
 * Opens a slot's session with no seat taken yet (nothing if it exists). A new session is
 * opened before its first booking takes seats: two first bookers then queue on its row,
 * where two creating it with seats taken would each wait for the other's row on the agent's
 * exclusion constraint (a deadlock). A session with no seat taken is outside that constraint.
 */
export async function openSession(q: Queryable, k: SessionKey, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO rdv_sessions (motif_id, agent_id, resource_id, lieu_id, age_group, during, capacity, created_at)
     VALUES ($1,$2,$3,$4,$5,tstzrange($6,$7),$8,$9)
     ON CONFLICT (motif_id, (coalesce(agent_id, resource_id)), age_group, (lower(during))) DO NOTHING`,
    [k.motifId, k.agentId, k.resourceId, k.lieuId, k.ageGroup, k.start, k.end, k.capacity, now],
  );
}

/**
 * Take `n` seats of a session, or none: one UPDATE under the row's lock, so concurrent
 * bookers queue on the row and each sees the count the previous one left.
 */
export async function takeSeats(q: Queryable, sessionId: string, n: number): Promise<boolean> {
  const { rowCount } = await q.query(`UPDATE rdv_sessions SET taken = taken + $2 WHERE id = $1 AND taken + $2 <= capacity`, [sessionId, n]);
  return rowCount === 1;
}

export interface NewSeats extends SessionKey {
  householdId: string;
  bookedBy: string | null;
  /** Who the booking comes from; a partner's carries its structure and that structure's name. */
  origin: BookingOrigin;
  referrer: { structureId: string; name: string } | null;
  /** One booking per attendee, ids chosen by the caller. */
  bookings: { id: string; subjectKey: string; childId: string | null }[];
  /** The confirmation notice's id (its job is enqueued after the commit). */
  noticeId: string;
  /** The booking's audit entry as an INSERT numbered from `$first` (platform `auditInsert`): written by the same statement. */
  audit: (first: number) => { text: string; values: unknown[] };
}

/**
 * A booking in one statement, so its own transaction: the session's seats are taken under its
 * row's lock (ON CONFLICT … DO UPDATE; created with them if missing), then the
 * bookings, the confirmation notice and the audit entry are written. More seats than the
 * capacity fail the session's CHECK (rdv_sessions_seats) and nothing is written; an overlap
 * fails the exclusion constraints. The row's lock lasts only for this statement.
 */
export async function bookSeats(q: Queryable, k: NewSeats, now: Date): Promise<string> {
  const audit = k.audit(20);
  const { rows } = await q.query<{ id: string }>({
    // Prepared once per connection: the hot path's statement is parsed and planned once.
    name: 'rendezvous.book-seats',
    text: `WITH seat AS (
       INSERT INTO rdv_sessions (motif_id, agent_id, resource_id, lieu_id, age_group, during, capacity, taken, created_at)
       VALUES ($1, $2, $3, $4, $5, tstzrange($6, $7), $8, $9, $10)
       ON CONFLICT (motif_id, (coalesce(agent_id, resource_id)), age_group, (lower(during)))
       DO UPDATE SET taken = rdv_sessions.taken + excluded.taken
       RETURNING id
     ), booked AS (
       INSERT INTO rdv_bookings (id, session_id, household_id, subject_key, child_id, during, booked_by, via_waitlist, created_at, status_at,
                                 origin, referrer_structure_id, referrer_name)
       SELECT x.id, seat.id, $11, x.key, x.child, tstzrange($6, $7), $12, false, $10, $10, $17, $18, $19
         FROM seat CROSS JOIN unnest($13::uuid[], $14::text[], $15::uuid[]) AS x(id, key, child)
     ), notice AS (
       INSERT INTO rdv_notices (id, household_id, session_id, kind, created_at, referrer_name) SELECT $16, $11, seat.id, 'confirmation', $10, $19 FROM seat
     ), audited AS (
       ${audit.text}
     )
     SELECT id FROM seat`,
    values: [
      k.motifId,
      k.agentId,
      k.resourceId,
      k.lieuId,
      k.ageGroup,
      k.start,
      k.end,
      k.capacity,
      k.bookings.length,
      now,
      k.householdId,
      k.bookedBy,
      k.bookings.map((b) => b.id),
      k.bookings.map((b) => b.subjectKey),
      k.bookings.map((b) => b.childId),
      k.noticeId,
      k.origin,
      k.referrer?.structureId ?? null,
      k.referrer?.name ?? null,
      ...audit.values,
    ],
  });
  return rows[0]!.id;
}

export interface NoticeRow {
  id: string;
  householdId: string;
  motifId: string;
  lieuId: string | null;
  start: Date;
  /** A partner's booking: the structure that proposed it. */
  referrerName: string | null;
}

/** A pending notice, locked for its sending (null if sent, or being sent by another worker). */
export async function claimNotice(q: Queryable, id: string): Promise<NoticeRow | null> {
  const { rows } = await q.query<NoticeRow>(
    `SELECT n.id, n.household_id AS "householdId", s.motif_id AS "motifId", s.lieu_id AS "lieuId", lower(s.during) AS start,
            n.referrer_name AS "referrerName"
       FROM rdv_notices n JOIN rdv_sessions s ON s.id = n.session_id
      WHERE n.id = $1 AND n.sent_at IS NULL FOR UPDATE OF n SKIP LOCKED`,
    [id],
  );
  return rows[0] ?? null;
}

/** Pending notices older than `before` (a lost job: the sweep sends them). */
export async function pendingNotices(q: Queryable, before: Date, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM rdv_notices WHERE sent_at IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2`, [
    before,
    limit,
  ]);
  return rows.map((r) => r.id);
}

export async function markNoticeSent(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE rdv_notices SET sent_at = $2 WHERE id = $1`, [id, now]);
}

/** A session's place or agent changes (its bookings keep their time); an agent's overlap fails rdv_sessions_agent_overlap. */
export async function changeSessionRow(q: Queryable, id: string, lieuId: string | null, agentId: string | null): Promise<void> {
  await q.query(`UPDATE rdv_sessions SET lieu_id = $2, agent_id = $3 WHERE id = $1`, [id, lieuId, agentId]);
}

/** Families with a confirmed booking in a session (each told once). */
export async function householdsOfSession(q: Queryable, sessionId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT DISTINCT household_id AS id FROM rdv_bookings WHERE session_id = $1 AND status = 'confirmed' ORDER BY household_id`,
    [sessionId],
  );
  return rows.map((r) => r.id);
}

export async function releaseSeats(q: Queryable, sessionId: string, n: number): Promise<void> {
  await q.query(`UPDATE rdv_sessions SET taken = taken - $2 WHERE id = $1`, [sessionId, n]);
}

export interface SessionRow {
  id: string;
  motifId: string;
  agentId: string | null;
  resourceId: string | null;
  lieuId: string | null;
  ageGroup: string;
  start: Date;
  end: Date;
  capacity: number;
  taken: number;
}

const SESSION_COLS = `s.id, s.motif_id AS "motifId", s.agent_id AS "agentId", s.resource_id AS "resourceId", s.lieu_id AS "lieuId",
  s.age_group AS "ageGroup", lower(s.during) AS start, upper(s.during) AS "end", s.capacity, s.taken`;

export async function lockSession(q: Queryable, id: string): Promise<SessionRow | null> {
  const { rows } = await q.query<SessionRow>(`SELECT ${SESSION_COLS} FROM rdv_sessions s WHERE s.id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

/** Sessions of a motif starting in [from, to): their seats, to show full slots. */
export async function sessionsOfMotif(q: Queryable, motifId: string, from: Date, to: Date): Promise<SessionRow[]> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${SESSION_COLS} FROM rdv_sessions s WHERE s.motif_id = $1 AND lower(s.during) >= $2 AND lower(s.during) < $3`,
    [motifId, from, to],
  );
  return rows;
}

/** Times agents are taken (occupied sessions of any motif) overlapping [from, to). */
export async function agentsBusy(
  q: Queryable,
  agentIds: string[],
  from: Date,
  to: Date,
  exceptMotifId: string,
): Promise<{ ownerId: string; start: Date; end: Date }[]> {
  if (!agentIds.length) return [];
  const { rows } = await q.query<{ ownerId: string; start: Date; end: Date }>(
    `SELECT agent_id AS "ownerId", lower(during) AS start, upper(during) AS "end" FROM rdv_sessions
      WHERE agent_id = ANY($1::uuid[]) AND taken > 0 AND during && tstzrange($2, $3) AND motif_id <> $4`,
    [agentIds, from, to, exceptMotifId],
  );
  return rows;
}

export interface NewBooking {
  sessionId: string;
  householdId: string;
  subjectKey: string;
  childId: string | null;
  start: Date;
  end: Date;
  bookedBy: string | null;
  viaWaitlist: boolean;
  origin: BookingOrigin;
  /** A partner's: the structure that proposed it (origin 'partner'). */
  referrer?: { structureId: string; name: string } | null;
}

export async function insertBooking(q: Queryable, b: NewBooking, now: Date): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO rdv_bookings (session_id, household_id, subject_key, child_id, during, booked_by, via_waitlist, created_at, status_at, origin,
                               referrer_structure_id, referrer_name)
     VALUES ($1,$2,$3,$4,tstzrange($5,$6),$7,$8,$9,$9,$10,$11,$12) RETURNING id`,
    [
      b.sessionId,
      b.householdId,
      b.subjectKey,
      b.childId,
      b.start,
      b.end,
      b.bookedBy,
      b.viaWaitlist,
      now,
      b.origin,
      b.referrer?.structureId ?? null,
      b.referrer?.name ?? null,
    ],
  );
  return rows[0]!.id;
}

export interface BookingRow {
  id: string;
  sessionId: string;
  householdId: string;
  subjectKey: string;
  childId: string | null;
  status: BookingStatus;
  viaWaitlist: boolean;
  start: Date;
  end: Date;
  motifId: string;
  agentId: string | null;
  resourceId: string | null;
  lieuId: string | null;
  createdAt: Date;
  origin: BookingOrigin;
  referrerStructureId: string | null;
  referrerName: string | null;
}

const BOOKING_COLS = `b.id, b.session_id AS "sessionId", b.household_id AS "householdId", b.subject_key AS "subjectKey", b.child_id AS "childId",
  b.status, b.via_waitlist AS "viaWaitlist", lower(b.during) AS start, upper(b.during) AS "end", s.motif_id AS "motifId",
  s.agent_id AS "agentId", s.resource_id AS "resourceId", s.lieu_id AS "lieuId", b.created_at AS "createdAt",
  b.origin, b.referrer_structure_id AS "referrerStructureId", b.referrer_name AS "referrerName"`;

export async function lockBooking(q: Queryable, id: string): Promise<BookingRow | null> {
  const { rows } = await q.query<BookingRow>(
    `SELECT ${BOOKING_COLS} FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id WHERE b.id = $1 FOR UPDATE OF b`,
    [id],
  );
  return rows[0] ?? null;
}

export async function getBooking(q: Queryable, id: string): Promise<BookingRow | null> {
  const { rows } = await q.query<BookingRow>(`SELECT ${BOOKING_COLS} FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id WHERE b.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function setBookingStatus(q: Queryable, id: string, status: BookingStatus, now: Date): Promise<void> {
  await q.query(`UPDATE rdv_bookings SET status = $2, status_at = $3 WHERE id = $1`, [id, status, now]);
}

export async function moveBookingRow(q: Queryable, id: string, sessionId: string, start: Date, end: Date, now: Date): Promise<void> {
  // A new time: its reminders are due afresh.
  await q.query(
    `UPDATE rdv_bookings SET session_id = $2, during = tstzrange($3, $4), status_at = $5, reminded_48h_at = NULL, reminded_eve_at = NULL WHERE id = $1`,
    [id, sessionId, start, end, now],
  );
}

export async function bookingsOfHousehold(q: Queryable, householdId: string): Promise<BookingRow[]> {
  const { rows } = await q.query<BookingRow>(
    `SELECT ${BOOKING_COLS} FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id WHERE b.household_id = $1 ORDER BY lower(b.during) DESC`,
    [householdId],
  );
  return rows;
}

/** The bookings a partner structure made for a family (never the family's other bookings). */
export async function bookingsOfReferrer(q: Queryable, structureId: string, householdId: string): Promise<BookingRow[]> {
  const { rows } = await q.query<BookingRow>(
    `SELECT ${BOOKING_COLS} FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id
      WHERE b.referrer_structure_id = $1 AND b.household_id = $2 ORDER BY lower(b.during) DESC`,
    [structureId, householdId],
  );
  return rows;
}

/** Bookings in the sessions of an agent between two instants (the agenda). */
export async function bookingsOfAgent(q: Queryable, agentId: string, from: Date, to: Date): Promise<BookingRow[]> {
  const { rows } = await q.query<BookingRow>(
    `SELECT ${BOOKING_COLS} FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id
      WHERE s.agent_id = $1 AND s.during && tstzrange($2, $3) ORDER BY lower(b.during), b.created_at`,
    [agentId, from, to],
  );
  return rows;
}

/** Bookings of a session still holding a seat. */
export async function countConfirmed(q: Queryable, sessionId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*) AS n FROM rdv_bookings WHERE session_id = $1 AND status = 'confirmed'`, [sessionId]);
  return rows[0]!.n;
}

// ——— waitlist ———

export interface WaitRow {
  id: string;
  sessionId: string;
  householdId: string;
  subjectKey: string;
  childId: string | null;
  status: WaitStatus;
  createdAt: Date;
  offerExpiresAt: Date | null;
  bookingId: string | null;
  /** A partner structure put the family on the waitlist (0605). */
  referrerStructureId: string | null;
  referrerName: string | null;
}

const WAIT_COLS = `w.id, w.session_id AS "sessionId", w.household_id AS "householdId", w.subject_key AS "subjectKey", w.child_id AS "childId",
  w.status, w.created_at AS "createdAt", w.offer_expires_at AS "offerExpiresAt", w.booking_id AS "bookingId",
  w.referrer_structure_id AS "referrerStructureId", w.referrer_name AS "referrerName"`;

export async function insertWait(
  q: Queryable,
  w: { sessionId: string; householdId: string; subjectKey: string; childId: string | null; referrer?: { structureId: string; name: string } | null },
  now: Date,
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO rdv_waitlist (session_id, household_id, subject_key, child_id, created_at, referrer_structure_id, referrer_name)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [w.sessionId, w.householdId, w.subjectKey, w.childId, now, w.referrer?.structureId ?? null, w.referrer?.name ?? null],
  );
  return rows[0]!.id;
}

export async function lockWait(q: Queryable, id: string): Promise<WaitRow | null> {
  const { rows } = await q.query<WaitRow>(`SELECT ${WAIT_COLS} FROM rdv_waitlist w WHERE w.id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

/** The first family waiting on a session (the caller holds the session's lock). */
export async function nextWaiting(q: Queryable, sessionId: string): Promise<WaitRow | null> {
  const { rows } = await q.query<WaitRow>(
    `SELECT ${WAIT_COLS} FROM rdv_waitlist w WHERE w.session_id = $1 AND w.status = 'waiting' ORDER BY w.created_at, w.seq LIMIT 1 FOR UPDATE`,
    [sessionId],
  );
  return rows[0] ?? null;
}

export async function markOffered(q: Queryable, id: string, now: Date, expiresAt: Date): Promise<void> {
  await q.query(`UPDATE rdv_waitlist SET status = 'offered', offered_at = $2, offer_expires_at = $3 WHERE id = $1`, [id, now, expiresAt]);
}

export async function closeWait(q: Queryable, id: string, status: WaitStatus, now: Date, bookingId: string | null = null): Promise<void> {
  await q.query(`UPDATE rdv_waitlist SET status = $2, closed_at = $3, booking_id = coalesce($4, booking_id) WHERE id = $1`, [id, status, now, bookingId]);
}

/** Offers whose confirmation window has passed. */
export async function expiredOffers(q: Queryable, now: Date): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM rdv_waitlist WHERE status = 'offered' AND offer_expires_at <= $1 ORDER BY offer_expires_at`, [
    now,
  ]);
  return rows.map((r) => r.id);
}

export type WaitWithSlot = WaitRow & { start: Date; end: Date; motifId: string; lieuId: string | null };

/** A family's live waitlist entries; with `structureId`, only those that partner structure made. */
export async function waitsOfHousehold(q: Queryable, householdId: string, structureId: string | null = null): Promise<WaitWithSlot[]> {
  const { rows } = await q.query<WaitWithSlot>(
    `SELECT ${WAIT_COLS}, lower(s.during) AS start, upper(s.during) AS "end", s.motif_id AS "motifId", s.lieu_id AS "lieuId"
       FROM rdv_waitlist w JOIN rdv_sessions s ON s.id = w.session_id
      WHERE w.household_id = $1 AND w.status IN ('waiting', 'offered') AND ($2::uuid IS NULL OR w.referrer_structure_id = $2)
      ORDER BY lower(s.during)`,
    [householdId, structureId],
  );
  return rows;
}

/** Erasure of a family's file: its bookings and waitlist entries go (seats of future sessions are freed by the caller first). */
export async function deleteHouseholdRows(q: Queryable, householdId: string): Promise<void> {
  await q.query(`DELETE FROM rdv_notices WHERE household_id = $1`, [householdId]);
  await q.query(`DELETE FROM rdv_waitlist WHERE household_id = $1`, [householdId]);
  await q.query(`DELETE FROM rdv_bookings WHERE household_id = $1`, [householdId]);
}

/** Sessions of an agent overlapping [from, to), occupied or not, with their seats (the agent's feed and agenda). */
export async function sessionsOfAgent(q: Queryable, agentId: string, from: Date, to: Date): Promise<SessionRow[]> {
  const { rows } = await q.query<SessionRow>(
    `SELECT ${SESSION_COLS} FROM rdv_sessions s WHERE s.agent_id = $1 AND s.during && tstzrange($2, $3) AND s.taken > 0 ORDER BY lower(s.during)`,
    [agentId, from, to],
  );
  return rows;
}

/** Bookings whose time falls in [from, to), by household and status (the pilotage indicators). */
export async function bookingStatusesBetween(
  q: Queryable,
  from: Date,
  to: Date,
): Promise<{ householdId: string; status: BookingStatus; motifId: string; origin: BookingOrigin }[]> {
  const { rows } = await q.query<{ householdId: string; status: BookingStatus; motifId: string; origin: BookingOrigin }>(
    `SELECT b.household_id AS "householdId", b.status, s.motif_id AS "motifId", b.origin
       FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id
      WHERE lower(b.during) >= $1 AND lower(b.during) < $2`,
    [from, to],
  );
  return rows;
}

// ——— reminders ———

/** The day before `start` at 18 h, Paris wall clock, as SQL over a booking `b`. */
const EVE = `((date_trunc('day', lower(b.during) AT TIME ZONE 'Europe/Paris') - interval '6 hours') AT TIME ZONE 'Europe/Paris')`;

export interface DueReminder {
  householdId: string;
  sessionId: string;
  motifId: string;
  lieuId: string | null;
  start: Date;
}

/**
 * Claims the confirmed bookings whose reminder is due at `now` (48 h before; the day before
 * at 18 h), at most `limit`, and marks them reminded; one row per family and session (the
 * parent and a child in one workshop get one message). A reminder whose time had already
 * passed when the booking was made or moved is not sent (as the family was just told).
 * Rows locked by another process's scan are skipped, never reminded twice.
 */
export async function claimDueReminders(q: Queryable, now: Date, limit: number): Promise<DueReminder[]> {
  const { rows } = await q.query<DueReminder>(
    `WITH due AS (
       SELECT b.id FROM rdv_bookings b
        WHERE b.status = 'confirmed' AND b.reminded_eve_at IS NULL
          AND lower(b.during) > $1 AND lower(b.during) <= $1 + interval '48 hours'
          AND ((b.reminded_48h_at IS NULL AND b.status_at < lower(b.during) - interval '48 hours') OR (${EVE} <= $1 AND b.status_at < ${EVE}))
        ORDER BY lower(b.during) LIMIT $2
        FOR UPDATE OF b SKIP LOCKED
     ), marked AS (
       UPDATE rdv_bookings b
          SET reminded_48h_at = coalesce(b.reminded_48h_at, $1),
              reminded_eve_at = CASE WHEN ${EVE} <= $1 THEN $1 END
         FROM due WHERE b.id = due.id
        RETURNING b.household_id, b.session_id
     )
     SELECT DISTINCT m.household_id AS "householdId", s.id AS "sessionId", s.motif_id AS "motifId", s.lieu_id AS "lieuId", lower(s.during) AS start
       FROM marked m JOIN rdv_sessions s ON s.id = m.session_id`,
    [now, limit],
  );
  return rows;
}

/** Permanence bookings in [from, to), not cancelled, counted by the neighbourhood of the place they are held in. */
/**
 * Confirmed bookings an absence falls on: an agent's sessions, a resource's, or every session
 * (a closure for everyone: both null). They stay booked; staff move or cancel them.
 */
export async function confirmedDuring(q: Queryable, owner: { agentId: string | null; resourceId: string | null }, start: Date, end: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id
      WHERE b.status = 'confirmed' AND s.during && tstzrange($3, $4)
        AND ($1::uuid IS NULL OR s.agent_id = $1) AND ($2::uuid IS NULL OR s.resource_id = $2)`,
    [owner.agentId, owner.resourceId, start, end],
  );
  return rows[0]!.n;
}

/** Bookings of the permanences in a period (not cancelled), per permanence (motif) and place, with the place's neighbourhood. */
export async function permanenceUseBetween(
  q: Queryable,
  from: Date,
  to: Date,
): Promise<{ motif: string; lieu: string | null; neighbourhood: string | null; value: number }[]> {
  const { rows } = await q.query<{ motif: string; lieu: string | null; neighbourhood: string | null; value: number }>(
    `SELECT m.name AS motif, l.name AS lieu, l.neighbourhood_id AS neighbourhood, count(*)::int AS value
       FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id JOIN rdv_motifs m ON m.id = s.motif_id
       LEFT JOIN rdv_lieux l ON l.id = s.lieu_id
      WHERE m.kind = 'permanence' AND b.status IN ('confirmed', 'seen', 'noshow') AND lower(b.during) >= $1 AND lower(b.during) < $2
      GROUP BY m.id, m.name, l.id, l.name, l.neighbourhood_id ORDER BY m.name, l.name`,
    [from, to],
  );
  return rows;
}
