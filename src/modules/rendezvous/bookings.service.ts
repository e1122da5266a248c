/**
 * Booking use cases: book (a family online, or an agent at the desk), cancel, move, and the
 * agent's statuses. Seats are taken under the session row's lock; overlaps are refused by
 * the database's exclusion constraints; every change, its notices and its audit entry
 * commit together.
 */
import { audit, auditInsert } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole, requireUser } from '../../platform/roles';
import { randomUUID } from 'node:crypto';
import { familyCard, familyCardOfUser, staffFamilyCard, type FamilyCard } from '../dossiers';
import {
  bookSeats,
  ensureSession,
  openSession,
  getBooking,
  lockBooking,
  moveBookingRow,
  setBookingStatus,
  takeSeats,
  type BookingOrigin,
  type BookingStatus,
} from './bookings.store';
import { partnerFamilyCard, referrerOf } from './referral.service';
import { getMotif, type MotifRow } from './catalogue.store';
import { tellFamily } from './notices';
import { ageGroupOn } from './slots';
import { locateSlot, type LocatedSlot } from './slots.service';
import { freeSeat } from './free-seat';
import { queueNotice } from './notice-queue';
import { cancelledVars, movedVars } from './wording';

export interface Attendees {
  /** The parent attends. */
  parent: boolean;
  /** Children of the file who attend. */
  childIds: string[];
}

export interface BookInput extends Attendees {
  motifId: string;
  ownerId: string;
  start: Date;
  /** Staff only: the family's file, and the reason to open it if not opened yet. */
  householdId?: string;
  reason?: string;
}

export interface Subject {
  key: string;
  childId: string | null;
  birthDate: string | null;
}

/** Map a violated constraint of a booking to what a person reads. */
export function bookingConflict(err: unknown): never {
  return onConstraint(err, {
    rdv_bookings_subject_overlap: () => new AppError('rendezvous/overlap'),
    rdv_sessions_agent_overlap: () => new AppError('rendezvous/agent-busy'),
    rdv_sessions_seats: () => new AppError('rendezvous/full'),
    rdv_waitlist_once: () => new AppError('rendezvous/already-waiting'),
  });
}

/**
 * The parent's own file as a booking needs it (the family card: one query, not the whole
 * file), read before the transaction opens (it reads through the pool: a transaction
 * waiting for a second connection could starve the pool under load). Null for staff.
 */
export async function parentFile(ctx: Ctx): Promise<FamilyCard | null> {
  const user = requireUser(ctx);
  if (user.role !== 'parent') return null;
  const h = await familyCardOfUser(ctx.db, user.id);
  if (!h) throw new AppError('rendezvous/no-file');
  return h;
}

/** The family acted for: a parent's own file (`own`, from parentFile), or a file staff opened (access audited by dossiers). */
export async function familyFor(ctx: Ctx, t: Tx, own: FamilyCard | null, householdId?: string, reason?: string): Promise<FamilyCard> {
  const user = requireUser(ctx);
  if (user.role === 'parent') {
    const h = own;
    if (!h) throw new AppError('rendezvous/no-file');
    if (householdId && householdId !== h.id) throw new AppError('rendezvous/not-found');
    return h;
  }
  if (user.role !== 'agent' && user.role !== 'coordinator') throw new AppError('auth/forbidden');
  if (!householdId) throw new AppError('rendezvous/not-found', { fields: [{ path: 'householdId', message: 'Choisissez le dossier de la famille.' }] });
  // The file opened with a reason (or opened now), the read audited, the card read: dossiers' rules, in two statements.
  return staffFamilyCard(ctx, householdId, 'rendezvous.book', { q: t, reason });
}

export function subjectsOf(h: Pick<FamilyCard, 'id' | 'children'>, who: Attendees): Subject[] {
  const out: Subject[] = [];
  if (who.parent) out.push({ key: `parent:${h.id}`, childId: null, birthDate: null });
  for (const [i, id] of [...new Set(who.childIds)].entries()) {
    const child = h.children.find((c) => c.id === id);
    if (!child) throw new AppError('rendezvous/unknown-child', { fields: [{ path: `childIds.${i}`, message: "Cet enfant n'est pas dans le dossier." }] });
    out.push({ key: `child:${child.id}`, childId: child.id, birthDate: child.birthDate });
  }
  if (!out.length) throw new AppError('rendezvous/nobody', { fields: [{ path: 'childIds', message: 'Choisissez qui vient.' }] });
  return out;
}

/** Who may book a motif, as the motif says: a family online the motifs open to families, a partner those open to referral; staff any at the desk. */
export function familyMayBook(role: string): (motif: MotifRow) => void {
  return (motif) => {
    if (role === 'parent' && motif.bookableBy !== 'family') throw new AppError('rendezvous/not-bookable');
    if (role === 'partner' && motif.bookableBy !== 'referral') throw new AppError('rendezvous/not-referral');
  };
}

/** Where a booking comes from, by the booker's role (pilotage counts them). */
export function originOf(role: string): BookingOrigin {
  return role === 'parent' ? 'family' : role === 'partner' ? 'partner' : 'desk';
}

/** The session's capacity and age group: a resource's per age group (one child), a collective motif's, or one seat. */
export function seatsFor(slot: LocatedSlot, subjects: Subject[]): { capacity: number; ageGroup: string } {
  const motif = slot.motif;
  if (!slot.resourceId) return { capacity: motif.collective ? motif.capacity : 1, ageGroup: '' };
  const only = subjects[0];
  if (subjects.length !== 1 || !only?.birthDate)
    throw new AppError('rendezvous/child-required', { fields: [{ path: 'childIds', message: 'Choisissez un enfant.' }] });
  const group = ageGroupOn(only.birthDate, parisDate(slot.start));
  const capacity = group ? (slot.capacities[group] ?? 0) : 0;
  if (!group || capacity === 0)
    throw new AppError('rendezvous/no-age-group', { fields: [{ path: 'childIds.0', message: "Pas de place pour l'âge de cet enfant." }] });
  return { capacity, ageGroup: group };
}

/**
 * The family a booking is for, read before any transaction (through the pool, beside the
 * slot's read): a parent's own file, or the file staff opened — dossiers' rules, the read
 * audited (with a reason typed now, the file is opened in its own transaction).
 */
export async function familyOf(ctx: Ctx, householdId?: string, reason?: string): Promise<FamilyCard> {
  const user = requireUser(ctx);
  if (user.role === 'parent') {
    const h = await parentFile(ctx);
    if (!h) throw new AppError('rendezvous/no-file');
    if (householdId && householdId !== h.id) throw new AppError('rendezvous/not-found');
    return h;
  }
  // A partner: the family's consent to its structure (dossiers checks it and audits the read).
  if (user.role === 'partner') return partnerFamilyCard(ctx, householdId);
  if (user.role !== 'agent' && user.role !== 'coordinator') throw new AppError('auth/forbidden');
  if (!householdId) throw new AppError('rendezvous/not-found', { fields: [{ path: 'householdId', message: 'Choisissez le dossier de la famille.' }] });
  if (reason?.trim()) return tx(ctx.db, (t) => staffFamilyCard(ctx, householdId, 'rendezvous.book', { q: t, reason }));
  return staffFamilyCard(ctx, householdId, 'rendezvous.book', { q: ctx.db });
}

/** Two reads at once (two connections): their results, or the first one's error, then the second's. */
export async function together<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

/**
 * The booking's statement — or a whole transaction that changes a session's seats (cancel,
 * move, accept an offer) — run again after a deadlock or a spurious overlap of the agent's
 * sessions, as `tx` runs a transaction again. Seats taken by concurrent bookers are updates of
 * one session row, each a new row version checked against the agent's exclusion constraint;
 * PostgreSQL may then report the row as overlapping itself (23P01 on rdv_sessions_agent_overlap,
 * seen under contention: see README, Performance). A real overlap is a committed session of
 * the agent at that time: it fails again every time and is then refused as such.
 */
export async function againOnRace<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await statement();
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      const race = e.code === '40P01' || (e.code === '23P01' && e.constraint === 'rdv_sessions_agent_overlap');
      if (!race || attempt >= 3) throw err;
    }
  }
}

/**
 * Book a slot. The slot (motif, plages, absences, place, seats: one statement) and the family
 * card are read at the same time, before the booking; the booking is then one statement —
 * seats under the session's lock, bookings, notice and audit entry, all or nothing — so the
 * seat's lock is held only for that statement. The confirmation's job is enqueued after the
 * commit, batched (notice-queue.ts).
 */
export async function book(ctx: Ctx, input: BookInput): Promise<{ bookingIds: string[]; sessionId: string }> {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const [slot, h] = await together(
    locateSlot(ctx.db, ctx, input.motifId, input.ownerId, input.start, familyMayBook(user.role)),
    familyOf(ctx, input.householdId, input.reason),
  );
  const origin = originOf(user.role);
  const referrer = origin === 'partner' ? await referrerOf(ctx) : null;
  const motif = slot.motif;
  const subjects = subjectsOf(h, input);
  const { capacity, ageGroup } = seatsFor(slot, subjects);
  // A fast refusal when the session was full at the read (no lock); the guarantee is the session's CHECK in bookSeats.
  const known = slot.sessions[ageGroup];
  if (known && known.left < subjects.length) throw new AppError('rendezvous/full');
  const bookings = subjects.map((s) => ({ id: randomUUID(), subjectKey: s.key, childId: s.childId }));
  const bookingIds = bookings.map((b) => b.id);
  const noticeId = randomUUID();
  const key = {
    motifId: motif.id,
    agentId: slot.agentId,
    resourceId: slot.resourceId,
    lieuId: slot.lieuId,
    ageGroup,
    start: slot.start,
    end: slot.end,
    capacity,
  };
  let sessionId: string;
  try {
    if (!known) await openSession(ctx.db, key, ctx.now());
    sessionId = await againOnRace(() =>
      bookSeats(
        ctx.db,
        {
          ...key,
          householdId: h.id,
          bookedBy: user.id,
          origin,
          referrer,
          bookings,
          noticeId,
          audit: (first) =>
            auditInsert(
              ctx,
              'rendezvous/booked',
              {
                householdId: h.id,
                subjectType: 'booking',
                subjectId: bookingIds[0],
                details: {
                  motifId: motif.id,
                  bookings: bookingIds,
                  atDesk: origin === 'desk',
                  origin,
                  ...(referrer ? { structureId: referrer.structureId } : {}),
                },
              },
              first,
            ),
        },
        ctx.now(),
      ),
    );
  } catch (err) {
    return bookingConflict(err);
  }
  queueNotice(ctx, noticeId);
  return { bookingIds, sessionId };
}

/** A booking the caller may act on: a parent's own, a partner's the ones its structure made (else not found), any for staff. */
async function ownBooking(ctx: Ctx, t: Tx, own: FamilyCard | null, bookingId: string) {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const b = await lockBooking(t, bookingId);
  if (!b) throw new AppError('rendezvous/not-found');
  if (user.role === 'parent' && (!own || own.id !== b.householdId)) throw new AppError('rendezvous/not-found');
  if (user.role === 'partner' && (!user.structureId || b.referrerStructureId !== user.structureId)) throw new AppError('rendezvous/not-found');
  const motif = await getMotif(t, b.motifId);
  if (!motif) throw new AppError('rendezvous/not-found');
  return { user, booking: b, motif };
}

/** The family is told the service cancelled its booking (through the queue, in its language). */
async function tellCancelled(t: Tx, ctx: Ctx, householdId: string, motif: string, start: Date): Promise<void> {
  const h = await familyCard(t, householdId);
  if (h) await tellFamily(t, ctx, h, 'rendezvous.cancelled', cancelledVars(motif, start));
}

/**
 * A family cancels (excusé, within the motif's notice), or staff — or the partner structure
 * that proposed it — cancel (annulé par le service, the family is told). Run again on a
 * spurious overlap of the session's new row version, as a booking is (againOnRace).
 */
export async function cancelBooking(ctx: Ctx, bookingId: string): Promise<void> {
  requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const own = await parentFile(ctx);
  try {
    await againOnRace(() =>
      tx(ctx.db, async (t) => {
        const now = ctx.now();
        const { user, booking, motif } = await ownBooking(ctx, t, own, bookingId);
        if (booking.status !== 'confirmed') throw new AppError('rendezvous/bad-status');
        const byFamily = user.role === 'parent';
        if (byFamily && booking.start.getTime() - now.getTime() < motif.cancelNoticeMinutes * 60_000) throw new AppError('rendezvous/too-late-to-cancel');
        await setBookingStatus(t, booking.id, byFamily ? 'excused' : 'revoked', now);
        if (booking.start > now) await freeSeat(t, ctx, booking.sessionId);
        if (!byFamily) await tellCancelled(t, ctx, booking.householdId, motif.name, booking.start);
        await audit(t, ctx, 'rendezvous/cancelled', {
          householdId: booking.householdId,
          subjectType: 'booking',
          subjectId: booking.id,
          details: { byFamily, ...(user.role === 'partner' ? { byPartner: user.structureId } : {}) },
        });
      }),
    );
  } catch (err) {
    bookingConflict(err);
  }
}

/**
 * Move a booking to another slot of the same motif, in one transaction (the old seat may go to the
 * waitlist); run again on a spurious overlap (againOnRace). The family, staff, or the partner
 * structure that proposed it (as RDV-Service-Public's prescripteur); the family is told.
 */
export async function moveBooking(ctx: Ctx, bookingId: string, to: { ownerId: string; start: Date }): Promise<void> {
  requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const pre = await getBooking(ctx.db, bookingId);
  if (!pre) throw new AppError('rendezvous/not-found');
  const slot = await locateSlot(ctx.db, ctx, pre.motifId, to.ownerId, to.start);
  const motif = slot.motif;
  const own = await parentFile(ctx);
  try {
    await againOnRace(() =>
      tx(ctx.db, async (t) => {
        const now = ctx.now();
        const { user, booking } = await ownBooking(ctx, t, own, bookingId);
        if (booking.status !== 'confirmed') throw new AppError('rendezvous/bad-status');
        if (user.role === 'parent' && booking.start.getTime() - now.getTime() < motif.cancelNoticeMinutes * 60_000)
          throw new AppError('rendezvous/too-late-to-cancel');
        const h = await familyCard(t, booking.householdId);
        if (!h) throw new AppError('rendezvous/not-found');
        const subject: Subject = {
          key: booking.subjectKey,
          childId: booking.childId,
          birthDate: h.children.find((c) => c.id === booking.childId)?.birthDate ?? null,
        };
        const { capacity, ageGroup } = seatsFor(slot, [subject]);
        if (booking.start > now) await freeSeat(t, ctx, booking.sessionId);
        const { id: sessionId } = await ensureSession(
          t,
          { motifId: motif.id, agentId: slot.agentId, resourceId: slot.resourceId, lieuId: slot.lieuId, ageGroup, start: slot.start, end: slot.end, capacity },
          now,
        );
        if (!(await takeSeats(t, sessionId, 1))) throw new AppError('rendezvous/full');
        await moveBookingRow(t, booking.id, sessionId, slot.start, slot.end, now);
        await tellFamily(t, ctx, h, 'rendezvous.moved', movedVars(motif.name, booking.start, slot.start, slot.place));
        await audit(t, ctx, 'rendezvous/moved', {
          householdId: booking.householdId,
          subjectType: 'booking',
          subjectId: booking.id,
          details: { from: booking.sessionId, to: sessionId, ...(user.role === 'partner' ? { byPartner: user.structureId } : {}) },
        });
      }),
    );
  } catch (err) {
    bookingConflict(err);
  }
}

const AFTER_START: readonly BookingStatus[] = ['seen', 'noshow'];

/** An agent marks a booking: vu, absent (lapin), excusé, annulé par le service. */
export async function markBooking(ctx: Ctx, bookingId: string, status: Exclude<BookingStatus, 'confirmed'>): Promise<void> {
  requireRole(ctx, 'agent', 'coordinator');
  await tx(ctx.db, async (t) => {
    const now = ctx.now();
    const { booking, motif } = await ownBooking(ctx, t, null, bookingId);
    const fromPresence = AFTER_START.includes(booking.status) && AFTER_START.includes(status);
    if (booking.status !== 'confirmed' && !fromPresence) throw new AppError('rendezvous/bad-status');
    if (AFTER_START.includes(status) && booking.start > now) throw new AppError('rendezvous/not-yet');
    await setBookingStatus(t, booking.id, status, now);
    if (!AFTER_START.includes(status) && booking.start > now) await freeSeat(t, ctx, booking.sessionId);
    if (status === 'revoked' && booking.start > now) await tellCancelled(t, ctx, booking.householdId, motif.name, booking.start);
    await audit(t, ctx, 'rendezvous/status-changed', {
      householdId: booking.householdId,
      subjectType: 'booking',
      subjectId: booking.id,
      details: { from: booking.status, to: status },
    });
  });
}
