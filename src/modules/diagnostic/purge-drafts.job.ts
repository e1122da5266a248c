/**
 * Answers started and never sent are kept 90 days (time to come back to them), then
 * deleted: nothing is kept that the person did not choose to send.
 */
import { defineJob } from '../../platform/jobs';
import { deleteDraftsBefore } from './diagnostic.store';

export const DRAFT_RETENTION_DAYS = 90;

export const purgeDraftsJob = defineJob({
  name: 'diagnostic.purge-drafts',
  cron: '30 3 * * *',
  handler: async (_data, deps) => {
    const cutoff = new Date(deps.clock.now().getTime() - DRAFT_RETENTION_DAYS * 24 * 3600 * 1000);
    await deleteDraftsBefore(deps.db, cutoff);
  },
});
