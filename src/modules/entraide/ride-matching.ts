/**
 * Covoiturage to children's activities: who drives whom (pure, no I/O).
 *
 * Published rules:
 * - Distances are straight-line (haversine) × ROAD_FACTOR when no routing service is
 *   configured — the factor is published with every result.
 * - Families match when they go to the same activity place and arrive within
 *   TIME_MARGIN_MINUTES of each other (Mobicoop's 15-minute margin).
 * - A driver's route is home → passengers' homes → activity; its length may exceed the
 *   driver's own trip by at most the driver's detour limit (default 25 %, as Mobicoop).
 * - A car takes at most the seats its driver offers, counted in children.
 * - Only an adult with a licence drives (`canDrive`); minors never drive.
 * - Fairness: families who may drive or ride ("either") drive in turn — the one who has
 *   driven least so far drives first (then the one whose last drive is oldest, then by id).
 * - Grouping is greedy by cheapest insertion: each driver in rota order takes the waiting
 *   passenger whose pick-up adds the least distance, while the detour and seats allow.
 */

export const ROAD_FACTOR = 1.3;
export const DEFAULT_DETOUR_LIMIT = 0.25;
export const TIME_MARGIN_MINUTES = 15;
const EARTH_KM = 6371.0088;

export type Point = { lat: number; lon: number };
export type RideRole = 'driver' | 'passenger' | 'either';

export type RideRequest = {
  id: string;
  householdId: string;
  /** Activity place (same id = same place). */
  placeId: string;
  destination: Point;
  home: Point;
  /** Arrival wanted, minutes since the epoch (or any common origin). */
  arriveAt: number;
  role: RideRole;
  /** Children to carry (passenger side). */
  children: number;
  /** Free seats when driving (children). */
  seats: number;
  /** Adult with a licence: only then may this family drive. */
  canDrive: boolean;
  /** Driver's own limit, fraction of its trip (0.25 = 25 %). */
  detourLimit?: number;
  /** Drives done so far in this activity's rota, and the last one (for fairness). */
  drives?: number;
  lastDroveAt?: number;
};

export type Car = {
  driverId: string;
  passengerIds: string[];
  /** Route length, km (with the factor), and the driver's own trip. */
  routeKm: number;
  directKm: number;
};

export type MatchResult = {
  cars: Car[];
  unmatched: string[];
  roadFactor: number;
};

export type DistanceFn = (a: Point, b: Point) => number;

/** Great-circle distance in km (haversine). */
export function haversineKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Road distance estimate when no routing service is configured. */
export function roadKm(a: Point, b: Point): number {
  return haversineKm(a, b) * ROAD_FACTOR;
}

function rotaOrder(a: RideRequest, b: RideRequest): number {
  const da = a.drives ?? 0;
  const db = b.drives ?? 0;
  if (da !== db) return da - db;
  const la = a.lastDroveAt ?? -Infinity;
  const lb = b.lastDroveAt ?? -Infinity;
  if (la !== lb) return la < lb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Groups of requests that may share a car: same place, arrivals within the margin (chained in order of arrival, each group spanning at most the margin). */
export function groupByPlaceAndTime(requests: readonly RideRequest[], margin = TIME_MARGIN_MINUTES): RideRequest[][] {
  const byPlace = new Map<string, RideRequest[]>();
  for (const r of requests) {
    const list = byPlace.get(r.placeId);
    if (list) list.push(r);
    else byPlace.set(r.placeId, [r]);
  }
  const groups: RideRequest[][] = [];
  for (const list of byPlace.values()) {
    list.sort((a, b) => a.arriveAt - b.arriveAt || (a.id < b.id ? -1 : 1));
    let current: RideRequest[] = [];
    for (const r of list) {
      if (current.length && r.arriveAt - current[0]!.arriveAt > margin) {
        groups.push(current);
        current = [];
      }
      current.push(r);
    }
    if (current.length) groups.push(current);
  }
  return groups;
}

/** May these two families share a car (a block works both ways; the caller decides). */
export type Compatible = (a: RideRequest, b: RideRequest) => boolean;

/**
 * Fill one car by cheapest insertion; returns the passengers taken (in route order) and the
 * route length. `aboard` are passengers already in the car (a crew formed earlier): placed
 * first at their cheapest places, they keep their seats whatever the detour.
 */
function fillCar(
  driver: RideRequest,
  waiting: RideRequest[],
  dist: DistanceFn,
  compatible: Compatible,
  aboard: readonly RideRequest[] = [],
): { taken: RideRequest[]; added: RideRequest[]; routeKm: number; directKm: number } {
  const directKm = dist(driver.home, driver.destination);
  const maxKm = directKm * (1 + (driver.detourLimit ?? DEFAULT_DETOUR_LIMIT)) + 1e-9;
  const route: Point[] = [driver.home, driver.destination];
  const taken: RideRequest[] = [];
  const added: RideRequest[] = [];
  const stops: RideRequest[] = []; // the passengers in pick-up order (route[1..-1])
  let length = directKm;
  let seatsLeft = driver.seats;
  const cheapest = (p: RideRequest) => {
    let best: { at: number; added: number } | null = null;
    for (let at = 1; at < route.length; at++) {
      const extra = dist(route[at - 1]!, p.home) + dist(p.home, route[at]!) - dist(route[at - 1]!, route[at]!);
      if (!best || extra < best.added - 1e-12) best = { at, added: extra };
    }
    return best!;
  };
  const place = (p: RideRequest, at: number, extra: number) => {
    route.splice(at, 0, p.home);
    stops.splice(at - 1, 0, p);
    length += extra;
    seatsLeft -= p.children;
    taken.push(p);
  };
  for (const p of aboard) {
    const c = cheapest(p);
    place(p, c.at, c.added);
  }
  while (seatsLeft > 0) {
    let best: { p: RideRequest; at: number; added: number } | null = null;
    for (const p of waiting) {
      if (p.children > seatsLeft || taken.includes(p) || p.householdId === driver.householdId) continue;
      if (!compatible(driver, p) || taken.some((q) => !compatible(q, p))) continue;
      for (let at = 1; at < route.length; at++) {
        const extra = dist(route[at - 1]!, p.home) + dist(p.home, route[at]!) - dist(route[at - 1]!, route[at]!);
        if (length + extra <= maxKm && (!best || extra < best.added - 1e-12 || (Math.abs(extra - best.added) <= 1e-12 && p.id < best.p.id)))
          best = { p, at, added: extra };
      }
    }
    if (!best) break;
    place(best.p, best.at, best.added);
    added.push(best.p);
  }
  return { taken: stops, added, routeKm: length, directKm };
}

/**
 * A car formed earlier takes more passengers: those waiting for the same place who arrive
 * within the margin of its driver, while its seats and the driver's detour limit allow.
 */
export function extendCar(
  driver: RideRequest,
  aboard: readonly RideRequest[],
  waiting: readonly RideRequest[],
  opts: { dist?: DistanceFn; compatible?: Compatible; margin?: number } = {},
): { added: string[]; routeKm: number; directKm: number } {
  const margin = opts.margin ?? TIME_MARGIN_MINUTES;
  const riders = waiting.filter(
    (r) =>
      r.placeId === driver.placeId &&
      Math.abs(r.arriveAt - driver.arriveAt) <= margin &&
      r.children > 0 &&
      (r.role !== 'driver' || !r.canDrive || r.seats <= 0),
  );
  const { added, routeKm, directKm } = fillCar(driver, riders, opts.dist ?? roadKm, opts.compatible ?? (() => true), aboard);
  return { added: added.map((p) => p.id), routeKm, directKm };
}

/** Match one group (same place and time). */
export function matchGroup(group: readonly RideRequest[], opts: { dist?: DistanceFn; compatible?: Compatible } = {}): Car[] {
  const dist = opts.dist ?? roadKm;
  const compatible = opts.compatible ?? (() => true);
  const cars: Car[] = [];
  const assigned = new Set<string>();
  const canDrive = (r: RideRequest) => r.canDrive && r.seats > 0;
  const drivers = group.filter((r) => r.role === 'driver' && canDrive(r)).sort(rotaOrder);
  const flexible = group.filter((r) => r.role === 'either' && canDrive(r)).sort(rotaOrder);
  // A declared driver who cannot drive (no licence, a minor) rides instead.
  const riders = () => group.filter((r) => !assigned.has(r.id) && (r.role !== 'driver' || !canDrive(r)) && r.children > 0);
  for (const d of [...drivers, ...flexible]) {
    if (assigned.has(d.id)) continue;
    const waiting = riders().filter((r) => r.id !== d.id);
    if (!waiting.length) break;
    const { taken, routeKm, directKm } = fillCar(d, waiting, dist, compatible);
    if (!taken.length) continue;
    assigned.add(d.id);
    for (const p of taken) assigned.add(p.id);
    cars.push({ driverId: d.id, passengerIds: taken.map((p) => p.id), routeKm, directKm });
  }
  return cars;
}

/** Match every request: cars per place and time, and who is left without one. */
export function matchRides(requests: readonly RideRequest[], opts: { dist?: DistanceFn; compatible?: Compatible } = {}): MatchResult {
  const cars: Car[] = [];
  for (const g of groupByPlaceAndTime(requests)) cars.push(...matchGroup(g, opts));
  const matched = new Set<string>();
  for (const c of cars) {
    matched.add(c.driverId);
    for (const p of c.passengerIds) matched.add(p);
  }
  return { cars, unmatched: requests.filter((r) => !matched.has(r.id)).map((r) => r.id), roadFactor: ROAD_FACTOR };
}

/** Detour of a car, as a fraction of the driver's own trip. */
export function detourOf(car: Car): number {
  return car.directKm === 0 ? (car.routeKm === 0 ? 0 : Infinity) : car.routeKm / car.directKm - 1;
}
