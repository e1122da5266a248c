/** Free slots of a motif: the plages cut by the pure computation, with each session's seats. */
import { parisDate, parisInstant } from '../../platform/clock';
import { townPublicHolidays } from '../../platform/calendar/public-holidays';
import type { Ctx } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/roles';
import { agentsBusy, sessionsOfMotif } from './bookings.store';
import { absencesBetween, capacitiesOf, getMotif, lieuxByIds, plagesOfMotif, resourceNames, slotContext, type MotifRow } from './catalogue.store';
import { ageGroupOn, freeSlots, type AgeGroup, type MotifTiming, type Slot } from './slots';
import { familyCardOfUser, staffFamilyCard, type FamilyCard } from '../dossiers';
import { partnerFamilyCard } from './referral.service';

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

/** The town's public holidays (jours fériés) in [fromDate, toDate]: no slot is offered on them. */
const holidays = (fromDate: string, toDate: string): string[] => townPublicHolidays(fromDate, toDate).map((h) => h.from);

/**
 * Slots the plages offer for a motif in [fromDate, toDate] (Paris days), minus public holidays,
 * absences and closures; individual motifs also minus the agents' other occupied sessions. Seats are
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
  return freeSlots({ plages, motif: timingFor(ctx, motif), now: ctx.now(), fromDate, toDate, absences, busy, closedDates: holidays(fromDate, toDate) }).map(
    (s) => ({
      ...s,
      ...kinds.get(s.ownerId)!,
    }),
  );
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
    closedDates: holidays(day, day),
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

/** For whom the slots are listed: a child of the file (a crèche or respite place: its age group's seats). */
export interface SlotsFor {
  childId?: string;
  /** Staff: the family's file (opened with a reason; the read is audited). */
  householdId?: string;
}

/** The birth date of a child of the file the caller may read. */
async function childBirthDate(ctx: Ctx, who: SlotsFor & { childId: string }): Promise<string> {
  const user = requireUser(ctx);
  let card: FamilyCard | null = null;
  if (user.role === 'parent') card = await familyCardOfUser(ctx.db, user.id);
  else if ((user.role === 'agent' || user.role === 'coordinator') && who.householdId)
    card = await tx(ctx.db, (t) => staffFamilyCard(ctx, who.householdId!, 'rendezvous.book', { q: t }));
  else if (user.role === 'partner') card = await partnerFamilyCard(ctx, who.householdId);
  const child = card?.children.find((c) => c.id === who.childId);
  if (!child) throw new AppError('rendezvous/unknown-child', { fields: [{ path: 'childId', message: "Cet enfant n'est pas dans le dossier." }] });
  return child.birthDate;
}

/**
 * The use case behind "choose a slot": the free slots of a motif over `days` days from
 * `fromDate`. A crèche or respite place counts its seats per age group: for a child, each
 * slot shows the seats of the child's age group that day (full even when other groups have
 * room), and a slot with no seat at all for that age is not offered.
 */
export async function listSlots(
  ctx: Ctx,
  motifId: string,
  from: string | undefined,
  days: number,
  who: SlotsFor = {},
): Promise<{ motif: MotifRow; fromDate: string; today: string; slots: SlotView[] }> {
  const user = requireUser(ctx);
  const today = parisDate(ctx.now());
  const fromDate = from ?? today;
  const motif = await requireMotif(ctx.db, motifId);
  if (user.role === 'parent' && motif.bookableBy !== 'family') throw new AppError('rendezvous/not-bookable');
  if (user.role === 'partner' && motif.bookableBy !== 'referral') throw new AppError('rendezvous/not-referral');
  const perAgeGroup = motif.kind === 'creche' || motif.kind === 'repit';
  const birthDate = perAgeGroup && who.childId ? await childBirthDate(ctx, { ...who, childId: who.childId }) : null;
  const toDate = parisDate(new Date(parisInstant(fromDate).getTime() + (days - 1) * DAY_MS + 12 * 3600_000));
  const slots = await offeredSlots(ctx.db, ctx, motif, fromDate, toDate);
  const sessions = await sessionsOfMotif(ctx.db, motif.id, parisInstant(fromDate), new Date(parisInstant(toDate).getTime() + DAY_MS));
  const seats = new Map<string, number>();
  for (const s of sessions) seats.set(`${s.agentId ?? s.resourceId}|${s.ageGroup}|${s.start.getTime()}`, s.capacity - s.taken);
  const lieux = await lieuxByIds(ctx.db, [...new Set(slots.map((s) => s.lieuId).filter((x): x is string => !!x))]);
  const resourceIds = [...new Set(slots.map((s) => s.resourceId).filter((x): x is string => !!x))];
  const resources = await resourceNames(ctx.db, resourceIds);
  const capacities = birthDate ? await capacitiesOf(ctx.db, resourceIds) : new Map<string, Partial<Record<AgeGroup, number>>>();
  const out: SlotView[] = [];
  for (const s of slots) {
    let left: number | null;
    if (!perAgeGroup) left = seats.get(`${s.ownerId}||${s.start.getTime()}`) ?? motif.capacity;
    else if (!birthDate) left = null;
    else {
      const group = ageGroupOn(birthDate, parisDate(s.start));
      const capacity = group && s.resourceId ? (capacities.get(s.resourceId)?.[group] ?? 0) : 0;
      if (!group || capacity === 0) continue;
      left = seats.get(`${s.ownerId}|${group}|${s.start.getTime()}`) ?? capacity;
    }
    const lieu = s.lieuId ? lieux.get(s.lieuId) : undefined;
    out.push({
      start: s.start,
      end: s.end,
      ownerId: s.ownerId,
      ownerName: s.resourceId ? (resources.get(s.resourceId) ?? null) : null,
      lieu: lieu ? { id: lieu.id, name: lieu.name, address: lieu.address, neighbourhoodId: lieu.neighbourhoodId, accessibility: lieu.accessibility } : null,
      seatsLeft: left,
      full: left !== null && left <= 0,
    });
  }
  return { motif, fromDate, today, slots: out };
}
