/**
 * From the file to the rights simulator's household input (module droits), in the
 * format of OpenFisca-France test cases used by the simulator (see
 * src/modules/droits/fixtures/benefits-sample.json `input`): euros per month, one parent, the
 * children with their birth dates, housing with the commune code. The shape is droits' own
 * (`CompleteHouseholdInput`, from its zod schema). Pure.
 */
import type { CompleteHouseholdInput } from '../droits/index';
import type { FieldKey } from './fields';
import { defineForm } from './form-registry';
import { ageOn, type Household } from './household';

/** The fields toDroitsInput reads: the simulator's form declares exactly these. */
export const DROITS_FIELDS: FieldKey[] = [
  'parent.birthDate',
  'children.birthDate',
  'situation.activity',
  'situation.unemploymentSince',
  'situation.salaryNetMonthlyCents',
  'situation.unemploymentNetMonthlyCents',
  'situation.alimonyReceivedMonthlyCents',
  'situation.recentlySeparated',
  'housing.status',
  'housing.rentMonthlyCents',
  'address.inseeCode',
  'address.city',
];

/** The simulator's form (listed in dossiersModule's hooks): exactly the fields toDroitsInput reads. */
export const droitsSimulationForm = defineForm('droits.simulation', {
  title: 'Simulateur de droits',
  purpose: 'Estimer les aides nationales (CAF, RSA, aides au logement…) auxquelles vous avez peut-être droit, sans tout ressaisir.',
  fields: DROITS_FIELDS,
});

const euros = (cents: number | null | undefined) => (cents ?? 0) / 100;

/** Children older than this on the 1st of the month are not passed to the simulator. */
const MAX_CHILD_AGE = 25;

export function toDroitsInput(h: Household, period: string): CompleteHouseholdInput {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new RangeError(`period must be YYYY-MM: ${period}`);
  const firstOfMonth = `${period}-01`;
  const lastOfMonth = lastDay(period);
  const s = h.situation;
  const activity = s.activity ?? 'inactif';
  const parent: CompleteHouseholdInput['parent'] = {
    activite: activity,
    salaire_net_mensuel: euros(s.salaryNetMonthlyCents),
    chomage_net_mensuel: euros(s.unemploymentNetMonthlyCents),
    // The file records net amounts; the simulator's convention takes imposable = net.
    salaire_imposable_mensuel: euros(s.salaryNetMonthlyCents),
    chomage_imposable_mensuel: euros(s.unemploymentNetMonthlyCents),
  };
  if (h.parent.birthDate) {
    parent.date_naissance = h.parent.birthDate;
    parent.age = ageOn(h.parent.birthDate, firstOfMonth);
  }
  if (activity === 'chomeur' && s.unemploymentSince) parent.date_debut_chomage = s.unemploymentSince;
  const children = h.children
    .filter((c) => c.birthDate <= lastOfMonth)
    .map((c) => ({ date_naissance: c.birthDate, age: Math.max(0, ageOn(c.birthDate, firstOfMonth)) }))
    .filter((c) => c.age < MAX_CHILD_AGE)
    .sort((a, b) => a.date_naissance.localeCompare(b.date_naissance));
  const status = h.housing.status;
  const statut: CompleteHouseholdInput['housing']['statut'] =
    status === 'heberge' || status === 'sans_domicile' || status == null ? 'loge_gratuitement' : status;
  const housing: CompleteHouseholdInput['housing'] = {
    statut,
    loyer_mensuel: statut.startsWith('locataire') ? euros(h.housing.rentMonthlyCents) : 0,
  };
  if (h.address.inseeCode) housing.depcom = h.address.inseeCode;
  if (h.address.city) housing.commune = h.address.city;
  return {
    id: h.id,
    period,
    parent,
    children,
    housing,
    pension_alimentaire_recue_mensuelle: euros(s.alimonyReceivedMonthlyCents),
    isolement_recent: s.recentlySeparated ?? false,
  };
}

/** Fields the simulator needs that the family has not filled yet (ask only these). */
export function droitsMissingFields(h: Household): FieldKey[] {
  const missing: FieldKey[] = [];
  const s = h.situation;
  if (!h.parent.birthDate) missing.push('parent.birthDate');
  if (!h.children.length) missing.push('children.birthDate');
  if (!s.activity) missing.push('situation.activity');
  if (s.activity === 'actif' && s.salaryNetMonthlyCents == null) missing.push('situation.salaryNetMonthlyCents');
  if (s.activity === 'chomeur' && s.unemploymentNetMonthlyCents == null) missing.push('situation.unemploymentNetMonthlyCents');
  if (s.alimonyReceivedMonthlyCents == null) missing.push('situation.alimonyReceivedMonthlyCents');
  if (!h.housing.status) missing.push('housing.status');
  if (h.housing.status?.startsWith('locataire') && h.housing.rentMonthlyCents == null) missing.push('housing.rentMonthlyCents');
  if (!h.address.inseeCode) missing.push('address.inseeCode');
  return missing;
}

function lastDay(period: string): string {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(d).padStart(2, '0')}`;
}
