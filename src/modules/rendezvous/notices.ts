/** What the family is told, through the outbox, in the caller's transaction (SMS and e-mail). */
import type { Deps } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { queueNotification } from '../../platform/notify/outbox';

export async function tellFamily(
  q: Queryable,
  deps: Pick<Deps, 'jobs'>,
  household: { parent: { phone: string | null; email: string | null }; parentUserId: string | null },
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
