/**
 * Messages to families (in the transaction of their cause): results published, a place
 * offered (with its deadline). The message says where to look, never the family's points.
 * In the family's language (users.locale): src/modules/attribution/messages/<locale>.json.
 */
import type { Tx } from '../../platform/db/pool';
import type { Jobs } from '../../platform/jobs';
import { intlTagOf, localeOfUser, queueLocalized } from '../../platform/notify/localized';
import { readHouseholdAsSystem } from '../dossiers/index';

/** The deadline's day and time in Paris, written in the reader's language. */
const deadlineIn = (locale: string, d: Date) =>
  new Intl.DateTimeFormat(intlTagOf(locale), { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(d);

export async function notifyFamily(
  t: Tx,
  jobs: Jobs,
  householdId: string,
  now: Date,
  m: { campaignTitle: string; offerDeadline: Date | null; template: 'attribution.results' | 'attribution.offer' },
): Promise<void> {
  const h = await readHouseholdAsSystem(t, householdId, now);
  if (!h || h.status !== 'active' || !h.parent.email) return;
  const locale = await localeOfUser(t, h.parentUserId);
  await queueLocalized(t, jobs, {
    channel: 'email',
    recipient: h.parent.email,
    userId: h.parentUserId,
    template: m.template,
    locale,
    vars: {
      campaign: m.campaignTitle,
      hasOffer: m.offerDeadline ? 'yes' : 'no',
      deadline: m.offerDeadline ? deadlineIn(locale, m.offerDeadline) : '',
    },
  });
}
