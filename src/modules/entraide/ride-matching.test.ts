import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DETOUR_LIMIT,
  detourOf,
  extendCar,
  groupByPlaceAndTime,
  haversineKm,
  matchRides,
  ROAD_FACTOR,
  roadKm,
  type RideRequest,
} from './ride-matching';

// Amiens-ish coordinates: a club at the centre, homes around (1° lat ≈ 111 km).
const club = { lat: 49.894, lon: 2.2957 };
const km = (dLatKm: number, dLonKm = 0) => ({ lat: club.lat + dLatKm / 111.2, lon: club.lon + dLonKm / (111.2 * Math.cos((club.lat * Math.PI) / 180)) });

let n = 0;
function req(p: Partial<RideRequest> & { home: RideRequest['home'] }): RideRequest {
  n++;
  return {
    id: `r${String(n).padStart(3, '0')}`,
    householdId: `h${n}`,
    placeId: 'club',
    destination: club,
    arriveAt: 14 * 60,
    role: 'passenger',
    children: 1,
    seats: 0,
    canDrive: false,
    ...p,
  };
}
const driver = (p: Partial<RideRequest> & { home: RideRequest['home'] }) => req({ role: 'driver', seats: 3, canDrive: true, ...p });

describe('distances', () => {
  it('haversine is about right and the road factor is published', () => {
    expect(haversineKm(club, km(10))).toBeCloseTo(10, 1);
    expect(roadKm(club, km(10))).toBeCloseTo(10 * ROAD_FACTOR, 1);
    expect(haversineKm(club, club)).toBe(0);
  });
});

describe('matching', () => {
  it('matches a passenger on the way', () => {
    const d = driver({ home: km(10) });
    const p = req({ home: km(6) });
    const r = matchRides([d, p]);
    expect(r.cars).toEqual([expect.objectContaining({ driverId: d.id, passengerIds: [p.id] })]);
    expect(r.unmatched).toEqual([]);
  });
  it('refuses a detour over the driver limit (default 25 %)', () => {
    const d = driver({ home: km(10) });
    const far = req({ home: km(10, 4) }); // ≈ 10.8 + 4 → detour ≈ 40 %
    expect(matchRides([d, far]).cars).toEqual([]);
    expect(DEFAULT_DETOUR_LIMIT).toBe(0.25);
  });
  it('accepts that detour when the driver sets a larger limit', () => {
    const d = driver({ home: km(10), detourLimit: 0.5 });
    const far = req({ home: km(10, 4) });
    const car = matchRides([d, far]).cars[0]!;
    expect(car.passengerIds).toEqual([far.id]);
    expect(detourOf(car)).toBeLessThanOrEqual(0.5);
    expect(detourOf(car)).toBeGreaterThan(0.25);
  });
  it('never matches other places or times outside the 15-minute margin', () => {
    const d = driver({ home: km(10) });
    const other = req({ home: km(6), placeId: 'pool', destination: km(0, 1) });
    const late = req({ home: km(6), arriveAt: 14 * 60 + 16 });
    expect(matchRides([d, other, late]).cars).toEqual([]);
    const onTime = req({ home: km(6), arriveAt: 14 * 60 + 15 });
    expect(matchRides([d, onTime]).cars).toHaveLength(1);
  });
  it('fills up to the seats, counted in children', () => {
    const d = driver({ home: km(10), seats: 3 });
    const a = req({ home: km(8), children: 2 });
    const b = req({ home: km(7), children: 2 });
    const c = req({ home: km(6), children: 1 });
    const car = matchRides([d, a, b, c]).cars[0]!;
    const kids = car.passengerIds.map((id) => [a, b, c].find((x) => x.id === id)!.children).reduce((s, x) => s + x, 0);
    expect(kids).toBeLessThanOrEqual(3);
    expect(car.passengerIds).toHaveLength(2);
  });
  it('orders pick-ups along the route', () => {
    const d = driver({ home: km(10) });
    const near = req({ home: km(3) });
    const mid = req({ home: km(7) });
    expect(matchRides([d, near, mid]).cars[0]!.passengerIds).toEqual([mid.id, near.id]);
  });
  it('minors and families without a licence never drive', () => {
    const minor = req({ home: km(10), role: 'driver', seats: 3, canDrive: false });
    const p = req({ home: km(6) });
    const r = matchRides([minor, p]);
    expect(r.cars).toEqual([]);
    expect(r.unmatched.sort()).toEqual([minor.id, p.id].sort());
  });
  it('a family never rides with itself, and an incompatible pair (a block) is never in one car', () => {
    const d = driver({ home: km(10), householdId: 'same' });
    const p = req({ home: km(6), householdId: 'same' });
    expect(matchRides([d, p]).cars).toEqual([]);
    const d2 = driver({ home: km(10) });
    const p2 = req({ home: km(6) });
    const blocked = new Set([`${d2.householdId}|${p2.householdId}`]);
    const compatible = (a: RideRequest, b: RideRequest) =>
      !blocked.has(`${a.householdId}|${b.householdId}`) && !blocked.has(`${b.householdId}|${a.householdId}`);
    expect(matchRides([d2, p2], { compatible }).cars).toEqual([]);
  });
  it('"either" families drive by rota: the one who drove least drives', () => {
    const a = req({ home: km(10), role: 'either', seats: 3, canDrive: true, drives: 3 });
    const b = req({ home: km(10.5), role: 'either', seats: 3, canDrive: true, drives: 1 });
    const car = matchRides([a, b]).cars[0]!;
    expect(car.driverId).toBe(b.id);
    expect(car.passengerIds).toEqual([a.id]);
  });
  it('on equal drives, the oldest last drive drives', () => {
    const a = req({ home: km(10), role: 'either', seats: 3, canDrive: true, drives: 1, lastDroveAt: 100 });
    const b = req({ home: km(10.2), role: 'either', seats: 3, canDrive: true, drives: 1, lastDroveAt: 50 });
    expect(matchRides([a, b]).cars[0]!.driverId).toBe(b.id);
  });
  it('a driver with nobody to take is unmatched, and is deterministic', () => {
    const d = driver({ home: km(10) });
    const r1 = matchRides([d]);
    expect(r1.unmatched).toEqual([d.id]);
    const reqs = [driver({ home: km(9) }), req({ home: km(5) }), req({ home: km(6) }), driver({ home: km(8) })];
    expect(matchRides(reqs)).toEqual(matchRides([...reqs].reverse()));
  });
  it('every car respects its limit (random cases)', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const reqs: RideRequest[] = [];
    for (let i = 0; i < 300; i++) {
      const role = rnd() < 0.3 ? 'driver' : rnd() < 0.5 ? 'either' : 'passenger';
      reqs.push(
        req({
          home: km(rnd() * 20 - 10, rnd() * 20 - 10),
          role,
          seats: role === 'passenger' ? 0 : 1 + Math.floor(rnd() * 4),
          canDrive: role !== 'passenger',
          children: 1 + Math.floor(rnd() * 2),
          arriveAt: 840 + Math.floor(rnd() * 40),
        }),
      );
    }
    const r = matchRides(reqs);
    const byId = new Map(reqs.map((x) => [x.id, x]));
    const seen = new Set<string>();
    for (const car of r.cars) {
      const d = byId.get(car.driverId)!;
      expect(detourOf(car)).toBeLessThanOrEqual((d.detourLimit ?? 0.25) + 1e-9);
      expect(car.passengerIds.reduce((s, id) => s + byId.get(id)!.children, 0)).toBeLessThanOrEqual(d.seats);
      expect(d.canDrive).toBe(true);
      for (const id of [car.driverId, ...car.passengerIds]) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
        expect(Math.abs(byId.get(id)!.arriveAt - d.arriveAt)).toBeLessThanOrEqual(15);
      }
    }
    expect(seen.size + r.unmatched.length).toBe(reqs.length);
  });
});

describe('groupByPlaceAndTime', () => {
  it('splits a place by arrival windows of 15 minutes', () => {
    const a = req({ home: km(1), arriveAt: 600 });
    const b = req({ home: km(1), arriveAt: 610 });
    const c = req({ home: km(1), arriveAt: 620 });
    expect(groupByPlaceAndTime([c, a, b]).map((g) => g.map((x) => x.id))).toEqual([[a.id, b.id], [c.id]]);
  });
});

describe('a car formed earlier takes newcomers', () => {
  it('fills its free seats within the detour limit and the time margin, keeping those aboard', () => {
    const d = driver({ home: km(10), seats: 2 });
    const aboard = req({ home: km(8) });
    const onTheWay = req({ home: km(5) });
    const late = req({ home: km(4), arriveAt: 14 * 60 + 30 });
    const farAway = req({ home: km(0, 9) });
    const another = req({ home: km(3) });
    const r = extendCar(d, [aboard], [farAway, late, onTheWay, another]);
    // One seat left: the cheapest newcomer on the way (both on the way cost nothing; by id).
    expect(r.added).toEqual([onTheWay.id]);
    expect(r.routeKm).toBeCloseTo(roadKm(km(10), club), 6);
  });

  it('takes nobody when the seats are taken or the detour would pass the limit', () => {
    const d = driver({ home: km(10), seats: 1 });
    expect(extendCar(d, [req({ home: km(8) })], [req({ home: km(5) })]).added).toEqual([]);
    const d2 = driver({ home: km(10), seats: 3, detourLimit: 0.1 });
    expect(extendCar(d2, [], [req({ home: km(5, 4) })]).added).toEqual([]);
  });
});
