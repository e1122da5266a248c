/**
 * Allocation de rentrée scolaire of the calendar year of the period (paid in August),
 * OpenFisca-France prestations_familiales/ars.py: children aged 6 to 17 on 31 December
 * (plus those just turned 18, up to 18 years and 2 months), one rate per school level,
 * parameters of October, resources of year N-2 against a ceiling raised by 30 % per child;
 * above the ceiling a differential ARS (the excess is deducted). Not paid under 15 €.
 */
import { type MonthIndex, ageMonths, ageYears, monthIndex, yearOf } from './dates';
import type { Household } from './household';
import type { Legislation } from './parameters';
import { familyResources } from './resources';

export interface ArsResult {
  year: number;
  primary: number;
  middle: number;
  high: number;
  childrenForCeiling: number;
  ceiling: number;
  resources: number;
  resourcesYear: number;
  base: number;
  excess: number;
  amount: number;
}

/** Children aged `lo` to `hi` on the first day of month `m`. */
function countAged(h: Household, m: MonthIndex, lo: number, hi: number): number {
  let n = 0;
  for (const c of h.children) {
    const x = ageYears(c.birth, m);
    if (x >= lo && x <= hi) n++;
  }
  return n;
}

export function arsOfYear(h: Household, M: MonthIndex, L: Legislation): ArsResult {
  const year = yearOf(M);
  const october = monthIndex(year, 10);
  const december = monthIndex(year, 12);
  const P = L.month(october);
  const a = P.ars;
  const primary = countAged(h, december, a.age_entree_primaire, a.age_entree_college - 1);
  const middle = countAged(h, december, a.age_entree_college, a.age_entree_lycee - 1);
  const justEighteen = h.children.filter((c) => {
    const months = ageMonths(c.birth, december);
    return months >= 12 * a.age_sortie_lycee && months <= 12 * a.age_sortie_lycee + 2;
  }).length;
  const high = countAged(h, december, a.age_entree_lycee, a.age_sortie_lycee - 1) + justEighteen;
  // children "à charge" in October (under 20), as for the allocations familiales
  const childrenForCeiling = h.children.filter((c) => {
    const x = ageYears(c.birth, october);
    return x >= P.commun.enfant_age_minimal && x < P.commun.enfant_age_limite;
  }).length;
  const ceiling = a.plafond_ressources * (1 + childrenForCeiling * a.majoration_plafond_par_enfant);
  const res = familyResources(h, monthIndex(year, 1), L);
  const base = P.commun.bmaf * (a.taux_primaire * primary + a.taux_college * middle + a.taux_lycee * high);
  const excess = Math.max(0, res.total - ceiling);
  const amountRaw = Math.max(0, base - excess);
  const amount = amountRaw >= a.montant_minimum_verse ? amountRaw : 0;
  return { year, primary, middle, high, childrenForCeiling, ceiling, resources: res.total, resourcesYear: res.year, base, excess, amount };
}
