/**
 * Prime d'activité (OpenFisca-France minima_sociaux/ppa.py). For month M it is the average
 * of the "PPA fictive" of months M-3, M-2, M-1, each computed with that month's parameters,
 * family benefits and housing aid; paid if the family had earnings in one of those months
 * (or qualifies for the majoration for isolated parents), and if at least 15 €.
 */
import { type MonthIndex, ageYears } from './dates';
import type { FamilyMonth } from './famille';
import { ages } from './famille';
import type { Household } from './household';
import { npRound } from './money';
import type { Legislation } from './parameters';
import { type FamilyBenefitsCounted, familyBenefitsCounted, housingForfait, majoreEligible, rsaChildren } from './rsa';

/** float32 storage of the reference model (local alias: hot path). */
const f32 = Math.fround;

export interface PpaFictiveMonth {
  month: MonthIndex;
  children: number;
  eligible: boolean;
  majore: boolean;
  forfaitaire: number;
  bonus: number;
  bonusMax: number;
  earningsShare: number;
  resources: { activity: number; unemployment: number; alimony: number; family: FamilyBenefitsCounted; total: number };
  forfaitLogement: number;
  amount: number;
}

export function ppaFictive(h: Household, m: MonthIndex, L: Legislation, fam: FamilyMonth, housingAid: number): PpaFictiveMonth {
  const P = L.month(m);
  const p = P.ppa;
  const base = p.montant_de_base;
  const children = rsaChildren(h, m, P);
  const persons = 1 + children;
  const eligible = ageYears(h.parent.birth, m) >= p.age_min || ages(h, m).some((x) => x >= p.age_min);
  const majore = majoreEligible(h, m, P);
  const rateNonMajore =
    1 +
    (persons >= 2 ? p.majoration_2e_personne : 0) +
    (persons >= 3 ? p.majoration_3e_personne : 0) +
    (persons >= 4 ? p.majoration_enfant_supplementaire : 0) +
    Math.max(persons - 4, 0) * p.majoration_enfant_supplementaire;
  const forfaitaire = majore ? base * (p.majore_taux_femme_enceinte + p.majore_taux_par_enfant * children) : base * rateNonMajore;

  const smic = P.commun.smic_horaire_brut;
  const activity = h.parent.salaryNet;
  const threshold1 = p.bonification_seuil_smic_horaire * smic;
  const threshold2 = p.bonification_seuil_max_smic_horaire * smic;
  const bonusMax = npRound(p.bonification_taux_max * base, 2);
  const bonus = Math.min(Math.max((bonusMax * (activity - threshold1)) / (threshold2 - threshold1), 0), bonusMax);

  const forfaitBase = base * (1 + (persons >= 2 ? p.majoration_2e_personne : 0) + (persons >= 3 ? p.majoration_3e_personne : 0));
  const fullForfait =
    forfaitBase *
    (persons === 1 ? p.forfait_logement_taux_1_personne : persons === 2 ? p.forfait_logement_taux_2_personnes : p.forfait_logement_taux_3_personnes);
  const forfait = housingForfait(h, housingAid, fullForfait);

  const family = familyBenefitsCounted(fam, P);
  const unemployment = h.parent.unemploymentNet;
  const alimony = h.alimony;
  const total = activity + unemployment + alimony + family.total;
  const earningsShare = p.pente_revenus_activite * activity;
  const raw = forfaitaire + bonus + earningsShare - Math.max(total + forfait.amount, forfaitaire);
  const amount = eligible ? f32(Math.max(raw, 0)) : 0;
  return {
    month: m,
    children,
    eligible,
    majore,
    forfaitaire,
    bonus,
    bonusMax,
    earningsShare,
    resources: { activity, unemployment, alimony, family, total },
    forfaitLogement: forfait.amount,
    amount,
  };
}

export interface PpaResult {
  months: PpaFictiveMonth[];
  average: number;
  hadEarnings: boolean;
  majore: boolean;
  amount: number;
}

export function ppaFromMonths(h: Household, M: MonthIndex, L: Legislation, months: PpaFictiveMonth[]): PpaResult {
  const P = L.month(M);
  const average = f32(months.reduce((s, x) => f32(s + x.amount), 0) / 3);
  const hadEarnings = h.parent.salaryNet > 0;
  const majore = majoreEligible(h, M, P);
  const open = hadEarnings || majore;
  const amount = open && average >= P.ppa.montant_minimum_verse ? average : 0;
  return { months, average, hadEarnings, majore, amount };
}
