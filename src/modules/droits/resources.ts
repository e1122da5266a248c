/**
 * Resource bases. Family benefits look at the taxable income of year N-2 (after the 10 %
 * deduction for professional expenses and pensions, as the tax return does); housing aid at
 * the rolling 12 months M-13..M-2; RSA and the prime d'activité at the three months before.
 * The household is stable: each monthly amount is the same every month from January N-2
 * to December N, and nothing is known before January N-2 (so a year before N-2 counts 0).
 */
import { type MonthIndex, monthIndex, yearOf } from './dates';
import type { Household } from './household';
import { npRound } from './money';
import type { Legislation } from './parameters';

export interface FiscalBase {
  year: number;
  salaries: number;
  salariesAfterDeduction: number;
  pensions: number;
  pensionsAfterDeduction: number;
  total: number;
}

/** Taxable income of year `year` (traitements, salaires, pensions after deductions). */
export function fiscalIncome(h: Household, year: number, L: Legislation): FiscalBase {
  const known = year >= yearOf(h.period) - 2 && year <= yearOf(h.period);
  const salaries = known ? 12 * (h.parent.salaryTaxable + h.parent.unemploymentTaxable) : 0;
  const pensions = known ? 12 * h.alimony : 0;
  const P = L.month(monthIndex(year, 1)).logement;
  const deduction = npRound(Math.min(Math.max(P.abattement_frais_pro_taux * salaries, P.abattement_frais_pro_min), P.abattement_frais_pro_max));
  const salariesAfterDeduction = Math.max(0, salaries - deduction);
  const pensionsAfterDeduction = Math.max(0, pensions - npRound(Math.max(P.abattement_pensions_taux * pensions, P.abattement_pensions_min)));
  return { year, salaries, salariesAfterDeduction, pensions, pensionsAfterDeduction, total: salariesAfterDeduction + pensionsAfterDeduction };
}

/** Base ressources of family benefits for month m: income of year N-2 of that month. */
export function familyResources(h: Household, m: MonthIndex, L: Legislation): FiscalBase {
  return fiscalIncome(h, yearOf(m) - 2, L);
}
