/**
 * Answers received change the action plan's indicators computed on this questionnaire: the
 * pilotage module's snapshot job recomputes them for this month (only that questionnaire's
 * indicators: a cheap run). The job is named, not imported: pilotage reads diagnostic, never
 * the other way round.
 */
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';

export async function refreshPlanIndicators(ctx: Ctx, t: Queryable, questionnaireId: string): Promise<void> {
  // A process without the queue (a CLI, a test harness without jobs) leaves it to the hourly snapshot.
  if (!ctx.jobs.started) return;
  const period = parisDate(ctx.now()).slice(0, 7);
  await ctx.jobs.send('pilotage.snapshot', { questionnaireId, periods: [period] }, { tx: t });
}
