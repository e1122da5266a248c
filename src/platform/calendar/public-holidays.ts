/**
 * Public holidays (jours fériés, code du travail art. L3133-1): the fixed days and the
 * movable feasts, the latter counted in days from Easter Sunday (Gregorian computus,
 * Meeus/Jones/Butcher). Which days are holidays is the town's data
 * (rules/town/jours-feries.json: Alsace-Moselle adds two). Rendezvous offers no slot on
 * them; the entraide's recurring rides skip them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

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

const PUBLIC_HOLIDAYS_FILE = path.resolve(import.meta.dirname, '../../../rules/town/jours-feries.json');

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const label = z.string().min(1);
const publicHolidaysSchema = z.object({
  checkedOn: isoDay,
  sources: z.array(z.string().min(1)).min(1),
  fixed: z.array(z.object({ label, month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })).min(1),
  easterOffsets: z.array(z.object({ label, days: z.number().int().min(-60).max(60) })),
});

let rules: PublicHolidayRules | null = null;

/** The town's public holidays from `from` to `to` (YYYY-MM-DD, inclusive), by date; the file is read once, validated. */
export function townPublicHolidays(from: string, to: string): DayOff[] {
  rules ??= publicHolidaysSchema.parse(JSON.parse(fs.readFileSync(PUBLIC_HOLIDAYS_FILE, 'utf8')));
  return publicHolidays(rules, from, to);
}
