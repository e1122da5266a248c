/** Keys of the town total and of "not located" in indicator values, and town totals. Pure. */
import type { IndicatorRow, ValueRow } from './pilotage.store';

export const TOTAL = '*';
export const UNLOCATED = '?';

/** A count adds up across neighbourhoods; a rate or a mean does not. */
export function isAdditive(unit: string): boolean {
  return !/%|moyenne|sur \d+|taux|part/i.test(unit);
}

/**
 * Town totals per month: the value entered or computed for the whole town; for a count
 * entered by hand only by neighbourhood, the sum of the neighbourhoods.
 */
export function townHistory(i: IndicatorRow, mine: ValueRow[]): { period: string; value: number }[] {
  const byPeriod = new Map<string, { total?: number; sum: number }>();
  for (const v of mine) {
    const p = byPeriod.get(v.period) ?? { sum: 0 };
    if (v.neighbourhood === TOTAL) p.total = v.value;
    else p.sum += v.value;
    byPeriod.set(v.period, p);
  }
  const derive = i.source === 'manual' && isAdditive(i.unit);
  return [...byPeriod]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([period, p]) => (p.total !== undefined ? [{ period, value: p.total }] : derive ? [{ period, value: p.sum }] : []));
}
