/**
 * Listings not checked for six months are flagged (see `isStale`) and their partner is
 * reminded through the notification outbox, at most once a month, by a weekly job.
 */
import { audit } from '../../platform/audit';
import { makeCtx, type Ctx, type Deps } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import { queueNotification } from '../../platform/notify/outbox';
import * as store from './annuaire.store';
import { staleBefore } from './staleness';

const REMIND_AGAIN_AFTER_DAYS = 30;

export function staleReminderText(name: string, checked: string | null, link: string): { subject: string; body: string } {
  const when = checked ? `le ${checked.split('-').reverse().join('/')}` : 'jamais';
  return {
    subject: `Votre fiche « ${name} » dans l'annuaire est-elle à jour ?`,
    body:
      `Bonjour,\n\nLa fiche « ${name} » de l'annuaire des services aux familles a été vérifiée pour la dernière fois ${when}.\n` +
      `Les familles comptent sur des horaires et des coordonnées exacts. Pouvez-vous la relire et la confirmer ?\n\n${link}\n\n` +
      `Merci,\nL'équipe Relais`,
  };
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
      const { subject, body } = staleReminderText(s.nom, s.checked, `${ctx.config.publicUrl}/annuaire/ma-fiche`);
      await queueNotification(t, ctx.jobs, {
        channel: s.email ? 'email' : 'sms',
        recipient,
        userId: s.user_id,
        template: 'annuaire.stale-listing',
        subject,
        body: s.email ? body : `${subject} ${ctx.config.publicUrl}/annuaire/ma-fiche`,
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
