/** Jobs of the household file: yearly renewal, purge of what retention kept. */
import { defineJob } from '../../platform/jobs';
import { openDueRenewals } from './renewal.service';
import { purgeExpiredRetention } from './rights.service';

export const openRenewalsJob = defineJob({
  name: 'dossiers.open-renewals',
  cron: '15 6 * * *',
  handler: async (_data, deps) => {
    await openDueRenewals(deps);
  },
});

export const purgeRetentionJob = defineJob({
  name: 'dossiers.purge-retention',
  cron: '30 3 * * *',
  handler: async (_data, deps) => {
    await purgeExpiredRetention(deps);
  },
});
