/** The offer, set by staff: motifs, lieux, plages d'ouverture, absences and closures. */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { insertAbsence, insertLieu, insertMotif, insertPlage, listMotifs, type MotifRow, type NewMotif, type NewPlage } from './catalogue.store';

export async function motifsFor(ctx: Ctx): Promise<{ motifs: MotifRow[] }> {
  const user = requireRole(ctx, 'parent', 'agent', 'coordinator', 'partner');
  const motifs = await listMotifs(ctx.db, user.role === 'parent' ? { bookableBy: 'family' } : {});
  return { motifs: user.role === 'partner' ? motifs.filter((m) => m.bookableBy !== 'agent') : motifs };
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
    const id = await insertPlage(t, { ...p, agentId }, ctx.now());
    await audit(t, ctx, 'rendezvous/plage-created', { subjectType: 'plage', subjectId: id });
    return { id };
  });
}

/** An absence of the acting agent, or a closure of everyone (coordinators: `everyone`). */
export async function createAbsence(ctx: Ctx, a: { start: Date; end: Date; label: string | null; everyone: boolean }): Promise<{ id: string }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  if (a.everyone && user.role !== 'coordinator') throw new AppError('auth/forbidden');
  if (a.end <= a.start) throw new AppError('rendezvous/invalid-plage', { fields: [{ path: 'end', message: 'La fin doit être après le début.' }] });
  return tx(ctx.db, async (t) => {
    const id = await insertAbsence(t, { agentId: a.everyone ? null : user.id, resourceId: null, start: a.start, end: a.end, label: a.label }, ctx.now());
    await audit(t, ctx, 'rendezvous/absence-created', { subjectType: 'absence', subjectId: id });
    return { id };
  });
}
