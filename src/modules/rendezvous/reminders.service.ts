/**
 * Reminders (48 h before, and the day before at 18 h, SMS and e-mail with the documents to
 * bring), sent by a periodic scan over the bookings due rather than by jobs each booking
 * enqueues: a booking's transaction stays short, and a cancelled or moved booking needs
 * nothing undone. Each batch claims its bookings and queues its messages in one transaction.
 */
import type { Deps } from '../../platform/context';
import { makeCtx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { familyCard } from '../dossiers';
import { claimDueReminders } from './bookings.store';
import { lieuxByIds, motifsByIds } from './catalogue.store';
import { tellFamily } from './notices';
import { reminderVars } from './wording';

const BATCH = 200;

/** Sends every reminder due now; returns how many families were reminded. */
export async function sendDueReminders(deps: Deps): Promise<number> {
  const ctx = makeCtx(deps, null, 'job:rendezvous.remind');
  let total = 0;
  for (;;) {
    const n = await tx(deps.db, async (t) => {
      const now = ctx.now();
      const due = await claimDueReminders(t, now, BATCH);
      const motifs = await motifsByIds(t, [...new Set(due.map((d) => d.motifId))]);
      const lieux = await lieuxByIds(t, [...new Set(due.map((d) => d.lieuId).filter((x): x is string => !!x))]);
      for (const d of due) {
        const motif = motifs.get(d.motifId);
        const h = await familyCard(t, d.householdId);
        if (!motif || !h) continue;
        const lieu = d.lieuId ? lieux.get(d.lieuId) : undefined;
        await tellFamily(t, deps, h, 'rendezvous.reminder', reminderVars(motif.name, d.start, lieu ? `${lieu.name}, ${lieu.address}` : null, motif.documents));
      }
      return due.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
