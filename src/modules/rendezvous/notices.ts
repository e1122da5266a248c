/** What the family is told, through the outbox, in the caller's transaction (SMS and e-mail). */
import { parisDate, parisInstant } from '../../platform/clock';
import type { Deps } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { queueNotification } from '../../platform/notify/outbox';
import type { Household } from '../dossiers';

export async function tellFamily(
  q: Queryable,
  deps: Pick<Deps, 'jobs'>,
  household: Pick<Household, 'parent' | 'parentUserId'>,
  template: string,
  subject: string,
  body: string,
): Promise<number> {
  let sent = 0;
  if (household.parent.phone) {
    await queueNotification(q, deps.jobs, { channel: 'sms', recipient: household.parent.phone, userId: household.parentUserId, template, body });
    sent++;
  }
  if (household.parent.email) {
    await queueNotification(q, deps.jobs, { channel: 'email', recipient: household.parent.email, userId: household.parentUserId, template, subject, body });
    sent++;
  }
  return sent;
}

const HOUR_MS = 3_600_000;

/**
 * The reminders of a booking: 48 h before, and the day before at 18 h (Paris), as jobs
 * enqueued in the booking's transaction. The job re-reads the booking: a cancelled or
 * moved booking is not reminded of its old time.
 */
export async function scheduleReminders(q: Queryable, deps: Pick<Deps, 'jobs'>, bookingId: string, start: Date, now: Date): Promise<number> {
  if (!deps.jobs.started) return 0;
  const times = [new Date(start.getTime() - 48 * HOUR_MS), dayBeforeEvening(start)];
  let n = 0;
  for (const at of times) {
    if (at.getTime() <= now.getTime() || at.getTime() >= start.getTime()) continue;
    await deps.jobs.send('rendezvous.remind', { bookingId, startsAt: start.toISOString() }, { tx: q, startAfter: at });
    n++;
  }
  return n;
}

function dayBeforeEvening(start: Date): Date {
  const d = new Date(parisInstant(parisDate(start)).getTime() - 12 * HOUR_MS);
  return parisInstant(parisDate(d), '18:00');
}
