/** A listing not checked for six months is stale: families are told to call first, the partner is reminded. */
import { parisDate } from '../../platform/clock';

export const STALE_MONTHS = 6;

/** The date before which a listing counts as not checked (six months before today, Paris). */
export function staleBefore(now: Date): string {
  const [y, m, d] = parisDate(now).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 - STALE_MONTHS, d)).toISOString().slice(0, 10);
}

export function isStale(checked: string | null, now: Date): boolean {
  return !checked || checked < staleBefore(now);
}
