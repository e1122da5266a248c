import { defineJob } from '../../platform/jobs';
import { sendNotice, sweepNotices } from './confirmations.service';
import { sendDueReminders } from './reminders.service';
import { expireOffers } from './waitlist.service';

/** Reminders due (48 h before, the day before at 18 h): a scan every 5 minutes over the bookings (reminders.service.ts); and confirmations whose job was lost. */
export const remindJob = defineJob<object>({
  name: 'rendezvous.remind',
  cron: '*/5 * * * *',
  handler: async (_data, deps) => {
    await sendDueReminders(deps);
    await sweepNotices(deps);
  },
});

/** Bookings' confirmations (SMS and e-mail), enqueued after their commit, several per job (notice-queue.ts, confirmations.service.ts). */
export const sendNoticeJob = defineJob<{ ids?: string[]; id?: string }>({
  name: 'rendezvous.send-notice',
  handler: async (data, deps) => {
    // `id`: one notice, as enqueued before the batches (a job still queued across an upgrade).
    for (const id of data.ids ?? (data.id ? [data.id] : [])) await sendNotice(deps, id);
  },
});

/** Waitlist offers whose confirmation window has passed: the seat passes on. Sent at each offer's end; the cron catches any missed. */
export const expireOffersJob = defineJob<object>({
  name: 'rendezvous.expire-offers',
  cron: '*/5 * * * *',
  handler: async (_data, deps) => {
    await expireOffers(deps);
  },
});
