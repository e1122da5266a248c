/**
 * Covoiturage to children's activities: a family registers for an activity of the
 * directory (weekly, between two dates, its custody weeks) as driver, passenger or either;
 * at each registration the waiting families of that activity and weekday are matched
 * (ride-matching.ts, under a lock on the activity); each family confirms or leaves its
 * crew; phone and first names only once every family of the crew confirmed; the rota
 * (rota.ts) shares the driving over the school weeks.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Queryable, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { getService } from '../annuaire/index';
import { ageOn, readHouseholdAsSystem } from '../dossiers/index';
import { requireFamily } from './access';
import type { CustodyWeeks } from './cost-split';
import { daysWithoutRides, schoolHolidays } from './entraide-rules';
import { sourcePlace } from './ride-sources.service';
import { extendCar, matchRides, roadKm, type DistanceFn, type Point, type RideRequest, type RideRole } from './ride-matching';
import { roadDistances, type RoadDistances } from './road-distances';
import * as rides from './rides.store';
import { buildRota, occurrences } from './rota';

export type RideInput = {
  serviceId?: string;
  bookingId?: string;
  offerId?: string;
  weekday: number;
  arriveAt: string;
  fromDay: string;
  toDay: string;
  role: RideRole;
  children: number;
  seats: number;
  hasLicence: boolean;
  detourPercent: number;
  custody: CustodyWeeks;
  home?: { lat: number; lon: number } | null;
};

/** How many upcoming dates of the rota a family sees. */
export const ROTA_SHOWN = 6;

const notFound = () => new AppError('entraide/not-found');
const field = (path: string, message: string) => ({ fields: [{ path, message }] });

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

async function activityPlace(ctx: Ctx, serviceId: string): Promise<{ label: string; lat: number; lon: number }> {
  const s = await getService(ctx, serviceId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'annuaire/not-found') return null;
    throw err;
  });
  if (!s || s.latitude === null || s.longitude === null)
    throw new AppError('entraide/unknown-activity', field('serviceId', "Choisissez une activité de l'annuaire qui a une adresse."));
  return { label: `${s.nom} — ${s.structure.nom}`, lat: s.latitude, lon: s.longitude };
}

/** Register for a ride to an activity; the waiting families are matched at once. */
export async function registerRide(ctx: Ctx, input: RideInput): Promise<{ id: string; crewId: string | null }> {
  const me = await requireFamily(ctx);
  const drives = input.role !== 'passenger';
  if (drives) {
    if (!me.parentBirthDate || ageOn(me.parentBirthDate, parisDate(ctx.now())) < 18) throw new AppError('entraide/minor-driver');
    if (!input.hasLicence) throw new AppError('entraide/no-licence', field('hasLicence', 'Cochez si vous êtes majeur et avez le permis.'));
    if (input.seats < 1) throw new AppError('entraide/no-licence', field('seats', 'Indiquez au moins une place libre pour conduire.'));
  }
  if (input.role !== 'driver' && input.children < 1) throw new AppError('entraide/invalid-dates', field('children', 'Au moins un enfant à emmener.'));
  // A booking fixes its own day and time; an activity or an accepted place takes the family's.
  const target = input.serviceId ? { ...(await activityPlace(ctx, input.serviceId)), key: input.serviceId, fixed: null } : await sourcePlace(ctx, me, input);
  if (target.fixed) input = { ...input, ...target.fixed };
  if (input.toDay < input.fromDay) throw new AppError('entraide/invalid-dates', field('toDay', 'La fin doit être après le début.'));
  const place = target;
  const serviceId = target.key;
  const centre = ctx.town.neighbourhoods.find((n) => n.id === me.neighbourhoodId)?.center;
  // A home given by the family (its phone's position) is kept rounded to 0.001° (about 100 m): enough for a detour, not an address.
  const home = input.home ? { lat: round3(input.home.lat), lon: round3(input.home.lon) } : centre ? { lat: centre[0], lon: centre[1] } : null;
  if (!home) throw new AppError('entraide/no-home');
  return underActivityLock(ctx, serviceId, input.weekday, [home, place], async (t, distances) => {
    const id = await rides
      .insertRide(t, {
        householdId: me.householdId,
        serviceId,
        placeLabel: place.label,
        placeLat: place.lat,
        placeLon: place.lon,
        weekday: input.weekday,
        arriveAt: input.arriveAt,
        fromDay: input.fromDay,
        toDay: input.toDay,
        role: input.role,
        children: input.children,
        seats: drives ? input.seats : 0,
        canDrive: drives,
        detourPercent: input.detourPercent,
        custody: input.custody,
        homeLat: home.lat,
        homeLon: home.lon,
        isDemo: false,
        now: ctx.now(),
      })
      .catch((err) => onConstraint(err, { entraide_rides_once: () => new AppError('entraide/ride-exists') }));
    await audit(t, ctx, 'entraide/ride-registered', {
      householdId: me.householdId,
      subjectType: 'entraide_ride',
      subjectId: id,
      details: { role: input.role, weekday: input.weekday },
    });
    await matchWaiting(t, ctx, serviceId, input.weekday, distances.dist);
    const mine = await rides.getRide(t, id);
    return { id, crewId: mine?.crewId ?? null };
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

const STALE = Symbol('distances asked before a registration that came in meanwhile');
/** Tries with fresh distances when a registration came in meanwhile; the last one keeps them (its missing pairs by straight line × factor). */
export const LOCK_ATTEMPTS = 3;

/**
 * Runs `fn` under the activity's lock (activity and weekday) with the distances between its
 * registrations' homes and places (and `extra`, the newcomer's), asked BEFORE taking the lock:
 * the routing request may last up to ROUTING_TIMEOUT_MS and nobody waits on the lock meanwhile.
 * Under the lock, the distances are checked against the registrations as they now stand: when
 * one came in between whose points they do not cover, the transaction is rolled back and tried
 * again with fresh distances.
 */
async function underActivityLock<T>(
  ctx: Ctx,
  serviceId: string,
  weekday: number,
  extra: readonly Point[],
  fn: (t: Tx, distances: RoadDistances) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const before = await rides.activityPoints(ctx.db, serviceId, weekday);
    // Alone (nobody else registered): nothing to match, nothing to ask — unless someone registers meanwhile.
    const distances: RoadDistances = before.length
      ? await roadDistances([...before, ...extra], { url: ctx.config.ROUTING_URL, timeoutMs: ctx.config.ROUTING_TIMEOUT_MS, log: ctx.log })
      : { dist: roadKm, source: 'straight-line', covers: (points) => !ctx.config.ROUTING_URL || points.length <= extra.length };
    try {
      return await tx(ctx.db, async (t) => {
        await rides.lockActivity(t, serviceId, weekday);
        if (attempt < LOCK_ATTEMPTS && !distances.covers([...(await rides.activityPoints(t, serviceId, weekday)), ...extra])) throw STALE;
        return fn(t, distances);
      });
    } catch (err) {
      if (err !== STALE) throw err;
      ctx.log.info({ attempt }, 'entraide rides: a registration came in while the distances were asked; asked again');
    }
  }
}

/**
 * Match the waiting registrations of one activity and weekday (the caller holds the activity
 * lock; `dist` was computed before taking it, see underActivityLock): first the running crews with seats left take passengers (a crew that grows goes back
 * to "proposed": the newcomer confirms too), then the rest are grouped into new crews.
 */
export async function matchWaiting(t: Tx, ctx: Ctx, serviceId: string, weekday: number, dist: DistanceFn, opts: { isDemo?: boolean } = {}): Promise<number> {
  const all = await rides.activityRides(t, serviceId, weekday);
  if (all.length < 2) return 0;
  const blocked = new Set((await rides.blockedPairs(t, [...new Set(all.map((w) => w.householdId))])).map(([a, b]) => `${a}/${b}`));
  const byId = new Map(all.map((w) => [w.id, w]));
  const request = (w: (typeof all)[number]): RideRequest => ({
    id: w.id,
    householdId: w.householdId,
    placeId: w.serviceId,
    destination: { lat: w.placeLat, lon: w.placeLon },
    home: { lat: w.homeLat, lon: w.homeLon },
    arriveAt: minutesOf(w.arriveAt),
    role: w.role,
    children: w.children,
    seats: w.seats,
    canDrive: w.canDrive,
    detourLimit: w.detourPercent / 100,
  });
  const compatible = (x: RideRequest, y: RideRequest) => {
    const a = byId.get(x.id)!;
    const b = byId.get(y.id)!;
    if (blocked.has(`${a.householdId}/${b.householdId}`) || blocked.has(`${b.householdId}/${a.householdId}`)) return false;
    if (a.declined.includes(b.householdId) || b.declined.includes(a.householdId)) return false;
    return a.fromDay <= b.toDay && b.fromDay <= a.toDay;
  };
  let waiting = all.filter((w) => w.crewId === null).map(request);
  let formed = 0;
  for (const crew of await rides.activeCrews(t, serviceId, weekday)) {
    if (!waiting.length) break;
    const driver = byId.get(crew.driverRideId);
    if (!driver) continue;
    const aboard = all.filter((w) => w.crewId === crew.id && w.id !== driver.id).map(request);
    const { added, routeKm } = extendCar(request(driver), aboard, waiting, { compatible, dist });
    if (!added.length) continue;
    await rides.joinCrew(t, crew.id, added);
    await rides.setCrewRoute(t, crew.id, routeKm, 'proposed');
    await audit(t, ctx, 'entraide/crew-proposed', { subjectType: 'entraide_crew', subjectId: crew.id, details: { joined: added.length } });
    waiting = waiting.filter((w) => !added.includes(w.id));
  }
  if (waiting.length < 2) return formed;
  const { cars } = matchRides(waiting, { compatible, dist });
  for (const car of cars) {
    const crewId = await rides.insertCrew(t, {
      serviceId,
      weekday,
      driverRideId: car.driverId,
      routeKm: car.routeKm,
      directKm: car.directKm,
      isDemo: opts.isDemo ?? false,
      now: ctx.now(),
    });
    await rides.joinCrew(t, crewId, [car.driverId, ...car.passengerIds]);
    await audit(t, ctx, 'entraide/crew-proposed', { subjectType: 'entraide_crew', subjectId: crewId, details: { families: car.passengerIds.length + 1 } });
    formed++;
  }
  return formed;
}

async function myRide(ctx: Ctx, t: Queryable, rideId: string) {
  const me = await requireFamily(ctx);
  const peek = await rides.getRide(t, rideId);
  if (!peek || peek.householdId !== me.householdId || peek.status !== 'open') throw notFound();
  return { me, peek };
}

/** The family confirms the crew proposed to it; when every family confirmed, the crew is confirmed (contacts shown). */
export async function confirmRide(ctx: Ctx, rideId: string): Promise<{ ok: true }> {
  return tx(ctx.db, async (t) => {
    const { me, peek } = await myRide(ctx, t, rideId);
    if (!peek.crewId) throw new AppError('entraide/no-crew');
    const crew = await rides.getCrew(t, peek.crewId, { lock: true });
    const ride = await rides.getRide(t, rideId, { lock: true });
    if (!crew || !ride || ride.crewId !== crew.id) throw new AppError('entraide/no-crew');
    await rides.setConfirmed(t, ride.id);
    const members = await rides.crewRides(t, crew.id);
    if (members.every((m) => m.confirmed)) await rides.setCrewStatus(t, crew.id, 'confirmed');
    await audit(t, ctx, 'entraide/ride-confirmed', {
      householdId: me.householdId,
      subjectType: 'entraide_ride',
      subjectId: ride.id,
      details: { crewId: crew.id },
    });
    return { ok: true as const };
  });
}

/**
 * The family leaves its crew (not proposed again with these families) or cancels its
 * registration. Without its driver, or without any passenger left, the crew is dissolved
 * and its families wait for a new match — made at once.
 */
export async function leaveRide(ctx: Ctx, rideId: string, mode: 'decline' | 'cancel'): Promise<{ ok: true }> {
  const first = (await myRide(ctx, ctx.db, rideId)).peek;
  return underActivityLock(ctx, first.serviceId, first.weekday, [], async (t, distances) => {
    const { me, peek } = await myRide(ctx, t, rideId);
    if (mode === 'decline' && !peek.crewId) throw new AppError('entraide/no-crew');
    const ride = await rides.getRide(t, rideId, { lock: true });
    if (!ride || ride.status !== 'open') throw notFound();
    if (ride.crewId) {
      const crew = (await rides.getCrew(t, ride.crewId, { lock: true }))!;
      const members = await rides.crewRides(t, crew.id);
      const others = members.filter((m) => m.id !== ride.id);
      if (mode === 'decline')
        await rides.addDeclines(
          t,
          ride.id,
          others.map((m) => m.householdId),
        );
      const passengersLeft = others.filter((m) => m.id !== crew.driverRideId);
      if (ride.id === crew.driverRideId || passengersLeft.length === 0) {
        await rides.leaveCrew(
          t,
          members.map((m) => m.id),
        );
        await rides.setCrewStatus(t, crew.id, 'dissolved');
      } else {
        await rides.leaveCrew(t, [ride.id]);
        if (others.every((m) => m.confirmed)) await rides.setCrewStatus(t, crew.id, 'confirmed');
      }
    }
    if (mode === 'cancel') await rides.leaveCrew(t, [ride.id], { cancel: true });
    await audit(t, ctx, mode === 'cancel' ? 'entraide/ride-cancelled' : 'entraide/ride-declined', {
      householdId: me.householdId,
      subjectType: 'entraide_ride',
      subjectId: ride.id,
    });
    await matchWaiting(t, ctx, ride.serviceId, ride.weekday, distances.dist);
    return { ok: true as const };
  });
}

/** My registrations: waiting, proposed (the crew, anonymous) or confirmed (first names, phones, the rota). */
export async function myRides(ctx: Ctx) {
  const me = await requireFamily(ctx);
  const today = parisDate(ctx.now());
  const list = await rides.ridesOf(ctx.db, me.householdId);
  const out = [];
  for (const r of list) {
    const crew = r.crewId ? await rides.getCrew(ctx.db, r.crewId) : null;
    // The driver first, then the passengers in order of registration.
    const members = crew
      ? (await rides.crewRides(ctx.db, crew.id)).sort((x, y) => Number(y.id === crew.driverRideId) - Number(x.id === crew.driverRideId))
      : [];
    const confirmed = crew?.status === 'confirmed';
    let k = 1;
    const view: {
      householdId: string;
      label: string;
      number: number | null;
      mine: boolean;
      drives: boolean;
      children: number;
      confirmed: boolean;
      contact: { firstName: string | null; phone: string | null } | null;
    }[] = [];
    for (const m of members) {
      const mine = m.householdId === me.householdId;
      let contact: { firstName: string | null; phone: string | null } | null = null;
      if (confirmed && !mine) {
        const h = await readHouseholdAsSystem(ctx.db, m.householdId, ctx.now());
        contact = h ? { firstName: h.parent.firstName, phone: h.parent.phone } : null;
      }
      const number = mine || contact?.firstName ? null : ++k;
      view.push({
        householdId: m.householdId,
        label: mine ? 'Votre famille' : contact?.firstName ? `Famille de ${contact.firstName}` : `Famille ${number}`,
        number,
        mine,
        drives: crew?.driverRideId === m.id,
        children: m.children,
        confirmed: m.confirmed,
        contact,
      });
    }
    let rota: { date: string; driver: string | null; driverIndex: number | null }[] = [];
    if (crew && members.length) {
      const from = members.reduce((d, m) => (m.fromDay > d ? m.fromDay : d), members[0]!.fromDay);
      const to = members.reduce((d, m) => (m.toDay < d ? m.toDay : d), members[0]!.toDay);
      const dates = occurrences(from, to, r.weekday, daysWithoutRides(ctx.town.schoolZone, from, to));
      const entries = buildRota(
        members.map((m) => ({ householdId: m.householdId, canDrive: m.canDrive && m.role !== 'passenger', custody: m.custody })),
        dates,
      );
      rota = entries
        .filter((e) => e.date >= today)
        .slice(0, ROTA_SHOWN)
        .map((e) => {
          const at = e.driverId ? view.findIndex((v) => v.householdId === e.driverId) : -1;
          return { date: e.date, driver: at >= 0 ? view[at]!.label : null, driverIndex: at >= 0 ? at : null };
        });
    }
    out.push({
      id: r.id,
      placeLabel: r.placeLabel,
      weekday: r.weekday,
      arriveAt: r.arriveAt,
      fromDay: r.fromDay,
      toDay: r.toDay,
      role: r.role,
      children: r.children,
      seats: r.seats,
      detourPercent: r.detourPercent,
      custody: r.custody,
      state: !crew ? ('waiting' as const) : confirmed ? ('confirmed' as const) : ('proposed' as const),
      iConfirmed: r.confirmed,
      crew: crew
        ? {
            iDrive: crew.driverRideId === r.id,
            routeKm: Math.round(crew.routeKm * 10) / 10,
            detourPercent: crew.directKm > 0 ? Math.round((100 * (crew.routeKm - crew.directKm)) / crew.directKm) : 0,
            members: view.map(({ householdId: _h, ...v }) => v),
            rota,
          }
        : null,
    });
  }
  return { rides: out, holidaysZone: schoolHolidays(ctx.town.schoolZone).zone, roadDistances: Boolean(ctx.config.ROUTING_URL) };
}
