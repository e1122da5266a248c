/**
 * Revenu de solidarité active for one month (OpenFisca-France minima_sociaux/rsa.py).
 * Montant forfaitaire (majoré for an isolated parent with a child under 3 or isolated for
 * less than 18 months), minus the forfait logement, minus the resources of the three
 * previous months (here: the stable monthly amounts), family benefits included
 * (AF base, CF non majoré, PAJE, ASF as a forfait). Not paid under 6 €.
 */
import { type MonthIndex, ageYears } from './dates';
import type { FamilyMonth } from './famille';
import { ages, expecting } from './famille';
import type { Household } from './household';
import type { Legislation, Params } from './parameters';

/** float32 storage of the reference model (local alias: hot path). */
const f32 = Math.fround;

export interface FamilyBenefitsCounted {
  afBase: number;
  cfNonMajore: number;
  paje: number;
  asfForfait: number;
  total: number;
}

export interface RsaMonth {
  month: MonthIndex;
  children: number;
  eligible: boolean;
  majoreEligible: boolean;
  socle: number;
  socleMajore: number;
  forfaitLogement: number;
  forfaitLogementKind: 'aide' | 'nature' | 'aucun';
  resources: { activity: number; unemployment: number; alimony: number; family: FamilyBenefitsCounted; total: number };
  amountBeforeMinimum: number;
  amount: number;
}

/** Children counted by RSA and prime d'activité: under 25 (none has resources here). */
export function rsaChildren(h: Household, m: MonthIndex, P: Params): number {
  return ages(h, m).filter((x) => x < P.rsa.age_pac).length;
}

/** Isolated parent with a child under 3, expecting a child, or isolated recently: the "majoré" amount. */
export function majoreEligible(h: Household, m: MonthIndex, P: Params): boolean {
  const n = rsaChildren(h, m, P);
  const under3 = ages(h, m).some((x) => x >= 0 && x <= 2);
  const pregnant = expecting(h, m);
  return (n > 0 || pregnant) && (under3 || h.recentlyIsolated || pregnant);
}

/** AF base, CF (non majoré) and PAJE as received, ASF replaced by a forfait. */
export function familyBenefitsCounted(fam: FamilyMonth, P: Params): FamilyBenefitsCounted {
  const asfForfait = Math.min(fam.asf, fam.asfChildren * P.commun.bmaf * P.rsa.forfait_asf_taux);
  const cfNonMajore = fam.cf > 0 ? fam.cfNonMajore : 0;
  const afBase = Math.min(fam.afBase, fam.af);
  return { afBase, cfNonMajore, paje: fam.paje, asfForfait, total: fam.paje + asfForfait + cfNonMajore + afBase };
}

/** Housing advantage (forfait logement) shared by RSA and the prime d'activité. */
export function housingForfait(h: Household, housingAid: number, full: number): { amount: number; kind: RsaMonth['forfaitLogementKind'] } {
  const inKind = (h.housing.status === 'proprietaire' && h.housing.rent === 0) || h.housing.status === 'loge_gratuitement';
  const fromAid = housingAid > 0 ? Math.min(housingAid, full) : 0;
  const fromKind = inKind ? full : 0;
  if (fromKind >= fromAid && fromKind > 0) return { amount: fromKind, kind: 'nature' };
  if (fromAid > 0) return { amount: fromAid, kind: 'aide' };
  return { amount: 0, kind: 'aucun' };
}

export function rsaMonth(h: Household, m: MonthIndex, L: Legislation, fam: FamilyMonth, housingAid: number): RsaMonth {
  const P = L.month(m);
  const r = P.rsa;
  const base = r.montant_de_base;
  const children = rsaChildren(h, m, P);
  const persons = 1 + children;
  const parentAge = ageYears(h.parent.birth, m);
  const eligible = children > 0 || parentAge >= r.age_pac;
  const rate =
    1 +
    (persons >= 2 ? r.majoration_2e_personne : 0) +
    (persons >= 3 ? r.majoration_3e_personne : 0) +
    (persons >= 4 ? r.majoration_enfant_supplementaire : 0) +
    Math.max(persons - 4, 0) * r.majoration_enfant_supplementaire;
  const socle = eligible ? base * rate : 0;
  const majore = majoreEligible(h, m, P);
  const socleMajore = majore ? base * (r.majore_taux_femme_enceinte + r.majore_taux_par_enfant * children) : 0;

  const fullForfait =
    base *
    (persons === 1
      ? r.forfait_logement_taux_1_personne
      : persons === 2
        ? r.forfait_logement_taux_2_personnes * (1 + r.majoration_2e_personne)
        : r.forfait_logement_taux_3_personnes * (1 + r.majoration_2e_personne + r.majoration_3e_personne));
  const forfait = housingForfait(h, housingAid, fullForfait);

  const family = familyBenefitsCounted(fam, P);
  const activity = h.parent.salaryNet;
  const unemployment = h.parent.unemploymentNet;
  const alimony = h.alimony;
  const total = f32(family.total + unemployment + alimony + activity);
  // Each quantity is a float32 variable in the reference model; subtract as it does.
  const before = Math.max(f32(f32(f32(Math.max(f32(socle), f32(socleMajore))) - f32(forfait.amount)) - total), 0);
  const amount = before >= r.montant_minimum_verse ? before : 0;
  return {
    month: m,
    children,
    eligible,
    majoreEligible: majore,
    socle,
    socleMajore,
    forfaitLogement: forfait.amount,
    forfaitLogementKind: forfait.kind,
    resources: { activity, unemployment, alimony, family, total },
    amountBeforeMinimum: before,
    amount,
  };
}
