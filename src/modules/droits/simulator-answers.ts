/**
 * The simulator's answers: what the family said, in its words (not the engine's), and
 * how they become the engine's household input (and a household file's prefill becomes
 * answers again). Pure, no I/O: shared with the web app (through droits/shared.ts;
 * eslint.config.js), which keeps the answers in the browser (web/features/droits/answers.ts).
 */
import type { FilePrefill } from '../droits-potentiels/index'; // the prefill droits potentiels answers (types only)
import type { CompleteHouseholdInput, HousingStatus } from './household';

type HouseholdInput = CompleteHouseholdInput;

export type AlimonyStatus = 'paid' | 'partly' | 'unpaid' | 'none' | 'no-other-parent';
export type Activity = 'actif' | 'chomeur' | 'inactif';

export interface Answers {
  livesAlone: 'oui' | 'non' | null;
  parentAge: number | null;
  recentlySeparated: 'oui' | 'non' | null;
  children: { birthDate: string }[];
  activity: Activity | null;
  salary: number | null;
  unemployment: number | null;
  unemploymentSince: string;
  alimonyStatus: AlimonyStatus | null;
  alimony: number | null;
  housingStatus: HousingStatus | null;
  rent: number | null;
  commune: { depcom: string; name: string } | null;
  neighbourhoodId: string | null;
}

export const emptyAnswers = (): Answers => ({
  livesAlone: null,
  parentAge: null,
  recentlySeparated: null,
  children: [{ birthDate: '' }],
  activity: null,
  salary: null,
  unemployment: null,
  unemploymentSince: '',
  alimonyStatus: null,
  alimony: null,
  housingStatus: null,
  rent: null,
  commune: null,
  neighbourhoodId: null,
});

export const STEPS = ['foyer', 'enfants', 'travail', 'pension', 'logement', 'commune', 'recap'] as const;
export type StepId = (typeof STEPS)[number];

export const isTenant = (s: HousingStatus | null) => s === 'locataire_hlm' || s === 'locataire_vide' || s === 'locataire_meuble';
export const receivesAlimony = (s: AlimonyStatus | null) => s === 'paid' || s === 'partly';

/** Age in whole years on the first day of `period` (YYYY-MM). */
export function ageAt(birthDate: string, period: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [py, pm] = period.split('-').map(Number);
  let age = py! - by!;
  if (pm! < bm! || (pm === bm && 1 < bd!)) age--;
  return Math.max(0, age);
}

/** Age in whole years on a day (YYYY-MM-DD): what a person says, shown in the summary (the engine counts on the 1st of the month). */
export function ageOnDay(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  let age = y! - by!;
  if (m! < bm! || (m === bm && d! < bd!)) age--;
  return Math.max(0, age);
}

const round2 = (x: number | null) => Math.round((x ?? 0) * 100) / 100;

/** The engine's household (benefits-sample `input` format) from the answers. */
export function buildInput(a: Answers, period: string): HouseholdInput {
  const activite = a.activity ?? 'inactif';
  const salary = activite === 'actif' ? round2(a.salary) : 0;
  const unemployment = activite === 'inactif' ? 0 : round2(a.unemployment);
  const parent: HouseholdInput['parent'] = {
    age: a.parentAge ?? undefined,
    activite,
    salaire_net_mensuel: salary,
    chomage_net_mensuel: unemployment,
    salaire_imposable_mensuel: salary,
    chomage_imposable_mensuel: unemployment,
  };
  if (activite === 'chomeur' && a.unemploymentSince) parent.date_debut_chomage = a.unemploymentSince;
  const housing: HouseholdInput['housing'] = { statut: a.housingStatus ?? 'loge_gratuitement', loyer_mensuel: isTenant(a.housingStatus) ? round2(a.rent) : 0 };
  if (a.commune) {
    housing.depcom = a.commune.depcom;
    housing.commune = a.commune.name;
  }
  return {
    id: 'simulateur',
    period,
    parent,
    children: a.children.filter((c) => c.birthDate).map((c) => ({ age: ageAt(c.birthDate, period), date_naissance: c.birthDate })),
    housing,
    pension_alimentaire_recue_mensuelle: receivesAlimony(a.alimonyStatus) ? round2(a.alimony) : 0,
    isolement_recent: a.recentlySeparated === 'oui',
  };
}

/**
 * The rent, asked the same way by the simulator and the household file: the housing aid's own
 * definition, the rent without charges (loyer principal); the aid counts charges as a forfait.
 */
export const RENT_WORDING = {
  question: 'Loyer par mois, sans les charges',
  help: 'Le loyer seul, écrit sur le bail ou la quittance : sans l’eau, le chauffage collectif ni les autres charges. L’aide au logement compte les charges à part, au forfait.',
  easyHelp: 'Sans les charges (eau, chauffage…).',
} as const;

/** Answers from the household file (dossiers' toDroitsInput, plus what it knows of the other parent). */
export function answersFromFile(p: FilePrefill): Answers {
  const i = p.input;
  const alimony = i.pension_alimentaire_recue_mensuelle;
  let alimonyStatus: AlimonyStatus | null = null;
  const op = p.otherParent;
  if (op?.alimonyPaidRegularly === true) alimonyStatus = 'paid';
  else if (op?.alimonyPaidRegularly === false) alimonyStatus = alimony > 0 ? 'partly' : (op.alimonyDueMonthlyCents ?? 0) > 0 ? 'unpaid' : 'none';
  else if (alimony > 0) alimonyStatus = 'paid';
  return {
    livesAlone: 'oui',
    parentAge: i.parent.age ?? null,
    recentlySeparated: i.isolement_recent ? 'oui' : p.missing.includes('situation.recentlySeparated') ? null : 'non',
    children: i.children.length ? i.children.map((c) => ({ birthDate: c.date_naissance })) : [{ birthDate: '' }],
    activity: i.parent.activite,
    salary: i.parent.salaire_net_mensuel,
    unemployment: i.parent.chomage_net_mensuel,
    unemploymentSince: i.parent.date_debut_chomage ?? '',
    alimonyStatus,
    alimony: alimony || null,
    housingStatus: i.housing.statut,
    rent: i.housing.loyer_mensuel || null,
    commune: i.housing.depcom ? { depcom: i.housing.depcom, name: i.housing.commune ?? i.housing.depcom } : null,
    neighbourhoodId: p.neighbourhoodId,
  };
}

export type Problems = Record<string, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What is missing or impossible on a step (message keys of messages.ts, by field). */
export function checkStep(step: StepId, a: Answers, today: string): Problems {
  const p: Problems = {};
  switch (step) {
    case 'foyer':
      if (!a.livesAlone) p.livesAlone = 'err.choose';
      if (a.parentAge == null) p.parentAge = 'err.required';
      else if (a.parentAge < 15 || a.parentAge > 100) p.parentAge = 'err.parentAge';
      if (!a.recentlySeparated) p.recentlySeparated = 'err.choose';
      break;
    case 'enfants':
      if (!a.children.length) p.children = 'err.oneChild';
      a.children.forEach((c, i) => {
        if (!c.birthDate) p[`child${i}`] = 'err.required';
        else if (!DATE.test(c.birthDate) || c.birthDate > today) p[`child${i}`] = 'err.childDate';
        else if (c.birthDate < `${Number(today.slice(0, 4)) - 30}-01-01`) p[`child${i}`] = 'err.childOld';
      });
      break;
    case 'travail':
      if (!a.activity) p.activity = 'err.choose';
      if (a.activity === 'actif' && (a.salary == null || a.salary < 0)) p.salary = 'err.amount';
      if (a.activity === 'chomeur' && (a.unemployment == null || a.unemployment < 0)) p.unemployment = 'err.amount';
      if (a.unemployment != null && a.unemployment < 0) p.unemployment = 'err.amount';
      if (a.activity === 'chomeur' && a.unemploymentSince && (!DATE.test(a.unemploymentSince) || a.unemploymentSince > today))
        p.unemploymentSince = 'err.pastDate';
      break;
    case 'pension':
      if (!a.alimonyStatus) p.alimonyStatus = 'err.choose';
      if (receivesAlimony(a.alimonyStatus) && (a.alimony == null || a.alimony <= 0)) p.alimony = 'err.alimony';
      break;
    case 'logement':
      if (!a.housingStatus) p.housingStatus = 'err.choose';
      if (isTenant(a.housingStatus) && (a.rent == null || a.rent <= 0)) p.rent = 'err.rent';
      break;
    case 'commune':
      if (!a.commune) p.commune = 'err.commune';
      break;
    case 'recap':
      break;
  }
  return p;
}

/** The first step with something missing (to send a prefilled family where it must answer). */
export function firstIncompleteStep(a: Answers, today: string): number {
  const i = STEPS.findIndex((s) => Object.keys(checkStep(s, a, today)).length > 0);
  return i === -1 ? STEPS.indexOf('recap') : i;
}

/** Which step a server error path (`input.housing.loyer_mensuel`) belongs to. */
export function stepOfPath(path: string): StepId {
  const p = path.replace(/^input\./, '');
  if (p.startsWith('children')) return 'enfants';
  if (p.startsWith('housing.depcom') || p.startsWith('housing.zone')) return 'commune';
  if (p.startsWith('housing')) return 'logement';
  if (p.startsWith('pension')) return 'pension';
  if (p.startsWith('parent.date_naissance') || p.startsWith('parent.age') || p.startsWith('isolement')) return 'foyer';
  if (p.startsWith('parent')) return 'travail';
  return 'recap';
}
