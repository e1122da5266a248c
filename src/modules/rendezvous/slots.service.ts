/** Free slots of a motif: the plages cut by the pure computation, with each session's seats. */
import { parisDate, parisInstant } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/roles';
import { agentsBusy, sessionsOfMotif } from './bookings.store';
import { absencesBetween, getMotif, lieuxByIds, plagesOfMotif, resourceNames, slotContext, type MotifRow } from './catalogue.store';
import { freeSlots, type AgeGroup, type MotifTiming, type Slot } from './slots';

const DAY_MS = 86_400_000;

export interface OfferedSlot extends Slot {
  agentId: string | null;
  resourceId: string | null;
}

/** A family books within the motif's notice; staff at the desk may book any upcoming slot. */
export function timingFor(ctx: Ctx, motif: MotifRow): MotifTiming {
  const staff = ctx.user !== null && ctx.user.role !== 'parent';
  return staff
    ? { durationMinutes: motif.durationMinutes, minNoticeMinutes: 0, maxNoticeDays: 730 }
    : { durationMinutes: motif.durationMinutes, minNoticeMinutes: motif.minNoticeMinutes, maxNoticeDays: motif.maxNoticeDays };
}

/**
 * Slots the plages offer for a motif in [fromDate, toDate] (Paris days), minus absences and
 * closures; individual motifs also minus the agents' other occupied sessions. Seats are
 * not checked here: the booking's transaction does that under the session's lock.
 */
export async function offeredSlots(q: Queryable, ctx: Ctx, motif: MotifRow, fromDate: string, toDate: string, ownerId?: string): Promise<OfferedSlot[]> {
  const plages = await plagesOfMotif(q, motif.id, fromDate, toDate, ownerId);
  if (!plages.length) return [];
  const owners = [...new Set(plages.map((p) => p.ownerId))];
  const from = parisInstant(fromDate);
  const to = new Date(parisInstant(toDate).getTime() + DAY_MS);
  const absences = await absencesBetween(q, owners, from, to);
  const agents = plages.filter((p) => p.agentId).map((p) => p.agentId!);
  const busy = await agentsBusy(q, [...new Set(agents)], from, to, motif.id);
  const kinds = new Map(plages.map((p) => [p.ownerId, { agentId: p.agentId, resourceId: p.resourceId }]));
  return freeSlots({ plages, motif: timingFor(ctx, motif), now: ctx.now(), fromDate, toDate, absences, busy }).map((s) => ({
    ...s,
    ...kinds.get(s.ownerId)!,
  }));
}

/** A slot located for a booking, with what the booking needs of it (read in one round trip). */
export interface LocatedSlot extends OfferedSlot {
  motif: MotifRow;
  /** "Name, address" of its place, for the notices. */
  place: string | null;
  /** A resource's seats per age group. */
  capacities: Partial<Record<AgeGroup, number>>;
  /** Sessions already open for this slot, by age group ('' when none), with their seats left as last committed. */
  sessions: Record<string, { id: string; left: number }>;
}

/**
 * The exact slot asked for, or `rendezvous/slot-unavailable` (a forged or stale time);
 * `rendezvous/not-found` for an unknown or withdrawn motif.
 */
export async function locateSlot(
  q: Queryable,
  ctx: Ctx,
  motifId: string,
  ownerId: string,
  start: Date,
  /** Checks on the motif before the slot is looked for (who may book it). */
  guard?: (motif: MotifRow) => void,
): Promise<LocatedSlot> {
  const day = parisDate(start);
  const from = parisInstant(day);
  const c = await slotContext(q, motifId, ownerId, day, from, new Date(from.getTime() + DAY_MS), start);
  if (!c.motif) throw new AppError('rendezvous/not-found');
  const motif = c.motif;
  guard?.(motif);
  const kinds = new Map(c.plages.map((p) => [p.ownerId, { agentId: p.agentId, resourceId: p.resourceId }]));
  const slot = freeSlots({
    plages: c.plages,
    motif: timingFor(ctx, motif),
    now: ctx.now(),
    fromDate: day,
    toDate: day,
    absences: c.absences,
    busy: c.busy,
  }).find((s) => s.start.getTime() === start.getTime());
  if (!slot) throw new AppError('rendezvous/slot-unavailable', { fields: [{ path: 'start', message: "Ce créneau n'est pas proposé." }] });
  const lieu = c.lieux.find((l) => l.id === slot.lieuId);
  return {
    ...slot,
    ...kinds.get(slot.ownerId)!,
    motif,
    place: lieu ? `${lieu.name}, ${lieu.address}` : null,
    capacities: c.capacities,
    sessions: c.sessions,
  };
}

export async function requireMotif(q: Queryable, id: string): Promise<MotifRow> {
  const m = await getMotif(q, id);
  if (!m) throw new AppError('rendezvous/not-found');
  return m;
}

export interface SlotView {
  start: Date;
  end: Date;
  ownerId: string;
  ownerName: string | null;
  lieu: { id: string; name: string; address: string; neighbourhoodId: string | null; accessibility: string | null } | null;
  /** Seats left (null: per age group, known when the child is chosen). */
  seatsLeft: number | null;
  full: boolean;
}

/** The use case behind "choose a slot": the free slots of a motif over `days` days from `fromDate`. */
export async function listSlots(
  ctx: Ctx,
  motifId: string,
  from: string | undefined,
  days: number,
): Promise<{ motif: MotifRow; fromDate: string; today: string; slots: SlotView[] }> {
  const user = requireUser(ctx);
  const today = parisDate(ctx.now());
  const fromDate = from ?? today;
  const motif = await requireMotif(ctx.db, motifId);
  if (user.role === 'parent' && motif.bookableBy !== 'family') throw new AppError('rendezvous/not-bookable');
  if (user.role === 'partner' && motif.bookableBy === 'agent') throw new AppError('rendezvous/not-bookable');
  const toDate = parisDate(new Date(parisInstant(fromDate).getTime() + (days - 1) * DAY_MS + 12 * 3600_000));
  const slots = await offeredSlots(ctx.db, ctx, motif, fromDate, toDate);
  const sessions = await sessionsOfMotif(ctx.db, motif.id, parisInstant(fromDate), new Date(parisInstant(toDate).getTime() + DAY_MS));
  const seats = new Map<string, number>();
  for (const s of sessions) {
    if (s.ageGroup) continue;
    seats.set(`${s.agentId ?? s.resourceId}|${s.start.getTime()}`, s.capacity - s.taken);
  }
  const lieux = await lieuxByIds(ctx.db, [...new Set(slots.map((s) => s.lieuId).filter((x): x is string => !!x))]);
  const resources = await resourceNames(ctx.db, [...new Set(slots.map((s) => s.resourceId).filter((x): x is string => !!x))]);
  const perAgeGroup = motif.kind === 'creche' || motif.kind === 'repit';
  return {
    motif,
    fromDate,
    today,
    slots: slots.map((s) => {
      const left = perAgeGroup ? null : (seats.get(`${s.ownerId}|${s.start.getTime()}`) ?? motif.capacity);
      const lieu = s.lieuId ? lieux.get(s.lieuId) : undefined;
      return {
        start: s.start,
        end: s.end,
        ownerId: s.ownerId,
        ownerName: s.resourceId ? (resources.get(s.resourceId) ?? null) : null,
        lieu: lieu ? { id: lieu.id, name: lieu.name, address: lieu.address, neighbourhoodId: lieu.neighbourhoodId, accessibility: lieu.accessibility } : null,
        seatsLeft: left,
        full: left !== null && left <= 0,
      };
    }),
  };
}
