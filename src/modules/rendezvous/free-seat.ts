/**
 * A seat frees (a cancellation, a declined or lapsed offer): in the transaction that freed
 * it and under the session's lock, offer it to the first waiting family — the seat stays
 * counted as taken, held for them for a confirmation window — or give it back.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { familyCard } from '../dossiers';
import { lockSession, markOffered, nextWaiting, releaseSeats } from './bookings.store';
import { getMotif } from './catalogue.store';
import { expireOffersJob } from './rendezvous.jobs';
import { tellFamily } from './notices';
import { offerWindowMinutes } from './slots';
import { offerVars } from './wording';

/**
 * One seat of the session is free (its holder cancelled, or an offer lapsed): offer it to
 * the next waiting family, or give it back. Call inside the transaction that freed it.
 */
export async function freeSeat(t: Tx, ctx: Ctx, sessionId: string): Promise<{ offeredTo: string | null }> {
  const now = ctx.now();
  const session = await lockSession(t, sessionId);
  if (!session) throw new AppError('rendezvous/not-found');
  const window = offerWindowMinutes(now, session.start);
  const next = window === null ? null : await nextWaiting(t, sessionId);
  if (!next || window === null) {
    await releaseSeats(t, sessionId, 1);
    return { offeredTo: null };
  }
  const expiresAt = new Date(now.getTime() + window * 60_000);
  await markOffered(t, next.id, now, expiresAt);
  const motif = await getMotif(t, session.motifId);
  const h = await familyCard(t, next.householdId);
  if (h && motif) await tellFamily(t, ctx, h, 'rendezvous.offer', offerVars(motif.name, session.start, expiresAt));
  if (ctx.jobs.started) await expireOffersJob.send(ctx, {}, { tx: t, startAfter: expiresAt });
  await audit(t, ctx, 'rendezvous/offered', {
    householdId: next.householdId,
    subjectType: 'waitlist',
    subjectId: next.id,
    details: { sessionId, minutes: window },
  });
  return { offeredTo: next.id };
}
