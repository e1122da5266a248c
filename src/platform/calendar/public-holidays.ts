/**
 * Public holidays (jours fériés), pure: the fixed days and the movable feasts, the latter
 * counted in days from Easter Sunday (Gregorian computus, Meeus/Jones/Butcher). Which
 * days are holidays is the town's data (rules/entraide/jours-feries.json).
 */
export type PublicHolidayRules = {
  fixed: readonly { label: string; month: number; day: number }[];
  easterOffsets: readonly { label: string; days: number }[];
};
export type DayOff = { label: string; from: string; to: string };

const iso = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** Easter Sunday of a Gregorian year, as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The public holidays between `from` and `to` (inclusive), each a one-day period, by date. */
export function publicHolidays(rules: PublicHolidayRules, from: string, to: string): DayOff[] {
  const out: DayOff[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const [ey, em, ed] = easterSunday(year).split('-').map(Number) as [number, number, number];
    for (const f of rules.fixed) out.push({ label: f.label, from: iso(year, f.month, f.day), to: iso(year, f.month, f.day) });
    for (const o of rules.easterOffsets) {
      const day = iso(ey, em, ed + o.days);
      out.push({ label: o.label, from: day, to: day });
    }
  }
  return out.filter((h) => h.from >= from && h.from <= to).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
