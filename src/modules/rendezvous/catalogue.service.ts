/** The offer, set by staff: motifs, lieux, plages d'ouverture, absences and closures. */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { parisInstant } from '../../platform/clock';
import {
  archiveMotif,
  deleteAbsence,
  deletePlage,
  insertAbsence,
  insertLieu,
  insertMotif,
  insertPlage,
  insertResource,
  listAbsences,
  listLieux,
  listMotifs,
  listPlages,
  listResources,
  lieuxByIds,
  setResourceCapacities,
  staffMembers,
  type MotifRow,
  type NewMotif,
  type NewPlage,
} from './catalogue.store';
import { confirmedDuring } from './bookings.store';
import { addDays, type AgeGroup } from './slots';

export async function motifsFor(ctx: Ctx): Promise<{ motifs: MotifRow[] }> {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const motifs = await listMotifs(ctx.db, user.role === 'parent' ? { bookableBy: 'family' } : {});
  // A partner proposes only the motifs open to partner referral.
  return { motifs: user.role === 'partner' ? motifs.filter((m) => m.bookableBy === 'referral') : motifs };
}

export async function createMotif(ctx: Ctx, m: NewMotif): Promise<{ id: string }> {
  requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    const id = await insertMotif(t, m, ctx.now());
    await audit(t, ctx, 'rendezvous/motif-created', { subjectType: 'motif', subjectId: id });
    return { id };
  });
}

export async function createLieu(
  ctx: Ctx,
  l: { name: string; address: string; neighbourhoodId: string | null; accessibility: string | null; singleUseDate: string | null },
): Promise<{ id: string }> {
  requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    const id = await insertLieu(t, l, ctx.now());
    await audit(t, ctx, 'rendezvous/lieu-created', { subjectType: 'lieu', subjectId: id });
    return { id };
  });
}

/** A plage of the acting agent (or of a resource, for coordinators). */
export async function createPlage(ctx: Ctx, p: Omit<NewPlage, 'agentId'> & { agentId?: string | null }): Promise<{ id: string }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  const agentId = p.resourceId ? null : (p.agentId ?? user.id);
  if (agentId && agentId !== user.id && user.role !== 'coordinator') throw new AppError('auth/forbidden');
  if (p.endTime <= p.startTime)
    throw new AppError('rendezvous/invalid-plage', { fields: [{ path: 'endTime', message: "L'heure de fin doit être après l'heure de début." }] });
  return tx(ctx.db, async (t) => {
    // A mobile desk's stop is a single-use place: a plage there is that day only.
    const lieu = p.lieuId ? (await lieuxByIds(t, [p.lieuId])).get(p.lieuId) : undefined;
    const stop = lieu?.singleUseDate ?? null;
    if (stop && (p.recurrence.kind !== 'once' || p.firstDate !== stop))
      throw new AppError('rendezvous/invalid-plage', {
        fields: [{ path: 'recurrence', message: 'Ce lieu est une étape du guichet mobile : une seule fois, le jour de l’étape.' }],
      });
    const id = await insertPlage(t, { ...p, agentId }, ctx.now());
    await audit(t, ctx, 'rendezvous/plage-created', { subjectType: 'plage', subjectId: id });
    return { id };
  });
}

export interface AbsenceInput {
  /** Paris days, inclusive; with hours, the absence runs from `fromTime` on the first day to `toTime` on the last. */
  fromDate: string;
  toDate: string;
  fromTime: string | null;
  toTime: string | null;
  label: string | null;
  /** A closure for everyone (a public holiday): coordinators only. */
  everyone: boolean;
  /** A resource's closure (crèche, répit): coordinators only. */
  resourceId: string | null;
}

/** An absence of the acting agent, a resource's closure, or a closure of everyone (coordinators), in Paris wall-clock time. */
/**
 * An absence of the agent, a closure of a resource, or of everyone. It removes the slots from
 * then on; the bookings it falls on stay, counted in the answer (`bookings`) so that staff move
 * them or change their agent (the families are then told), as RDV-Service-Public warns.
 */
export async function createAbsence(ctx: Ctx, a: AbsenceInput): Promise<{ id: string; bookings: number }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  if ((a.everyone || a.resourceId) && user.role !== 'coordinator') throw new AppError('auth/forbidden');
  const start = parisInstant(a.fromDate, a.fromTime ?? '00:00');
  // Whole days: until midnight at the end of `toDate`, in Paris (a DST day is 23 or 25 hours).
  const until = a.toTime ? parisInstant(a.toDate, a.toTime) : parisInstant(addDays(a.toDate, 1));
  if (until <= start) throw new AppError('rendezvous/invalid-plage', { fields: [{ path: 'toDate', message: 'La fin doit être après le début.' }] });
  const owner = { agentId: a.everyone || a.resourceId ? null : user.id, resourceId: a.everyone ? null : (a.resourceId ?? null) };
  return tx(ctx.db, async (t) => {
    const id = await insertAbsence(t, { ...owner, start, end: until, label: a.label }, ctx.now());
    const bookings = await confirmedDuring(t, owner, start, until);
    await audit(t, ctx, 'rendezvous/absence-created', { subjectType: 'absence', subjectId: id, details: { bookings } });
    return { id, bookings };
  });
}

/** Everything staff edit in the offer, in one read: motifs (all, agent-only too), lieux, resources, plages, upcoming absences, staff. */
export async function offerForStaff(ctx: Ctx) {
  requireRole(ctx, 'agent', 'coordinator');
  const [motifs, lieux, resources, plages, absences, agents] = [
    await listMotifs(ctx.db),
    await listLieux(ctx.db),
    await listResources(ctx.db),
    await listPlages(ctx.db),
    await listAbsences(ctx.db, ctx.now()),
    await staffMembers(ctx.db),
  ];
  return { motifs, lieux, resources, plages, absences, agents };
}

export async function createResource(
  ctx: Ctx,
  r: { name: string; lieuId: string | null; capacities: Partial<Record<AgeGroup, number>> },
): Promise<{ id: string }> {
  requireRole(ctx, 'coordinator');
  return tx(ctx.db, async (t) => {
    const id = await insertResource(t, r, ctx.now());
    await audit(t, ctx, 'rendezvous/resource-created', { subjectType: 'resource', subjectId: id, details: { capacities: r.capacities } });
    return { id };
  });
}

/** New seats per age group and half-day; sessions already opened keep the capacity they were booked with. */
export async function updateResourceCapacities(ctx: Ctx, id: string, capacities: Partial<Record<AgeGroup, number>>): Promise<void> {
  requireRole(ctx, 'coordinator');
  await tx(ctx.db, async (t) => {
    if (!(await setResourceCapacities(t, id, capacities))) throw new AppError('rendezvous/not-found');
    await audit(t, ctx, 'rendezvous/resource-updated', { subjectType: 'resource', subjectId: id, details: { capacities } });
  });
}

/** An agent removes their own plage; a coordinator any. Booked sessions stay as they are. */
export async function removePlage(ctx: Ctx, id: string): Promise<void> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  await tx(ctx.db, async (t) => {
    const gone = await deletePlage(t, id);
    if (!gone) throw new AppError('rendezvous/not-found');
    if (user.role !== 'coordinator' && gone.agentId !== user.id) throw new AppError('auth/forbidden');
    await audit(t, ctx, 'rendezvous/plage-removed', { subjectType: 'plage', subjectId: id });
  });
}

export async function removeAbsence(ctx: Ctx, id: string): Promise<void> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  await tx(ctx.db, async (t) => {
    const gone = await deleteAbsence(t, id);
    if (!gone) throw new AppError('rendezvous/not-found');
    if (user.role !== 'coordinator' && gone.agentId !== user.id) throw new AppError('auth/forbidden');
    await audit(t, ctx, 'rendezvous/absence-removed', { subjectType: 'absence', subjectId: id });
  });
}

export async function withdrawMotif(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx, 'coordinator');
  await tx(ctx.db, async (t) => {
    if (!(await archiveMotif(t, id))) throw new AppError('rendezvous/not-found');
    await audit(t, ctx, 'rendezvous/motif-withdrawn', { subjectType: 'motif', subjectId: id });
  });
}
