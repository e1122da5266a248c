/**
 * Following the plan: values of indicators (entered by hand or computed), the dashboard
 * per axis, an indicator's history, and the on-demand computation.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { getIndicator as registryIndicator, type IndicatorDef as RegistryDef } from '../../platform/indicators';
import { requireRole } from '../../platform/roles';
import { evaluateRegistry, snapshot } from './compute';
import { TOTAL, townHistory } from './town-values';
import { addMonths, isPeriod, periodBounds, periodLabel, periodOf, periodRange } from './periods';
import { EDITORS, READERS } from './pilotage.service';
import * as store from './pilotage.store';
import { indicatorDenominator } from './territory.service';
import { standing } from './progress';

const notFound = () => new AppError('pilotage/not-found');

export interface IndicatorSummary extends store.IndicatorRow {
  latest: { period: string; value: number } | null;
  standing: ReturnType<typeof standing>;
  /** Town totals per month, oldest first. */
  history: { period: string; value: number }[];
  /** Latest month's value per neighbourhood (ids of the town, '?' not located). */
  byNeighbourhood: Record<string, number>;
  available: boolean;
  sourceLabel: string;
}

function sourceLabel(i: store.IndicatorRow): string {
  if (i.source === 'manual') return 'Saisie manuelle';
  if (i.source === 'relais') return `Calculé par Relais : ${registryIndicator(i.relaisId ?? '')?.label ?? `${i.relaisId} (indisponible)`}`;
  return 'Calculé depuis un questionnaire';
}

export function summarise(i: store.IndicatorRow, values: store.ValueRow[]): IndicatorSummary {
  const mine = values.filter((v) => v.indicatorId === i.id);
  const history = townHistory(i, mine);
  const periods = [...new Set(mine.map((v) => v.period))].sort();
  const lastPeriod = periods.at(-1);
  const latestTotal = history.at(-1) ?? null;
  const byNeighbourhood: Record<string, number> = {};
  for (const v of mine) if (v.period === lastPeriod && v.neighbourhood !== TOTAL) byNeighbourhood[v.neighbourhood] = v.value;
  return {
    ...i,
    latest: latestTotal,
    standing: standing(latestTotal?.value ?? null, i.target, i.baseline, i.direction),
    history,
    byNeighbourhood,
    available: i.source !== 'relais' || Boolean(registryIndicator(i.relaisId ?? '')),
    sourceLabel: sourceLabel(i),
  };
}

export async function dashboard(ctx: Ctx, planId: string) {
  requireRole(ctx, ...READERS);
  const plan = await store.getPlan(ctx.db, planId);
  if (!plan) throw notFound();
  const tree = await store.planTree(ctx.db, planId);
  const values = await store.valuesOf(
    ctx.db,
    tree.indicators.map((i) => i.id),
  );
  const indicators = new Map(tree.indicators.map((i) => [i.id, summarise(i, values)]));
  const empty = () => ({ a_lancer: 0, en_cours: 0, realisee: 0, abandonnee: 0 });
  return {
    plan: { id: plan.id, title: plan.title, source: plan.source, isDemo: plan.isDemo },
    period: periodOf(ctx.now()),
    neighbourhoods: ctx.town.neighbourhoods.map((n) => ({ id: n.id, name: n.name })),
    axes: tree.axes.map((a) => {
      const counts = empty();
      let planned = 0;
      let spent = 0;
      const objectives = tree.objectives
        .filter((o) => o.axisId === a.id)
        .map((o) => ({
          id: o.id,
          code: o.code,
          title: o.title,
          actions: tree.actions
            .filter((x) => x.objectiveId === o.id)
            .map((x) => {
              counts[x.status]++;
              planned += x.budgetPlannedCents ?? 0;
              spent += x.budgetSpentCents ?? 0;
              return {
                id: x.id,
                title: x.title,
                status: x.status,
                leadService: x.leadService,
                neighbourhoods: x.neighbourhoods,
                indicators: tree.indicators.filter((i) => i.actionId === x.id).map((i) => indicators.get(i.id)!),
              };
            }),
        }));
      return { id: a.id, code: a.code, title: a.title, goals: a.goals, counts, budget: { plannedCents: planned, spentCents: spent }, objectives };
    }),
  };
}

export async function indicatorDetail(ctx: Ctx, id: string) {
  requireRole(ctx, ...READERS);
  const ind = await store.getIndicator(ctx.db, id);
  if (!ind) throw notFound();
  const action = (await store.getAction(ctx.db, ind.actionId))!;
  const planId = (await store.planOf(ctx.db, 'indicator', id))!;
  const plan = (await store.getPlan(ctx.db, planId))!;
  const values = await store.valuesOf(ctx.db, [id]);
  const def = ind.relaisId ? registryIndicator(ind.relaisId) : undefined;
  const periods = [...new Set(values.map((v) => v.period))].sort();
  return {
    indicator: summarise(ind, values),
    description: def?.description ?? null,
    action: { id: action.id, title: action.title },
    plan: { id: plan.id, title: plan.title, isDemo: plan.isDemo },
    neighbourhoods: ctx.town.neighbourhoods.map((n) => ({ id: n.id, name: n.name })),
    periods: [...new Set(values.map((v) => v.period))].sort().map((p) => ({ period: p, label: periodLabel(p) })),
    values: values.map((v) => ({ period: v.period, neighbourhood: v.neighbourhood, value: v.value, base: v.base, origin: v.origin })),
    currentPeriod: periodOf(ctx.now()),
    // The territory figure its count is reported to, as the coordination chose it (territory.service.ts).
    ...(await indicatorDenominator(ctx, ind)),
    breakdown: def?.breakdown ? await breakdownOf(ctx, def.breakdown, periods.at(-1) ?? periodOf(ctx.now()), periods[0]) : null,
  };
}

/**
 * A registry indicator's count per something else than the neighbourhood (a partner…), read
 * live: for the latest month shown, and from the first month shown to it.
 */
async function breakdownOf(ctx: Ctx, breakdown: NonNullable<RegistryDef['breakdown']>, last: string, first = last) {
  const [month, span] = await Promise.all([breakdown(ctx, periodBounds(last)), breakdown(ctx, { from: periodBounds(first).from, to: periodBounds(last).to })]);
  const key = (r: { label: string; detail?: string | null }) => `${r.label}\u0000${r.detail ?? ''}`;
  const inMonth = new Map(month.rows.map((r) => [key(r), r.value]));
  return {
    by: span.by,
    detail: span.detail ?? null,
    period: { period: last, label: periodLabel(last) },
    since: { period: first, label: periodLabel(first) },
    rows: span.rows
      .map((r) => ({ label: r.label, detail: r.detail ?? null, month: inMonth.get(key(r)) ?? 0, total: r.value }))
      .sort((a, b) => b.month - a.month || b.total - a.total || a.label.localeCompare(b.label, 'fr')),
  };
}

function checkPeriod(ctx: Ctx, period: string, path = 'period'): void {
  if (!isPeriod(period) || period > periodOf(ctx.now())) {
    throw new AppError('pilotage/invalid-period', { fields: [{ path, message: 'Choisissez un mois passé ou le mois en cours (AAAA-MM).' }] });
  }
}

export async function setValue(ctx: Ctx, indicatorId: string, input: { period: string; neighbourhood: string; value: number }) {
  const user = requireRole(ctx, ...EDITORS);
  checkPeriod(ctx, input.period);
  if (input.neighbourhood !== TOTAL && !ctx.town.neighbourhoods.some((n) => n.id === input.neighbourhood)) {
    throw new AppError('pilotage/unknown-neighbourhood', { fields: [{ path: 'neighbourhood', message: "Ce quartier n'existe pas." }] });
  }
  await tx(ctx.db, async (t) => {
    const ind = await store.getIndicator(t, indicatorId);
    if (!ind) throw notFound();
    if (ind.source !== 'manual') throw new AppError('pilotage/not-manual');
    await store.upsertValue(t, {
      indicatorId,
      period: input.period,
      neighbourhood: input.neighbourhood,
      value: input.value,
      base: null,
      origin: 'manual',
      recordedBy: user.id,
      now: ctx.now(),
    });
    await audit(t, ctx, 'pilotage/value-recorded', {
      subjectType: 'indicator',
      subjectId: indicatorId,
      details: { period: input.period, neighbourhood: input.neighbourhood },
    });
  });
  return { ok: true };
}

export async function removeValue(ctx: Ctx, indicatorId: string, input: { period: string; neighbourhood: string }) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    const ind = await store.getIndicator(t, indicatorId);
    if (!ind) throw notFound();
    if (ind.source !== 'manual') throw new AppError('pilotage/not-manual');
    if (!(await store.deleteValue(t, indicatorId, input.period, input.neighbourhood))) throw notFound();
    await audit(t, ctx, 'pilotage/value-removed', {
      subjectType: 'indicator',
      subjectId: indicatorId,
      details: { period: input.period, neighbourhood: input.neighbourhood },
    });
  });
}

/** On demand: compute a plan's indicators for a range of months (default: the last 6, this one included). */
export async function computePlan(ctx: Ctx, planId: string, input: { from?: string; to?: string }) {
  requireRole(ctx, ...EDITORS);
  if (!(await store.getPlan(ctx.db, planId))) throw notFound();
  const current = periodOf(ctx.now());
  const to = input.to ?? current;
  const from = input.from ?? addMonths(to, -5);
  checkPeriod(ctx, to, 'to');
  checkPeriod(ctx, from, 'from');
  if (from > to) throw new AppError('pilotage/invalid-period', { fields: [{ path: 'from', message: 'Le premier mois doit précéder le dernier.' }] });
  const periods = periodRange(from, to, 24);
  const result = await snapshot(ctx.db, ctx.town, { planId, periods, now: ctx.now() });
  await audit(ctx.db, ctx, 'pilotage/computed', {
    subjectType: 'plan',
    subjectId: planId,
    details: { from, to: periods.at(-1), indicators: result.indicators },
  });
  return { ...result, periods };
}

/** Every indicator of the registry, by neighbourhood, for one month. */
export async function registryValues(ctx: Ctx, period?: string) {
  requireRole(ctx, ...READERS);
  const p = period ?? periodOf(ctx.now());
  checkPeriod(ctx, p);
  return {
    period: p,
    neighbourhoods: ctx.town.neighbourhoods.map((n) => ({ id: n.id, name: n.name })),
    indicators: await evaluateRegistry(ctx.db, ctx.town, p),
  };
}
