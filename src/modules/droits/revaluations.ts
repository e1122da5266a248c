/**
 * Which revaluation the amounts are, and when the next one is expected, read from the
 * parameter files' own dates (rules/legislation): a revaluation is a date on which amounts
 * change; one that came back on the same day of the year in at least two of the last
 * years is expected again on that day. Pure: the series come from the Legislation.
 */

export interface AmountSeries {
  /** `group.key` of the parameter files (e.g. `commun.bmaf`, `rsa.montant_de_base`). */
  name: string;
  unit: string;
  /** Dates (YYYY-MM-DD) on which the value changes, sorted. */
  starts: string[];
}

/** What each family of amounts is called for a family (one list, used by the API). */
export const AMOUNT_FAMILIES: { prefix: string; label: string }[] = [
  { prefix: 'commun.bmaf', label: 'prestations familiales (base mensuelle des allocations familiales)' },
  { prefix: 'commun.smic', label: 'Smic' },
  { prefix: 'af.', label: 'allocations familiales' },
  { prefix: 'asf.', label: 'allocation de soutien familial' },
  { prefix: 'cf.', label: 'complément familial' },
  { prefix: 'paje.', label: 'PAJE' },
  { prefix: 'ars.', label: 'allocation de rentrée scolaire' },
  { prefix: 'rsa.', label: 'RSA' },
  { prefix: 'ppa.', label: 'prime d’activité' },
  { prefix: 'logement.', label: 'aides au logement' },
];

export interface Revaluation {
  date: string;
  families: string[];
}

export interface Revaluations {
  /** The latest revaluation in force on the day. */
  current: Revaluation | null;
  /** The next one expected after the day (not yet in the files). */
  next: Revaluation | null;
  /** Expected by now from past years, but not in the files yet: the amounts may be behind. */
  late: Revaluation[];
}

/** How many past years are read to find a recurring day. */
const YEARS_READ = 3;

function familyOf(name: string): string | null {
  return AMOUNT_FAMILIES.find((f) => name.startsWith(f.prefix))?.label ?? null;
}

function group(entries: { date: string; family: string }[]): Revaluation[] {
  const byDate = new Map<string, Set<string>>();
  for (const e of entries) byDate.set(e.date, (byDate.get(e.date) ?? new Set()).add(e.family));
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, f]) => ({ date, families: [...f].sort() }));
}

export function revaluationsOn(series: AmountSeries[], today: string): Revaluations {
  const year = Number(today.slice(0, 4));
  const amounts = series.filter((s) => s.unit === 'currency' && familyOf(s.name));
  const past: { date: string; family: string }[] = [];
  const expected: { date: string; family: string }[] = [];
  const late: { date: string; family: string }[] = [];
  const byFamily = new Map<string, Set<string>>();
  for (const s of amounts) {
    const family = familyOf(s.name)!;
    const known = byFamily.get(family) ?? new Set<string>();
    for (const d of s.starts) known.add(d);
    byFamily.set(family, known);
  }
  for (const [family, known] of byFamily) {
    const dates = [...known].sort();
    for (const d of dates) if (d <= today) past.push({ date: d, family });
    // Days of the year on which this family changed in at least two of the last years.
    const recent = dates.filter((d) => d <= today && Number(d.slice(0, 4)) >= year - YEARS_READ);
    const years = new Map<string, Set<number>>();
    for (const d of recent) years.set(d.slice(5), (years.get(d.slice(5)) ?? new Set()).add(Number(d.slice(0, 4))));
    for (const [monthDay, ys] of years) {
      if (ys.size < 2) continue;
      const thisYear = `${year}-${monthDay}`;
      const nextOne = thisYear > today ? thisYear : `${year + 1}-${monthDay}`;
      if (thisYear <= today && !known.has(thisYear)) late.push({ date: thisYear, family });
      if (!known.has(nextOne)) expected.push({ date: nextOne, family });
    }
  }
  const pastGroups = group(past);
  return {
    current: pastGroups[pastGroups.length - 1] ?? null,
    next: group(expected)[0] ?? null,
    late: group(late),
  };
}
