/**
 * Who can get a local aid: each aid's territory, conditions (AND) and profiles (OR) read
 * against what we know of a household. Missing data never means eligible: an unknown
 * fact makes the answer `to_check` with the question still to ask; a failed condition
 * makes it `not_eligible` with the reason and the margin ("quotient familial 812 € >
 * 700 €, soit 112 € au-dessus"). Our own small evaluator rather than Publicodes: see
 * docs/decisions/0012-aides-own-evaluator.md. Pure: no I/O.
 */
import { type AidDefinition, type Condition, type Employment, type HousingKind, isEnded, isRequestable, type Profile } from './aid';
import { describeBenefit } from './benefit';
import { euros } from './money';

/** What we know of a household; `undefined` = not known (never "no"). */
export interface AidFacts {
  singleParent?: boolean;
  /** INSEE code of the commune of residence. */
  inseeCode?: string;
  neighbourhood?: string;
  /** Monthly quotient familial, in cents. */
  quotientCents?: number;
  /** Monthly resources (wages, unemployment benefit, alimony), in cents. */
  resourcesMonthlyCents?: number;
  /** Each child's age in whole years; [] = no child. */
  childrenAges?: number[];
  employment?: Employment;
  /** How long the family has lived in the commune, in months. */
  residenceMonths?: number;
  housing?: HousingKind;
  /** Aids granted to the household this calendar year (ids). */
  receivedThisYear?: string[];
}

export type QuestionKey =
  | 'single_parent'
  | 'commune'
  | 'quartier'
  | 'quotient_familial'
  | 'resources'
  | 'children'
  | 'situation_emploi'
  | 'residence'
  | 'housing'
  | 'received_this_year';

export interface Question {
  key: QuestionKey;
  label: string;
}

export const QUESTIONS: Record<QuestionKey, string> = {
  single_parent: 'Élevez-vous seul·e vos enfants ?',
  commune: 'Dans quelle commune habitez-vous ?',
  quartier: 'Dans quel quartier habitez-vous ?',
  quotient_familial: 'Quel est votre quotient familial (sur votre attestation CAF) ?',
  resources: 'Quelles sont vos ressources par mois (salaire, chômage, pension alimentaire) ?',
  children: 'Quel âge ont vos enfants ?',
  situation_emploi: 'Quelle est votre situation : en emploi, en recherche d’emploi, en formation ?',
  residence: 'Depuis combien de temps habitez-vous la commune ?',
  housing: 'Êtes-vous locataire, hébergé·e ou propriétaire ?',
  received_this_year: 'Avez-vous déjà reçu cette aide cette année ?',
};

export const EMPLOYMENT_LABELS: Record<Employment, string> = {
  en_emploi: 'en emploi',
  demandeur_emploi: "demandeur ou demandeuse d'emploi",
  en_formation: 'en formation',
  sans_activite: 'sans activité',
};

export const HOUSING_LABELS: Record<HousingKind, string> = {
  locataire_hlm: 'locataire HLM',
  locataire_vide: 'locataire (vide)',
  locataire_meuble: 'locataire (meublé)',
  loge_gratuitement: 'hébergé·e gratuitement',
  proprietaire: 'propriétaire',
};

type Check = { s: 'met'; text: string } | { s: 'unmet'; text: string } | { s: 'unknown'; q: QuestionKey };

export type EligibilityStatus = 'eligible' | 'not_eligible' | 'to_check';

export interface AidEligibility {
  aid: string;
  title: string;
  fund: string;
  demo: boolean;
  status: EligibilityStatus;
  /** not_eligible: every condition not met, with its margin. */
  reasons: string[];
  /** The conditions the household meets (plain French). */
  met: string[];
  /** to_check: the questions still to ask, in order. */
  questions: Question[];
  /** The profile the household matches (when the aid has profiles). */
  profile: string | null;
  /** The household matches a priority profile (served first). */
  priority: boolean;
  benefit: string;
  /** Asked with a request (false: the Pass Famille Solo, issued from the file by an agent). */
  askable: boolean;
}

const unknown = (q: QuestionKey): Check => ({ s: 'unknown', q });

function threshold(what: string, valueCents: number, maxCents: number, period: 'month' | 'year', perMonth: boolean): Check {
  const factor = period === 'year' && perMonth ? 12 : 1;
  const value = valueCents * factor;
  const unit = period === 'year' ? ' par an' : perMonth && what === 'ressources' ? ' par mois' : '';
  if (value <= maxCents) return { s: 'met', text: `${what} ${euros(value)}${unit} ≤ ${euros(maxCents)}` };
  return { s: 'unmet', text: `${what} ${euros(value)}${unit} > ${euros(maxCents)}, soit ${euros(value - maxCents)} au-dessus` };
}

function ageRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `entre ${min} et ${max} ans`;
  if (max !== undefined) return `de ${max} ans ou moins`;
  return `de ${min} ans ou plus`;
}

function checkCondition(c: Condition, f: AidFacts, aidId: string): Check {
  switch (c.kind) {
    case 'single_parent':
      if (f.singleParent === undefined) return unknown('single_parent');
      return f.singleParent ? { s: 'met', text: 'parent seul·e' } : { s: 'unmet', text: 'réservée aux parents qui élèvent seuls leurs enfants' };
    case 'quotient_familial':
      if (f.quotientCents === undefined) return unknown('quotient_familial');
      return threshold('quotient familial', f.quotientCents, c.max_cents, c.period, true);
    case 'resources':
      if (f.resourcesMonthlyCents === undefined) return unknown('resources');
      return threshold('ressources', f.resourcesMonthlyCents, c.max_cents, c.period, true);
    case 'child_age': {
      if (f.childrenAges === undefined) return unknown('children');
      const ok = f.childrenAges.some((a) => (c.min_years === undefined || a >= c.min_years) && (c.max_years === undefined || a <= c.max_years));
      const range = ageRange(c.min_years, c.max_years);
      return ok ? { s: 'met', text: `un enfant ${range}` } : { s: 'unmet', text: `aucun enfant ${range}` };
    }
    case 'employment': {
      if (f.employment === undefined) return unknown('situation_emploi');
      const wanted = c.among.map((e) => EMPLOYMENT_LABELS[e]).join(' ou ');
      return c.among.includes(f.employment)
        ? { s: 'met', text: EMPLOYMENT_LABELS[f.employment] }
        : { s: 'unmet', text: `situation : ${EMPLOYMENT_LABELS[f.employment]} (il faut être ${wanted})` };
    }
    case 'residence': {
      if (f.residenceMonths === undefined) return unknown('residence');
      if (f.residenceMonths >= c.min_months) return { s: 'met', text: `dans la commune depuis ${f.residenceMonths} mois (${c.min_months} demandés)` };
      const lack = c.min_months - f.residenceMonths;
      return { s: 'unmet', text: `dans la commune depuis ${f.residenceMonths} mois < ${c.min_months} mois, soit ${lack} mois à attendre` };
    }
    case 'housing': {
      if (f.housing === undefined) return unknown('housing');
      const wanted = c.among.map((h) => HOUSING_LABELS[h]).join(', ');
      return c.among.includes(f.housing)
        ? { s: 'met', text: HOUSING_LABELS[f.housing] }
        : { s: 'unmet', text: `logement : ${HOUSING_LABELS[f.housing]} (réservée à : ${wanted})` };
    }
    case 'not_received_this_year':
      if (f.receivedThisYear === undefined) return unknown('received_this_year');
      return f.receivedThisYear.includes(aidId) ? { s: 'unmet', text: 'déjà reçue cette année' } : { s: 'met', text: 'pas encore reçue cette année' };
  }
}

function territory(aid: AidDefinition, f: AidFacts): Check[] {
  const out: Check[] = [];
  if (aid.territory.communes.length) {
    if (f.inseeCode === undefined) out.push(unknown('commune'));
    else if (aid.territory.communes.includes(f.inseeCode)) out.push({ s: 'met', text: 'habite la commune' });
    else out.push({ s: 'unmet', text: "habite hors de la commune qui verse l'aide" });
  }
  if (aid.territory.neighbourhoods.length) {
    if (f.neighbourhood === undefined) out.push(unknown('quartier'));
    else if (aid.territory.neighbourhoods.includes(f.neighbourhood)) out.push({ s: 'met', text: 'habite un quartier concerné' });
    else out.push({ s: 'unmet', text: "habite hors des quartiers concernés par l'aide" });
  }
  return out;
}

/** One aid against one household. */
export function evaluateAid(aid: AidDefinition, f: AidFacts): AidEligibility {
  const checks: Check[] = territory(aid, f);
  for (const c of aid.conditions) checks.push(checkCondition(c, f, aid.id));
  const prof = profileChecks(aid.profiles, f, aid.id);
  checks.push(...prof.checks);
  const reasons: string[] = [];
  const met: string[] = [];
  const keys: QuestionKey[] = [];
  for (const c of checks) {
    if (c.s === 'unmet') reasons.push(c.text);
    else if (c.s === 'met') met.push(c.text);
    else if (!keys.includes(c.q)) keys.push(c.q);
  }
  const status: EligibilityStatus = reasons.length ? 'not_eligible' : keys.length ? 'to_check' : 'eligible';
  return {
    aid: aid.id,
    title: aid.title,
    fund: aid.fund,
    demo: aid.demo,
    status,
    reasons,
    met,
    questions: status === 'to_check' ? keys.map((key) => ({ key, label: QUESTIONS[key] })) : [],
    profile: status === 'eligible' ? (prof.profile?.label ?? null) : null,
    priority: status === 'eligible' && prof.profile?.priority === true,
    benefit: describeBenefit(aid.benefit),
    askable: isRequestable(aid),
  };
}

/** The profiles (OR-ed; each one's conditions AND-ed): one met check, or one unmet check, or the unknown facts. */
function profileChecks(list: Profile[], f: AidFacts, aidId: string): { checks: Check[]; profile: Profile | null } {
  if (!list.length) return { checks: [], profile: null };
  const unmet: string[] = [];
  const missing: QuestionKey[] = [];
  for (const p of list) {
    const checks = p.conditions.map((c) => checkCondition(c, f, aidId));
    const fail: string[] = [];
    const unknownHere: QuestionKey[] = [];
    for (const c of checks) {
      if (c.s === 'unmet') fail.push(c.text);
      else if (c.s === 'unknown') unknownHere.push(c.q);
    }
    if (fail.length) unmet.push(`${p.label} : ${fail.join(', ')}`);
    else if (unknownHere.length) missing.push(...unknownHere);
    else return { checks: [{ s: 'met', text: p.label }], profile: p };
  }
  if (missing.length) return { checks: missing.map(unknown), profile: null };
  return { checks: [{ s: 'unmet', text: `ne correspond à aucun profil (${unmet.join(' ; ')})` }], profile: null };
}

/** Every aid still open on `today` (YYYY-MM-DD) against one household, in the given order. */
export function evaluateAll(aids: readonly AidDefinition[], f: AidFacts, today: string): AidEligibility[] {
  const out: AidEligibility[] = [];
  for (const aid of aids) if (!isEnded(aid, today)) out.push(evaluateAid(aid, f));
  return out;
}
