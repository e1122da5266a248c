/**
 * Use cases of the action plan's structure: plans, axes, objectives, actions, indicators.
 * Coordinators and admins edit; agents read; a partner reads the actions of its structure.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { getIndicator as registryIndicator, listIndicators } from '../../platform/indicators';
import { requireRole } from '../../platform/roles';
import { computeQuestionnaireIndicator } from '../diagnostic/index';
import type { IndicatorInput } from './pilotage.schemas';
import * as evaluationStore from './evaluation.store';
import { actionStatusChanged } from './ideation-events';
import { proposalOfAction } from './ideation.store';
import * as store from './pilotage.store';
import { addMonths, periodOf, periodRange } from './periods';
import { snapshotJob } from './pilotage.jobs';

export const EDITORS = ['coordinator', 'admin'] as const;
export const READERS = ['agent', 'coordinator', 'admin'] as const;

const notFound = () => new AppError('pilotage/not-found');

function checkNeighbourhoods(ctx: Ctx, ids: string[] | undefined): void {
  if (!ids) return;
  const known = new Set(ctx.town.neighbourhoods.map((n) => n.id));
  const fields = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `neighbourhoods.${i}`, message: `Le quartier « ${id} » n'existe pas.` }]));
  if (fields.length) throw new AppError('pilotage/unknown-neighbourhood', { fields });
}

function checkDates(a: { startDate?: string | null; endDate?: string | null }, current?: store.ActionRow | null): void {
  const start = a.startDate !== undefined ? a.startDate : (current?.startDate ?? null);
  const end = a.endDate !== undefined ? a.endDate : (current?.endDate ?? null);
  if (start && end && end < start)
    throw new AppError('pilotage/invalid-dates', { fields: [{ path: 'endDate', message: 'La date de fin doit être après la date de début.' }] });
}

// ------------------------------------------------------------------ plans
export async function listPlans(ctx: Ctx) {
  requireRole(ctx, ...READERS);
  return store.listPlans(ctx.db);
}

export async function createPlan(ctx: Ctx, input: { title: string; description: string }) {
  const user = requireRole(ctx, ...EDITORS);
  return tx(ctx.db, async (t) => {
    const id = await store.insertPlan(t, { ...input, source: null, isDemo: false, createdBy: user.id, now: ctx.now() });
    await audit(t, ctx, 'pilotage/plan-created', { subjectType: 'plan', subjectId: id });
    return { id };
  });
}

export async function getPlan(ctx: Ctx, id: string) {
  requireRole(ctx, ...READERS);
  const plan = await store.getPlan(ctx.db, id);
  if (!plan) throw notFound();
  const tree = await store.planTree(ctx.db, id);
  return {
    ...plan,
    axes: tree.axes.map((a) => ({
      ...a,
      objectives: tree.objectives
        .filter((o) => o.axisId === a.id)
        .map((o) => ({
          ...o,
          actions: tree.actions.filter((x) => x.objectiveId === o.id).map((x) => ({ ...x, indicators: tree.indicators.filter((i) => i.actionId === x.id) })),
        })),
    })),
  };
}

export async function updatePlan(ctx: Ctx, id: string, input: { title?: string; description?: string }) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.updatePlan(t, id, input, ctx.now()))) throw notFound();
    await audit(t, ctx, 'pilotage/plan-updated', { subjectType: 'plan', subjectId: id });
  });
  return { ok: true };
}

export async function deletePlan(ctx: Ctx, id: string) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.deletePlan(t, id))) throw notFound();
    await audit(t, ctx, 'pilotage/plan-deleted', { subjectType: 'plan', subjectId: id });
  });
}

// ------------------------------------------------------------------ axes and objectives
export async function addAxis(ctx: Ctx, planId: string, input: { code: string; title: string; description: string; goals: string[] }) {
  requireRole(ctx, ...EDITORS);
  return tx(ctx.db, async (t) => {
    if (!(await store.getPlan(t, planId))) throw notFound();
    const id = await store.insertAxis(t, planId, input);
    await store.touchPlan(t, planId, ctx.now());
    await audit(t, ctx, 'pilotage/axis-created', { subjectType: 'axis', subjectId: id });
    return { id };
  });
}

export async function updateAxis(ctx: Ctx, id: string, input: { code?: string; title?: string; description?: string; goals?: string[] }) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    const planId = await store.updateAxis(t, id, input);
    if (!planId) throw notFound();
    await store.touchPlan(t, planId, ctx.now());
    await audit(t, ctx, 'pilotage/axis-updated', { subjectType: 'axis', subjectId: id });
  });
  return { ok: true };
}

export async function deleteAxis(ctx: Ctx, id: string) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    const planId = await store.deleteAxis(t, id);
    if (!planId) throw notFound();
    await store.touchPlan(t, planId, ctx.now());
    await audit(t, ctx, 'pilotage/axis-deleted', { subjectType: 'axis', subjectId: id });
  });
}

export async function addObjective(ctx: Ctx, axisId: string, input: { code: string; title: string; description: string }) {
  requireRole(ctx, ...EDITORS);
  return tx(ctx.db, async (t) => {
    const planId = await store.planOfAxis(t, axisId);
    if (!planId) throw notFound();
    const id = await store.insertObjective(t, axisId, input);
    await store.touchPlan(t, planId, ctx.now());
    await audit(t, ctx, 'pilotage/objective-created', { subjectType: 'objective', subjectId: id });
    return { id };
  });
}

export async function updateObjective(ctx: Ctx, id: string, input: { code?: string; title?: string; description?: string }) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.updateObjective(t, id, input))) throw notFound();
    await audit(t, ctx, 'pilotage/objective-updated', { subjectType: 'objective', subjectId: id });
  });
  return { ok: true };
}

export async function deleteObjective(ctx: Ctx, id: string) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.deleteObjective(t, id))) throw notFound();
    await audit(t, ctx, 'pilotage/objective-deleted', { subjectType: 'objective', subjectId: id });
  });
}

// ------------------------------------------------------------------ actions
export async function addAction(ctx: Ctx, objectiveId: string, input: store.ActionInput & { title: string }) {
  requireRole(ctx, ...EDITORS);
  checkNeighbourhoods(ctx, input.neighbourhoods);
  checkDates(input);
  return tx(ctx.db, async (t) => {
    const planId = await store.planOf(t, 'objective', objectiveId);
    if (!planId) throw notFound();
    const id = await store.insertAction(t, objectiveId, input, ctx.now());
    await store.touchPlan(t, planId, ctx.now());
    await audit(t, ctx, 'pilotage/action-created', { subjectType: 'action', subjectId: id });
    return { id };
  });
}

/** An action with its place in the plan, its indicators and whether it has an evaluation. */
export async function getAction(ctx: Ctx, id: string) {
  const user = requireRole(ctx, ...READERS, 'partner');
  const action = await store.getAction(ctx.db, id);
  if (!action) throw notFound();
  if (user.role === 'partner' && !(user.structureId && action.partnerStructureIds.includes(user.structureId))) throw notFound();
  const planId = (await store.planOf(ctx.db, 'action', id))!;
  const plan = (await store.getPlan(ctx.db, planId))!;
  const tree = await store.planTree(ctx.db, planId);
  const objective = tree.objectives.find((o) => o.id === action.objectiveId)!;
  const axis = tree.axes.find((a) => a.id === objective.axisId)!;
  const evaluation = await evaluationStore.getEvaluation(ctx.db, id);
  const proposal = user.role === 'partner' ? null : await proposalOfAction(ctx.db, id);
  return {
    proposal,
    ...action,
    plan: { id: plan.id, title: plan.title, isDemo: plan.isDemo },
    axis: { id: axis.id, code: axis.code, title: axis.title },
    objective: { id: objective.id, code: objective.code, title: objective.title },
    indicators: tree.indicators.filter((i) => i.actionId === id),
    hasEvaluation: Boolean(evaluation),
  };
}

export async function updateAction(ctx: Ctx, id: string, input: store.ActionInput) {
  requireRole(ctx, ...EDITORS);
  checkNeighbourhoods(ctx, input.neighbourhoods);
  await tx(ctx.db, async (t) => {
    const current = await store.getAction(t, id);
    if (!current) throw notFound();
    checkDates(input, current);
    await store.updateAction(t, id, input, ctx.now());
    await store.touchPlan(t, (await store.planOf(t, 'action', id))!, ctx.now());
    const details: Record<string, unknown> = { fields: Object.keys(input) };
    if (input.status && input.status !== current.status) {
      details.status = { from: current.status, to: input.status };
      // An action born of a proposal: its author and supporters are told how it goes.
      await actionStatusChanged(ctx, t, id, input.status);
    }
    await audit(t, ctx, 'pilotage/action-updated', { subjectType: 'action', subjectId: id, details });
  });
  return { ok: true };
}

export async function deleteAction(ctx: Ctx, id: string) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.deleteAction(t, id))) throw notFound();
    await audit(t, ctx, 'pilotage/action-deleted', { subjectType: 'action', subjectId: id });
  });
}

export async function partnerActions(ctx: Ctx) {
  const user = requireRole(ctx, 'partner');
  if (!user.structureId) return [];
  return store.actionsOfStructure(ctx.db, user.structureId);
}

// ------------------------------------------------------------------ indicators
async function checkIndicator(ctx: Ctx, input: IndicatorInput): Promise<Omit<store.IndicatorRow, 'id' | 'actionId' | 'position'>> {
  const row = {
    label: input.label,
    unit: input.unit,
    baseline: input.baseline,
    target: input.target,
    direction: input.direction,
    source: input.source,
    relaisId: input.source === 'relais' ? (input.relaisId ?? null) : null,
    questionnaire: input.source === 'questionnaire' ? (input.questionnaire ?? null) : null,
  };
  if (row.source === 'relais' && !registryIndicator(row.relaisId!)) {
    throw new AppError('pilotage/unknown-indicator', { fields: [{ path: 'relaisId', message: `L'indicateur « ${row.relaisId} » n'existe pas dans Relais.` }] });
  }
  if (row.source === 'questionnaire') {
    try {
      await computeQuestionnaireIndicator(ctx.db, row.questionnaire!, ctx.town);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError('pilotage/invalid-questionnaire', {
        fields: err.fields?.map((f) => ({ path: `questionnaire.${f.path}`, message: f.message })) ?? [{ path: 'questionnaire', message: err.message }],
      });
    }
  }
  return row;
}

/** A computed indicator created or changed: its last six months are computed by the queue, not on someone's click. */
async function refreshSoon(ctx: Ctx, t: Queryable, indicatorId: string, source: string) {
  if (source === 'manual') return;
  const current = periodOf(ctx.now());
  await snapshotJob.send(ctx, { indicatorId, periods: periodRange(addMonths(current, -5), current, 6) }, { tx: t });
}

export async function addIndicator(ctx: Ctx, actionId: string, input: IndicatorInput) {
  requireRole(ctx, ...EDITORS);
  const row = await checkIndicator(ctx, input);
  return tx(ctx.db, async (t) => {
    if (!(await store.getAction(t, actionId))) throw notFound();
    const id = await store.insertIndicator(t, actionId, row);
    await refreshSoon(ctx, t, id, row.source);
    await audit(t, ctx, 'pilotage/indicator-created', { subjectType: 'indicator', subjectId: id, details: { source: row.source, relaisId: row.relaisId } });
    return { id };
  });
}

export async function updateIndicator(ctx: Ctx, id: string, input: IndicatorInput) {
  requireRole(ctx, ...EDITORS);
  const row = await checkIndicator(ctx, input);
  await tx(ctx.db, async (t) => {
    if (!(await store.updateIndicator(t, id, row))) throw notFound();
    await refreshSoon(ctx, t, id, row.source);
    await audit(t, ctx, 'pilotage/indicator-updated', { subjectType: 'indicator', subjectId: id });
  });
  return { ok: true };
}

export async function deleteIndicator(ctx: Ctx, id: string) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.deleteIndicator(t, id))) throw notFound();
    await audit(t, ctx, 'pilotage/indicator-deleted', { subjectType: 'indicator', subjectId: id });
  });
}

/** The registry of Relais' indicators, for the indicator form. */
export function registryCatalogue(ctx: Ctx) {
  requireRole(ctx, ...READERS);
  return listIndicators().map((d) => ({ id: d.id, label: d.label, unit: d.unit, description: d.description }));
}
