/** What the aides module plugs into the household file: timeline, export, erasure, retention, the request form. */
import type { Queryable } from '../../platform/db/pool';
import { defineForm, type DossiersHooks, type TimelineItem } from '../dossiers/index';
import type { ChequesHooks } from '../cheques/index';
import type { DroitsHooks } from '../droits/index';
import { fileOffers, simulatorComplements } from './catalogue.service';
import * as store from './household.store';
import { passAidEligibility } from './pass-rule.service';
import { STATUS_LABELS } from './request-states';

/** Every household-file field a local aid's form may show (each aid shows only its own `file_fields`). */
export const REQUEST_FORM_FIELDS = [
  'parent.firstName',
  'parent.lastName',
  'parent.birthDate',
  'address.line',
  'address.postalCode',
  'address.city',
  'address.neighbourhoodId',
  'children.firstName',
  'children.birthDate',
  'children.schoolName',
  'situation.activity',
  'situation.salaryNetMonthlyCents',
  'housing.status',
  'housing.rentMonthlyCents',
  'quotient.value',
] as const;

export const requestForm = defineForm('aides.request', {
  title: "Demande d'aide locale",
  purpose: "Instruire votre demande d'aide : le CCAS vérifie que l'aide vous correspond (ressources, enfants, logement) et vous la verse.",
  fields: REQUEST_FORM_FIELDS,
});

async function timeline(q: Queryable, householdId: string): Promise<TimelineItem[]> {
  return (await store.timelineRows(q, householdId)).map((r) => ({
    at: r.at.toISOString(),
    kind: 'aides.request',
    title: r.to_status ? `Demande « ${r.title} » : ${STATUS_LABELS[r.to_status].toLowerCase()}` : `Demande « ${r.title} » : justificatif ajouté`,
    detail: r.by_mandate ? 'Par un agent, sous mandat de la famille' : null,
    module: 'aides',
    subjectId: r.request_id,
  }));
}

export const aidesDossiersHooks: DossiersHooks = {
  forms: [requestForm],
  // The local aids the family can get (or should check), on its file.
  offers: fileOffers,
  timeline,
  export: store.exportRows,
  // The fund ledger keeps its amounts (no family data in it); the requests and everything under them go.
  // Their uploaded files, no longer referenced, are deleted by the nightly `aides.purge-uploads`.
  erasure: store.eraseHousehold,
  async retention(q, householdId) {
    return (await store.grantedDecisions(q, householdId)).map((d) => ({
      category: 'aides.granted-aid',
      reference: d.id,
      legalBasis: 'Pièces justificatives des dépenses publiques : conservées 10 ans après le paiement (comptabilité publique du CCAS)',
      retainUntil: `${d.decided_at.getUTCFullYear() + 10}-12-31`,
      keep: ['parent.firstName', 'parent.lastName', 'address.city'],
    }));
  },
};

/** The local aids beside the national benefits in the rights simulator's results. */
export const aidesDroitsHooks: DroitsHooks = { complements: simulatorComplements };

/** The Pass Famille Solo's rule is our local aid « pass-famille-solo »: the chèques module asks it here. */
export const aidesChequesHooks: ChequesHooks = { passRule: passAidEligibility };
