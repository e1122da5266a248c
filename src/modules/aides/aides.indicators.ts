/** What the action plan follows of the local aids, by the household's neighbourhood (demo requests left out). */
import { defineIndicator, type IndicatorDef } from '../../platform/indicators';
import { averageInstructionDays, countsByNeighbourhood } from './queue.store';

export const aidesIndicators: IndicatorDef[] = [
  defineIndicator({
    id: 'aides.requested',
    label: "Demandes d'aides locales déposées",
    unit: 'demandes',
    description: "Demandes d'aides locales déposées sur la période (par la famille ou au guichet sous mandat), par quartier du foyer.",
    compute: (q, { from, to }) => countsByNeighbourhood(q, 'requested', from, to),
  }),
  defineIndicator({
    id: 'aides.granted',
    label: 'Aides locales accordées',
    unit: 'aides',
    description: 'Décisions d’accord prises sur la période (une correction de décision ne compte pas deux fois), par quartier du foyer.',
    compute: (q, { from, to }) => countsByNeighbourhood(q, 'granted', from, to),
  }),
  defineIndicator({
    id: 'aides.paid',
    label: 'Montant des aides locales versées',
    unit: '€',
    description: 'Somme des versements inscrits sur les fonds pendant la période, par quartier du foyer.',
    compute: (q, { from, to }) => countsByNeighbourhood(q, 'paid', from, to),
  }),
  defineIndicator({
    id: 'aides.instruction-days',
    label: "Délai moyen d'instruction des aides locales",
    unit: 'jours',
    description:
      'Du dépôt à la décision, sans compter le temps où la demande attendait une correction de la famille ; demandes décidées sur la période, par quartier.',
    compute: (q, { from, to }) => averageInstructionDays(q, from, to),
  }),
];
