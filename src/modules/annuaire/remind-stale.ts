/**
 * Listings not checked for six months are flagged (see `isStale`) and their partner is
 * reminded through the notification outbox, at most once a month, by a weekly job.
 */
import { audit } from '../../platform/audit';
import { makeCtx, type Ctx, type Deps } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import { intlTagOf, localeOfUser, queueLocalized } from '../../platform/notify/localized';
import * as store from './annuaire.store';
import { staleBefore } from './staleness';

const REMIND_AGAIN_AFTER_DAYS = 30;

/**
 * The variables of `annuaire.stale-listing` (texts: src/modules/annuaire/messages/<locale>.json) for a
 * reader of `locale`: the day it was last checked written in that language (« 12/09/2025 » in French).
 */
export function staleReminderVars(locale: string, name: string, checked: string | null, link: string): Record<string, string> {
  const day = checked
    ? locale === 'fr'
      ? checked.split('-').reverse().join('/')
      : new Intl.DateTimeFormat(intlTagOf(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${checked}T12:00:00Z`))
    : '';
  return { name, checked: checked ? 'yes' : 'never', day, link };
}

/** Remind the partners of stale listings. Returns how many were reminded. */
export async function remindStaleListings(ctx: Ctx): Promise<number> {
  // System job: no user. Access is the scheduler's.
  const now = ctx.now();
  const remindedBefore = new Date(now.getTime() - REMIND_AGAIN_AFTER_DAYS * 86_400_000);
  return tx(ctx.db, async (t) => {
    const stale = await store.staleListings(t, staleBefore(now), remindedBefore);
    const done = new Set<string>();
    for (const s of stale) {
      const recipient = s.email ?? s.phone;
      if (!recipient) continue;
      // In the partner's language (users.locale): src/modules/annuaire/messages/<locale>.json.
      const locale = await localeOfUser(t, s.user_id);
      await queueLocalized(t, ctx.jobs, {
        channel: s.email ? 'email' : 'sms',
        recipient,
        userId: s.user_id,
        template: 'annuaire.stale-listing',
        locale,
        vars: staleReminderVars(locale, s.nom, s.checked, `${ctx.config.publicUrl}/annuaire/ma-fiche`),
      });
      if (!done.has(s.id)) {
        await store.markReminded(t, s.id, now);
        await audit(t, ctx, 'annuaire/stale-reminded', { subjectType: 'annuaire_structure', subjectId: s.id });
        done.add(s.id);
      }
    }
    return done.size;
  });
}

export const remindStaleJob = defineJob({
  name: 'annuaire.remind-stale',
  cron: '0 9 * * 1',
  handler: async (_data: object, deps: Deps) => {
    await remindStaleListings(makeCtx(deps, null, 'job:annuaire.remind-stale'));
  },
});
