/** Session reminders (sent when a session is scheduled, to run an hour before) and the daily retention purge. */
import { defineJob } from '../../platform/jobs';
import { purgeExpiredMessages } from './retention.service';

/** Declared beside the use case that sends it (no import cycle between the two files). */
export { remindJob } from './sessions.service';

export const purgeMessagesJob = defineJob({
  name: 'groupes.purge-messages',
  cron: '25 3 * * *',
  handler: async (_data, deps) => {
    const r = await purgeExpiredMessages(deps);
    deps.log.info({ deleted: r.deleted }, 'groupes retention purge');
  },
});
