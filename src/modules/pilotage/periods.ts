/** Months as periods (`YYYY-MM`, Europe/Paris) and their bounds. Pure. */
import { parisInstant, parisParts } from '../../platform/clock';

export const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isPeriod(s: string): boolean {
  return PERIOD_RE.test(s);
}

/** The month of an instant, in Paris. */
export function periodOf(d: Date): string {
  const p = parisParts(d);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number);
  const i = y! * 12 + (m! - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Inclusive start, exclusive end: the first instant of the month and of the next, in Paris. */
export function periodBounds(period: string): { from: Date; to: Date } {
  return { from: parisInstant(`${period}-01`), to: parisInstant(`${addMonths(period, 1)}-01`) };
}

/** Every month from `from` to `to`, both included (at most `max`). */
export function periodRange(from: string, to: string, max = 120): string[] {
  const out: string[] = [];
  for (let p = from; p <= to && out.length < max; p = addMonths(p, 1)) out.push(p);
  return out;
}

/** "mars 2026" */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 15)));
}
