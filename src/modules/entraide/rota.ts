/**
 * A recurring ride's rota (pure): the dates it runs, following the school calendar and
 * alternating custody weeks, and who drives each date so driving is shared fairly.
 *
 * Published rule: on each date, among the crew's families who have the children that week
 * and can drive, the one who has driven least so far drives; on a tie, the one whose last
 * drive is oldest; then by identifier.
 */
import { isoWeek, type CustodyWeeks } from './cost-split';

export type CrewMember = { householdId: string; canDrive: boolean; custody: CustodyWeeks; drives?: number };
export type RotaEntry = { date: string; driverId: string | null; riders: string[] };

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 Sunday … 3 Wednesday
}

function mondayOf(day: string): string {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/** The dates from `from` to `to` (inclusive) on `weekdayIndex` (0 = Sunday, 3 = Wednesday) outside the school holidays. */
export function occurrences(from: string, to: string, weekdayIndex: number, holidays: ReadonlyArray<{ from: string; to: string }> = []): string[] {
  const out: string[] = [];
  let day = addDays(from, (weekdayIndex - weekday(from) + 7) % 7);
  while (day <= to) {
    if (!holidays.some((h) => day >= h.from && day <= h.to)) out.push(day);
    day = addDays(day, 7);
  }
  return out;
}

/** Does the family have its children on that date (alternating custody by ISO week parity). */
export function present(member: CrewMember, date: string): boolean {
  if (member.custody === 'all') return true;
  return (isoWeek(mondayOf(date)) % 2 === 0) === (member.custody === 'even');
}

export function buildRota(crew: readonly CrewMember[], dates: readonly string[]): RotaEntry[] {
  const drives = new Map(crew.map((m) => [m.householdId, m.drives ?? 0]));
  const last = new Map<string, number>();
  return dates.map((date, i) => {
    const here = crew.filter((m) => present(m, date));
    const candidates = here
      .filter((m) => m.canDrive)
      .sort((a, b) => {
        const d = drives.get(a.householdId)! - drives.get(b.householdId)!;
        if (d) return d;
        const la = last.get(a.householdId) ?? -1;
        const lb = last.get(b.householdId) ?? -1;
        if (la !== lb) return la - lb;
        return a.householdId < b.householdId ? -1 : 1;
      });
    const driver = candidates[0] ?? null;
    if (driver) {
      drives.set(driver.householdId, drives.get(driver.householdId)! + 1);
      last.set(driver.householdId, i);
    }
    return { date, driverId: driver?.householdId ?? null, riders: here.filter((m) => m !== driver).map((m) => m.householdId) };
  });
}
