/** The parentothèque's daily reminders: overdue loans marked, families reminded two days before the due day and every day after. */
import { parisDate } from '../../platform/clock';
import { tx } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import { queueLocalized } from '../../platform/notify/localized';
import { readHouseholdAsSystem } from '../dossiers/index';
import * as loans from './loans.store';
import { dayAtNoon } from './paris-day';

export const REMIND_DAYS_BEFORE = 2;

export const remindLoansJob = defineJob({
  name: 'entraide.remind-loans',
  cron: '0 9 * * *',
  async handler(_data, deps) {
    const now = deps.clock.now();
    const today = parisDate(now);
    const r = await tx(deps.db, async (t) => {
      const overdue = await loans.markOverdue(t, today);
      const due = await loans.takeReminders(t, today, REMIND_DAYS_BEFORE);
      let sent = 0;
      for (const l of due) {
        const h = await readHouseholdAsSystem(t, l.householdId, now);
        const recipient = h?.parent.email ?? h?.parent.phone;
        if (!h || !recipient) continue;
        // In the family's language (src/modules/entraide/messages/<locale>.json).
        await queueLocalized(t, deps.jobs, {
          channel: h.parent.email ? 'email' : 'sms',
          recipient,
          userId: h.parentUserId,
          template: 'entraide.loan-reminder',
          vars: { late: l.dueOn < today ? 'yes' : 'no', item: l.itemTitle, due: dayAtNoon(l.dueOn) },
        });
        sent++;
      }
      return { overdue, reminders: sent };
    });
    deps.log.info(r, 'entraide loan reminders');
  },
});
