/** The monthly snapshot: every plan's computed indicators, for last month (final) and this one (so far). */
import { defineJob } from '../../platform/jobs';
import { snapshot } from './compute';
import { addMonths, periodOf } from './periods';

export const snapshotJob = defineJob<{ periods?: string[] }>({
  name: 'pilotage.snapshot',
  cron: '0 4 1 * *',
  async handler(data, deps) {
    const now = deps.clock.now();
    const current = periodOf(now);
    const periods = data.periods?.length ? data.periods : [addMonths(current, -1), current];
    const r = await snapshot(deps.db, deps.town, { periods, now });
    deps.log.info({ indicators: r.indicators, values: r.values, unavailable: r.unavailable.length }, 'pilotage snapshot');
  },
});
