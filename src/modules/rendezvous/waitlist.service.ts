/**
 * The waitlist (liste d'attente) — not a booking. When a seat frees, in the same
 * transaction as what freed it and under the session's lock, the first waiting family is
 * offered it: the seat stays counted as taken (held for them) during a confirmation window
 * (2 h, shorter near the slot), then passes on. A seat is never announced before it is
 * free, and a new booking racing the cancellation finds it held, not free.
 */
import { audit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/context';
import { makeCtx } from '../../platform/context';
import { tx, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { familyCard, type FamilyCard } from '../dossiers';
import { againOnRace, bookingConflict, familyFor, familyMayBook, originOf, parentFile, seatsFor, subjectsOf, type BookInput } from './bookings.service';
import { closeWait, ensureSession, expiredOffers, insertBooking, insertWait, lockSession, lockWait } from './bookings.store';
import { freeSeat } from './free-seat';
import { getMotif } from './catalogue.store';
import { tellFamily } from './notices';
import { partnerFamilyCard, referrerOf } from './referral.service';
import { locateSlot } from './slots.service';
import { confirmationVars } from './wording';

/**
 * Join the waitlist of a full slot, for each attendee: the family itself, staff at the desk, or
 * a partner structure for a family that consented to it (a referral motif; the entry records
 * the structure, as its bookings do).
 */
export async function joinWaitlist(ctx: Ctx, input: BookInput): Promise<{ waitIds: string[] }> {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const slot = await locateSlot(ctx.db, ctx, input.motifId, input.ownerId, input.start, familyMayBook(user.role));
  const motif = slot.motif;
  const own = await parentFile(ctx);
  // A partner: the family's consent to its structure, checked and the read audited by dossiers.
  const referred = user.role === 'partner' ? await partnerFamilyCard(ctx, input.householdId) : null;
  const referrer = referred ? await referrerOf(ctx) : null;
  try {
    return await tx(ctx.db, async (t) => {
      const now = ctx.now();
      const h = referred ?? (await familyFor(ctx, t, own, input.householdId, input.reason));
      const subjects = subjectsOf(h, input);
      const { capacity, ageGroup } = seatsFor(slot, subjects);
      const { id: sessionId } = await ensureSession(
        t,
        { motifId: motif.id, agentId: slot.agentId, resourceId: slot.resourceId, lieuId: slot.lieuId, ageGroup, start: slot.start, end: slot.end, capacity },
        now,
      );
      const session = (await lockSession(t, sessionId))!;
      if (session.capacity - session.taken >= subjects.length) throw new AppError('rendezvous/not-full');
      const waitIds: string[] = [];
      for (const s of subjects) waitIds.push(await insertWait(t, { sessionId, householdId: h.id, subjectKey: s.key, childId: s.childId, referrer }, now));
      await audit(t, ctx, 'rendezvous/waitlisted', {
        householdId: h.id,
        subjectType: 'waitlist',
        subjectId: waitIds[0],
        details: { sessionId, entries: waitIds, ...(referrer ? { byPartner: referrer.structureId } : {}) },
      });
      return { waitIds };
    });
  } catch (err) {
    return bookingConflict(err);
  }
}

/** A waitlist entry the caller may act on: a parent's own, a partner's the ones its structure made (else not found), any for staff. */
async function ownWait(ctx: Ctx, t: Tx, own: FamilyCard | null, waitId: string) {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const w = await lockWait(t, waitId);
  if (!w) throw new AppError('rendezvous/not-found');
  if (user.role === 'parent' && (!own || own.id !== w.householdId)) throw new AppError('rendezvous/not-found');
  if (user.role === 'partner' && (!user.structureId || w.referrerStructureId !== user.structureId)) throw new AppError('rendezvous/not-found');
  return w;
}

/** The family takes the place offered: the held seat becomes its booking (run again on a spurious overlap, as a booking: againOnRace). */
export async function acceptOffer(ctx: Ctx, waitId: string): Promise<{ bookingId: string }> {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator');
  const own = await parentFile(ctx);
  try {
    return await againOnRace(() =>
      tx(ctx.db, async (t) => {
        const now = ctx.now();
        const w = await ownWait(ctx, t, own, waitId);
        if (w.status !== 'offered' || !w.offerExpiresAt || w.offerExpiresAt <= now) throw new AppError('rendezvous/offer-expired');
        const session = (await lockSession(t, w.sessionId))!;
        const bookingId = await insertBooking(
          t,
          {
            sessionId: session.id,
            householdId: w.householdId,
            subjectKey: w.subjectKey,
            childId: w.childId,
            start: session.start,
            end: session.end,
            bookedBy: user.id,
            viaWaitlist: true,
            // An entry a partner made stays its booking (« proposé par », the partner may move or cancel it).
            origin: w.referrerStructureId ? 'partner' : originOf(user.role),
            referrer: w.referrerStructureId && w.referrerName ? { structureId: w.referrerStructureId, name: w.referrerName } : null,
          },
          now,
        );
        await closeWait(t, w.id, 'accepted', now, bookingId);
        const motif = await getMotif(t, session.motifId);
        const h = await familyCard(t, w.householdId);
        if (h && motif)
          await tellFamily(t, ctx, h, 'rendezvous.confirmation', confirmationVars(motif.name, session.start, null, motif.documents, w.referrerName));
        await audit(t, ctx, 'rendezvous/offer-accepted', { householdId: w.householdId, subjectType: 'waitlist', subjectId: w.id, details: { bookingId } });
        return { bookingId };
      }),
    );
  } catch (err) {
    return bookingConflict(err);
  }
}

/** The family declines an offer (the seat passes on) or leaves the waitlist; staff, or the partner structure that made the entry, withdraw it. */
export async function leaveWaitlist(ctx: Ctx, waitId: string): Promise<void> {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const own = await parentFile(ctx);
  await tx(ctx.db, async (t) => {
    const now = ctx.now();
    const w = await ownWait(ctx, t, own, waitId);
    if (w.status === 'offered') {
      await closeWait(t, w.id, 'declined', now);
      await freeSeat(t, ctx, w.sessionId);
    } else if (w.status === 'waiting') {
      await closeWait(t, w.id, 'withdrawn', now);
    } else throw new AppError('rendezvous/offer-expired');
    await audit(t, ctx, 'rendezvous/waitlist-left', {
      householdId: w.householdId,
      subjectType: 'waitlist',
      subjectId: w.id,
      details: { was: w.status, ...(user.role === 'partner' ? { byPartner: user.structureId } : {}) },
    });
  });
}

/** Offers whose window has passed lapse; each seat passes to the next family or is given back. */
export async function expireOffers(deps: Deps): Promise<number> {
  const ctx = makeCtx(deps, null, 'job:rendezvous.expire-offers');
  let n = 0;
  for (const id of await expiredOffers(deps.db, ctx.now())) {
    await tx(deps.db, async (t) => {
      const w = await lockWait(t, id);
      if (!w || w.status !== 'offered' || !w.offerExpiresAt || w.offerExpiresAt > ctx.now()) return;
      await closeWait(t, w.id, 'expired', ctx.now());
      await freeSeat(t, ctx, w.sessionId);
      await audit(t, ctx, 'rendezvous/offer-expired', { householdId: w.householdId, subjectType: 'waitlist', subjectId: w.id });
      n++;
    });
  }
  return n;
}
