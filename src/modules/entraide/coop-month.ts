/**
 * A cooperative's month (pure). Published rules:
 * - the month's weeks are those whose Monday falls in the month;
 * - each family's minutes in a week are its week-by-week entry if any, else its pattern
 *   (every week, or only even/odd ISO weeks in alternating custody);
 * - the children are cared for together, so the childminder works, each week, as long as
 *   the family that needs the most minutes;
 * - the month's cost is those minutes × the hourly cost, rounded to the nearest cent once;
 * - the cost is split by each family's minutes in the month (cost-split.ts, largest remainder).
 */
import { minutesInWeek, splitCost, type CustodyWeeks, type Share } from './cost-split';

export type CoopMember = { householdId: string; minutesPerWeek: number; custody: CustodyWeeks };
export type WeekEntry = { householdId: string; monday: string; minutes: number };
export type MonthSplit = { month: string; mondays: string[]; childminderMinutes: number; totalCents: number; shares: Share[] };

/** The Mondays of a month `YYYY-MM`. */
export function mondaysOf(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1) break;
    if (date.getUTCDay() === 1) out.push(date.toISOString().slice(0, 10));
  }
  return out;
}

export function monthSplit(month: string, hourlyCostCents: number, members: readonly CoopMember[], entries: readonly WeekEntry[]): MonthSplit {
  const mondays = mondaysOf(month);
  const byKey = new Map(entries.map((e) => [`${e.householdId}|${e.monday}`, e.minutes]));
  const totals = new Map(members.map((m) => [m.householdId, 0]));
  let childminderMinutes = 0;
  for (const monday of mondays) {
    let longest = 0;
    for (const m of members) {
      const minutes =
        byKey.get(`${m.householdId}|${monday}`) ?? minutesInWeek({ familyId: m.householdId, minutesPerWeek: m.minutesPerWeek, custody: m.custody }, monday);
      totals.set(m.householdId, totals.get(m.householdId)! + minutes);
      longest = Math.max(longest, minutes);
    }
    childminderMinutes += longest;
  }
  // Nearest cent, half up, in integers.
  const totalCents = Math.floor((childminderMinutes * hourlyCostCents + 30) / 60);
  const shares = splitCost(
    totalCents,
    [...totals].map(([familyId, minutes]) => ({ familyId, minutes })),
  );
  return { month, mondays, childminderMinutes, totalCents, shares };
}
