/**
 * Opening hours as a volunteer edits them — for each day of the week, open or closed, and up
 * to a few time ranges; closed on public holidays or not — converted to and from the OSM
 * `opening_hours` syntax the directory stores (never typed by a person). Pure, shared with the
 * web's editor. `parseWeek` reads the simple rules of that syntax (days, ranges, `off`, `PH off`,
 * `24/7`, later rules replacing earlier ones for their days) and answers null for anything richer,
 * which the editor then offers to replace rather than silently rewrite.
 */

export const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

/** "09:00"–"12:00"; an end at "24:00" (or "00:00") is midnight. */
export interface TimeRange {
  from: string;
  to: string;
}

export interface Week {
  /** Monday first; an empty list is a closed day. */
  days: TimeRange[][];
  /** Closed on public holidays (`PH off`). */
  closedOnHolidays: boolean;
}

export const emptyWeek = (): Week => ({ days: DAY_CODES.map(() => []), closedOnHolidays: true });

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

function parseDays(spec: string): number[] | null {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-');
    const i = DAY_CODES.indexOf(a as (typeof DAY_CODES)[number]);
    const j = b === undefined ? i : DAY_CODES.indexOf(b as (typeof DAY_CODES)[number]);
    if (i < 0 || j < 0 || j < i) return null;
    for (let d = i; d <= j; d++) out.add(d);
  }
  return [...out];
}

function parseRanges(spec: string): TimeRange[] | null {
  const out: TimeRange[] = [];
  for (const r of spec.split(',')) {
    const bounds = r.trim().split('-');
    if (bounds.length !== 2) return null;
    const [from, to] = bounds;
    if (!TIME.test(from) || !TIME.test(to)) return null;
    out.push({ from, to: to === '00:00' ? '24:00' : to });
  }
  return out;
}

/** The week an OSM value describes, or null when it says more than days and ranges. */
export function parseWeek(osm: string | null | undefined): Week | null {
  const week = emptyWeek();
  week.closedOnHolidays = false;
  const value = (osm ?? '').trim();
  if (!value) return emptyWeek();
  if (value === '24/7') return { days: DAY_CODES.map(() => [{ from: '00:00', to: '24:00' }]), closedOnHolidays: false };
  for (const raw of value.split(';')) {
    const rule = raw.trim();
    if (!rule) continue;
    if (rule === 'PH off' || rule === 'PH closed') {
      week.closedOnHolidays = true;
      continue;
    }
    const space = rule.indexOf(' ');
    if (space < 0) return null;
    const days = parseDays(rule.slice(0, space));
    const rest = rule.slice(space + 1).trim();
    if (!days) return null;
    const ranges = rest === 'off' || rest === 'closed' ? [] : parseRanges(rest);
    if (!ranges) return null;
    for (const d of days) week.days[d] = ranges;
  }
  return week;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** A French message for the first range that cannot be stored, with its day; null when the week is fine. */
export function weekProblem(week: Week): { day: number; message: string } | null {
  for (let d = 0; d < 7; d++) {
    const list = week.days[d];
    for (const r of list) {
      if (!TIME.test(r.from) || !TIME.test(r.to)) return { day: d, message: 'Indiquez une heure d’ouverture et une heure de fermeture.' };
      if (minutes(r.from) === minutes(r.to)) return { day: d, message: 'L’heure de fermeture doit être différente de l’heure d’ouverture.' };
    }
    const sorted = [...list].filter((r) => minutes(r.to) > minutes(r.from)).sort((a, b) => minutes(a.from) - minutes(b.from));
    for (let i = 1; i < sorted.length; i++) {
      if (minutes(sorted[i].from) < minutes(sorted[i - 1].to)) return { day: d, message: 'Deux plages horaires se chevauchent.' };
    }
  }
  return null;
}

function daysSpec(days: number[]): string {
  const runs: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    runs.push(j > i ? `${DAY_CODES[days[i]]}-${DAY_CODES[days[j]]}` : DAY_CODES[days[i]]);
    i = j + 1;
  }
  return runs.join(',');
}

/** The OSM value of a week: days with the same ranges grouped, closed days left out; '' when always closed. */
export function formatWeek(week: Week): string {
  const key = (ranges: TimeRange[]) =>
    [...ranges]
      .sort((a, b) => minutes(a.from) - minutes(b.from))
      .map((r) => `${r.from}-${r.to}`)
      .join(',');
  if (week.days.every((d) => key(d) === '00:00-24:00') && !week.closedOnHolidays) return '24/7';
  const groups = new Map<string, number[]>();
  week.days.forEach((ranges, d) => {
    if (!ranges.length) return;
    const k = key(ranges);
    groups.set(k, [...(groups.get(k) ?? []), d]);
  });
  const rules = [...groups.entries()].sort((a, b) => a[1][0] - b[1][0]).map(([k, days]) => `${daysSpec(days)} ${k}`);
  if (rules.length && week.closedOnHolidays) rules.push('PH off');
  return rules.join('; ');
}
