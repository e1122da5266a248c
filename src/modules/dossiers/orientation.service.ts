/**
 * Orientation: an agent orients a family to a partner structure with a note; the
 * partner accepts, sees the consented fields, records the outcome; the agent's
 * timeline and task list show it. Early detection: a partner flags a situation with
 * the family's consent, which creates a task for the CCAS.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess } from './access';
import { assertDirectoryReference } from './directory-reference';
import { setReferentIfNone } from './agent.store';
import { liveConsents } from './consent.store';
import { loadHousehold } from './dossiers.store';
import { projectHousehold, PART_LABELS } from './fields';
import * as store from './orientation.store';

export const OUTCOMES = {
  accompanied: 'Accompagnement engagé',
  redirected: 'Réorientée vers une autre structure',
  no_contact: 'Pas de contact avec la famille',
  not_needed: "Pas de besoin d'accompagnement",
} as const;
export type Outcome = keyof typeof OUTCOMES;

export async function orientHousehold(ctx: Ctx, householdId: string, input: { structureId: string; note: string; serviceId?: string | null }) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'dossiers.orientation', { q: t });
    await assertDirectoryReference(t, input.structureId, input.serviceId);
    const id = await store.insertOrientation(t, {
      householdId,
      structureId: input.structureId,
      serviceId: input.serviceId ?? null,
      agentId: agent.id,
      note: input.note.trim(),
      now: ctx.now(),
    });
    // The orienting agent follows the family if nobody does yet.
    await setReferentIfNone(t, householdId, agent.id);
    await audit(t, ctx, 'dossiers/oriented', {
      householdId,
      subjectType: 'orientation',
      subjectId: id,
      details: { structureId: input.structureId, serviceId: input.serviceId ?? null },
    });
    return { id };
  });
}

async function lockPartnerOrientation(t: Queryable, ctx: Ctx, id: string) {
  const user = requireRole(ctx, 'partner');
  const o = await store.lockOrientationOfStructure(t, id, user.structureId);
  if (!o) throw new AppError('dossiers/orientation-not-found');
  return o;
}

/** Orientations received by the partner's structure: no personal data in the list. */
export async function listPartnerOrientations(ctx: Ctx) {
  const user = requireRole(ctx, 'partner');
  return store.orientationsOfStructure(ctx.db, user.structureId, ctx.now());
}

/** One orientation, with the family's consented fields (only after acceptance, only while consent holds). */
export async function readPartnerOrientation(ctx: Ctx, id: string) {
  const user = requireRole(ctx, 'partner');
  const o = await store.orientationOfStructure(ctx.db, id, user.structureId);
  if (!o) throw new AppError('dossiers/orientation-not-found');
  let household: Record<string, unknown> | null = null;
  let parts: string[] = [];
  if (o.status !== 'sent' && o.status !== 'declined') {
    const consents = await liveConsents(ctx.db, o.householdId, ctx.now(), { structureId: user.structureId!, purpose: 'orientation' });
    if (consents.length) {
      const access = await assertCanAccess(ctx, o.householdId, 'orientation');
      const h = await loadHousehold(ctx.db, o.householdId, parisDate(ctx.now()));
      household = projectHousehold(h!, access.fields);
      parts = access.parts;
    }
  }
  return { ...o, household, parts, partLabels: parts.map((p) => PART_LABELS[p as keyof typeof PART_LABELS]) };
}

export async function acceptOrientation(ctx: Ctx, id: string, accept: boolean) {
  return tx(ctx.db, async (t) => {
    const o = await lockPartnerOrientation(t, ctx, id);
    if (o.status !== 'sent') throw new AppError('dossiers/orientation-state');
    await store.setOrientationAnswer(t, id, accept ? 'accepted' : 'declined', ctx.now(), ctx.user!.id);
    await audit(t, ctx, accept ? 'dossiers/orientation-accepted' : 'dossiers/orientation-declined', {
      householdId: o.household_id,
      subjectType: 'orientation',
      subjectId: id,
    });
    return { status: accept ? 'accepted' : 'declined' };
  });
}

export async function recordOutcome(ctx: Ctx, id: string, input: { outcome: Outcome; note?: string | null }) {
  return tx(ctx.db, async (t) => {
    const o = await lockPartnerOrientation(t, ctx, id);
    if (o.status !== 'accepted') throw new AppError('dossiers/orientation-state');
    await store.closeOrientation(t, id, { outcome: input.outcome, note: input.note?.trim() || null, at: ctx.now(), by: ctx.user!.id });
    // What waits on the orienting agent: read the outcome.
    await store.insertOutcomeTask(t, {
      householdId: o.household_id,
      note: OUTCOMES[input.outcome],
      structureId: o.structure_id,
      createdBy: ctx.user!.id,
      now: ctx.now(),
      assignedTo: o.agent_id,
    });
    await audit(t, ctx, 'dossiers/orientation-outcome', {
      householdId: o.household_id,
      subjectType: 'orientation',
      subjectId: id,
      details: { outcome: input.outcome },
    });
    return { status: 'closed' };
  });
}

/** Repérage précoce: with the family's consent (purpose early-detection), a partner flags a situation. */
export async function flagSituation(ctx: Ctx, householdId: string, input: { note: string }) {
  const user = requireRole(ctx, 'partner');
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'early-detection', { q: t });
    const taskId = await store.insertEarlyDetectionTask(t, {
      householdId,
      note: input.note.trim(),
      structureId: user.structureId,
      createdBy: user.id,
      now: ctx.now(),
    });
    await audit(t, ctx, 'dossiers/early-detection', { householdId, subjectType: 'task', subjectId: taskId, details: { structureId: user.structureId } });
    return { taskId };
  });
}
