/** SQL of the tutorat: volunteer tutors, families' requests, sessions (the module's own tables). */
import type { Queryable } from '../../platform/db/pool';
import type { Level, Subject } from './entraide.schemas';

export type TutorRow = {
  id: string;
  displayName: string;
  phone: string | null;
  subjects: Subject[];
  levels: Level[];
  neighbourhoodId: string;
  weekdays: number[];
  from: string;
  to: string;
  isDemo: boolean;
};
const TUTOR_COLS = `id, display_name AS "displayName", phone, subjects, levels, neighbourhood_id AS "neighbourhoodId", weekdays::int[] AS weekdays,
  to_char(from_time, 'HH24:MI') AS "from", to_char(to_time, 'HH24:MI') AS "to", is_demo AS "isDemo"`;

export async function insertTutor(q: Queryable, t: Omit<TutorRow, 'id'> & { validatedBy: string | null; now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_tutors (display_name, phone, subjects, levels, neighbourhood_id, weekdays, from_time, to_time, validated_by, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [t.displayName, t.phone, t.subjects, t.levels, t.neighbourhoodId, t.weekdays, t.from, t.to, t.validatedBy, t.isDemo, t.now],
  );
  return rows[0]!.id;
}

export async function activeTutors(q: Queryable): Promise<TutorRow[]> {
  const { rows } = await q.query<TutorRow>(`SELECT ${TUTOR_COLS} FROM entraide_tutors WHERE active ORDER BY display_name, id LIMIT 500`);
  return rows;
}

export async function getTutor(q: Queryable, id: string): Promise<TutorRow | null> {
  const { rows } = await q.query<TutorRow>(`SELECT ${TUTOR_COLS} FROM entraide_tutors WHERE id = $1 AND active`, [id]);
  return rows[0] ?? null;
}

export type TutoringRow = {
  id: string;
  householdId: string;
  childFirstName: string;
  subject: Subject;
  level: Level;
  neighbourhoodId: string | null;
  weekday: number;
  from: string;
  to: string;
  status: 'open' | 'matched' | 'closed';
  tutorId: string | null;
  createdAt: Date;
  minutesDone: number;
};
const REQ_COLS = `r.id, r.household_id AS "householdId", r.child_first_name AS "childFirstName", r.subject, r.level, r.neighbourhood_id AS "neighbourhoodId",
  r.weekday, to_char(r.from_time, 'HH24:MI') AS "from", to_char(r.to_time, 'HH24:MI') AS "to", r.status, r.tutor_id AS "tutorId", r.created_at AS "createdAt",
  (SELECT coalesce(sum(s.minutes), 0)::int FROM entraide_tutoring_sessions s WHERE s.request_id = r.id) AS "minutesDone"`;

export async function insertRequest(
  q: Queryable,
  r: Pick<TutoringRow, 'householdId' | 'childFirstName' | 'subject' | 'level' | 'neighbourhoodId' | 'weekday' | 'from' | 'to'> & { now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_tutoring_requests (household_id, child_first_name, subject, level, neighbourhood_id, weekday, from_time, to_time, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [r.householdId, r.childFirstName, r.subject, r.level, r.neighbourhoodId, r.weekday, r.from, r.to, r.now],
  );
  return rows[0]!.id;
}

export async function getRequest(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<TutoringRow | null> {
  const { rows } = await q.query<TutoringRow>(`SELECT ${REQ_COLS} FROM entraide_tutoring_requests r WHERE r.id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function requestsOf(q: Queryable, householdId: string): Promise<TutoringRow[]> {
  const { rows } = await q.query<TutoringRow>(
    `SELECT ${REQ_COLS} FROM entraide_tutoring_requests r WHERE r.household_id = $1 AND r.status <> 'closed' ORDER BY r.created_at DESC, r.id LIMIT 50`,
    [householdId],
  );
  return rows;
}

export async function openRequests(q: Queryable): Promise<TutoringRow[]> {
  const { rows } = await q.query<TutoringRow>(
    `SELECT ${REQ_COLS} FROM entraide_tutoring_requests r WHERE r.status = 'open' ORDER BY r.created_at, r.id LIMIT 200`,
  );
  return rows;
}

export async function assign(q: Queryable, id: string, tutorId: string, now: Date): Promise<void> {
  await q.query("UPDATE entraide_tutoring_requests SET status = 'matched', tutor_id = $2, matched_at = $3 WHERE id = $1", [id, tutorId, now]);
}

export async function insertSession(
  q: Queryable,
  s: { requestId: string; tutorId: string; day: string; minutes: number; by: string; now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO entraide_tutoring_sessions (request_id, tutor_id, day, minutes, logged_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [s.requestId, s.tutorId, s.day, s.minutes, s.by, s.now],
  );
  return rows[0]!.id;
}

/** Minutes of tutoring done in the period, by the family's household (for the indicator). */
export async function minutesByHousehold(q: Queryable, fromDay: string, toDay: string): Promise<{ householdId: string; n: number }[]> {
  const { rows } = await q.query<{ householdId: string; n: number }>(
    `SELECT r.household_id AS "householdId", sum(s.minutes)::int AS n FROM entraide_tutoring_sessions s JOIN entraide_tutoring_requests r ON r.id = s.request_id
      WHERE s.day >= $1::date AND s.day < $2::date GROUP BY r.household_id`,
    [fromDay, toDay],
  );
  return rows;
}

export async function eraseHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query('DELETE FROM entraide_tutoring_requests WHERE household_id = $1', [householdId]);
}

export async function exportHousehold(q: Queryable, householdId: string): Promise<Record<string, unknown[]>> {
  const { rows } = await q.query(
    `SELECT r.child_first_name, r.subject, r.level, r.weekday, r.status, r.created_at,
            (SELECT coalesce(sum(s.minutes), 0)::int FROM entraide_tutoring_sessions s WHERE s.request_id = r.id) AS minutes_done
       FROM entraide_tutoring_requests r WHERE r.household_id = $1 ORDER BY r.created_at`,
    [householdId],
  );
  return { entraide_tutoring_requests: rows };
}
