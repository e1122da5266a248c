/**
 * The household file (dossier du foyer) as every module sees it. Pure types and
 * small helpers, no I/O.
 */
export const ACTIVITIES = ['actif', 'chomeur', 'inactif'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const HOUSING_STATUSES = [
  'locataire_hlm',
  'locataire_vide',
  'locataire_meuble',
  'proprietaire',
  'loge_gratuitement',
  'heberge',
  'sans_domicile',
] as const;
export type HousingStatus = (typeof HOUSING_STATUSES)[number];

export const OTHER_PARENT_CUSTODY = ['exclusive', 'alternate', 'visiting', 'none'] as const;
export const CHILD_CUSTODY = ['full', 'alternate', 'visiting'] as const;

export interface Parent {
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
}

export interface OtherParent {
  firstName: string | null;
  lastName: string | null;
  /** Who has the children: 'exclusive' (the parent alone), 'alternate' (garde alternée), 'visiting' (droit de visite), 'none'. */
  custody: (typeof OTHER_PARENT_CUSTODY)[number] | null;
  alimonyDueMonthlyCents: number | null;
  alimonyPaidRegularly: boolean | null;
}

export interface Child {
  id: string;
  firstName: string;
  lastName: string | null;
  birthDate: string;
  custody: (typeof CHILD_CUSTODY)[number];
  schoolName: string | null;
  schoolLevel: string | null;
}

export interface Address {
  line: string | null;
  postalCode: string | null;
  city: string | null;
  /** Code commune INSEE (depcom). */
  inseeCode: string | null;
  /** Neighbourhood id of the town configuration. */
  neighbourhoodId: string | null;
}

export interface Situation {
  activity: Activity | null;
  unemploymentSince: string | null;
  salaryNetMonthlyCents: number | null;
  unemploymentNetMonthlyCents: number | null;
  otherIncomeMonthlyCents: number | null;
  alimonyReceivedMonthlyCents: number | null;
  /** Family benefits received per month (prestations familiales), for the quotient familial. */
  familyBenefitsMonthlyCents: number | null;
  /** Annual taxable income of the household (revenus annuels), for the quotient familial. */
  annualIncomeCents: number | null;
  /** Separated in the last 18 months (isolement récent: RSA majoré). */
  recentlySeparated: boolean | null;
}

export interface Housing {
  status: HousingStatus | null;
  /** The rent WITHOUT charges (loyer principal): the housing aid's own definition, the simulator's too. */
  rentMonthlyCents: number | null;
  /** Rental charges per month, asked apart (optional): local housing aids read the whole cost. */
  chargesMonthlyCents: number | null;
  /** A rent typed "charges comprises" before the file asked it without charges (migration 0210); cleared when the rent is given again. */
  rentWithChargesFormerCents: number | null;
}

export interface Quotient {
  /** Euros. The entered value wins over the computed one. */
  value: number | null;
  source: 'entered' | 'computed' | null;
  entered: number | null;
}

export interface DocumentMeta {
  id: string;
  kind: string;
  label: string | null;
  validFrom: string | null;
  validUntil: string | null;
  hasFile: boolean;
  originalName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  expired: boolean;
}

export interface Household {
  id: string;
  status: 'active' | 'erased';
  version: number;
  createdAt: string;
  updatedAt: string;
  lastConfirmedAt: string | null;
  referentAgentId: string | null;
  parentUserId: string | null;
  parent: Parent;
  /** The parent's identity (names, birth date) as FranceConnect certified it: locked in the file. */
  identityCertification?: { by: 'franceconnect'; at: string } | null;
  otherParent: OtherParent | null;
  children: Child[];
  address: Address;
  situation: Situation;
  housing: Housing;
  quotient: Quotient;
  documents: DocumentMeta[];
}

/** Age in whole years on `onDate` (YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Children counted as dependants (à charge) on a date: under 20, as the CAF does for family benefits. */
export function dependentChildren(children: Child[], onDate: string, maxAge = 20): Child[] {
  return children.filter((c) => c.birthDate <= onDate && ageOn(c.birthDate, onDate) < maxAge);
}
