/**
 * Runs every benefit for one household and month M, in the order and with the caching
 * semantics of the reference model (OpenFisca-France evaluated as the oracle does: asf,
 * af, cf, rsa, ppa, aide_logement, paje_base, ars). Housing aid and RSA depend on each
 * other across months (RSA received the month before neutralises the housing-aid
 * resources; housing aid is a "forfait logement" in RSA); the reference model breaks that
 * loop by taking the inner value as 0, so we reproduce its chain explicitly here.
 */
import { type MonthIndex } from './dates';
import { type ArsResult, arsOfYear } from './ars';
import { type FamilyMonth, familyMonth } from './famille';
import type { Household } from './household';
import { type HousingMonth, housingMonth } from './logement';
import type { Legislation } from './parameters';
import { type PpaFictiveMonth, type PpaResult, ppaFictive, ppaFromMonths } from './ppa';
import { type RsaMonth, rsaMonth } from './rsa';

export interface Computation {
  household: Household;
  family: FamilyMonth;
  rsa: RsaMonth;
  /** Housing aid used for this month's RSA forfait logement (RSA of M-1 not yet known). */
  housingForRsa: HousingMonth;
  /** Housing aid announced for month M. */
  housing: HousingMonth;
  /** RSA of the month before, which decides the neutralisation of housing-aid resources. */
  rsaPreviousMonth: RsaMonth;
  ppa: PpaResult;
  ars: ArsResult;
}

/**
 * The family benefits of months M-4..M, each computed once (`families[M - m]`), and the RSA
 * of a month with a given housing aid. Plain functions over a small array, not closures:
 * the batch command computes thousands of households a second.
 */
function fam(h: Household, L: Legislation, families: (FamilyMonth | undefined)[], m: MonthIndex): FamilyMonth {
  const i = h.period - m;
  return (families[i] ??= familyMonth(h, m, L));
}

function rsaWith(h: Household, L: Legislation, families: (FamilyMonth | undefined)[], m: MonthIndex, housingAid: number): RsaMonth {
  return rsaMonth(h, m, L, fam(h, L, families, m), housingAid);
}

export function compute(h: Household, L: Legislation): Computation {
  const M = h.period;
  const families: (FamilyMonth | undefined)[] = [undefined, undefined, undefined, undefined, undefined];

  // 1. RSA of M: its forfait logement uses the housing aid of M computed without the RSA of M-1.
  const housingForRsa = housingMonth(h, M, L, false);
  const rsa = rsaWith(h, L, families, M, housingForRsa.amount);

  // 2. Prime d'activité: months M-3..M-1, each with its housing aid; the first one sees an RSA of
  //    M-4 computed without housing aid, the next ones chain on the previous month.
  //    Without rent there is no housing aid, and the chain is not needed.
  const tenant = housingForRsa.tenant;
  const a3 = tenant ? housingMonth(h, M - 3, L, rsaWith(h, L, families, M - 4, 0).amount > 0) : housingMonth(h, M - 3, L, false);
  const a2 = tenant ? housingMonth(h, M - 2, L, rsaWith(h, L, families, M - 3, a3.amount).amount > 0) : housingMonth(h, M - 2, L, false);
  const a1 = tenant ? housingMonth(h, M - 1, L, rsaWith(h, L, families, M - 2, a2.amount).amount > 0) : housingMonth(h, M - 1, L, false);
  const fictive: PpaFictiveMonth[] = [
    ppaFictive(h, M - 3, L, fam(h, L, families, M - 3), a3.amount),
    ppaFictive(h, M - 2, L, fam(h, L, families, M - 2), a2.amount),
    ppaFictive(h, M - 1, L, fam(h, L, families, M - 1), a1.amount),
  ];
  const ppa = ppaFromMonths(h, M, L, fictive);

  // 3. Housing aid of M: APL (social housing) sees the RSA of M-1; ALF/ALS keep the amount
  //    computed in step 1 (the reference model keeps it cached).
  const rsaPreviousMonth = rsaWith(h, L, families, M - 1, a1.amount);
  const housing = h.housing.status === 'locataire_hlm' ? housingMonth(h, M, L, rsaPreviousMonth.amount > 0) : housingForRsa;

  return { household: h, family: fam(h, L, families, M), rsa, housingForRsa, housing, rsaPreviousMonth, ppa, ars: arsOfYear(h, M, L) };
}
