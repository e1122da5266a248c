/**
 * Aides au logement, rented home (APL in social housing, ALF/ALS otherwise: the same
 * amount), following OpenFisca-France prestations/aides_logement.py and
 * reduction_loyer_solidarite.py: rolling 12-month resources rounded up to 100 €,
 * 30 % abattement for indemnified unemployment, neutralisation for unpaid unemployment or
 * RSA received the month before, loyer plafond by zone, forfait charges, participation
 * personnelle, 10 € minimum (AL), degressivity for high rents, 5 € minoration, RLS in social
 * housing, CRDS (the amount is given net of CRDS, like the reference model).
 */
import { type MonthIndex, firstDay, monthIndex, yearOf } from './dates';
import { ages, expecting } from './famille';
import type { Household, Zone } from './household';
import { npRound, npRound32 } from './money';
import type { Legislation, Params } from './parameters';

/** float32 storage of the reference model (local alias: hot path). */
const f32 = Math.fround;

export interface HousingResources {
  salaries: number;
  unemployment: number;
  deduction: number;
  activityAllowance: boolean;
  neutralised: boolean;
  neutralisedBecause: 'chomage-non-indemnise' | 'rsa' | null;
  alimony: number;
  alimonyAfterDeduction: number;
  total: number;
  rounded: number;
}

export interface HousingMonth {
  month: MonthIndex;
  tenant: boolean;
  conventionne: boolean;
  dependants: number;
  zone: Zone;
  ceilingRent: number;
  realRent: number;
  retainedRent: number;
  charges: number;
  resources: HousingResources;
  r0: number;
  familyRate: number;
  rentRate: number;
  minimumParticipation: number;
  participation: number;
  beforeMinimum: number;
  afterMinimum: number;
  degressivityCoefficient: number;
  afterDegressivity: number;
  gross: number;
  rls: number;
  grossAfterRls: number;
  /** Net of CRDS, rounded to the cent: what is paid. */
  amount: number;
}

/** The keys named by a number of dependants, written out (no key text made per call on the hot path). */
const R0_KEYS = ['', 'r0_taux1pac', 'r0_taux2pac', 'r0_taux3pac', 'r0_taux4pac', 'r0_taux5pac'];
const RLS_CEILING_PATTERNS = [0, 1, 2, 3, 4, 5, 6].map((k) => (k ? `rls_plafond_zone_#_famille_${k}pac` : ''));

const zoneKeyCache = new Map<string, string[]>();
function zoneValue(P: Params, pattern: string, zone: Zone): number {
  let keys = zoneKeyCache.get(pattern);
  if (!keys) {
    keys = ['', '1', '2', '3'].map((z) => pattern.replace('#', z));
    zoneKeyCache.set(pattern, keys);
  }
  return P.logement[keys[zone]!]!;
}

export function housingDependants(h: Household, m: MonthIndex, P: Params): number {
  // children from 0 to 20 inclusive ("jusqu'au mois précédant ses 21 ans")
  return ages(h, m).filter((x) => x >= P.af.age_min_asf && x <= P.cf.age_max - 1).length;
}

export function housingResources(h: Household, m: MonthIndex, L: Legislation, neutralisedByRsa: boolean): HousingResources {
  const P = L.month(m).logement;
  const lastYear = L.month(monthIndex(yearOf(m) - 1, 1)).logement;
  const salaries = 12 * h.parent.salaryTaxable;
  const unemployment = 12 * h.parent.unemploymentTaxable;
  const assimilated = salaries + unemployment;
  const deduction = npRound(
    Math.min(Math.max(lastYear.abattement_frais_pro_taux * assimilated, lastYear.abattement_frais_pro_min), lastYear.abattement_frais_pro_max),
  );
  const twoMonthsAgo = firstDay(m - 2);
  const unemployedLong = h.parent.activity === 'chomeur' && h.parent.unemploymentStart !== null && h.parent.unemploymentStart < twoMonthsAgo;
  const unpaidUnemployment = unemployedLong && h.parent.unemploymentTaxable === 0;
  const activityAllowance = unemployedLong;
  let revenues = Math.max(0, salaries - deduction) * (1 - P.abattement_chomage_indemnise * (activityAllowance ? 1 : 0));
  revenues += unemployment + Math.min(0, (salaries - deduction) * (assimilated > 0 ? 1 : 0));
  const neutralised = unpaidUnemployment || neutralisedByRsa;
  if (neutralised) revenues = 0;
  const alimony = 12 * h.alimony;
  const alimonyAfterDeduction = Math.max(0, alimony - npRound(Math.max(P.abattement_pensions_taux * alimony, P.abattement_pensions_min)));
  const total = Math.max(revenues + alimonyAfterDeduction, 0);
  const rounded = f32(Math.ceil(npRound(total, 2) / 100) * 100);
  return {
    salaries,
    unemployment,
    deduction,
    activityAllowance,
    neutralised,
    neutralisedBecause: unpaidUnemployment ? 'chomage-non-indemnise' : neutralisedByRsa ? 'rsa' : null,
    alimony,
    alimonyAfterDeduction,
    total,
    rounded,
  };
}

/** Owners and people housed for free: no rental housing aid (accession is out of scope). */
function noHousingAid(month: MonthIndex, zone: Zone, dependants: number, resources: HousingResources): HousingMonth {
  return {
    month,
    tenant: false,
    conventionne: false,
    dependants,
    zone,
    ceilingRent: 0,
    realRent: 0,
    retainedRent: 0,
    charges: 0,
    resources,
    r0: 0,
    familyRate: 0,
    rentRate: 0,
    minimumParticipation: 0,
    participation: 0,
    beforeMinimum: 0,
    afterMinimum: 0,
    degressivityCoefficient: 1,
    afterDegressivity: 0,
    gross: 0,
    rls: 0,
    grossAfterRls: 0,
    amount: 0,
  };
}

export function housingMonth(h: Household, m: MonthIndex, L: Legislation, neutralisedByRsa: boolean): HousingMonth {
  const P = L.month(m);
  const lg = P.logement;
  const zone = h.housing.zone;
  const tenant = h.housing.status === 'locataire_hlm' || h.housing.status === 'locataire_vide' || h.housing.status === 'locataire_meuble';
  const conventionne = h.housing.status === 'locataire_hlm';
  const n = housingDependants(h, m, P);
  if (!tenant) return noHousingAid(m, zone, n, housingResources(h, m, L, neutralisedByRsa));
  // A pregnant single parent is assessed on the couple scale (al_couple).
  const couple = expecting(h, m);

  const ceilingRent = f32(
    npRound(
      n === 0
        ? zoneValue(P, couple ? 'loyer_plafond_zone_#_couples' : 'loyer_plafond_zone_#_personnes_seules', zone)
        : zoneValue(P, 'loyer_plafond_zone_#_un_enfant', zone) + (n > 1 ? (n - 1) * zoneValue(P, 'loyer_plafond_zone_#_majoration_par_enf_supp', zone) : 0),
      2,
    ),
  );
  // A furnished home counts for 2/3 of its rent in AL (not in APL, except furnished rooms).
  const furnished = h.housing.status === 'locataire_meuble' && !conventionne;
  const realRent = f32(npRound(f32(h.housing.rent) * (furnished ? 2 / 3 : 1)));
  const retainedRent = Math.min(realRent, ceilingRent);
  const charges = f32(lg.forfait_charges_base + n * lg.forfait_charges_par_enfant);

  const resources = housingResources(h, m, L, neutralisedByRsa);
  const r0 = n === 0 ? (couple ? lg.r0_taux_couple : lg.r0_taux_seul) : n >= 6 ? lg.r0_taux6pac + (n - 6) * lg.r0_taux_pac_supp : lg[R0_KEYS[n]!]!;
  const afterAllowance = Math.max(0, f32(resources.rounded - f32(r0)));
  const familyRate =
    n === 0
      ? couple
        ? lg.tf_couples_0_enfant
        : lg.tf_personnes_isolees
      : n >= 6
        ? lg.tf_avec_6_enfants + (n > 6 ? (n - 6) * lg.tf_maj_par_enf_supp : 0)
        : [lg.tf_avec_1_enfant, lg.tf_avec_2_enfants, lg.tf_avec_3_enfants, lg.tf_avec_4_enfants, lg.tf_avec_5_enfants][n - 1]!;
  const referenceRent =
    n === 0
      ? couple
        ? lg.loyer_plafond_zone_2_couples
        : lg.loyer_plafond_zone_2_personnes_seules
      : lg.loyer_plafond_zone_2_un_enfant + (n > 1 ? (n - 1) * lg.loyer_plafond_zone_2_majoration_par_enf_supp : 0);
  const rl = retainedRent / referenceRent;
  const rentRate =
    rl >= lg.tl_seuil_2
      ? lg.tl_taux_3 * (rl - lg.tl_seuil_2) + lg.tl_taux_2 * (lg.tl_seuil_2 - lg.tl_seuil_1)
      : Math.max(0, lg.tl_taux_2 * (rl - lg.tl_seuil_1));
  const minimumParticipation = f32(Math.max(f32(f32(lg.p0_taux) * f32(retainedRent + charges)), lg.p0_forfait));
  const participationRate = f32(f32(familyRate) + f32(rentRate));
  const participation = f32(minimumParticipation + f32(participationRate * afterAllowance));
  const beforeMinimum = tenant ? Math.max(0, f32(f32(retainedRent + charges) - participation)) : 0;
  const minimum = conventionne ? lg.seuil_versement_apl : lg.seuil_versement_al;
  const afterMinimum = beforeMinimum >= minimum ? beforeMinimum : 0;

  const degressiveFrom = npRound(ceilingRent * zoneValue(P, 'coefficient_degressivite_zone_#', zone), 2);
  const suppressedFrom = npRound(ceilingRent * zoneValue(P, 'coefficient_suppression_zone_#', zone), 2);
  const degressivityCoefficient =
    realRent <= degressiveFrom ? 1 : realRent <= suppressedFrom ? 1 - (realRent - degressiveFrom) / (suppressedFrom - degressiveFrom) : 0;
  const afterDegressivity = npRound(afterMinimum * degressivityCoefficient, 2);
  const gross = f32(Math.max(0, afterDegressivity - lg.minoration_forfaitaire));

  let rls = 0;
  if (conventionne) {
    const ceilingKey = n === 0 ? (couple ? 'rls_plafond_zone_#_couples' : 'rls_plafond_zone_#_personnes_seules') : RLS_CEILING_PATTERNS[Math.min(n, 6)]!;
    const ceiling = zoneValue(P, ceilingKey, zone) + (n > 6 ? (n - 6) * zoneValue(P, 'rls_plafond_zone_#_majoration_par_pac_supp', zone) : 0);
    if (resources.rounded / 12 < ceiling) {
      rls =
        n === 0
          ? zoneValue(P, couple ? 'rls_montant_zone_#_couples' : 'rls_montant_zone_#_personnes_seules', zone)
          : zoneValue(P, 'rls_montant_zone_#_famille_1pac', zone) + (n > 1 ? (n - 1) * zoneValue(P, 'rls_montant_zone_#_majoration_par_pac_supp', zone) : 0);
    }
  }
  const grossAfterRls = Math.max(0, f32(gross - f32(f32(rls) * f32(lg.rls_fraction_baisse_aide))));
  const amount = npRound32(f32(grossAfterRls - f32(grossAfterRls * f32(P.commun.crds_taux))), 2);
  return {
    month: m,
    tenant,
    conventionne,
    dependants: n,
    zone,
    ceilingRent,
    realRent,
    retainedRent,
    charges,
    resources,
    r0,
    familyRate,
    rentRate,
    minimumParticipation,
    participation,
    beforeMinimum,
    afterMinimum,
    degressivityCoefficient,
    afterDegressivity,
    gross,
    rls,
    grossAfterRls,
    amount,
  };
}
