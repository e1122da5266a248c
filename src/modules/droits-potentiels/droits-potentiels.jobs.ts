/** Re-estimate saved droits potentiels when a new revaluation is in force (daily, cheap when nothing changed). */
import { defineJob } from '../../platform/jobs';
import { reestimateSaved } from './droits-potentiels.service';

export const reestimateJob = defineJob({
  name: 'droits-potentiels.reestimate',
  cron: '40 6 * * *',
  handler: async (_data, deps) => {
    const r = await reestimateSaved(deps);
    if (r.checked) deps.log.info(r, 'droits potentiels re-estimated');
  },
});
