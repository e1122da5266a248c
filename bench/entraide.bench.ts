/**
 * Entraide figures (pure, one core):
 * - entraide_ride_match_ms / entraide_ride_matched_share: 10,000 ride requests over 500
 *   activities around Amiens (homes within 8 km, arrivals within 30 minutes of the
 *   activity's start, 40 % drivers, 25 % either, 35 % passengers; seeded generator) matched
 *   with the published rules (straight line × road factor, detour ≤ 25 %, 15-minute margin);
 * - entraide_coop_split_year_ms: the cost split of 1,000 cooperatives (2–4 families,
 *   some in alternating custody) over 52 weeks, month by month, checked to sum to the total.
 */
import { splitWeeks, minutesInWeek, type CustodyWeeks } from '../src/modules/entraide/cost-split';
import { matchRides, type RideRequest } from '../src/modules/entraide/ride-matching';
import type { Report } from './harness';

function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function rides(report: Report): void {
  const rnd = generator(2026);
  const centre = { lat: 49.894, lon: 2.2957 };
  const offset = (km: number) => ({ lat: centre.lat + ((rnd() * 2 - 1) * km) / 111.2, lon: centre.lon + ((rnd() * 2 - 1) * km) / 72 });
  const activities = Array.from({ length: 500 }, (_, i) => ({ id: `a${i}`, place: offset(6), start: 8 * 60 + Math.floor(rnd() * 10) * 60 }));
  const requests: RideRequest[] = [];
  for (let i = 0; i < 10_000; i++) {
    const a = activities[Math.floor(rnd() * activities.length)]!;
    const x = rnd();
    const role = x < 0.4 ? 'driver' : x < 0.65 ? 'either' : 'passenger';
    requests.push({
      id: `r${i}`,
      householdId: `h${i}`,
      placeId: a.id,
      destination: a.place,
      home: offset(8),
      arriveAt: a.start - Math.floor(rnd() * 30),
      role,
      children: 1 + Math.floor(rnd() * 2),
      seats: role === 'passenger' ? 0 : 2 + Math.floor(rnd() * 3),
      canDrive: role !== 'passenger',
    });
  }
  const t0 = performance.now();
  const r = matchRides(requests);
  const ms = performance.now() - t0;
  report('entraide_ride_match_ms', ms, 'ms (10000 requests, 500 activities)');
  report('entraide_ride_matched_share', (100 * (requests.length - r.unmatched.length)) / requests.length, '% of requests in a car');
  report('entraide_ride_cars', r.cars.length, 'cars');
}

function coops(report: Report): void {
  const rnd = generator(16);
  const mondays: string[] = [];
  for (let w = 0; w < 52; w++) mondays.push(new Date(Date.UTC(2026, 0, 5 + 7 * w)).toISOString().slice(0, 10));
  const coopsList = Array.from({ length: 1000 }, (_, c) => {
    const n = 2 + Math.floor(rnd() * 3);
    return {
      rateCents: 1100 + Math.floor(rnd() * 600), // the childminder's hourly cost, employer charges included
      plans: Array.from({ length: n }, (_, f) => ({
        familyId: `c${c}f${f}`,
        minutesPerWeek: 60 * (4 + Math.floor(rnd() * 20)),
        custody: (['all', 'even', 'odd'] as CustodyWeeks[])[Math.floor(rnd() * 3)]!,
      })),
    };
  });
  const t0 = performance.now();
  let shares = 0;
  for (const coop of coopsList) {
    const byMonth = new Map<string, { costCents: number; usages: { familyId: string; minutes: number }[] }[]>();
    for (const monday of mondays) {
      const usages = coop.plans.map((p) => ({ familyId: p.familyId, minutes: minutesInWeek(p, monday) }));
      // The childminder works the longest family's hours that week (shared hours).
      const hours = Math.max(...usages.map((u) => u.minutes)) / 60;
      const week = { costCents: Math.round(hours * coop.rateCents), usages };
      const month = monday.slice(0, 7);
      const list = byMonth.get(month);
      if (list) list.push(week);
      else byMonth.set(month, [week]);
    }
    for (const weeks of byMonth.values()) {
      if (weeks.every((w) => w.costCents === 0)) continue;
      const r = splitWeeks(weeks);
      if (r.shares.reduce((s, x) => s + x.cents, 0) !== r.totalCents) throw new Error('split does not sum to the total');
      shares += r.shares.length;
    }
  }
  report('entraide_coop_split_year_ms', performance.now() - t0, 'ms (1000 cooperatives × 12 months)');
  report('entraide_coop_shares', shares, 'monthly shares computed');
}

export default async function run(report: Report): Promise<void> {
  rides(report);
  coops(report);
}
