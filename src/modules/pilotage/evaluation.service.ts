/** The evaluation of an experiment: read, save, export as printable HTML. */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { addMonths, periodOf } from './periods';
import { evaluationFigures, evaluationHtml, type EvaluationData } from './evaluation-report';
import { EDITORS, READERS } from './pilotage.service';
import type { EvaluationInput } from './pilotage.schemas';
import { STATUS_LABELS } from './pilotage.schemas';
import * as evaluationStore from './evaluation.store';
import * as store from './pilotage.store';

const notFound = () => new AppError('pilotage/not-found');

async function load(ctx: Ctx, actionId: string): Promise<EvaluationData & { exists: boolean }> {
  const action = await store.getAction(ctx.db, actionId);
  if (!action) throw notFound();
  const plan = (await store.getPlan(ctx.db, (await store.planOf(ctx.db, 'action', actionId))!))!;
  const tree = await store.planTree(ctx.db, plan.id);
  const indicators = tree.indicators.filter((i) => i.actionId === actionId);
  const row = await evaluationStore.getEvaluation(ctx.db, actionId);
  const now = periodOf(ctx.now());
  return {
    exists: Boolean(row),
    evaluation: row ?? {
      actionId,
      title: `Bilan de l'expérimentation — ${action.title.slice(0, 200)}`,
      periodFrom: addMonths(now, -11),
      periodTo: now,
      reachedIndicatorId: null,
      satisfactionIndicatorId: null,
      participationIndicatorId: null,
      obstacles: '',
      conclusions: '',
    },
    town: ctx.town.name,
    plan: { title: plan.title, isDemo: plan.isDemo },
    action: { title: action.title, leadService: action.leadService, partners: action.partners, status: STATUS_LABELS[action.status] },
    neighbourhoods: ctx.town.neighbourhoods.map((n) => ({ id: n.id, name: n.name })),
    indicators,
    values: await store.valuesOf(
      ctx.db,
      indicators.map((i) => i.id),
    ),
    generatedAt: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(ctx.now()),
  };
}

export async function getEvaluation(ctx: Ctx, actionId: string) {
  requireRole(ctx, ...READERS);
  const d = await load(ctx, actionId);
  return {
    exists: d.exists,
    evaluation: d.evaluation,
    action: { id: actionId, ...d.action },
    plan: d.plan,
    indicators: d.indicators.map((i) => ({ id: i.id, label: i.label, unit: i.unit, source: i.source })),
    figures: evaluationFigures(d),
  };
}

export async function saveEvaluation(ctx: Ctx, actionId: string, input: EvaluationInput) {
  requireRole(ctx, ...EDITORS);
  if (input.periodTo < input.periodFrom) {
    throw new AppError('pilotage/invalid-period', { fields: [{ path: 'periodTo', message: 'Le dernier mois doit suivre le premier.' }] });
  }
  await tx(ctx.db, async (t) => {
    if (!(await store.getAction(t, actionId))) throw notFound();
    const own = new Set(
      (await store.planTree(t, (await store.planOf(t, 'action', actionId))!)).indicators.filter((i) => i.actionId === actionId).map((i) => i.id),
    );
    const fields = (['reachedIndicatorId', 'satisfactionIndicatorId', 'participationIndicatorId'] as const)
      .filter((k) => input[k] && !own.has(input[k]!))
      .map((k) => ({ path: k, message: 'Choisissez un indicateur de cette action.' }));
    if (fields.length) throw new AppError('pilotage/not-in-plan', { fields });
    await evaluationStore.upsertEvaluation(t, { actionId, ...input }, ctx.now());
    await audit(t, ctx, 'pilotage/evaluation-saved', { subjectType: 'action', subjectId: actionId });
  });
  return { ok: true };
}

export async function evaluationReport(ctx: Ctx, actionId: string): Promise<string> {
  requireRole(ctx, ...READERS);
  return evaluationHtml(await load(ctx, actionId));
}
