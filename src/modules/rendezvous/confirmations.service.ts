/**
 * Booking confirmations: the booking's own statement writes one notice row (so the
 * confirmation exists exactly when the booking commits); a `rendezvous.send-notice` job,
 * enqueued after the commit for the notices of a few milliseconds (notice-queue.ts), turns
 * each into the family's SMS and e-mail (the platform's outbox). A notice is sent once: it is claimed under its row's lock and
 * marked sent with the messages. The reminder scan also sweeps notices whose job was lost.
 */
import type { Deps } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { familyCard } from '../dossiers';
import { claimNotice, markNoticeSent, pendingNotices } from './bookings.store';
import { getMotif, lieuxByIds } from './catalogue.store';
import { tellFamily } from './notices';
import { confirmationVars } from './wording';

/** Sends one confirmation notice (nothing if already sent or being sent). */
export async function sendNotice(deps: Deps, id: string): Promise<boolean> {
  return tx(deps.db, async (t) => {
    const n = await claimNotice(t, id);
    if (!n) return false;
    const motif = await getMotif(t, n.motifId);
    const h = await familyCard(t, n.householdId);
    if (motif && h) {
      const lieu = n.lieuId ? (await lieuxByIds(t, [n.lieuId])).get(n.lieuId) : undefined;
      const place = lieu ? `${lieu.name}, ${lieu.address}` : null;
      await tellFamily(t, deps, h, 'rendezvous.confirmation', confirmationVars(motif.name, n.start, place, motif.documents, n.referrerName));
    }
    await markNoticeSent(t, n.id, deps.clock.now());
    return true;
  });
}

/** Notices still pending two minutes after their booking (their job was lost): sent now. */
export async function sweepNotices(deps: Deps): Promise<number> {
  const ids = await pendingNotices(deps.db, new Date(deps.clock.now().getTime() - 120_000), 500);
  let sent = 0;
  for (const id of ids) if (await sendNotice(deps, id)) sent++;
  return sent;
}
