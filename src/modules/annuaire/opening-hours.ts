/**
 * Opening hours in OpenStreetMap syntax (data·inclusion's `horaires_accueil`), read in
 * Europe/Paris with French public holidays, whatever the process time zone.
 *
 * The `opening_hours` library reads a Date's local fields; we hand it "Paris wall-clock
 * as local" dates and convert its answers back to real instants.
 *
 * A week is also reduced to minutes-of-week intervals (Monday 00:00 = 0, Sunday 24:00 =
 * 10080) so the database can filter "open now / Saturday morning / after 18 h" in SQL.
 * Time ranges that carry only a comment ("sur rendez-vous") count as open.
 */
import OpeningHours from 'opening_hours';
import { parisInstant, parisParts } from '../../platform/clock';

const FRANCE = { lat: 49.894, lon: 2.2957, address: { country_code: 'fr', state: 'Hauts-de-France' } };

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** Minutes-of-week interval, start inclusive, end exclusive. */
export type WeekInterval = [number, number];

export const SATURDAY_MORNING: WeekInterval = [5 * MINUTES_PER_DAY + 8 * 60, 5 * MINUTES_PER_DAY + 12 * 60];
export const EVENING_START_MINUTE = 18 * 60;

export const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

const cache = new Map<string, OpeningHours | Error>();

function compile(value: string): OpeningHours | Error {
  let oh = cache.get(value);
  if (!oh) {
    try {
      oh = new OpeningHours(value, FRANCE);
    } catch (err) {
      oh = err instanceof Error ? err : new Error(String(err));
    }
    if (cache.size > 5000) cache.clear();
    cache.set(value, oh);
  }
  return oh;
}

/** French message when `value` is not valid OSM opening hours, else null. */
export function hoursError(value: string): string | null {
  if (value.trim() === '') return 'Horaires vides.';
  const oh = compile(value);
  if (oh instanceof Error) {
    return 'Horaires illisibles : format OpenStreetMap attendu (ex. « Mo-Fr 08:30-12:30; Sa 09:00-12:00 »).';
  }
  return null;
}

function get(value: string): OpeningHours {
  const oh = compile(value);
  if (oh instanceof Error) throw oh;
  return oh;
}

/** The instant as a Date whose local fields show Paris wall-clock time. */
function toWall(d: Date): Date {
  const p = parisParts(d);
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

function fromWall(d: Date): Date {
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return new Date(parisInstant(date, `${pad(d.getHours())}:${pad(d.getMinutes())}`).getTime() + d.getSeconds() * 1000);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function counts(state: boolean, unknown: boolean, comment: string | undefined): boolean {
  return state || (unknown && !!comment);
}

export function isOpenAt(value: string, at: Date): boolean {
  const oh = get(value);
  const wall = toWall(at);
  return counts(oh.getState(wall), oh.getUnknown(wall), oh.getComment(wall));
}

/** Open intervals (real instants) between two instants. */
export function openIntervals(value: string, from: Date, to: Date): { from: Date; to: Date; comment?: string }[] {
  const oh = get(value);
  return oh
    .getOpenIntervals(toWall(from), toWall(to))
    .filter(([, , unknown, comment]) => counts(!unknown, unknown, comment))
    .map(([a, b, , comment]) => ({ from: fromWall(a), to: fromWall(b), ...(comment ? { comment } : {}) }));
}

/** The next instant it opens, `at` itself when already open; null if not within `days`. */
export function nextOpening(value: string, at: Date, days = 14): Date | null {
  if (isOpenAt(value, at)) return at;
  const first = openIntervals(value, at, new Date(at.getTime() + days * 86_400_000))[0];
  return first ? first.from : null;
}

/** When it closes next if open at `at` (null if closed or not within `days`). */
export function nextClosing(value: string, at: Date, days = 8): Date | null {
  if (!isOpenAt(value, at)) return null;
  const until = new Date(at.getTime() + days * 86_400_000);
  const first = openIntervals(value, at, until)[0];
  // Still open at the end of the window: it does not close (24/7).
  return first && first.to.getTime() < until.getTime() ? first.to : null;
}

function isHoliday(oh: OpeningHours, wallDay: Date): boolean {
  return oh.getPublicHolidayContext(new Date(wallDay.getFullYear(), wallDay.getMonth(), wallDay.getDate(), 12)).isHoliday;
}

/**
 * The typical week from the week of `reference` (Paris): for each weekday, the first such
 * day within 8 weeks that is not a public holiday. Sorted, merged, within [0, 10080).
 */
const weekCache = new Map<string, WeekInterval[]>();

export function weeklyIntervals(value: string, reference: Date): WeekInterval[] {
  const p = parisParts(reference);
  const key = `${p.year}-${p.month}-${p.day}|${value}`;
  const hit = weekCache.get(key);
  if (hit) return hit.map(([a, b]) => [a, b]);
  const result = computeWeek(value, p);
  if (weekCache.size > 5000) weekCache.clear();
  weekCache.set(key, result);
  return result.map(([a, b]) => [a, b]);
}

function computeWeek(value: string, p: { year: number; month: number; day: number }): WeekInterval[] {
  const oh = get(value);
  const refWall = new Date(p.year, p.month - 1, p.day);
  const mondayOffset = (refWall.getDay() + 6) % 7;
  const out: WeekInterval[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    let day = new Date(refWall.getFullYear(), refWall.getMonth(), refWall.getDate() - mondayOffset + weekday);
    for (let k = 1; k < 8 && isHoliday(oh, day); k++) {
      day = new Date(refWall.getFullYear(), refWall.getMonth(), refWall.getDate() - mondayOffset + weekday + 7 * k);
    }
    const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    for (const [a, b, unknown, comment] of oh.getOpenIntervals(day, next)) {
      if (!counts(!unknown, unknown, comment)) continue;
      const start = a.getHours() * 60 + a.getMinutes();
      const end = b.getTime() >= next.getTime() ? MINUTES_PER_DAY : b.getHours() * 60 + b.getMinutes();
      if (end > start) out.push([weekday * MINUTES_PER_DAY + start, weekday * MINUTES_PER_DAY + end]);
    }
  }
  return mergeIntervals(out);
}

export function mergeIntervals(list: WeekInterval[]): WeekInterval[] {
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  const out: WeekInterval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Minute of the Paris week (Monday 00:00 = 0) of an instant. */
export function minuteOfWeek(at: Date): number {
  const p = parisParts(at);
  const weekday = (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
  return weekday * MINUTES_PER_DAY + p.hour * 60 + p.minute;
}

export function overlaps(intervals: readonly WeekInterval[], [a, b]: WeekInterval): boolean {
  return intervals.some(([x, y]) => x < b && a < y);
}

export function containsMinute(intervals: readonly WeekInterval[], minute: number): boolean {
  return intervals.some(([x, y]) => x <= minute && minute < y);
}

export function opensSaturdayMorning(intervals: readonly WeekInterval[]): boolean {
  return overlaps(intervals, SATURDAY_MORNING);
}

/** The evening windows (18:00–24:00 of each day). */
export function eveningWindows(): WeekInterval[] {
  return DAY_NAMES.map((_, d) => [d * MINUTES_PER_DAY + EVENING_START_MINUTE, (d + 1) * MINUTES_PER_DAY]);
}

export function opensAfter18(intervals: readonly WeekInterval[]): boolean {
  return eveningWindows().some((w) => overlaps(intervals, w));
}

function hhmm(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}h${pad(minuteOfDay % 60)}`;
}

/** French lines per weekday for a card: `{ day: 'samedi', text: '09h00–12h00' }`, "fermé" when closed. */
export function describeWeek(intervals: readonly WeekInterval[]): { day: string; text: string }[] {
  return DAY_NAMES.map((day, d) => {
    const start = d * MINUTES_PER_DAY;
    const parts = intervals
      .filter(([a, b]) => a < start + MINUTES_PER_DAY && b > start)
      .map(([a, b]) => `${hhmm(Math.max(a, start) - start)}–${hhmm(Math.min(b, start + MINUTES_PER_DAY) - start)}`);
    return { day, text: parts.length ? parts.join(', ') : 'fermé' };
  });
}

/** A short French phrase for a card: "Ouvert jusqu'à 12h00" / "Ouvre samedi à 09h00" / "Fermé". */
export function statusPhrase(value: string, at: Date): { open: boolean; text: string } {
  const closing = nextClosing(value, at);
  if (isOpenAt(value, at)) {
    return { open: true, text: closing ? `Ouvert maintenant, jusqu'à ${hhmmOf(closing)}` : 'Ouvert maintenant' };
  }
  const opening = nextOpening(value, at, 8);
  if (!opening) return { open: false, text: 'Fermé' };
  const sameDay = parisParts(opening).day === parisParts(at).day && opening.getTime() - at.getTime() < 86_400_000;
  const weekday = DAY_NAMES[Math.floor(minuteOfWeek(opening) / MINUTES_PER_DAY)];
  return { open: false, text: sameDay ? `Fermé, ouvre à ${hhmmOf(opening)}` : `Fermé, ouvre ${weekday} à ${hhmmOf(opening)}` };
}

function hhmmOf(d: Date): string {
  const p = parisParts(d);
  return hhmm(p.hour * 60 + p.minute);
}

let holidayRule: OpeningHours | null = null;
const holidayCache = new Map<string, boolean>();

/** Is this Paris day a French public holiday? */
export function isPublicHoliday(at: Date): boolean {
  const p = parisParts(at);
  const key = `${p.year}-${p.month}-${p.day}`;
  let v = holidayCache.get(key);
  if (v === undefined) {
    holidayRule ??= new OpeningHours('PH', FRANCE);
    v = holidayRule.getState(new Date(p.year, p.month - 1, p.day, 12));
    if (holidayCache.size > 1000) holidayCache.clear();
    holidayCache.set(key, v);
  }
  return v;
}

/**
 * Same answer as `statusPhrase`, computed from the (cached) typical week: the library
 * is only asked on public holidays, when the rules may say "PH off". Used for lists.
 */
export function quickStatus(value: string, at: Date): { open: boolean; text: string } {
  if (isPublicHoliday(at) || isPublicHoliday(new Date(at.getTime() + 86_400_000))) return statusPhrase(value, at);
  const week = weeklyIntervals(value, at);
  if (!week.length) return { open: false, text: 'Fermé' };
  if (week.length === 1 && week[0][0] === 0 && week[0][1] === MINUTES_PER_WEEK) return { open: true, text: 'Ouvert maintenant' };
  const m = minuteOfWeek(at);
  const current = week.find(([a, b]) => a <= m && m < b);
  if (current) {
    // A range ending at Sunday 24:00 may go on at Monday 00:00.
    let end = current[1];
    if (end === MINUTES_PER_WEEK && week[0][0] === 0) end = MINUTES_PER_WEEK + week[0][1];
    return { open: true, text: `Ouvert maintenant, jusqu'à ${hhmm(end % MINUTES_PER_DAY)}` };
  }
  const next = week.find(([a]) => a > m)?.[0] ?? week[0][0] + MINUTES_PER_WEEK;
  const sameDay = Math.floor(next / MINUTES_PER_DAY) === Math.floor(m / MINUTES_PER_DAY);
  const weekday = DAY_NAMES[Math.floor(next / MINUTES_PER_DAY) % 7];
  const time = hhmm(next % MINUTES_PER_DAY);
  return { open: false, text: sameDay ? `Fermé, ouvre à ${time}` : `Fermé, ouvre ${weekday} à ${time}` };
}
