/**
 * Staff change the place or the agent of a session (a room moved, an agent off sick): its
 * bookings keep their time, and every family with a confirmed booking is told, in the same
 * transaction (RDV-Service-Public users asked for it: rdv-service-public#2468, #2652).
 * An agent changes their own sessions; a coordinator any.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { familyCard } from '../dossiers';
import { changeSessionRow, householdsOfSession, lockSession } from './bookings.store';
import { getMotif, lieuxByIds, staffMembers } from './catalogue.store';
import { tellFamily } from './notices';
import { sessionChangedVars } from './wording';

export interface SessionChange {
  /** A place of the offer, or null (no place). */
  lieuId?: string | null;
  /** Another agent or coordinator. */
  agentId?: string;
}

export async function changeSession(ctx: Ctx, sessionId: string, change: SessionChange): Promise<{ told: number }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  if (change.lieuId === undefined && change.agentId === undefined)
    throw new AppError('rendezvous/nothing-to-change', { fields: [{ path: 'lieuId', message: 'Choisissez un lieu ou un agent.' }] });
  try {
    return await tx(ctx.db, async (t) => {
      const now = ctx.now();
      const session = await lockSession(t, sessionId);
      if (!session) throw new AppError('rendezvous/not-found');
      if (user.role === 'agent' && session.agentId !== user.id) throw new AppError('auth/forbidden');
      if (session.start <= now) throw new AppError('rendezvous/session-started');
      const lieuId = change.lieuId === undefined ? session.lieuId : change.lieuId;
      let place: string | null | undefined;
      if (change.lieuId !== undefined && change.lieuId !== session.lieuId) {
        const lieu = lieuId ? (await lieuxByIds(t, [lieuId])).get(lieuId) : null;
        if (lieuId && !lieu) throw new AppError('rendezvous/not-found', { fields: [{ path: 'lieuId', message: "Ce lieu n'existe pas." }] });
        place = lieu ? `${lieu.name}, ${lieu.address}` : null;
      }
      let agentName: string | undefined;
      const agentId = change.agentId ?? session.agentId;
      if (change.agentId !== undefined && change.agentId !== session.agentId) {
        if (!session.agentId) throw new AppError('rendezvous/not-found', { fields: [{ path: 'agentId', message: "Une place d'accueil n'a pas d'agent." }] });
        const staff = (await staffMembers(t)).find((s) => s.id === change.agentId);
        if (!staff) throw new AppError('rendezvous/not-found', { fields: [{ path: 'agentId', message: "Cet agent n'existe pas." }] });
        agentName = staff.name;
      }
      if (place === undefined && agentName === undefined) return { told: 0 };
      await changeSessionRow(t, session.id, lieuId, agentId);
      const motif = await getMotif(t, session.motifId);
      const households = await householdsOfSession(t, session.id);
      for (const id of households) {
        const h = await familyCard(t, id);
        if (h && motif) await tellFamily(t, ctx, h, 'rendezvous.changed', sessionChangedVars(motif.name, session.start, { place, agent: agentName }));
      }
      await audit(t, ctx, 'rendezvous/session-changed', {
        subjectType: 'session',
        subjectId: session.id,
        details: { place: place !== undefined, agent: agentName !== undefined, families: households.length },
      });
      return { told: households.length };
    });
  } catch (err) {
    return onConstraint(err, { rdv_sessions_agent_overlap: () => new AppError('rendezvous/agent-busy') });
  }
}
