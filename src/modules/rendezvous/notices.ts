/** What the family is told, through the outbox, in the caller's transaction (SMS and e-mail), in its language. */
import type { Deps } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { localeOfUser, queueLocalized } from '../../platform/notify/localized';
import type { NoticeVars } from './wording';

/** The templates rendez-vous sends to families: src/modules/rendezvous/messages/<locale>.json. */
export type NoticeTemplate =
  | 'rendezvous.confirmation'
  | 'rendezvous.reminder'
  | 'rendezvous.offer'
  | 'rendezvous.cancelled'
  | 'rendezvous.moved'
  | 'rendezvous.changed'
  | 'rendezvous.emergency-answer';

export async function tellFamily(
  q: Queryable,
  deps: Pick<Deps, 'jobs'>,
  household: { parent: { phone: string | null; email: string | null }; parentUserId: string | null },
  template: NoticeTemplate,
  vars: NoticeVars,
): Promise<number> {
  const { phone, email } = household.parent;
  if (!phone && !email) return 0;
  // The account's language (users.locale), read once for both messages.
  const locale = await localeOfUser(q, household.parentUserId);
  const to = { userId: household.parentUserId, template, vars, locale };
  if (phone) await queueLocalized(q, deps.jobs, { ...to, channel: 'sms', recipient: phone });
  if (email) await queueLocalized(q, deps.jobs, { ...to, channel: 'email', recipient: email });
  return (phone ? 1 : 0) + (email ? 1 : 0);
}
