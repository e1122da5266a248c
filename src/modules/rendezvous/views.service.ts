/** What families and agents read: my bookings and waitlist, the agent's agenda, a family's history, ICS files and feeds. */
import crypto from 'node:crypto';
import { audit } from '../../platform/audit';
import { parisDate, parisInstant } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess, familyCard } from '../dossiers';
import { parentFile } from './bookings.service';
import { partnerFamilyCard } from './referral.service';
import {
  bookingsOfAgent,
  bookingsOfHousehold,
  bookingsOfReferrer,
  getBooking,
  sessionsOfAgent,
  waitsOfHousehold,
  type WaitWithSlot,
  type BookingRow,
  type BookingStatus,
} from './bookings.store';
import { agentOfFeed, deleteFeed, lieuxByIds, motifsByIds, setFeedToken, type LieuRow, type MotifRow } from './catalogue.store';
import { toIcs } from './ics';
import { addDays } from './slots';

export interface BookingView {
  id: string;
  sessionId: string;
  householdId: string;
  motif: { id: string; name: string; kind: MotifRow['kind']; documents: string[] };
  start: Date;
  end: Date;
  status: BookingStatus;
  who: string;
  lieu: { name: string; address: string; accessibility: string | null } | null;
  viaWaitlist: boolean;
  canCancel: boolean;
  /** A partner's booking: « proposé par <structure> ». */
  proposedBy: string | null;
  /** The child it is for (a crèche place's slots to move to are those of the child's age group), or null for the parent. */
  childId: string | null;
}

/** What naming who comes needs of a file (a family card or the whole file). */
interface Names {
  parent: { firstName: string | null; lastName: string | null };
  children: { id: string; firstName: string | null }[];
}

function whoOf(h: Names | null, b: Pick<BookingRow, 'childId'>): string {
  if (!h) return '—';
  if (b.childId) return h.children.find((c) => c.id === b.childId)?.firstName ?? 'Enfant';
  return [h.parent.firstName, h.parent.lastName].filter(Boolean).join(' ') || 'Parent';
}

async function decorate(ctx: Ctx, rows: BookingRow[], households: Map<string, Names | null>, staff: boolean): Promise<BookingView[]> {
  const motifs = await motifsByIds(ctx.db, [...new Set(rows.map((r) => r.motifId))]);
  const lieux: Map<string, LieuRow> = await lieuxByIds(ctx.db, [...new Set(rows.map((r) => r.lieuId).filter((x): x is string => !!x))]);
  const now = ctx.now().getTime();
  return rows.map((b) => {
    const m = motifs.get(b.motifId)!;
    const l = b.lieuId ? lieux.get(b.lieuId) : undefined;
    return {
      id: b.id,
      sessionId: b.sessionId,
      householdId: b.householdId,
      motif: { id: m.id, name: m.name, kind: m.kind, documents: m.documents },
      start: b.start,
      end: b.end,
      status: b.status,
      who: whoOf(households.get(b.householdId) ?? null, b),
      lieu: l ? { name: l.name, address: l.address, accessibility: l.accessibility } : null,
      viaWaitlist: b.viaWaitlist,
      proposedBy: b.referrerName,
      childId: b.childId,
      canCancel: b.status === 'confirmed' && (staff ? b.start.getTime() > now : b.start.getTime() - now >= m.cancelNoticeMinutes * 60_000),
    };
  });
}

export interface WaitView {
  id: string;
  motif: { id: string; name: string };
  start: Date;
  end: Date;
  who: string;
  status: 'waiting' | 'offered';
  offerExpiresAt: Date | null;
  /** Put on the waitlist by a partner structure: « proposé par <structure> ». */
  proposedBy: string | null;
}

/** Waitlist entries as people read them (the slot not yet over). */
async function waitViews(ctx: Ctx, h: Names, waits: WaitWithSlot[]): Promise<WaitView[]> {
  const now = ctx.now().getTime();
  const motifs = await motifsByIds(ctx.db, [...new Set(waits.map((w) => w.motifId))]);
  return waits
    .filter((w) => w.end.getTime() > now)
    .map((w) => ({
      id: w.id,
      motif: { id: w.motifId, name: motifs.get(w.motifId)?.name ?? '' },
      start: w.start,
      end: w.end,
      who: whoOf(h, w),
      status: w.status as 'waiting' | 'offered',
      offerExpiresAt: w.status === 'offered' ? w.offerExpiresAt : null,
      proposedBy: w.referrerName,
    }));
}

/** The family's own bookings and waitlist entries. */
export async function myBookings(
  ctx: Ctx,
): Promise<{ children: { id: string; firstName: string }[]; upcoming: BookingView[]; past: BookingView[]; waitlist: WaitView[] }> {
  requireRole(ctx, 'parent');
  const h = await parentFile(ctx);
  if (!h) throw new AppError('rendezvous/no-file');
  const rows = await bookingsOfHousehold(ctx.db, h.id);
  const views = await decorate(ctx, rows, new Map([[h.id, h]]), false);
  const now = ctx.now().getTime();
  return {
    children: h.children.map((c) => ({ id: c.id, firstName: c.firstName })),
    upcoming: views.filter((v) => v.end.getTime() > now && v.status === 'confirmed').sort((a, b) => a.start.getTime() - b.start.getTime()),
    past: views.filter((v) => v.end.getTime() <= now || v.status !== 'confirmed'),
    waitlist: await waitViews(ctx, h, await waitsOfHousehold(ctx.db, h.id)),
  };
}

/** An agent's agenda between two instants (day or week): who comes, for what, where, and the status. */
export async function agenda(
  ctx: Ctx,
  range: { day?: string; days: number; from?: Date; to?: Date },
  agentId?: string,
): Promise<{ bookings: BookingView[]; day: string; days: number; today: string }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  const today = parisDate(ctx.now());
  const day = range.day ?? (range.from ? parisDate(range.from) : today);
  const from = range.from ?? parisInstant(day);
  const to = range.to ?? parisInstant(addDays(day, range.days));
  const who = agentId ?? user.id;
  if (who !== user.id && user.role !== 'coordinator') throw new AppError('auth/forbidden');
  if (to.getTime() - from.getTime() > 31 * 86_400_000 || to <= from)
    throw new AppError('http/invalid-input', { fields: [{ path: 'to', message: 'Une période de 31 jours au plus.' }] });
  const rows = await bookingsOfAgent(ctx.db, who, from, to);
  const households = new Map<string, Names | null>();
  for (const id of new Set(rows.map((r) => r.householdId))) households.set(id, await familyCard(ctx.db, id));
  await audit(ctx.db, ctx, 'rendezvous/agenda-read', { subjectType: 'agent', subjectId: who, details: { bookings: rows.length } });
  return { bookings: await decorate(ctx, rows, households, true), day, days: range.days, today };
}

/** A family's bookings, past and upcoming, from its file (staff: the file opened with a reason, audited by dossiers). */
export async function householdBookings(
  ctx: Ctx,
  householdId: string,
  reason?: string,
): Promise<{ bookings: BookingView[]; family: { name: string; children: { id: string; firstName: string }[] } }> {
  requireRole(ctx, 'agent', 'coordinator');
  const h = await tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'rendezvous.history', { q: t, reason });
    return familyCard(t, householdId);
  });
  const rows = await bookingsOfHousehold(ctx.db, householdId);
  return {
    bookings: await decorate(ctx, rows, new Map([[householdId, h]]), true),
    family: {
      name: h ? [h.parent.firstName, h.parent.lastName].filter(Boolean).join(' ') || 'Famille' : 'Famille',
      children: (h?.children ?? []).map((c) => ({ id: c.id, firstName: c.firstName })),
    },
  };
}

/**
 * What a partner sees of a family it may propose appointments to: what the family shared
 * with its structure (the parent's name, the children) and the bookings its structure made
 * for it — never the family's other bookings. The read is audited by dossiers.
 */
export async function partnerHousehold(
  ctx: Ctx,
  householdId: string,
): Promise<{ bookings: BookingView[]; waitlist: WaitView[]; family: { name: string | null; children: { id: string; firstName: string }[] } }> {
  const user = requireRole(ctx, 'partner');
  const h = await partnerFamilyCard(ctx, householdId);
  const rows = await bookingsOfReferrer(ctx.db, user.structureId!, householdId);
  return {
    bookings: await decorate(ctx, rows, new Map([[householdId, h]]), true),
    waitlist: await waitViews(ctx, h, await waitsOfHousehold(ctx.db, householdId, user.structureId!)),
    family: {
      name: h.shared.identity ? [h.parent.firstName, h.parent.lastName].filter(Boolean).join(' ') || null : null,
      children: h.children.map((c) => ({ id: c.id, firstName: c.firstName })),
    },
  };
}

/** The ICS file of one booking (its family, or staff). */
export async function bookingIcs(ctx: Ctx, bookingId: string): Promise<string> {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator');
  const b = await getBooking(ctx.db, bookingId);
  if (!b) throw new AppError('rendezvous/not-found');
  if (user.role === 'parent') {
    const h = await parentFile(ctx);
    if (!h || h.id !== b.householdId) throw new AppError('rendezvous/not-found');
  }
  const [v] = await decorate(ctx, [b], new Map(), true);
  return toIcs(
    'Rendez-vous Relais',
    [
      {
        uid: b.id,
        start: b.start,
        end: b.end,
        summary: v!.motif.name,
        location: v!.lieu ? `${v!.lieu.name}, ${v!.lieu.address}` : null,
        description: v!.motif.documents.length ? `À apporter : ${v!.motif.documents.join(', ')}` : null,
        cancelled: b.status === 'excused' || b.status === 'revoked',
      },
    ],
    ctx.now(),
  );
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** A new private feed address for the agent (the old one stops working). The token is a random secret, not an identifier. */
export async function renewFeed(ctx: Ctx): Promise<{ token: string }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  const token = crypto.randomBytes(32).toString('base64url');
  await tx(ctx.db, async (t) => {
    await setFeedToken(t, user.id, hashToken(token), ctx.now());
    await audit(t, ctx, 'rendezvous/feed-renewed', { subjectType: 'agent', subjectId: user.id });
  });
  return { token };
}

/** The agent turns the private feed off: its address stops working, and none replaces it. */
export async function revokeFeed(ctx: Ctx): Promise<void> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  await tx(ctx.db, async (t) => {
    const existed = await deleteFeed(t, user.id);
    await audit(t, ctx, 'rendezvous/feed-revoked', { subjectType: 'agent', subjectId: user.id, details: { existed } });
  });
}

/** The agent's feed: sessions of the last 30 and next 90 days, with the number of people (no names: a calendar app keeps copies). */
export async function agentFeed(ctx: Ctx, token: string): Promise<string> {
  const agentId = await agentOfFeed(ctx.db, hashToken(token));
  if (!agentId) throw new AppError('rendezvous/not-found');
  const now = ctx.now().getTime();
  const sessions = await sessionsOfAgent(ctx.db, agentId, new Date(now - 30 * 86_400_000), new Date(now + 90 * 86_400_000));
  const motifs = await motifsByIds(ctx.db, [...new Set(sessions.map((s) => s.motifId))]);
  const lieux = await lieuxByIds(ctx.db, [...new Set(sessions.map((s) => s.lieuId).filter((x): x is string => !!x))]);
  return toIcs(
    'Agenda Relais',
    sessions.map((s) => {
      const l = s.lieuId ? lieux.get(s.lieuId) : undefined;
      return {
        uid: s.id,
        start: s.start,
        end: s.end,
        summary: `${motifs.get(s.motifId)?.name ?? 'Rendez-vous'} (${s.taken} ${s.taken > 1 ? 'personnes' : 'personne'})`,
        location: l ? `${l.name}, ${l.address}` : null,
      };
    }),
    ctx.now(),
  );
}
