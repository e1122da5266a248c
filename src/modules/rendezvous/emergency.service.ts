/**
 * Emergency childcare (garde d'urgence): a family files a request; the on-call agents are
 * alerted at once (realtime in the app through LISTEN/NOTIFY, and SMS through the outbox,
 * both on commit); an agent answers with a place or a refusal; the time taken is kept.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { publish } from '../../platform/events';
import { queueNotification } from '../../platform/notify/outbox';
import { requireRole } from '../../platform/roles';
import { familyCard, readHouseholdAsSystem } from '../dossiers';
import { parentFile } from './bookings.service';
import {
  answerEmergencyRow,
  emergenciesOfHousehold,
  insertEmergency,
  isOnCall,
  listEmergencies,
  lockEmergency,
  onCallAgents,
  setOnCall,
} from './emergency.store';
import { tellFamily } from './notices';
import { emergencyAnswerVars } from './wording';

/** The realtime channel the on-call inbox listens to (payload: the request's id only). */
export const EMERGENCY_CHANNEL = 'rendezvous_emergency';

export interface EmergencyInput {
  childId: string;
  day: string;
  fromTime: string;
  toTime: string;
  reason: string;
}

export async function fileEmergency(ctx: Ctx, input: EmergencyInput): Promise<{ id: string; alerted: number }> {
  requireRole(ctx, 'parent');
  const h = await parentFile(ctx);
  if (!h) throw new AppError('rendezvous/no-file');
  if (!h.children.some((c) => c.id === input.childId))
    throw new AppError('rendezvous/unknown-child', { fields: [{ path: 'childId', message: "Cet enfant n'est pas dans le dossier." }] });
  if (input.toTime <= input.fromTime)
    throw new AppError('http/invalid-input', { fields: [{ path: 'toTime', message: "L'heure de fin doit être après l'heure de début." }] });
  return tx(ctx.db, async (t) => {
    const id = await insertEmergency(t, { householdId: h.id, ...input }, ctx.now());
    const agents = await onCallAgents(t);
    for (const a of agents) {
      if (!a.phone) continue;
      await queueNotification(t, ctx.jobs, {
        channel: 'sms',
        recipient: a.phone,
        userId: a.id,
        template: 'rendezvous.emergency-alert',
        body: 'Relais : une demande de garde d’urgence vient d’arriver. Ouvrez « Gardes d’urgence » pour y répondre.',
      });
    }
    await publish(t, EMERGENCY_CHANNEL, { id });
    await audit(t, ctx, 'rendezvous/emergency-filed', { householdId: h.id, subjectType: 'emergency', subjectId: id, details: { alerted: agents.length } });
    return { id, alerted: agents.length };
  });
}

export async function answerEmergency(ctx: Ctx, id: string, answer: { status: 'placed' | 'refused'; message: string | null }): Promise<{ minutes: number }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    const now = ctx.now();
    const e = await lockEmergency(t, id);
    if (!e) throw new AppError('rendezvous/not-found');
    if (e.status !== 'open') throw new AppError('rendezvous/answered');
    await answerEmergencyRow(t, id, answer.status, answer.message, user.id, now);
    const h = await familyCard(t, e.householdId);
    if (h) await tellFamily(t, ctx, h, 'rendezvous.emergency-answer', emergencyAnswerVars(answer.status, answer.message));
    const minutes = Math.round((now.getTime() - e.createdAt.getTime()) / 60_000);
    await publish(t, EMERGENCY_CHANNEL, { id });
    await audit(t, ctx, 'rendezvous/emergency-answered', {
      householdId: e.householdId,
      subjectType: 'emergency',
      subjectId: id,
      details: { status: answer.status, minutes },
    });
    return { minutes };
  });
}

export async function emergencyInbox(ctx: Ctx) {
  const user = requireRole(ctx, 'agent', 'coordinator');
  const rows = await listEmergencies(ctx.db, new Date(ctx.now().getTime() - 7 * 86_400_000));
  const out = [];
  for (const r of rows) {
    const h = await readHouseholdAsSystem(ctx.db, r.householdId, ctx.now());
    const child = h?.children.find((c) => c.id === r.childId);
    out.push({
      id: r.id,
      day: r.day,
      fromTime: r.fromTime,
      toTime: r.toTime,
      reason: r.reason,
      status: r.status,
      answer: r.answer,
      createdAt: r.createdAt,
      answeredAt: r.answeredAt,
      family: h ? [h.parent.firstName, h.parent.lastName].filter(Boolean).join(' ') : '—',
      childFirstName: child?.firstName ?? '—',
      childBirthDate: child?.birthDate ?? null,
      neighbourhoodId: h?.address.neighbourhoodId ?? null,
      minutes: r.answeredAt ? Math.round((r.answeredAt.getTime() - r.createdAt.getTime()) / 60_000) : null,
    });
  }
  await audit(ctx.db, ctx, 'rendezvous/emergencies-read', { subjectType: 'agent', subjectId: user.id, details: { requests: rows.length } });
  return { onCall: await isOnCall(ctx.db, user.id), requests: out };
}

export async function myEmergencies(ctx: Ctx) {
  requireRole(ctx, 'parent');
  const h = await parentFile(ctx);
  if (!h) throw new AppError('rendezvous/no-file');
  return {
    requests: (await emergenciesOfHousehold(ctx.db, h.id)).map((r) => ({
      id: r.id,
      day: r.day,
      fromTime: r.fromTime,
      toTime: r.toTime,
      status: r.status,
      answer: r.answer,
      childFirstName: h.children.find((c) => c.id === r.childId)?.firstName ?? '—',
      createdAt: r.createdAt,
    })),
  };
}

export async function setMyOnCall(ctx: Ctx, on: boolean): Promise<{ onCall: boolean }> {
  const user = requireRole(ctx, 'agent', 'coordinator');
  await tx(ctx.db, async (t) => {
    await setOnCall(t, user.id, on, ctx.now());
    await audit(t, ctx, 'rendezvous/on-call', { subjectType: 'agent', subjectId: user.id, details: { on } });
  });
  return { onCall: on };
}
