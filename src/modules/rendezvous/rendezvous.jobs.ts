import { makeCtx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import { readHouseholdAsSystem } from '../dossiers';
import { getBooking } from './bookings.store';
import { getMotif, lieuxByIds } from './catalogue.store';
import { tellFamily } from './notices';
import { expireOffers } from './waitlist.service';
import { reminderText } from './wording';

/** A reminder (48 h before, and the day before): sent only if the booking still stands at that time. */
export const remindJob = defineJob<{ bookingId: string; startsAt: string }>({
  name: 'rendezvous.remind',
  handler: async (data, deps) => {
    const ctx = makeCtx(deps, null, 'job:rendezvous.remind');
    await tx(deps.db, async (t) => {
      const b = await getBooking(t, data.bookingId);
      if (!b || b.status !== 'confirmed' || b.start.toISOString() !== data.startsAt || b.start <= ctx.now()) return;
      const motif = await getMotif(t, b.motifId);
      const h = await readHouseholdAsSystem(t, b.householdId, ctx.now());
      if (!motif || !h) return;
      const lieu = b.lieuId ? (await lieuxByIds(t, [b.lieuId])).get(b.lieuId) : undefined;
      await tellFamily(
        t,
        deps,
        h,
        'rendezvous.reminder',
        'Rappel de rendez-vous',
        reminderText(motif.name, b.start, lieu ? `${lieu.name}, ${lieu.address}` : null, motif.documents),
      );
    });
  },
});

/** Waitlist offers whose confirmation window has passed: the seat passes on. Sent at each offer's end; the cron catches any missed. */
export const expireOffersJob = defineJob<object>({
  name: 'rendezvous.expire-offers',
  cron: '*/5 * * * *',
  handler: async (_data, deps) => {
    await expireOffers(deps);
  },
});
