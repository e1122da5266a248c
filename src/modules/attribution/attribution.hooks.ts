/** Applications in the household file's life cycle: its form's fields, the agent's timeline, the family's export, erasure. */
import { defineForm, type DossiersHooks } from '../dossiers/index';
import * as history from './history.store';

export const APPLICATION_FORM = defineForm('attribution.application', {
  title: 'Demande de place (crèche, mercredis, vacances, répit)',
  purpose:
    "Calculer les points de votre demande selon les critères publiés (parent seul, quotient familial, travail, frères et sœurs) et vérifier l'âge de chaque enfant pour les groupes choisis.",
  fields: ['otherParent.custody', 'children.firstName', 'children.birthDate', 'quotient.value', 'situation.activity', 'documents.kind', 'documents.validUntil'],
});

export const attributionDossiersHooks: DossiersHooks = {
  forms: [APPLICATION_FORM],

  export: async (q, householdId) => ({ attribution_applications: await history.applicationsForExport(q, householdId) }),

  erasure: async (t, householdId) => history.anonymiseHousehold(t, householdId),

  timeline: async (q, householdId) =>
    (await history.timelineRows(q, householdId)).map((r) => ({
      at: r.submittedAt.toISOString(),
      kind: 'attribution.application',
      title: `Demande de place : ${r.title}`,
      detail: r.childFirstName ? `Pour ${r.childFirstName}` : null,
      module: 'attribution',
      subjectId: r.id,
    })),
};
