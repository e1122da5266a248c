/**
 * Computing indicators for a period: every indicator of the platform registry (Relais'
 * own data) and the plans' computed indicators (registry or questionnaire), by
 * neighbourhood, snapshotted in pilotage_values so that history charts exist.
 */
import { getIndicator, listIndicators, type IndicatorValue } from '../../platform/indicators';
import { tx, type Db, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import type { Town } from '../../platform/town';
import { computeQuestionnaireIndicator } from '../diagnostic/index';
import { periodBounds } from './periods';
import * as store from './pilotage.store';

import { TOTAL, UNLOCATED } from './town-values';

export { TOTAL, UNLOCATED };

export interface PointValue {
  neighbourhood: string;
  value: number;
  base: number | null;
}

/** Neighbourhood values to our keys (unknown or null → '?') with the town total '*'. Pure. */
export function withTotal(values: IndicatorValue[], town: Town): PointValue[] {
  const known = new Set(town.neighbourhoods.map((n) => n.id));
  // A registry count is zero where nothing happened: every neighbourhood gets a value.
  const sums = new Map<string, number>(town.neighbourhoods.map((n) => [n.id, 0]));
  let total = 0;
  for (const v of values) {
    const k = v.neighbourhood && known.has(v.neighbourhood) ? v.neighbourhood : UNLOCATED;
    sums.set(k, (sums.get(k) ?? 0) + v.value);
    total += v.value;
  }
  return [{ neighbourhood: TOTAL, value: total, base: null }, ...[...sums].map(([neighbourhood, value]) => ({ neighbourhood, value, base: null }))];
}

/** One registry indicator for one month. */
export async function evaluateRegistryIndicator(q: Queryable, town: Town, id: string, period: string): Promise<PointValue[] | null> {
  const def = getIndicator(id);
  if (!def) return null;
  return withTotal(await def.compute(q, periodBounds(period)), town);
}

/** Every indicator of the registry for one month, by neighbourhood. */
export async function evaluateRegistry(q: Queryable, town: Town, period: string) {
  const out = [];
  for (const def of listIndicators()) {
    out.push({
      id: def.id,
      label: def.label,
      unit: def.unit,
      description: def.description,
      values: withTotal(await def.compute(q, periodBounds(period)), town),
    });
  }
  return out;
}

/**
 * The values of a plan's computed indicator for a month: registry ones over the month,
 * questionnaire ones over the answers received until the end of the month.
 */
export async function computeIndicator(q: Queryable, town: Town, ind: store.IndicatorRow, period: string): Promise<PointValue[] | null> {
  if (ind.source === 'relais' && ind.relaisId) return evaluateRegistryIndicator(q, town, ind.relaisId, period);
  if (ind.source === 'questionnaire' && ind.questionnaire) {
    try {
      const r = await computeQuestionnaireIndicator(q, { ...ind.questionnaire, to: periodBounds(period).to }, town);
      const out: PointValue[] = [];
      if (r.value !== null) out.push({ neighbourhood: TOTAL, value: r.value, base: r.base });
      for (const g of r.byNeighbourhood) if (g.value !== null && g.neighbourhood) out.push({ neighbourhood: g.neighbourhood, value: g.value, base: g.base });
      return out;
    } catch (err) {
      // A questionnaire deleted or changed since: no value, not a failure of the whole run.
      if (err instanceof AppError) return null;
      throw err;
    }
  }
  return null;
}

/** Snapshot the computed indicators of one plan (or all) for the given months. */
export async function snapshot(
  db: Db,
  town: Town,
  opts: { planId?: string; indicatorId?: string; questionnaireId?: string; periods: string[]; now: Date },
): Promise<{ indicators: number; values: number; unavailable: string[] }> {
  const indicators = (await store.computedIndicators(db, opts.planId)).filter(
    (i) => (!opts.indicatorId || i.id === opts.indicatorId) && (!opts.questionnaireId || i.questionnaire?.questionnaireId === opts.questionnaireId),
  );
  let values = 0;
  const unavailable = new Set<string>();
  for (const ind of indicators) {
    for (const period of opts.periods) {
      const points = await computeIndicator(db, town, ind, period);
      if (points === null) {
        unavailable.add(ind.id);
        continue;
      }
      await tx(db, (t) => store.replaceComputed(t, ind.id, period, points, opts.now));
      values += points.length;
    }
  }
  return { indicators: indicators.length, values, unavailable: [...unavailable] };
}
