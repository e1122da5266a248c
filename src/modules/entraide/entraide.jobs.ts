/** The parentothèque's daily reminders: overdue loans marked, families reminded two days before the due day and every day after. */
import { parisDate } from '../../platform/clock';
import { tx } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import { queueNotification } from '../../platform/notify/outbox';
import { readHouseholdAsSystem } from '../dossiers/index';
import * as loans from './loans.store';

export const REMIND_DAYS_BEFORE = 2;

function frenchDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

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
        const late = l.dueOn < today;
        const body = late
          ? `Bonjour, le prêt « ${l.itemTitle} » de la parentothèque devait être rendu le ${frenchDay(l.dueOn)}. Merci de le rapporter : d'autres familles l'attendent, et vous pourrez ensuite emprunter un autre objet.`
          : `Bonjour, pensez à rendre « ${l.itemTitle} » à la parentothèque d'ici le ${frenchDay(l.dueOn)}. Merci !`;
        const subject = late ? 'Parentothèque : objet à rendre' : 'Parentothèque : retour bientôt';
        if (h?.parent.email) {
          await queueNotification(t, deps.jobs, {
            channel: 'email',
            recipient: h.parent.email,
            userId: h.parentUserId,
            template: 'entraide.loan-reminder',
            subject,
            body,
          });
          sent++;
        } else if (h?.parent.phone) {
          await queueNotification(t, deps.jobs, {
            channel: 'sms',
            recipient: h.parent.phone,
            userId: h.parentUserId,
            template: 'entraide.loan-reminder',
            body,
          });
          sent++;
        }
      }
      return { overdue, reminders: sent };
    });
    deps.log.info(r, 'entraide loan reminders');
  },
});
