/** Offers not confirmed in time expire, and their places pass to the next families of the waitlist. */
import { tx } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import * as store from './attribution.store';
import { passOn } from './offers';

export const expireOffersJob = defineJob({
  name: 'attribution.expire-offers',
  cron: '*/15 * * * *',
  async handler(_data, deps) {
    const now = deps.clock.now();
    const r = await tx(deps.db, async (t) => {
      const expired = await store.lockExpiredOffers(t, now);
      const groups = new Map<string, string>();
      for (const o of expired) {
        await store.decideOffer(t, o.id, 'expired', now);
        groups.set(o.groupId, o.campaignId);
      }
      let passed = 0;
      for (const [groupId, campaignId] of groups) passed += await passOn(t, deps.jobs, campaignId, groupId, now);
      return { expired: expired.length, passed };
    });
    if (r.expired) deps.log.info(r, 'attribution offers expired');
  },
});
