/** What the action plan follows of the entraide, by neighbourhood (demo rows left out). */
import type { Queryable } from '../../platform/db/pool';
import { defineIndicator, type IndicatorDef, type IndicatorValue } from '../../platform/indicators';
import { householdNeighbourhoods } from '../dossiers/index';
import { parisDate } from '../../platform/clock';
import * as store from './indicators.store';
import { minutesByHousehold } from './tutoring.store';

/** Per-household counts summed by the household's neighbourhood (one bulk lookup through dossiers' index; ids only). */
async function byHouseholdNeighbourhood(q: Queryable, rows: { householdId: string; n: number }[]): Promise<IndicatorValue[]> {
  const hoods = await householdNeighbourhoods(
    q,
    rows.map((r) => r.householdId),
  );
  const sums = new Map<string | null, number>();
  for (const r of rows) {
    const n = hoods.get(r.householdId) ?? null;
    sums.set(n, (sums.get(n) ?? 0) + r.n);
  }
  return [...sums].map(([neighbourhood, value]) => ({ neighbourhood, value }));
}

export const entraideIndicators: IndicatorDef[] = [
  defineIndicator({
    id: 'entraide.tutoring-hours',
    label: 'Heures de tutorat bénévole',
    unit: 'heures',
    description: 'Heures des séances de tutorat faites sur la période (notées par la famille ou un agent), par quartier du foyer.',
    async compute(q, { from, to }) {
      const values = await byHouseholdNeighbourhood(q, await minutesByHousehold(q, parisDate(from), parisDate(to)));
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
    compute: async (q, { from, to }) => byHouseholdNeighbourhood(q, await store.loansStartedByHousehold(q, from, to)),
  }),
  defineIndicator({
    id: 'entraide.ride-families',
    label: 'Familles en covoiturage vers une activité',
    unit: 'familles',
    description:
      'Inscriptions de familles dans un groupe de covoiturage confirmé par toutes ses familles, groupes formés sur la période, par quartier du foyer.',
    compute: async (q, { from, to }) => byHouseholdNeighbourhood(q, await store.rideHouseholds(q, from, to)),
  }),
  defineIndicator({
    id: 'entraide.coop-families',
    label: 'Familles entrées dans une coopérative de garde partagée',
    unit: 'familles',
    description: 'Familles qui ont créé ou rejoint une coopérative de garde partagée sur la période, par quartier de la coopérative.',
    compute: (q, { from, to }) => store.coopFamiliesByNeighbourhood(q, from, to),
  }),
];
