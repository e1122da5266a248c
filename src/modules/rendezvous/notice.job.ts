/**
 * Bookings' confirmations (SMS and e-mail), enqueued after their commit, several per job
 * (notice-queue.ts, confirmations.service.ts). Its own file: notice-queue.ts sends it without
 * importing the module's other jobs (whose services import the queue: no import cycle).
 */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs';
import { sendNotice } from './confirmations.service';

export const sendNoticeJob = defineJob({
  name: 'rendezvous.send-notice',
  payload: z.object({ ids: z.array(z.string()).optional(), id: z.string().optional() }),
  handler: async (data, deps) => {
    // `id`: one notice, as enqueued before the batches (a job still queued across an upgrade).
    for (const id of data.ids ?? (data.id ? [data.id] : [])) await sendNotice(deps, id);
  },
});
