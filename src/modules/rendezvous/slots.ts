/**
 * Free slots (créneaux) from opening ranges (plages d'ouverture), pure: no I/O.
 *
 * A plage is a wall-clock range in Europe/Paris ("12:00–14:00") repeated on some days
 * (weekly, every n weeks, or the nth weekdays of the month: "1er et 3e mardi"), between
 * two dates. Slots are cut from each occurrence by the motif's duration. The wall-clock
 * bounds of an occurrence are turned into instants with the Paris offset of that very day,
 * so a Saturday 9 h stays 9 h on both sides of a daylight-saving change; within an
 * occurrence, slots step in real minutes (a night range across the change is an hour
 * shorter or longer, as the clock on the wall says).
 */
import { parisInstant } from '../../platform/clock';

/** 1 = Monday … 7 = Sunday (ISO). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Recurrence =
  /** Only on `firstDate`. */
  | { kind: 'once' }
  /** On these weekdays, every `interval` weeks counted from the week of `firstDate`. */
  | { kind: 'weekly'; weekdays: Weekday[]; interval?: number }
  /** On the nth `weekday` of each month: `nths: [1, 3]` = 1er et 3e; -1 = the last one. */
  | { kind: 'monthly'; weekday: Weekday; nths: number[] };

export interface Plage {
  id: string;
  /** The agent or the resource (crèche, répit) whose time this is. */
  ownerId: string;
  lieuId: string | null;
  /** `YYYY-MM-DD`, first day it applies. */
  firstDate: string;
  /** `YYYY-MM-DD`, last day it applies (inclusive), or open-ended. */
  untilDate: string | null;
  /** `HH:MM` wall-clock in Paris. */
  startTime: string;
  endTime: string;
  recurrence: Recurrence;
}

/** A time the owner (or everyone, `ownerId: null`: a public holiday, a closure) is away. */
export interface Absence {
  ownerId: string | null;
  start: Date;
  end: Date;
}

export interface MotifTiming {
  durationMinutes: number;
  /** A slot must start at least this long after now. */
  minNoticeMinutes: number;
  /** …and at most this many days after now. */
  maxNoticeDays: number;
}

export interface Busy {
  ownerId: string;
  start: Date;
  end: Date;
}

export interface Slot {
  start: Date;
  end: Date;
  ownerId: string;
  plageId: string;
  lieuId: string | null;
}

export interface SlotQuery {
  plages: readonly Plage[];
  motif: MotifTiming;
  now: Date;
  /** `YYYY-MM-DD` range of days to look at (inclusive), in Paris. */
  fromDate: string;
  toDate: string;
  absences?: readonly Absence[];
  /** Days closed for everyone (jours fériés), `YYYY-MM-DD`. */
  closedDates?: readonly string[];
  /** Times already taken (an individual agent's bookings). */
  busy?: readonly Busy[];
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / DAY_MS;
}

function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date `n` days after `date` (`YYYY-MM-DD`). */
export function addDays(date: string, n: number): string {
  return dateOfDayNumber(dayNumber(date) + n);
}

/** ISO weekday of a calendar date (1 = Monday). */
export function weekdayOf(date: string): Weekday {
  const js = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return (js === 0 ? 7 : js) as Weekday;
}

function daysInMonth(date: string): number {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).getUTCDate();
}

/** Does the plage open on this calendar date? */
export function occursOn(plage: Plage, date: string): boolean {
  if (date < plage.firstDate) return false;
  if (plage.untilDate !== null && date > plage.untilDate) return false;
  const r = plage.recurrence;
  if (r.kind === 'once') return date === plage.firstDate;
  const wd = weekdayOf(date);
  if (r.kind === 'weekly') {
    if (!r.weekdays.includes(wd)) return false;
    const interval = r.interval ?? 1;
    if (interval <= 1) return true;
    const monday = (d: string) => dayNumber(d) - (weekdayOf(d) - 1);
    const weeks = Math.round((monday(date) - monday(plage.firstDate)) / 7);
    return weeks % interval === 0;
  }
  if (wd !== r.weekday) return false;
  const day = Number(date.slice(8, 10));
  const nth = Math.ceil(day / 7);
  const isLast = day + 7 > daysInMonth(date);
  return r.nths.includes(nth) || (isLast && r.nths.includes(-1));
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

// Many plages share the same days and hours: their instants are computed once (bounded cache).
const instants = new Map<string, number>();
function instant(date: string, time: string): number {
  const key = `${date}T${time}`;
  let v = instants.get(key);
  if (v === undefined) {
    if (instants.size > 50_000) instants.clear();
    v = parisInstant(date, time).getTime();
    instants.set(key, v);
  }
  return v;
}

/** The occurrence instants of a plage on a date (its wall-clock bounds, in Paris). */
export function occurrence(plage: Plage, date: string): { start: Date; end: Date } {
  return { start: new Date(instant(date, plage.startTime)), end: new Date(instant(date, plage.endTime)) };
}

/**
 * The free slots, in time order. A slot is free when it fits in an occurrence of a plage,
 * respects the motif's notice, and overlaps no absence of its owner, no closure, and no
 * busy time of its owner.
 */
export function freeSlots(q: SlotQuery): Slot[] {
  const durationMs = q.motif.durationMinutes * MINUTE_MS;
  if (durationMs <= 0) return [];
  const earliest = q.now.getTime() + q.motif.minNoticeMinutes * MINUTE_MS;
  const latest = q.now.getTime() + q.motif.maxNoticeDays * DAY_MS;
  const closed = new Set(q.closedDates ?? []);
  const absences = new Map<string | null, { s: number; e: number }[]>();
  for (const a of q.absences ?? []) {
    const list = absences.get(a.ownerId) ?? [];
    list.push({ s: a.start.getTime(), e: a.end.getTime() });
    absences.set(a.ownerId, list);
  }
  const busy = new Map<string, { s: number; e: number }[]>();
  for (const b of q.busy ?? []) {
    const list = busy.get(b.ownerId) ?? [];
    list.push({ s: b.start.getTime(), e: b.end.getTime() });
    busy.set(b.ownerId, list);
  }
  const everyone = absences.get(null) ?? [];
  const out: Slot[] = [];
  const from = dayNumber(q.fromDate);
  const to = dayNumber(q.toDate);
  for (const plage of q.plages) {
    const away = [...everyone, ...(absences.get(plage.ownerId) ?? [])];
    const taken = busy.get(plage.ownerId) ?? [];
    for (let n = from; n <= to; n++) {
      const date = dateOfDayNumber(n);
      if (closed.has(date) || !occursOn(plage, date)) continue;
      const occ = occurrence(plage, date);
      const end = occ.end.getTime();
      for (let s = occ.start.getTime(); s + durationMs <= end; s += durationMs) {
        const e = s + durationMs;
        if (s < earliest || s > latest) continue;
        if (away.some((a) => overlaps(s, e, a.s, a.e))) continue;
        if (taken.some((b) => overlaps(s, e, b.s, b.e))) continue;
        out.push({ start: new Date(s), end: new Date(e), ownerId: plage.ownerId, plageId: plage.id, lieuId: plage.lieuId });
      }
    }
  }
  out.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0));
  return out;
}

/** Is this exact slot one the plages offer (and free)? Used to refuse a forged start time. */
export function isOfferedSlot(q: SlotQuery, ownerId: string, start: Date): Slot | null {
  return freeSlots(q).find((s) => s.ownerId === ownerId && s.start.getTime() === start.getTime()) ?? null;
}

/**
 * How long a family offered a freed place has to confirm: `maxMinutes` (2 h) normally,
 * shorter near the slot (half the time left), never under `minMinutes`; null when the
 * slot is too close for an offer to make sense.
 */
export function offerWindowMinutes(now: Date, slotStart: Date, maxMinutes = 120, minMinutes = 10): number | null {
  const left = (slotStart.getTime() - now.getTime()) / MINUTE_MS;
  const half = Math.floor(left / 2);
  if (half < minMinutes) return null;
  return Math.min(maxMinutes, half);
}

/** Age group of a child on a date, for resources with a capacity per age group. */
export const AGE_GROUPS = ['0-1', '1-3', '3-6', '6-12'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroupOn(birthDate: string, date: string): AgeGroup | null {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  let age = y! - by!;
  if (m! < bm! || (m === bm && d! < bd!)) age--;
  if (age < 0) return null;
  if (age < 1) return '0-1';
  if (age < 3) return '1-3';
  if (age < 6) return '3-6';
  if (age < 12) return '6-12';
  return null;
}
