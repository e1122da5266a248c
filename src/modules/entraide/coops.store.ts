/** SQL of the garde partagée cooperatives (the module's own tables). */
import type { Queryable } from '../../platform/db/pool';
import type { CustodyWeeks } from './cost-split';

/** Hours of a garde: weekdays (0 = Sunday … 6) and HH:MM times. */
export type GardeHours = { weekdays: number[]; from: string; to: string };
export type CoopRow = { id: string; name: string; neighbourhoodId: string; hourlyCostCents: number; isDemo: boolean; hours: GardeHours | null };
export type MemberRow = { householdId: string; minutesPerWeek: number; custody: CustodyWeeks; joinedAt: Date; hours?: GardeHours | null };

const HOURS = (a: string) =>
  `CASE WHEN ${a}.weekdays IS NULL THEN NULL ELSE json_build_object('weekdays', ${a}.weekdays, 'from', to_char(${a}.from_time, 'HH24:MI'), 'to', to_char(${a}.to_time, 'HH24:MI')) END AS hours`;
const COOP = (a: string) =>
  `${a}.id, ${a}.name, ${a}.neighbourhood_id AS "neighbourhoodId", ${a}.hourly_cost_cents AS "hourlyCostCents", ${a}.is_demo AS "isDemo", ${HOURS(a)}`;

export async function insertCoop(q: Queryable, c: Omit<CoopRow, 'id'> & { now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_coops (name, neighbourhood_id, hourly_cost_cents, is_demo, created_at, weekdays, from_time, to_time)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [c.name, c.neighbourhoodId, c.hourlyCostCents, c.isDemo, c.now, c.hours?.weekdays ?? null, c.hours?.from ?? null, c.hours?.to ?? null],
  );
  return rows[0]!.id;
}

export async function getCoop(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<CoopRow | null> {
  const { rows } = await q.query<CoopRow>(`SELECT ${COOP('c')} FROM entraide_coops c WHERE c.id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function members(q: Queryable, coopId: string): Promise<MemberRow[]> {
  const { rows } = await q.query<MemberRow>(
    `SELECT m.household_id AS "householdId", m.minutes_per_week AS "minutesPerWeek", m.custody, m.joined_at AS "joinedAt", ${HOURS('m')}
       FROM entraide_coop_members m WHERE m.coop_id = $1 ORDER BY m.joined_at, m.household_id`,
    [coopId],
  );
  return rows;
}

export async function addMember(q: Queryable, coopId: string, m: Omit<MemberRow, 'joinedAt'>, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO entraide_coop_members (coop_id, household_id, minutes_per_week, custody, joined_at, weekdays, from_time, to_time)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [coopId, m.householdId, m.minutesPerWeek, m.custody, now, m.hours?.weekdays ?? null, m.hours?.from ?? null, m.hours?.to ?? null],
  );
}

export async function coopsOf(q: Queryable, householdId: string): Promise<CoopRow[]> {
  const { rows } = await q.query<CoopRow>(
    `SELECT ${COOP('c')}
       FROM entraide_coops c JOIN entraide_coop_members m ON m.coop_id = c.id WHERE m.household_id = $1 ORDER BY c.created_at, c.id`,
    [householdId],
  );
  return rows;
}

/** Cooperatives with a free place (fewer than 4 families) in these neighbourhoods. */
export async function openCoops(q: Queryable, neighbourhoodIds: string[]): Promise<(CoopRow & { families: number })[]> {
  const { rows } = await q.query(
    `SELECT ${COOP('c')}, count(m.*)::int AS families
       FROM entraide_coops c LEFT JOIN entraide_coop_members m ON m.coop_id = c.id
      WHERE c.neighbourhood_id = ANY($1) GROUP BY c.id HAVING count(m.*) < 4 ORDER BY c.created_at, c.id LIMIT 100`,
    [neighbourhoodIds],
  );
  return rows;
}

export async function setWeek(q: Queryable, coopId: string, householdId: string, monday: string, minutes: number): Promise<void> {
  await q.query(
    `INSERT INTO entraide_coop_weeks (coop_id, household_id, monday, minutes) VALUES ($1, $2, $3, $4)
     ON CONFLICT (coop_id, household_id, monday) DO UPDATE SET minutes = EXCLUDED.minutes`,
    [coopId, householdId, monday, minutes],
  );
}

export async function weeks(q: Queryable, coopId: string, from: string, to: string): Promise<{ householdId: string; monday: string; minutes: number }[]> {
  const { rows } = await q.query(
    'SELECT household_id AS "householdId", monday::text AS monday, minutes FROM entraide_coop_weeks WHERE coop_id = $1 AND monday BETWEEN $2 AND $3',
    [coopId, from, to],
  );
  return rows;
}

export async function eraseHousehold(q: Queryable, householdId: string): Promise<void> {
  await q.query('DELETE FROM entraide_coop_weeks WHERE household_id = $1', [householdId]);
  await q.query('DELETE FROM entraide_coop_members WHERE household_id = $1', [householdId]);
}
