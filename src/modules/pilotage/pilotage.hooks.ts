/** What pilotage plugs into the diagnostic: answers received recompute this month's indicators built on that questionnaire. */
import type { DiagnosticHooks } from '../diagnostic/index';
import { periodOf } from './periods';
import { snapshotJob } from './pilotage.jobs';

export const pilotageDiagnosticHooks: DiagnosticHooks = {
  answersChanged: async (ctx, t, questionnaireId) => {
    // A process without the queue (a CLI, a test harness without jobs) leaves it to the hourly snapshot.
    if (!ctx.jobs.started) return;
    await snapshotJob.send(ctx, { questionnaireId, periods: [periodOf(ctx.now())] }, { tx: t });
  },
};
