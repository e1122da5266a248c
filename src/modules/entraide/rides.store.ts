/** SQL of the covoiturage: ride registrations, crews, declines (the module's own tables). */
import type { Queryable } from '../../platform/db/pool';
import type { CustodyWeeks } from './cost-split';
import type { RideRole } from './ride-matching';

export type RideRow = {
  id: string;
  householdId: string;
  serviceId: string;
  placeLabel: string;
  placeLat: number;
  placeLon: number;
  weekday: number;
  arriveAt: string; // HH:MM
  fromDay: string;
  toDay: string;
  role: RideRole;
  children: number;
  seats: number;
  canDrive: boolean;
  detourPercent: number;
  custody: CustodyWeeks;
  homeLat: number;
  homeLon: number;
  crewId: string | null;
  confirmed: boolean;
  status: 'open' | 'cancelled';
  isDemo: boolean;
};

const RIDE_COLS = `r.id, r.household_id AS "householdId", r.service_id AS "serviceId", r.place_label AS "placeLabel", r.place_lat AS "placeLat",
  r.place_lon AS "placeLon", r.weekday, to_char(r.arrive_at, 'HH24:MI') AS "arriveAt", r.from_day::text AS "fromDay", r.to_day::text AS "toDay",
  r.role, r.children, r.seats, r.can_drive AS "canDrive", r.detour_percent AS "detourPercent", r.custody, r.home_lat AS "homeLat", r.home_lon AS "homeLon",
  r.crew_id AS "crewId", r.confirmed, r.status, r.is_demo AS "isDemo"`;

export type RideInsert = Omit<RideRow, 'id' | 'crewId' | 'confirmed' | 'status'> & { now: Date };

export async function insertRide(q: Queryable, r: RideInsert): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_rides (household_id, service_id, place_label, place_lat, place_lon, weekday, arrive_at, from_day, to_day, role, children, seats,
       can_drive, detour_percent, custody, home_lat, home_lon, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
    [
      r.householdId,
      r.serviceId,
      r.placeLabel,
      r.placeLat,
      r.placeLon,
      r.weekday,
      r.arriveAt,
      r.fromDay,
      r.toDay,
      r.role,
      r.children,
      r.seats,
      r.canDrive,
      r.detourPercent,
      r.custody,
      r.homeLat,
      r.homeLon,
      r.isDemo,
      r.now,
    ],
  );
  return rows[0]!.id;
}

/** Serialises matching for one activity and weekday (the waiting list is read and changed under it). */
export async function lockActivity(q: Queryable, serviceId: string, weekday: number): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('entraide.rides'), hashtext($1 || '/' || $2::text))", [serviceId, weekday]);
}

export async function getRide(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<RideRow | null> {
  const { rows } = await q.query<RideRow>(`SELECT ${RIDE_COLS} FROM entraide_rides r WHERE r.id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** The homes and places of the open registrations of this activity and weekday (no lock: read before taking it). */
export async function activityPoints(q: Queryable, serviceId: string, weekday: number): Promise<{ lat: number; lon: number }[]> {
  const { rows } = await q.query<{ homeLat: number; homeLon: number; placeLat: number; placeLon: number }>(
    `SELECT home_lat AS "homeLat", home_lon AS "homeLon", place_lat AS "placeLat", place_lon AS "placeLon"
       FROM entraide_rides WHERE service_id = $1 AND weekday = $2 AND status = 'open'`,
    [serviceId, weekday],
  );
  return rows.flatMap((r) => [
    { lat: r.homeLat, lon: r.homeLon },
    { lat: r.placeLat, lon: r.placeLon },
  ]);
}

/** Open registrations of this activity and weekday (waiting or in a crew), with the households each one declined; locked. */
export async function activityRides(q: Queryable, serviceId: string, weekday: number): Promise<(RideRow & { declined: string[] })[]> {
  const { rows } = await q.query(
    `SELECT ${RIDE_COLS}, coalesce((SELECT array_agg(d.household_id::text) FROM entraide_ride_declines d WHERE d.ride_id = r.id), '{}') AS declined
       FROM entraide_rides r WHERE r.service_id = $1 AND r.weekday = $2 AND r.status = 'open' ORDER BY r.created_at, r.id FOR UPDATE`,
    [serviceId, weekday],
  );
  return rows;
}

/** Crews of this activity and weekday still running (proposed or confirmed), oldest first; locked. */
export async function activeCrews(q: Queryable, serviceId: string, weekday: number): Promise<CrewRow[]> {
  const { rows } = await q.query<CrewRow>(
    `SELECT id, service_id AS "serviceId", weekday, driver_ride_id AS "driverRideId", route_km AS "routeKm", direct_km AS "directKm", status
       FROM entraide_crews WHERE service_id = $1 AND weekday = $2 AND status IN ('proposed', 'confirmed') ORDER BY created_at, id FOR UPDATE`,
    [serviceId, weekday],
  );
  return rows;
}

export async function setCrewRoute(q: Queryable, crewId: string, routeKm: number, status: 'proposed'): Promise<void> {
  await q.query('UPDATE entraide_crews SET route_km = $2, status = $3 WHERE id = $1', [crewId, routeKm, status]);
}

export async function insertCrew(
  q: Queryable,
  c: { serviceId: string; weekday: number; driverRideId: string; routeKm: number; directKm: number; isDemo: boolean; now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_crews (service_id, weekday, driver_ride_id, route_km, direct_km, is_demo, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [c.serviceId, c.weekday, c.driverRideId, c.routeKm, c.directKm, c.isDemo, c.now],
  );
  return rows[0]!.id;
}

/** New members join a crew (unconfirmed); the members already in keep their confirmation. */
export async function joinCrew(q: Queryable, crewId: string, rideIds: string[]): Promise<void> {
  await q.query('UPDATE entraide_rides SET crew_id = $1, confirmed = false WHERE id = ANY($2::uuid[])', [crewId, rideIds]);
}

export type CrewRow = { id: string; serviceId: string; weekday: number; driverRideId: string; routeKm: number; directKm: number; status: string };

export async function getCrew(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<CrewRow | null> {
  const { rows } = await q.query<CrewRow>(
    `SELECT id, service_id AS "serviceId", weekday, driver_ride_id AS "driverRideId", route_km AS "routeKm", direct_km AS "directKm", status
       FROM entraide_crews WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function crewRides(q: Queryable, crewId: string): Promise<RideRow[]> {
  const { rows } = await q.query<RideRow>(`SELECT ${RIDE_COLS} FROM entraide_rides r WHERE r.crew_id = $1 ORDER BY r.created_at, r.id`, [crewId]);
  return rows;
}

export async function setConfirmed(q: Queryable, rideId: string): Promise<void> {
  await q.query('UPDATE entraide_rides SET confirmed = true WHERE id = $1', [rideId]);
}

export async function setCrewStatus(q: Queryable, crewId: string, status: 'confirmed' | 'dissolved'): Promise<void> {
  await q.query('UPDATE entraide_crews SET status = $2 WHERE id = $1', [crewId, status]);
}

/** Out of a crew (back to waiting), or cancelled. */
export async function leaveCrew(q: Queryable, rideIds: string[], opts: { cancel?: boolean } = {}): Promise<void> {
  await q.query(`UPDATE entraide_rides SET crew_id = NULL, confirmed = false${opts.cancel ? ", status = 'cancelled'" : ''} WHERE id = ANY($1::uuid[])`, [
    rideIds,
  ]);
}

export async function addDeclines(q: Queryable, rideId: string, householdIds: string[]): Promise<void> {
  await q.query('INSERT INTO entraide_ride_declines (ride_id, household_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [rideId, householdIds]);
}

export async function ridesOf(q: Queryable, householdId: string): Promise<RideRow[]> {
  const { rows } = await q.query<RideRow>(
    `SELECT ${RIDE_COLS} FROM entraide_rides r WHERE r.household_id = $1 AND r.status = 'open' ORDER BY r.weekday, r.arrive_at, r.id LIMIT 50`,
    [householdId],
  );
  return rows;
}

/** Blocks between these households (a block works both ways: the caller reads both directions). */
export async function blockedPairs(q: Queryable, householdIds: string[]): Promise<[string, string][]> {
  const { rows } = await q.query<{ a: string; b: string }>(
    `SELECT blocker_household_id AS a, blocked_household_id AS b FROM entraide_blocks
      WHERE blocker_household_id = ANY($1::uuid[]) AND blocked_household_id = ANY($1::uuid[])`,
    [householdIds],
  );
  return rows.map((r) => [r.a, r.b]);
}

export async function eraseHousehold(q: Queryable, householdId: string): Promise<string[]> {
  const { rows } = await q.query<{ crew_id: string }>('SELECT DISTINCT crew_id FROM entraide_rides WHERE household_id = $1 AND crew_id IS NOT NULL', [
    householdId,
  ]);
  const crews = rows.map((r) => r.crew_id);
  // The family's crews are dissolved: the other families wait for a new match.
  await q.query("UPDATE entraide_crews SET status = 'dissolved' WHERE id = ANY($1::uuid[])", [crews]);
  await q.query('UPDATE entraide_rides SET crew_id = NULL, confirmed = false WHERE crew_id = ANY($1::uuid[])', [crews]);
  await q.query('DELETE FROM entraide_ride_declines WHERE household_id = $1', [householdId]);
  await q.query('DELETE FROM entraide_rides WHERE household_id = $1', [householdId]);
  return crews;
}

export async function exportHousehold(q: Queryable, householdId: string): Promise<Record<string, unknown[]>> {
  const { rows } = await q.query(
    `SELECT place_label, weekday, to_char(arrive_at, 'HH24:MI') AS arrive_at, from_day::text AS from_day, to_day::text AS to_day, role, children, seats, status, created_at
       FROM entraide_rides WHERE household_id = $1 ORDER BY created_at`,
    [householdId],
  );
  return { entraide_rides: rows };
}
