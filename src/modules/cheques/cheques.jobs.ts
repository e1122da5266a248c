/** Every night: the 7-day notices of credits about to expire, then the expiry of those past their date. */
import { defineJob } from '../../platform/jobs';
import { expireCredits, sendExpiryNotices } from './expiry.service';

export const expireJob = defineJob<Record<string, never>>({
  name: 'cheques.expire',
  cron: '10 3 * * *',
  async handler(_data, deps) {
    const notices = await sendExpiryNotices(deps);
    const expired = await expireCredits(deps);
    deps.log.info({ notices, expired }, 'cheques expiry');
  },
});
