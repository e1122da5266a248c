/**
 * The public summary of a plan the coordination chose to publish: axes, objectives,
 * actions with their status, and town-wide indicator values. Never figures by
 * neighbourhood (small counts could point at a family), never budgets' details.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { summarise } from './dashboard.service';
import { EDITORS } from './pilotage.service';
import * as store from './pilotage.store';

const notFound = () => new AppError('pilotage/not-found');

export async function publishPlan(ctx: Ctx, id: string, published: boolean) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.setPublished(t, id, published ? ctx.now() : null))) throw notFound();
    await audit(t, ctx, published ? 'pilotage/plan-published' : 'pilotage/plan-unpublished', { subjectType: 'plan', subjectId: id });
  });
  return { ok: true };
}

export async function publicPlans(ctx: Ctx) {
  return (await store.publishedPlans(ctx.db)).map((p) => ({ id: p.id, title: p.title, description: p.description, source: p.source, isDemo: p.isDemo }));
}

export async function publicPlan(ctx: Ctx, id: string) {
  const plan = await store.getPlan(ctx.db, id);
  if (!plan || !plan.publishedAt) throw notFound();
  const tree = await store.planTree(ctx.db, id);
  const values = (
    await store.valuesOf(
      ctx.db,
      tree.indicators.map((i) => i.id),
    )
  ).filter((v) => v.neighbourhood === '*');
  return {
    id: plan.id,
    title: plan.title,
    description: plan.description,
    source: plan.source,
    isDemo: plan.isDemo,
    publishedAt: plan.publishedAt,
    axes: tree.axes.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      goals: a.goals,
      objectives: tree.objectives
        .filter((o) => o.axisId === a.id)
        .map((o) => ({
          id: o.id,
          code: o.code,
          title: o.title,
          actions: tree.actions
            .filter((x) => x.objectiveId === o.id)
            .map((x) => ({
              id: x.id,
              title: x.title,
              status: x.status,
              indicators: tree.indicators
                .filter((i) => i.actionId === x.id)
                .map((i) => {
                  const s = summarise(i, values);
                  return {
                    id: i.id,
                    label: i.label,
                    unit: i.unit,
                    target: i.target,
                    baseline: i.baseline,
                    latest: s.latest,
                    standing: s.standing,
                    history: s.history,
                  };
                }),
            })),
        })),
    })),
  };
}
