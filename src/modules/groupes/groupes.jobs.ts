/** Session reminders (sent when a session is scheduled, to run an hour before) and the daily retention purge. */
import { defineJob } from '../../platform/jobs';
import { purgeExpiredMessages } from './retention.service';
import { remindSession } from './sessions.service';

export const remindJob = defineJob<{ sessionId: string }>({
  name: 'groupes.remind',
  handler: async (data, deps) => {
    await remindSession(deps, data.sessionId);
  },
});

export const purgeMessagesJob = defineJob({
  name: 'groupes.purge-messages',
  cron: '25 3 * * *',
  handler: async (_data, deps) => {
    const r = await purgeExpiredMessages(deps);
    deps.log.info({ deleted: r.deleted }, 'groupes retention purge');
  },
});
