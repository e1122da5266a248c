/**
 * Turns a computation into explanations a family can read: for each benefit, eligible or
 * not, the main reason, then the steps (reference period, resources used, parameters
 * with their legal reference). Amounts in steps are euros before CRDS unless said.
 */
import { BENEFITS, type BenefitKey } from './benefits';
import type { Computation } from './compute';
import { type MonthIndex, firstDay, yearOf } from './dates';
import { Tracer } from './explain';
import type { Reason } from './explanations-catalogue';
import type { Legislation } from './parameters';
import type { FiscalBase } from './resources';
import type { Household } from './household';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/**
 * The texts of the steps made from a month, a year or a rate, each made once: every household
 * of a batch says them again. `make` is a function of the module (no closure per call).
 */
function memo<K>(cache: Map<K, string>, key: K, make: (key: K) => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    text = make(key);
    if (cache.size < 10_000) cache.set(key, text);
  }
  return text;
}

const monthLabels = new Map<MonthIndex, string>();
const makeMonthLabel = (m: MonthIndex) => `${MONTHS[m % 12]} ${yearOf(m)}`;
/** « mars 2026 ». */
export function monthLabel(m: MonthIndex): string {
  return memo(monthLabels, m, makeMonthLabel);
}

const familyPeriods = new Map<number, string>();
const makeFamilyPeriod = (year: number) => `année ${year} (N-2)`;
const rsaPeriods = new Map<MonthIndex, string>();
const makeRsaPeriod = (M: MonthIndex) => `${monthLabel(M - 3)} à ${monthLabel(M - 1)} (moyenne des 3 mois précédents)`;
const ppaPeriods = new Map<MonthIndex, string>();
const makePpaPeriod = (M: MonthIndex) => `${monthLabel(M - 3)} à ${monthLabel(M - 1)} : moyenne des 3 mois`;
const housingPeriods = new Map<MonthIndex, string>();
const makeHousingPeriod = (M: MonthIndex) => `${monthLabel(M - 13)} à ${monthLabel(M - 2)} (12 mois glissants)`;
const schoolYears = new Map<number, string>();
const makeSchoolYear = (year: number) => `août ${year} (versée une fois par an)`;
const years = new Map<number, string>();
const makeYear = (year: number) => `${year}`;
/** « 59,85 » for a slope of 0.5985. */
const shares = new Map<number, string>();
const makeShare = (rate: number) => String(Math.round(rate * 10000) / 100).replace('.', ',');
const ZONE_SOURCES: Record<Household['housing']['zoneSource'], string> = {
  saisie: 'indiquée',
  commune: 'selon la commune',
  defaut: 'zone 2 par défaut',
};
const zoneTexts = new Map<string, string>();
const makeZoneText = (key: string) => `zone ${key.slice(0, 1)} (${ZONE_SOURCES[key.slice(1) as Household['housing']['zoneSource']]})`;
/** The parameters named by zone, by zone (1 to 3). */
const CEILING_BY_ZONE = ['', 'logement.loyer_plafond_zone_1_un_enfant', 'logement.loyer_plafond_zone_2_un_enfant', 'logement.loyer_plafond_zone_3_un_enfant'];
const DEGRESSIVITY_BY_ZONE = [
  '',
  'logement.coefficient_degressivite_zone_1',
  'logement.coefficient_degressivite_zone_2',
  'logement.coefficient_degressivite_zone_3',
];

function familyResourcesSteps(t: Tracer, res: FiscalBase): void {
  t.step('Période de référence des ressources', memo(familyPeriods, res.year, makeFamilyPeriod));
  t.step('Salaires et allocations chômage imposables {1}', res.salaries, undefined, res.year);
  t.step('Après abattement forfaitaire de 10 %', res.salariesAfterDeduction, 'logement.abattement_frais_pro_taux');
  if (res.pensions > 0) {
    t.step('Pensions alimentaires reçues {1}', res.pensions, undefined, res.year);
    t.step('Pensions après abattement de 10 %', res.pensionsAfterDeduction, 'logement.abattement_pensions_taux');
  }
  t.step('Ressources retenues', res.total);
}

type Explain = (t: Tracer, c: Computation, L: Legislation, M: MonthIndex) => [eligible: boolean, reason: Reason];

/**
 * One explanation per benefit (a Record: a benefit of the list without its explanation does
 * not compile). Functions of the module, not closures made per household: the batch command
 * explains thousands of households a second.
 */
const EXPLAIN: Record<BenefitKey, Explain> = {
  // --- ASF
  asf: (t, c, L, M) => {
    const f = c.family;
    t.step('Mois de calcul', monthLabel(M));
    t.step('Enfants de moins de 20 ans ouvrant droit', f.asfChildren, 'af.age_forfaitaire');
    t.step('Montant par enfant (part de la BMAF)', f.asfChildren > 0 ? f.asfFull / f.asfChildren : 0, 'asf.taux_par_enfant');
    t.step('Montant avant pension alimentaire', f.asfFull);
    t.step('Pension alimentaire reçue par mois, déduite euro pour euro', c.household.alimony);
    const unpaid = c.household.alimonySet !== undefined ? Math.max(0, c.household.alimonySet - c.household.alimony) : 0;
    if (unpaid > 0) t.step("Pension fixée mais non payée chaque mois : la CAF (ARIPA) peut la réclamer à l'autre parent", unpaid);
    t.step('Montant mensuel', f.asf, 'asf.seuil_versement');
    return [
      f.asf > 0,
      f.asfChildren === 0
        ? "Aucun enfant de moins de 20 ans : l'ASF n'est pas due."
        : f.asf > 0
          ? unpaid > 0
            ? "L'autre parent ne paie pas toute la pension fixée : l'ASF est versée et la CAF (ARIPA) peut récupérer la pension impayée auprès de lui (recouvrement)."
            : c.household.alimony > 0
              ? "Vous élevez seul·e vos enfants ; l'ASF complète la pension alimentaire reçue jusqu'au montant de l'ASF."
              : "Vous élevez seul·e vos enfants sans pension alimentaire : l'ASF est versée. Si l'autre parent ne paie pas la pension fixée, la CAF (ARIPA) peut la lui réclamer (recouvrement)."
          : 'La pension alimentaire reçue dépasse (ou égale presque) le montant de l’ASF : rien à verser.',
    ];
  },
  // --- AF
  af: (t, c, L, M) => {
    const f = c.family;
    familyResourcesSteps(t, f.resources);
    t.step('Enfants à charge (moins de 20 ans)', f.afChildren, 'commun.enfant_age_limite');
    t.step('Base mensuelle des allocations familiales (BMAF)', L.month(M).commun.bmaf, 'commun.bmaf');
    t.step('Taux selon les ressources (modulation)', f.afRate, 'af.plafond_tranche_1_base');
    t.step('Allocation de base', f.afBase, 'af.taux_2e_enfant');
    t.step("Majorations pour âge (enfants de 14 ans et plus, sauf l'aîné de deux enfants)", f.afMajoration, 'af.majoration_age');
    t.step('Allocation forfaitaire (enfant de 20 ans, famille de 3 enfants et plus)', f.afForfaitaire, 'af.forfaitaire_taux');
    if (f.afComplement > 0) t.step('Complément dégressif (ressources juste au-dessus du plafond)', f.afComplement);
    t.step('Total mensuel', f.af);
    return [
      f.af > 0,
      f.afChildren < 2
        ? 'Les allocations familiales commencent au 2e enfant à charge (moins de 20 ans).'
        : 'Au moins deux enfants à charge : allocations familiales versées.',
    ];
  },
  // --- CF
  cf: (t, c) => {
    const f = c.family;
    familyResourcesSteps(t, f.resources);
    t.step('Montant complet', f.cfNonMajore, 'cf.taux_base');
    t.step('Montant majoré (ressources sous la moitié du plafond)', f.cfMajore, 'cf.taux_majore');
    if (f.paje > 0) t.step("Non cumulable avec l'allocation de base de la PAJE", true);
    t.step('Montant mensuel', f.cf);
    return [
      f.cf > 0,
      f.cf > 0
        ? 'Au moins 3 enfants de 3 à 20 ans et ressources sous le plafond : complément familial versé.'
        : f.paje > 0
          ? 'Un enfant de moins de 3 ans ouvre droit à la PAJE, qui ne se cumule pas avec le complément familial.'
          : 'Il faut au moins 3 enfants à charge âgés de 3 à 20 ans et des ressources sous le plafond.',
    ];
  },
  // --- RSA
  rsa: (t, c, L, M) => {
    const r = c.rsa;
    t.step('Période de référence', memo(rsaPeriods, M, makeRsaPeriod));
    t.step('Personnes au foyer (vous et les enfants de moins de 25 ans)', 1 + r.children, 'rsa.age_pac');
    t.step('Montant forfaitaire', r.socle, 'rsa.montant_de_base');
    if (r.majoreEligible) t.step('Montant forfaitaire majoré pour parent isolé', r.socleMajore, 'rsa.majore_taux_par_enfant');
    t.step('Salaires nets', r.resources.activity);
    t.step('Allocations chômage nettes', r.resources.unemployment);
    t.step('Pension alimentaire reçue', r.resources.alimony);
    t.step('Allocations familiales (hors majorations)', r.resources.family.afBase);
    t.step('ASF comptée forfaitairement', r.resources.family.asfForfait, 'rsa.forfait_asf_taux');
    t.step('Complément familial et PAJE comptés', r.resources.family.cfNonMajore + r.resources.family.paje);
    t.step('Forfait logement déduit', r.forfaitLogement, 'rsa.forfait_logement_taux_3_personnes');
    t.step('Total des ressources', r.resources.total);
    t.step('Montant mensuel (non versé sous 6 €)', r.amount, 'rsa.montant_minimum_verse');
    return [
      r.amount > 0,
      r.amount > 0
        ? 'Vos ressources sont inférieures au montant forfaitaire : le RSA complète.'
        : !r.eligible && !r.majoreEligible
          ? 'Le RSA est ouvert à partir de 25 ans, ou plus tôt avec un enfant à charge.'
          : r.amountBeforeMinimum > 0
            ? 'Le RSA calculé est inférieur à 6 € : il n’est pas versé.'
            : 'Vos ressources (et aides comptées) dépassent le montant garanti par le RSA.',
    ];
  },
  // --- PPA
  ppa: (t, c, L, M) => {
    const p = c.ppa;
    t.step('Période de référence', memo(ppaPeriods, M, makePpaPeriod));
    for (const m of p.months) {
      const month = monthLabel(m.month);
      if (m.majore) t.step('{1} : montant forfaitaire majoré (parent isolé)', m.forfaitaire, 'ppa.majore_taux_par_enfant', month);
      else t.step('{1} : montant forfaitaire', m.forfaitaire, 'ppa.montant_de_base', month);
      const share = memo(shares, L.month(m.month).ppa.pente_revenus_activite, makeShare);
      t.step("{1} : {2} % des revenus d'activité", m.earningsShare, 'ppa.pente_revenus_activite', month, share);
      t.step('{1} : bonification individuelle', m.bonus, 'ppa.bonification_taux_max', month);
      t.step('{1} : ressources comptées (dont prestations familiales)', m.resources.total, undefined, month);
      t.step('{1} : forfait logement', m.forfaitLogement, 'ppa.forfait_logement_taux_3_personnes', month);
      t.step('{1} : prime calculée', m.amount, undefined, month);
    }
    t.step('Moyenne des trois mois', p.average);
    t.step('Montant mensuel (non versé sous 15 €)', p.amount, 'ppa.montant_minimum_verse');
    return [
      p.amount > 0,
      !p.hadEarnings && !p.majore
        ? "La prime d'activité suppose des revenus d'activité au cours des 3 derniers mois."
        : p.amount > 0
          ? "Vos revenus d'activité ouvrent droit à la prime d'activité."
          : 'Vos ressources sont trop élevées pour la prime d’activité (ou le montant est inférieur à 15 €).',
    ];
  },
  // --- Aide au logement
  aide_logement: (t, c, L, M) => {
    const hm = c.housing;
    const hr = hm.resources;
    if (!hm.tenant) {
      t.step('Statut du logement', c.household.housing.status === 'proprietaire' ? 'propriétaire' : 'logé·e gratuitement');
    } else {
      t.step('Période de référence des ressources', memo(housingPeriods, M, makeHousingPeriod));
      t.step('Zone du logement', memo(zoneTexts, `${hm.zone}${c.household.housing.zoneSource}`, makeZoneText));
      t.step('Personnes à charge (enfants jusqu’à 20 ans)', hm.dependants);
      t.step('Salaires imposables sur 12 mois', hr.salaries);
      t.step('Allocations chômage imposables sur 12 mois', hr.unemployment);
      t.step('Abattement forfaitaire de 10 % (frais professionnels)', hr.deduction, 'logement.abattement_frais_pro_taux');
      if (hr.activityAllowance) t.step('Abattement de 30 % sur les revenus d’activité (chômage indemnisé)', true, 'logement.abattement_chomage_indemnise');
      if (hr.neutralised)
        t.step(hr.neutralisedBecause === 'rsa' ? 'Revenus neutralisés : RSA perçu le mois précédent' : 'Revenus neutralisés : chômage non indemnisé', true);
      if (hr.alimony > 0) t.step('Pensions alimentaires reçues (après abattement de 10 %)', hr.alimonyAfterDeduction, 'logement.abattement_pensions_min');
      t.step('Ressources retenues (arrondies aux 100 € supérieurs)', hr.rounded);
      t.step('Abattement forfaitaire R0', hm.r0, 'logement.r0_taux1pac');
      t.step(c.household.housing.status === 'locataire_meuble' ? 'Loyer pris en compte (meublé : deux tiers du loyer)' : 'Loyer réel', hm.realRent);
      t.step('Loyer plafond', hm.ceilingRent, CEILING_BY_ZONE[hm.zone]);
      t.step('Loyer retenu (dans la limite du plafond)', hm.retainedRent);
      t.step('Forfait charges', hm.charges, 'logement.forfait_charges_base');
      t.step('Participation personnelle', hm.participation, 'logement.p0_forfait');
      t.step('Aide avant minimum de versement', hm.beforeMinimum, hm.conventionne ? 'logement.seuil_versement_apl' : 'logement.seuil_versement_al');
      if (hm.degressivityCoefficient < 1) t.step('Coefficient de dégressivité (loyer élevé)', hm.degressivityCoefficient, DEGRESSIVITY_BY_ZONE[hm.zone]);
      t.step('Minoration forfaitaire', 5, 'logement.minoration_forfaitaire');
      if (hm.rls > 0) t.step('Réduction de loyer de solidarité (RLS) déduite à 98 %', hm.rls, 'logement.rls_fraction_baisse_aide');
      t.step('Montant mensuel net de CRDS', hm.amount, 'commun.crds_taux');
    }
    return [
      hm.amount > 0,
      !hm.tenant
        ? 'Les aides au logement simulées ici concernent les locataires.'
        : hm.amount > 0
          ? hm.conventionne
            ? 'APL (logement conventionné) : le loyer dépasse votre participation personnelle.'
            : hm.dependants > 0
              ? 'Allocation de logement familiale (ALF) : le loyer dépasse votre participation personnelle.'
              : 'Allocation de logement sociale (ALS) : le loyer dépasse votre participation personnelle.'
          : 'Vos ressources sont trop élevées pour ce loyer (ou l’aide serait inférieure à 10 €).',
    ];
  },
  // --- PAJE
  paje_base: (t, c, L, M) => {
    const f = c.family;
    familyResourcesSteps(t, f.resources);
    t.step('Montant à taux plein (part de la BMAF)', L.month(M).commun.bmaf * L.month(M).paje.taux_plein, 'paje.taux_plein');
    t.step('Montant mensuel', f.paje, 'paje.plafond_taux_plein_0_enfant');
    return [
      f.paje > 0,
      f.paje > 0
        ? "Un enfant de moins de 3 ans et des ressources sous le plafond : allocation de base versée jusqu'au mois précédant ses 3 ans."
        : 'Il faut un enfant de moins de 3 ans et des ressources sous le plafond.',
    ];
  },
  // --- ARS
  ars_annuel: (t, c) => {
    const a = c.ars;
    t.step('Rentrée scolaire', memo(schoolYears, a.year, makeSchoolYear));
    t.step('Âges pris au 31 décembre', memo(years, a.year, makeYear));
    t.step('Enfants de 6 à 10 ans', a.primary, 'ars.taux_primaire');
    t.step('Enfants de 11 à 14 ans', a.middle, 'ars.taux_college');
    t.step('Enfants de 15 à 18 ans', a.high, 'ars.taux_lycee');
    t.step('Ressources {1} (N-2)', a.resources, undefined, a.resourcesYear);
    t.step('Plafond de ressources', a.ceiling, 'ars.plafond_ressources');
    if (a.excess > 0) t.step('Dépassement du plafond déduit (ARS différentielle)', a.excess);
    t.step('Montant annuel (non versé sous 15 €)', a.amount, 'ars.montant_minimum_verse');
    return [
      a.amount > 0,
      a.primary + a.middle + a.high === 0
        ? "Aucun enfant de 6 à 18 ans à la rentrée : pas d'ARS."
        : a.amount > 0
          ? a.excess > 0
            ? 'Ressources un peu au-dessus du plafond : ARS réduite du dépassement.'
            : 'Enfants scolarisés de 6 à 18 ans et ressources sous le plafond : ARS versée en août.'
          : 'Ressources trop élevées pour l’ARS.',
    ];
  },
};

/**
 * The explanations of every benefit, as flat records (explain.ts `Tracer`, in the order of
 * BENEFITS). `withReferences` false (`--references ids`): no legal reference is looked up.
 * `into`: a tracer to fill again (emptied first; the batch command's, read before the next household).
 */
export function explainAll(c: Computation, L: Legislation, withReferences = true, into?: Tracer): Tracer {
  const M = c.household.period;
  const t = into ? into.reset(withReferences ? L : null, firstDay(M)) : new Tracer(withReferences ? L : null, firstDay(M));
  for (let e = 0; e < BENEFITS.length; e++) {
    const key = BENEFITS[e]!;
    const [eligible, reason] = EXPLAIN[key](t, c, L, M);
    t.end(key, eligible, reason);
  }
  return t;
}
