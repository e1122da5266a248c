/** Every night: the 7-day notices of credits about to expire, then the expiry of those past their date; and the yearly allowance. */
import { defineJob } from '../../platform/jobs';
import { grantYearlyAllowances } from './allowance.service';
import { expireCredits, sendExpiryNotices } from './expiry.service';

export const expireJob = defineJob({
  name: 'cheques.expire',
  cron: '10 3 * * *',
  async handler(_data, deps) {
    const notices = await sendExpiryNotices(deps);
    const expired = await expireCredits(deps);
    deps.log.info({ notices, expired }, 'cheques expiry');
  },
});

/**
 * The yearly allowance, every night after the expiry (a file that qualifies during the year
 * gets that year's allowance the next morning; the database credits a year once).
 */
export const allowanceJob = defineJob({
  name: 'cheques.allowance',
  cron: '40 3 * * *',
  async handler(_data, deps) {
    const run = await grantYearlyAllowances(deps);
    deps.log.info(run, 'cheques allowance');
  },
});
