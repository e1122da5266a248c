/** Indicators of the action plan: applications for places, and the share of single-parent families among those admitted, per neighbourhood. */
import { defineIndicator, type IndicatorValue } from '../../platform/indicators';
import type { Queryable } from '../../platform/db/pool';
import { householdNeighbourhoods } from '../dossiers/index';
import { admittedInPeriod, applicationsSubmitted } from './history.store';

async function byNeighbourhood<T extends { householdId: string | null }>(q: Queryable, rows: T[], value: (rows: T[]) => number): Promise<IndicatorValue[]> {
  const where = await householdNeighbourhoods(q, [...new Set(rows.map((r) => r.householdId).filter((x): x is string => x !== null))]);
  const groups = new Map<string | null, T[]>();
  for (const r of rows) {
    const n = r.householdId ? (where.get(r.householdId) ?? null) : null;
    groups.set(n, [...(groups.get(n) ?? []), r]);
  }
  return [...groups].map(([neighbourhood, rs]) => ({ neighbourhood, value: value(rs) }));
}

export const applicationsIndicator = defineIndicator({
  id: 'attribution.applications',
  label: 'Demandes de place (crèche, mercredis, vacances, répit)',
  unit: 'demandes',
  description:
    'Demandes de place déposées dans la période (une par enfant), par quartier du dossier de la famille ; les demandes importées sans dossier sont « non localisées ».',
  compute: async (q, { from, to }) => {
    const rows = await applicationsSubmitted(q, from, to);
    return byNeighbourhood(q, rows, (rs) => rs.reduce((s, r) => s + r.n, 0));
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
    return byNeighbourhood(q, rows, (rs) => Math.round((1000 * rs.filter((r) => r.singleParent).length) / rs.length) / 10);
  },
});

export const attributionIndicators = [applicationsIndicator, singleParentAdmittedIndicator];
