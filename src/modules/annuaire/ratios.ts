/**
 * The territory's ratios as the Amiens diagnostic computes them: structures (or
 * professionals) of a category per 1,000 single-parent families, and "one for N
 * families", per neighbourhood and for the whole town. Pure.
 */
export const INDICATORS = ['familles', 'familles_monoparentales', 'taux_pauvrete_monoparentales', 'enfants_moins_11'] as const;
export type IndicatorName = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: Record<IndicatorName, string> = {
  familles: 'Familles avec enfants',
  familles_monoparentales: 'Familles monoparentales',
  taux_pauvrete_monoparentales: 'Familles monoparentales sous le seuil de pauvreté (%)',
  enfants_moins_11: 'Enfants de moins de 11 ans',
};

export interface Ratio {
  count: number;
  /** Per 1,000 single-parent families, one decimal; null without families. */
  per1000: number | null;
  /** "1 pour N familles monoparentales", rounded; null when count is 0. */
  familiesPerOne: number | null;
}

export function ratio(count: number, singleParentFamilies: number | null | undefined): Ratio {
  if (!singleParentFamilies || singleParentFamilies <= 0) return { count, per1000: null, familiesPerOne: null };
  return {
    count,
    per1000: Math.round((count * 10_000) / singleParentFamilies) / 10,
    familiesPerOne: count > 0 ? Math.round(singleParentFamilies / count) : null,
  };
}

export interface TerritoryRow {
  id: string;
  name: string;
  indicators: Partial<Record<IndicatorName, number>>;
  ratios: Record<string, Ratio>;
}

/**
 * Rows per neighbourhood plus the town total. `counts[neighbourhood][key]` is how many
 * structures/professionals of `key` (a category or profession) lie there.
 */
export function territoryTable(
  neighbourhoods: readonly { id: string; name: string }[],
  indicators: Record<string, Partial<Record<IndicatorName, number>>>,
  counts: Record<string, Record<string, number>>,
  keys: readonly string[],
  town: { id: string; name: string },
): TerritoryRow[] {
  const rows: TerritoryRow[] = neighbourhoods.map((n) => {
    const ind = indicators[n.id] ?? {};
    return {
      id: n.id,
      name: n.name,
      indicators: ind,
      ratios: Object.fromEntries(keys.map((k) => [k, ratio(counts[n.id]?.[k] ?? 0, ind.familles_monoparentales)])),
    };
  });
  // Town total: its own figures when entered, else the sum of the neighbourhoods'.
  const own = indicators[town.id] ?? {};
  const sum = (k: IndicatorName) => {
    const vals = rows.map((r) => r.indicators[k]).filter((v): v is number => typeof v === 'number');
    return vals.length ? vals.reduce((a, b) => a + b, 0) : undefined;
  };
  const total: Partial<Record<IndicatorName, number>> = {
    familles: own.familles ?? sum('familles'),
    familles_monoparentales: own.familles_monoparentales ?? sum('familles_monoparentales'),
    taux_pauvrete_monoparentales: own.taux_pauvrete_monoparentales,
    enfants_moins_11: own.enfants_moins_11 ?? sum('enfants_moins_11'),
  };
  const allCounts = (k: string) => Object.values(counts).reduce((s, c) => s + (c[k] ?? 0), 0);
  rows.push({
    id: town.id,
    name: `${town.name} (ville entière)`,
    indicators: Object.fromEntries(Object.entries(total).filter(([, v]) => v !== undefined)),
    ratios: Object.fromEntries(keys.map((k) => [k, ratio(allCounts(k), total.familles_monoparentales)])),
  });
  return rows;
}

/** Classes for a choropleth: 5 equal-interval classes between min and max (index 0-4), -1 without value. */
export function choroplethClasses(values: readonly (number | null)[]): number[] {
  const present = values.filter((v): v is number => v !== null);
  if (!present.length) return values.map(() => -1);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values.map((v) => (v === null ? -1 : max === min ? 2 : Math.min(4, Math.floor(((v - min) / (max - min)) * 5))));
}
