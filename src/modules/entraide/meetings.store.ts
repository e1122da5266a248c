/** SQL of the ambassadors' meetings, the newcomers to welcome and a neighbourhood's activity (entraide tables only). */
import type { Queryable } from '../../platform/db/pool';

export type MeetingRow = {
  id: string;
  neighbourhoodId: string;
  organiserUserId: string | null;
  title: string;
  description: string;
  place: string;
  startsAt: Date;
  endsAt: Date | null;
  capacity: number;
  registered: number;
  status: 'open' | 'cancelled';
  isDemo: boolean;
};

const COLS = `m.id, m.neighbourhood_id AS "neighbourhoodId", m.organiser_user_id AS "organiserUserId", m.title, m.description, m.place,
  m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.capacity, m.registered, m.status, m.is_demo AS "isDemo"`;

export async function insertMeeting(
  q: Queryable,
  m: Pick<MeetingRow, 'neighbourhoodId' | 'organiserUserId' | 'title' | 'description' | 'place' | 'startsAt' | 'endsAt' | 'capacity' | 'isDemo'> & {
    now: Date;
  },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_meetings (neighbourhood_id, organiser_user_id, title, description, place, starts_at, ends_at, capacity, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [m.neighbourhoodId, m.organiserUserId, m.title, m.description, m.place, m.startsAt, m.endsAt, m.capacity, m.isDemo, m.now],
  );
  return rows[0]!.id;
}

export async function getMeeting(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<MeetingRow | null> {
  const { rows } = await q.query<MeetingRow>(`SELECT ${COLS} FROM entraide_meetings m WHERE m.id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** Open meetings of a neighbourhood not yet over, with the places the household took (0 when none). */
export async function upcoming(q: Queryable, neighbourhoodId: string, householdId: string | null, now: Date): Promise<(MeetingRow & { myPeople: number })[]> {
  const { rows } = await q.query(
    `SELECT ${COLS}, coalesce((SELECT r.people FROM entraide_meeting_registrations r WHERE r.meeting_id = m.id AND r.household_id = $2), 0)::int AS "myPeople"
       FROM entraide_meetings m
      WHERE m.neighbourhood_id = $1 AND m.status = 'open' AND coalesce(m.ends_at, m.starts_at) >= $3
      ORDER BY m.starts_at, m.id LIMIT 100`,
    [neighbourhoodId, householdId, now],
  );
  return rows;
}

export async function setCancelled(q: Queryable, id: string): Promise<void> {
  await q.query("UPDATE entraide_meetings SET status = 'cancelled' WHERE id = $1", [id]);
}

/** Registers a household; the trigger adds its people to the meeting (CHECK entraide_meetings_capacity refuses past the capacity). */
export async function register(q: Queryable, meetingId: string, householdId: string, people: number, now: Date): Promise<void> {
  await q.query('INSERT INTO entraide_meeting_registrations (meeting_id, household_id, people, registered_at) VALUES ($1, $2, $3, $4)', [
    meetingId,
    householdId,
    people,
    now,
  ]);
}

export async function unregister(q: Queryable, meetingId: string, householdId: string): Promise<boolean> {
  const r = await q.query('DELETE FROM entraide_meeting_registrations WHERE meeting_id = $1 AND household_id = $2', [meetingId, householdId]);
  return (r.rowCount ?? 0) > 0;
}

export async function registrations(q: Queryable, meetingId: string): Promise<{ householdId: string; people: number; registeredAt: Date }[]> {
  const { rows } = await q.query(
    'SELECT household_id AS "householdId", people, registered_at AS "registeredAt" FROM entraide_meeting_registrations WHERE meeting_id = $1 ORDER BY registered_at, household_id',
    [meetingId],
  );
  return rows;
}

/** Meetings of a neighbourhood from `since` on (cancelled ones included), for its ambassador. */
export async function ofNeighbourhood(q: Queryable, neighbourhoodId: string, since: Date): Promise<MeetingRow[]> {
  const { rows } = await q.query<MeetingRow>(
    `SELECT ${COLS} FROM entraide_meetings m WHERE m.neighbourhood_id = $1 AND coalesce(m.ends_at, m.starts_at) >= $2 ORDER BY m.starts_at, m.id LIMIT 100`,
    [neighbourhoodId, since],
  );
  return rows;
}

/** A neighbourhood's open offers and requests still to come (as on its board), demo ones left out. */
export async function openPosts(q: Queryable, neighbourhoodId: string, now: Date): Promise<{ offers: number; requests: number; unanswered: number }> {
  const { rows } = await q.query(
    `SELECT count(*) FILTER (WHERE p.kind = 'offer')::int AS offers, count(*) FILTER (WHERE p.kind = 'request')::int AS requests,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM entraide_answers a WHERE a.post_id = p.id))::int AS unanswered
       FROM entraide_posts p
      WHERE p.neighbourhood_id = $1 AND p.status = 'open' AND NOT p.is_demo AND coalesce(p.ends_at, p.starts_at) >= $2`,
    [neighbourhoodId, now],
  );
  return rows[0];
}

/**
 * Newcomers of a neighbourhood: households whose first step in its entraide (a post, an answer to
 * one of its posts, a registration to one of its meetings) is on or after `since`, not yet welcomed.
 */
export async function newcomers(q: Queryable, neighbourhoodId: string, since: Date): Promise<{ householdId: string; firstAt: Date }[]> {
  const { rows } = await q.query(
    `WITH steps AS (
       SELECT p.household_id, p.created_at AS at FROM entraide_posts p WHERE p.neighbourhood_id = $1 AND NOT p.is_demo
       UNION ALL
       SELECT a.household_id, a.created_at FROM entraide_answers a JOIN entraide_posts p ON p.id = a.post_id WHERE p.neighbourhood_id = $1
       UNION ALL
       SELECT r.household_id, r.registered_at FROM entraide_meeting_registrations r JOIN entraide_meetings m ON m.id = r.meeting_id
        WHERE m.neighbourhood_id = $1 AND NOT m.is_demo)
     SELECT s.household_id AS "householdId", min(s.at) AS "firstAt" FROM steps s
      WHERE NOT EXISTS (SELECT 1 FROM entraide_welcomes w WHERE w.household_id = s.household_id)
      GROUP BY s.household_id HAVING min(s.at) >= $2
      ORDER BY 2, 1 LIMIT 200`,
    [neighbourhoodId, since],
  );
  return rows;
}

export async function welcome(q: Queryable, householdId: string, by: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO entraide_welcomes (household_id, welcomed_by, welcomed_at) VALUES ($1, $2, $3)
     ON CONFLICT (household_id) DO UPDATE SET welcomed_by = EXCLUDED.welcomed_by, welcomed_at = EXCLUDED.welcomed_at`,
    [householdId, by, now],
  );
}

/** The meetings an account organised, as stored, for the person's export (dossiers' exportAccount hook). */
export async function organisedBy(q: Queryable, userId: string): Promise<unknown[]> {
  return (await q.query('SELECT * FROM entraide_meetings WHERE organiser_user_id = $1 ORDER BY created_at', [userId])).rows;
}

/** The account is erased: its meetings stay for the families registered, without their organiser. */
export async function forgetOrganiser(q: Queryable, userId: string): Promise<void> {
  await q.query('UPDATE entraide_meetings SET organiser_user_id = NULL WHERE organiser_user_id = $1', [userId]);
}

export async function eraseHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query('DELETE FROM entraide_meeting_registrations WHERE household_id = $1', [householdId]);
  await q.query('DELETE FROM entraide_welcomes WHERE household_id = $1', [householdId]);
}

export async function exportHousehold(q: Queryable, householdId: string): Promise<Record<string, unknown[]>> {
  const { rows } = await q.query(
    `SELECT m.title, m.place, m.starts_at, r.people, r.registered_at FROM entraide_meeting_registrations r
       JOIN entraide_meetings m ON m.id = r.meeting_id WHERE r.household_id = $1 ORDER BY r.registered_at`,
    [householdId],
  );
  return { entraide_meeting_registrations: rows };
}
