/**
 * The indicators' snapshot: every plan's computed indicators for last month (final) and this one
 * (so far), every hour, so that a dashboard is never older than an hour without anyone clicking
 * « Calculer maintenant »; and sent after the events that change some of them (an indicator
 * created or changed: its last months; answers received for a questionnaire: its indicators),
 * narrowed by `indicatorId` or `questionnaireId`.
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs';
import { snapshot } from './compute';
import { addMonths, periodOf } from './periods';

export const snapshotJob = defineJob({
  name: 'pilotage.snapshot',
  payload: z.object({ periods: z.array(z.string()).optional(), indicatorId: z.string().optional(), questionnaireId: z.string().optional() }),
  cron: '0 * * * *',
  async handler(data, deps) {
    const now = deps.clock.now();
    const current = periodOf(now);
    const periods = data.periods?.length ? data.periods : [addMonths(current, -1), current];
    const r = await snapshot(deps.db, deps.town, { periods, now, indicatorId: data.indicatorId, questionnaireId: data.questionnaireId });
    deps.log.info({ indicators: r.indicators, values: r.values, unavailable: r.unavailable.length }, 'pilotage snapshot');
  },
});
