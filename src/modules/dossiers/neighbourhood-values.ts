/**
 * Indicator values by the neighbourhood of each row's household, for every module that
 * counts per household (one bulk lookup through `householdNeighbourhoods`; ids only, no
 * family data). A row without a household, or whose file has no neighbourhood, counts as
 * "not located" (neighbourhood null).
 */
import type { Queryable } from '../../platform/db/pool';
import type { IndicatorValue } from '../../platform/indicators';
import { householdNeighbourhoods } from './prefill';

/** Groups the rows by their household's neighbourhood, then `value` gives each group's figure. */
export async function valuesByHouseholdNeighbourhood<R extends { householdId: string | null }>(
  q: Queryable,
  rows: readonly R[],
  value: (group: R[]) => number,
): Promise<IndicatorValue[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.householdId ? [r.householdId] : [])))];
  const hoods = await householdNeighbourhoods(q, ids);
  const groups = new Map<string | null, R[]>();
  for (const r of rows) {
    const n = r.householdId ? (hoods.get(r.householdId) ?? null) : null;
    const group = groups.get(n);
    if (group) group.push(r);
    else groups.set(n, [r]);
  }
  return [...groups].map(([neighbourhood, group]) => ({ neighbourhood, value: value(group) }));
}

/** Per-household counts (`n`) summed by neighbourhood. */
export function sumsByHouseholdNeighbourhood(q: Queryable, rows: readonly { householdId: string | null; n: number }[]): Promise<IndicatorValue[]> {
  return valuesByHouseholdNeighbourhood(q, rows, (group) => group.reduce((s, r) => s + r.n, 0));
}
