/**
 * Orientation: an agent orients a family to a partner structure with a note; the
 * partner accepts, sees the consented fields, records the outcome; the agent's
 * timeline and task list show it. Early detection: a partner flags a situation with
 * the family's consent, which creates a task for the CCAS.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess } from './access';
import { assertDirectoryReference } from './directory-reference';
import { setReferentIfNone } from './agent.store';
import { insertConsent, liveConsents } from './consent.store';
import { loadHousehold } from './dossiers.store';
import type { OrientationConsent } from './desk.schemas';
import { projectHousehold, PART_LABELS, type Part } from './fields';
import { findStructures, getService, getStructure } from '../annuaire/index';
import * as store from './orientation.store';

export const OUTCOMES = {
  accompanied: 'Accompagnement engagé',
  redirected: 'Réorientée vers une autre structure',
  no_contact: 'Pas de contact avec la famille',
  not_needed: "Pas de besoin d'accompagnement",
} as const;
export type Outcome = keyof typeof OUTCOMES;

/**
 * Orient a family to any structure (or precise service) of the directory. The family's consent
 * is part of the orientation: already given to that structure, given now at the desk (recorded
 * as the family's statement), or to be confirmed by the family from its own space — until then
 * the orientation waits, the structure does not see it and nothing is shared.
 */
export async function orientHousehold(
  ctx: Ctx,
  householdId: string,
  input: { structureId: string; note: string; serviceId?: string | null; parts?: Part[]; consent?: OrientationConsent },
) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'dossiers.orientation', { q: t });
    await assertDirectoryReference(t, input.structureId, input.serviceId);
    const parts = [...new Set(input.parts ?? [])];
    const held = (await liveConsents(t, householdId, ctx.now(), { structureId: input.structureId, purpose: 'orientation' })).length > 0;
    if (!held && input.consent !== 'at-desk' && input.consent !== 'family-confirms') {
      throw new AppError('dossiers/orientation-consent', {
        fields: [{ path: 'consent', message: 'Dites comment la famille donne son accord : au guichet, ou depuis son espace.' }],
      });
    }
    if (!held && !parts.length) {
      throw new AppError('dossiers/orientation-consent', { fields: [{ path: 'parts', message: 'Choisissez ce que la famille accepte de partager.' }] });
    }
    const status: 'sent' | 'awaiting_consent' = held || input.consent === 'at-desk' ? 'sent' : 'awaiting_consent';
    const id = await store.insertOrientation(t, {
      householdId,
      structureId: input.structureId,
      serviceId: input.serviceId ?? null,
      agentId: agent.id,
      note: input.note.trim(),
      now: ctx.now(),
      status,
      consentParts: held ? null : parts,
    });
    if (!held && input.consent === 'at-desk') {
      const consentId = await insertConsent(t, {
        householdId,
        structureId: input.structureId,
        purpose: 'orientation',
        parts,
        grantedBy: agent.id,
        recordedAtDesk: true,
        expiresAt: null,
        now: ctx.now(),
      }).catch((err) => onConstraint(err, { household_consents_live_key: new AppError('dossiers/consent-exists') }));
      await audit(t, ctx, 'dossiers/consent-granted', {
        householdId,
        subjectType: 'consent',
        subjectId: consentId!,
        details: { structureId: input.structureId, purpose: 'orientation', parts, atDesk: true, orientationId: id },
      });
    }
    // The orienting agent follows the family if nobody does yet.
    await setReferentIfNone(t, householdId, agent.id);
    await audit(t, ctx, 'dossiers/oriented', {
      householdId,
      subjectType: 'orientation',
      subjectId: id,
      details: { structureId: input.structureId, serviceId: input.serviceId ?? null, status },
    });
    return { id, status };
  });
}

/** Structures of the directory (any of them, by name or a service's name) with their services. */
export async function directoryForOrientation(ctx: Ctx, q: string) {
  requireRole(ctx, 'agent', 'coordinator');
  return findStructures(ctx, q);
}

/** The orientations waiting for the family's own answer, with what they would share and with whom. */
export async function familyOrientationRequests(ctx: Ctx, householdId: string) {
  const access = await assertCanAccess(ctx, householdId, 'dossiers.orientation-requests');
  if (access.as !== 'parent') throw new AppError('auth/forbidden');
  const rows = await store.awaitingOrientations(ctx.db, householdId);
  return Promise.all(
    rows.map(async (o) => ({
      id: o.id,
      createdAt: o.createdAt,
      note: o.note,
      agentName: o.agentName,
      structureName: (await getStructure(ctx, o.structureId).catch(() => null))?.nom ?? 'Structure partenaire',
      serviceName: o.serviceId ? ((await getService(ctx, o.serviceId).catch(() => null))?.nom ?? null) : null,
      partLabels: (o.consentParts ?? []).map((p) => PART_LABELS[p as Part] ?? p),
    })),
  );
}

/** The family answers an orientation proposed by an agent: its consent sends it, a refusal closes it. */
export async function answerOrientationRequest(ctx: Ctx, householdId: string, id: string, accept: boolean) {
  return tx(ctx.db, async (t) => {
    const access = await assertCanAccess(ctx, householdId, 'dossiers.orientation-requests', { q: t });
    if (access.as !== 'parent') throw new AppError('auth/forbidden');
    const o = await store.lockAwaitingOrientation(t, householdId, id);
    if (!o) throw new AppError('dossiers/orientation-not-found');
    if (accept) {
      const held = (await liveConsents(t, householdId, ctx.now(), { structureId: o.structure_id, purpose: 'orientation' })).length > 0;
      if (!held) {
        const consentId = await insertConsent(t, {
          householdId,
          structureId: o.structure_id,
          purpose: 'orientation',
          parts: o.consent_parts as Part[],
          grantedBy: ctx.user!.id,
          recordedAtDesk: false,
          expiresAt: null,
          now: ctx.now(),
        });
        await audit(t, ctx, 'dossiers/consent-granted', {
          householdId,
          subjectType: 'consent',
          subjectId: consentId,
          details: { structureId: o.structure_id, purpose: 'orientation', parts: o.consent_parts, atDesk: false, orientationId: id },
        });
      }
    }
    await store.setFamilyAnswer(t, id, accept ? 'sent' : 'refused_by_family', ctx.now());
    await audit(t, ctx, accept ? 'dossiers/orientation-consent-confirmed' : 'dossiers/orientation-refused-by-family', {
      householdId,
      subjectType: 'orientation',
      subjectId: id,
      details: { structureId: o.structure_id, serviceId: o.service_id },
    });
    return { status: accept ? ('sent' as const) : ('refused_by_family' as const) };
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
