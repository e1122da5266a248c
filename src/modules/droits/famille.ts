/**
 * Prestations familiales of one month: allocations familiales (base, majorations pour âge,
 * allocation forfaitaire, modulation by income, complément dégressif), allocation de
 * soutien familial, complément familial (and majoré), PAJE allocation de base.
 * Formulas follow OpenFisca-France (prestations_familiales/af.py, asf.py, cf.py, paje.py).
 * Amounts are euros as floats, as the reference model computes them; rounding happens
 * where the law (and the model) rounds.
 */
import { type MonthIndex, ageMonths, ageYears, dayNumber, monthIndex } from './dates';
import type { Household } from './household';
import { npRound, npRound32 } from './money';
import type { Legislation, Params } from './parameters';
import { type FiscalBase, familyResources } from './resources';

export interface FamilyMonth {
  month: MonthIndex;
  resources: FiscalBase;
  afChildren: number;
  afBase: number;
  afMajoration: number;
  afForfaitaire: number;
  afComplement: number;
  af: number;
  afRate: number;
  asfChildren: number;
  asfFull: number;
  asf: number;
  cfNonMajore: number;
  cfMajore: number;
  cf: number;
  paje: number;
}

/** 2026 reform: the age majoration moves to 18 for children born from 1 March 2012 on. */
const MAJORATION_REFORM_MONTH = monthIndex(2026, 3);
const MAJORATION_PIVOT_BIRTH = dayNumber(2012, 3, 1);
const MAJORATION_OLD_AGE = 14;

/**
 * Children's ages by month, for the household computed last: the formulas ask for the same
 * months many times per household, one household at a time (a WeakMap per household made
 * the garbage collector's work grow with the batch).
 */
let agesOf: Household | null = null;
const agesByMonth = new Map<MonthIndex, number[]>();

/** Children's ages on the first day of month m (memoised for the current household). */
export function ages(h: Household, m: MonthIndex): number[] {
  if (agesOf !== h) {
    agesOf = h;
    agesByMonth.clear();
  }
  let a = agesByMonth.get(m);
  if (!a) {
    a = h.children.map((c) => ageYears(c.birth, m));
    agesByMonth.set(m, a);
  }
  return a;
}

/** The reference model infers a pregnancy when the youngest child is born within the next 6 months. */
export function expecting(h: Household, m: MonthIndex): boolean {
  let youngest = Infinity;
  for (const c of h.children) youngest = Math.min(youngest, ageMonths(c.birth, m));
  return youngest < 0 && youngest > -6;
}

function modulationRate(P: Params, resources: number, children: number): { rate: number; ceiling1: number; ceiling2: number } {
  const af = P.af;
  const ceiling1 = af.plafond_tranche_1_base + Math.max(children, 0) * af.plafond_majoration_par_enfant;
  const ceiling2 = af.plafond_tranche_2_base + Math.max(children, 0) * af.plafond_majoration_par_enfant;
  const rate = resources <= ceiling1 ? 1 : resources <= ceiling2 ? af.modulation_taux_tranche_2 : af.modulation_taux_tranche_3;
  return { rate, ceiling1, ceiling2 };
}

export function familyMonth(h: Household, m: MonthIndex, L: Legislation): FamilyMonth {
  const P = L.month(m);
  const bmaf = P.commun.bmaf;
  const a = ages(h, m);
  const resources = familyResources(h, m, L);
  const R = resources.total;

  // Child "à charge" for family benefits: under 16 (compulsory schooling), or 16-19 without own income.
  // Counted with loops over the ages (no array per count: the batch command computes five months per household).
  const pfMin = P.commun.enfant_age_minimal;
  const pfLimit = P.commun.enfant_age_limite;
  let afChildren = 0;
  for (const x of a) if (x >= pfMin && x < pfLimit) afChildren++;

  // --- Allocations familiales
  const af = P.af;
  const eligibleAf = afChildren >= af.nb_enfants_min;
  const rateTotal =
    (afChildren >= af.rang_taux_2e_enfant ? Math.min(afChildren - (af.rang_taux_2e_enfant - 1), af.rang_taux_3e_enfant - af.rang_taux_2e_enfant) : 0) *
      af.taux_2e_enfant +
    Math.max(afChildren - (af.rang_taux_3e_enfant - 1), 0) * af.taux_3e_enfant_et_plus;
  const mod = modulationRate(P, R, afChildren);
  const afBaseFull = eligibleAf ? npRound(bmaf * rateTotal, 2) : 0;
  const afBase = afBaseFull * mod.rate;

  let eldestAge = -9999;
  for (const x of a) if (x >= pfMin && x < pfLimit && x <= af.age_aine_max && x > eldestAge) eldestAge = x;
  let majorationFull = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (!(x >= pfMin && x < pfLimit) || afBase <= 0 || afChildren <= 1) continue;
    if (afChildren === 2 && x === eldestAge) continue; // the eldest of two children opens no majoration
    const threshold = m >= MAJORATION_REFORM_MONTH && h.children[i]!.birth < MAJORATION_PIVOT_BIRTH ? MAJORATION_OLD_AGE : af.majoration_age;
    if (x >= threshold) majorationFull += bmaf * af.majoration_taux;
  }
  const afMajoration = majorationFull * mod.rate;

  let forfChildren = 0;
  for (const x of a) if (x === af.age_forfaitaire) forfChildren++;
  const forfRate = modulationRate(P, R, afChildren + forfChildren).rate;
  const forfUnit = npRound(bmaf * af.forfaitaire_taux, 2);
  const afForfaitaire = (afChildren + forfChildren >= af.forfaitaire_nb_enfants_min ? forfChildren : 0) * forfUnit * forfRate;

  // Complément dégressif: smooths the drop when income just exceeds a ceiling.
  const over1 = Math.max(0, R - mod.ceiling1);
  const over2 = Math.max(0, R - mod.ceiling2);
  const overMonthly = (over2 === 0 ? over1 : over2) / 12;
  const afComplement = overMonthly > 0 ? Math.max(0, afBase + afMajoration - overMonthly) + Math.max(0, afForfaitaire - overMonthly) : 0;
  const afTotal = afBase + afMajoration + afForfaitaire + afComplement;

  // --- ASF: per child under 20, minus alimony received (euro for euro)
  let asfChildren = 0;
  for (const x of a) if (x >= af.age_min_asf && x < af.age_forfaitaire) asfChildren++;
  const asfFull = asfChildren * bmaf * P.asf.taux_par_enfant;
  const asfAfterAlimony = Math.max(asfFull - h.alimony, 0);
  const asf = asfAfterAlimony > P.asf.seuil_versement ? asfAfterAlimony : 0;

  // --- PAJE allocation de base (child under 3)
  const pj = P.paje;
  let pajeChild = false;
  for (const x of a) if (x < pj.age_limite) pajeChild = true;
  const ceilingFull =
    pj.plafond_taux_plein_0_enfant +
    Math.min(afChildren, 2) * pj.majoration_1er_2e_enfant * pj.plafond_taux_plein_0_enfant +
    Math.max(afChildren - 2, 0) * pj.majoration_3e_enfant_et_plus * pj.plafond_taux_plein_0_enfant +
    pj.plafond_taux_plein_isoles;
  const ceilingPartial =
    pj.plafond_taux_partiel_0_enfant +
    Math.min(afChildren, 2) * pj.majoration_1er_2e_enfant * pj.plafond_taux_partiel_0_enfant +
    Math.max(afChildren - 2, 0) * pj.majoration_3e_enfant_et_plus * pj.plafond_taux_partiel_0_enfant +
    pj.plafond_taux_partiel_isoles;
  const pajeFull = bmaf * pj.taux_plein;
  const paje = pajeChild ? (R <= ceilingFull ? pajeFull : R <= ceilingPartial ? pajeFull / 2 : 0) : 0;

  // --- Complément familial: 3 children aged 3 to 20
  const cfp = P.cf;
  let cfChargeCount = 0;
  let cfEligibleCount = 0;
  for (const x of a) {
    if (!(x >= 0 && x < cfp.age_max)) continue;
    cfChargeCount++;
    if (x >= cfp.age_min) cfEligibleCount++;
  }
  const cfEligible = cfEligibleCount >= cfp.nb_enfants_min;
  const cfCeiling =
    cfp.plafond_0_enfant *
      (1 + cfp.majoration_deux_premiers_enfants * Math.min(cfChargeCount, 2) + cfp.majoration_troisieme_enfant_et_plus * Math.max(cfChargeCount - 2, 0)) +
    cfp.majoration_isoles_biactifs;
  const cfAmount = cfEligible ? bmaf * cfp.taux_base : 0;
  let cfNonMajore = 0;
  if (cfEligible) {
    if (R <= cfCeiling) cfNonMajore = cfAmount;
    else if (R <= cfCeiling + 12 * cfAmount) cfNonMajore = (cfCeiling + 12 * cfAmount - R) / 12;
  }
  const cfMajore = cfEligible && R <= cfCeiling * cfp.coefficient_plafond_majore ? bmaf * cfp.taux_majore : 0;
  // cf_montant is a float32 variable, rounded to the cent in float32 (numpy)
  const cf = paje > 0 ? 0 : npRound32(Math.max(cfNonMajore, cfMajore), 2);

  return {
    month: m,
    resources,
    afChildren,
    afBase,
    afMajoration,
    afForfaitaire,
    afComplement,
    af: afTotal,
    afRate: mod.rate,
    asfChildren,
    asfFull,
    asf,
    cfNonMajore,
    cfMajore,
    cf,
    paje,
  };
}
