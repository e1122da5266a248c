import { defineJob } from '../../platform/jobs';
import { sweepNotices } from './confirmations.service';
import { sendDueReminders } from './reminders.service';

/** Reminders due (48 h before, the day before at 18 h): a scan every 5 minutes over the bookings (reminders.service.ts); and confirmations whose job was lost. */
export const remindJob = defineJob({
  name: 'rendezvous.remind',
  cron: '*/5 * * * *',
  handler: async (_data, deps) => {
    await sendDueReminders(deps);
    await sweepNotices(deps);
  },
});

/** Bookings' confirmations (notice.job.ts). */
export { sendNoticeJob } from './notice.job';

/**
 * Waitlist offers whose confirmation window has passed: the seat passes on. Sent at each offer's
 * end (free-seat.ts); the cron catches any missed. Its use case is loaded when the job runs: it
 * frees seats through free-seat.ts, which sends this job (a static import would close a cycle).
 */
export const expireOffersJob = defineJob({
  name: 'rendezvous.expire-offers',
  cron: '*/5 * * * *',
  handler: async (_data, deps) => {
    const { expireOffers } = await import('./waitlist.service');
    await expireOffers(deps);
  },
});
