/** What the action plan follows of the entraide, by neighbourhood (demo rows left out). */
import { defineIndicator, type IndicatorDef } from '../../platform/indicators';
import { sumsByHouseholdNeighbourhood } from '../dossiers/index';
import { parisDate } from '../../platform/clock';
import * as store from './indicators.store';
import { minutesByHousehold } from './tutoring.store';

export const entraideIndicators: IndicatorDef[] = [
  defineIndicator({
    id: 'entraide.tutoring-hours',
    label: 'Heures de tutorat bénévole',
    unit: 'heures',
    description: 'Heures des séances de tutorat faites sur la période (notées par la famille ou un agent), par quartier du foyer.',
    async compute(q, { from, to }) {
      const values = await sumsByHouseholdNeighbourhood(q, await minutesByHousehold(q, parisDate(from), parisDate(to)));
      return values.map((v) => ({ ...v, value: Math.round((v.value / 60) * 100) / 100 }));
    },
  }),
  defineIndicator({
    id: 'entraide.posts',
    label: 'Annonces Parents Voisins publiées',
    unit: 'annonces',
    description: "Offres et demandes d'entraide (garde, trajets, courses, prêt, écoute) publiées sur la période, par quartier de l'annonce.",
    compute: (q, { from, to }) => store.postsByNeighbourhood(q, from, to),
  }),
  defineIndicator({
    id: 'entraide.posts-answered',
    label: 'Annonces Parents Voisins ayant reçu une réponse',
    unit: 'annonces',
    description: "Annonces dont la première réponse d'un autre parent est arrivée sur la période, par quartier de l'annonce.",
    compute: (q, { from, to }) => store.answeredPostsByNeighbourhood(q, from, to),
  }),
  defineIndicator({
    id: 'entraide.loans',
    label: 'Objets prêtés ou donnés par la parentothèque',
    unit: 'objets',
    description: 'Prêts commencés et dons remis sur la période (après accord du comité ou d’un agent), par quartier du foyer.',
    compute: async (q, { from, to }) => sumsByHouseholdNeighbourhood(q, await store.loansStartedByHousehold(q, from, to)),
  }),
  defineIndicator({
    id: 'entraide.ride-families',
    label: 'Familles en covoiturage vers une activité',
    unit: 'familles',
    description:
      'Inscriptions de familles dans un groupe de covoiturage confirmé par toutes ses familles, groupes formés sur la période, par quartier du foyer.',
    compute: async (q, { from, to }) => sumsByHouseholdNeighbourhood(q, await store.rideHouseholds(q, from, to)),
  }),
  defineIndicator({
    id: 'entraide.coop-families',
    label: 'Familles entrées dans une coopérative de garde partagée',
    unit: 'familles',
    description: 'Familles qui ont créé ou rejoint une coopérative de garde partagée sur la période, par quartier de la coopérative.',
    compute: (q, { from, to }) => store.coopFamiliesByNeighbourhood(q, from, to),
  }),
];
