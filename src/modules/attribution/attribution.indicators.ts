/** Indicators of the action plan: applications for places, and the share of single-parent families among those admitted, per neighbourhood. */
import { defineIndicator } from '../../platform/indicators';
import { sumsByHouseholdNeighbourhood, valuesByHouseholdNeighbourhood } from '../dossiers/index';
import { admittedInPeriod, applicationsSubmitted } from './history.store';

export const applicationsIndicator = defineIndicator({
  id: 'attribution.applications',
  label: 'Demandes de place (crèche, mercredis, vacances, répit)',
  unit: 'demandes',
  description:
    'Demandes de place déposées dans la période (une par enfant), par quartier du dossier de la famille ; les demandes importées sans dossier sont « non localisées ».',
  compute: async (q, { from, to }) => {
    const rows = await applicationsSubmitted(q, from, to);
    return sumsByHouseholdNeighbourhood(q, rows);
  },
});

export const singleParentAdmittedIndicator = defineIndicator({
  id: 'attribution.single-parent-admitted',
  label: 'Part des familles monoparentales parmi les admis',
  unit: '%',
  description:
    'Parmi les places attribuées par les campagnes publiées dans la période, la part des demandes qui comptaient le critère « parent seul », par quartier.',
  compute: async (q, { from, to }) => {
    const rows = await admittedInPeriod(q, from, to);
    return valuesByHouseholdNeighbourhood(q, rows, (rs) => Math.round((1000 * rs.filter((r) => r.singleParent).length) / rs.length) / 10);
  },
});

export const attributionIndicators = [applicationsIndicator, singleParentAdmittedIndicator];
