/** Time comes from here (injectable in tests), and is read in Europe/Paris. */
export const TZ = 'Europe/Paris';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string | Date): Clock & { set(iso: string | Date): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

const partsFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Wall-clock parts of an instant in Paris. */
export function parisParts(d: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const p = Object.fromEntries(partsFmt.formatToParts(d).map((x) => [x.type, x.value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
}

/** `YYYY-MM-DD` of an instant in Paris. */
export function parisDate(d: Date): string {
  const p = parisParts(d);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant at which Paris wall-clock time is `date` `time` (handles DST). */
export function parisInstant(date: string, time = '00:00'): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // Offset of Paris at the guess, applied twice to settle across DST changes.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const p = parisParts(new Date(t));
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    t = guess - (asUtc - t);
  }
  return new Date(t);
}

/**
 * A moment as a page sends it: with its offset (`…Z`, `…+02:00`), or Paris wall-clock time as a
 * date-and-time field gives it (`2026-03-12T18:00`), read in Paris — never in the time zone of
 * the phone that typed it. The schema (`z.iso.datetime({ offset: true, local: true })`) has
 * refused an impossible day before.
 */
export function momentInParis(s: string): Date {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(s)) return new Date(s);
  return parisInstant(s.slice(0, 10), s.slice(11, 16));
}
