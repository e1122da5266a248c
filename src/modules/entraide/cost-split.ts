/**
 * Garde partagée: the childminder's cost split between the cooperative's families by the
 * hours each one used (pure, no I/O).
 *
 * Published rounding rule (largest remainder, Hamilton): each family's exact share is
 * total × its minutes ÷ all minutes. Every family first gets that share rounded down to the
 * cent; the cents left over (fewer than the number of families) go one each to the families
 * whose dropped fraction was largest; on equal fractions, to the family that used more
 * minutes, then in the order of their identifiers. The shares are whole cents and always
 * sum exactly to the total.
 */

export const ROUNDING_RULE_FR =
  'Chaque famille paie le coût total multiplié par ses heures, divisé par toutes les heures, arrondi au centime inférieur. ' +
  "Les centimes restants (moins d'un par famille) vont, un chacun, aux familles dont la partie arrondie était la plus grande ; " +
  "à égalité, à la famille qui a utilisé le plus d'heures, puis dans l'ordre de leur identifiant. La somme des parts est toujours égale au total.";

export type Usage = { familyId: string; minutes: number };
export type Share = { familyId: string; minutes: number; cents: number };

function assertWhole(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${n}`);
}

/** Split `totalCents` by minutes used. Families with 0 minutes owe 0. Throws if cents are to share but nobody used any minute. */
export function splitCost(totalCents: number, usages: readonly Usage[]): Share[] {
  assertWhole('totalCents', totalCents);
  const ids = new Set<string>();
  for (const u of usages) {
    assertWhole(`minutes of ${u.familyId}`, u.minutes);
    if (ids.has(u.familyId)) throw new RangeError(`family ${u.familyId} listed twice`);
    ids.add(u.familyId);
  }
  const allMinutes = usages.reduce((s, u) => s + u.minutes, 0);
  if (allMinutes === 0) {
    if (totalCents > 0) throw new RangeError('a cost with no hours used cannot be split');
    return usages.map((u) => ({ familyId: u.familyId, minutes: u.minutes, cents: 0 }));
  }
  // BigInt: total × minutes may pass 2^53 for large totals.
  const T = BigInt(totalCents);
  const M = BigInt(allMinutes);
  const rows = usages.map((u, index) => {
    const product = T * BigInt(u.minutes);
    return { index, u, floor: Number(product / M), remainder: product % M };
  });
  let left = totalCents - rows.reduce((s, r) => s + r.floor, 0);
  const order = [...rows].sort((a, b) =>
    a.remainder !== b.remainder
      ? b.remainder > a.remainder
        ? 1
        : -1
      : b.u.minutes !== a.u.minutes
        ? b.u.minutes - a.u.minutes
        : a.u.familyId < b.u.familyId
          ? -1
          : a.u.familyId > b.u.familyId
            ? 1
            : 0,
  );
  const extra = new Set<number>();
  for (const r of order) {
    if (left === 0) break;
    extra.add(r.index);
    left--;
  }
  return rows.map((r) => ({ familyId: r.u.familyId, minutes: r.u.minutes, cents: r.floor + (extra.has(r.index) ? 1 : 0) }));
}

/** Which weeks a family's child is there: every week, or alternating custody (ISO week parity). */
export type CustodyWeeks = 'all' | 'even' | 'odd';

export type WeeklyPlan = { familyId: string; minutesPerWeek: number; custody: CustodyWeeks };

/** ISO week number of a calendar day `YYYY-MM-DD` (pure arithmetic, UTC). */
export function isoWeek(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const dow = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - dow + 3); // the Thursday of this week
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const firstDow = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - firstDow + 3);
  return 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}

/** The minutes a family uses in the week starting on `monday`, given its custody pattern. */
export function minutesInWeek(plan: WeeklyPlan, monday: string): number {
  if (plan.custody === 'all') return plan.minutesPerWeek;
  const even = isoWeek(monday) % 2 === 0;
  return (plan.custody === 'even') === even ? plan.minutesPerWeek : 0;
}

/**
 * A month's split: the childminder's hours are the families' hours (a shared hour counts
 * for each family present — the cooperative says so by the minutes it records), the cost is
 * the sum of the weeks' costs; the split follows each family's minutes in the month.
 */
export function splitWeeks(weeks: ReadonlyArray<{ costCents: number; usages: readonly Usage[] }>): { totalCents: number; shares: Share[] } {
  const minutes = new Map<string, number>();
  let totalCents = 0;
  for (const w of weeks) {
    assertWhole('costCents', w.costCents);
    totalCents += w.costCents;
    for (const u of w.usages) minutes.set(u.familyId, (minutes.get(u.familyId) ?? 0) + u.minutes);
  }
  const usages = [...minutes].map(([familyId, m]) => ({ familyId, minutes: m }));
  return { totalCents, shares: splitCost(totalCents, usages) };
}

/** Euros for people: "1 234,56 €" (cents stay in storage and logic). */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  const whole = Math.floor(a / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${sign}${whole},${String(a % 100).padStart(2, '0')} €`;
}
