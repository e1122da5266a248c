/**
 * Orientation: an agent orients a family to a partner structure with a note; the
 * partner accepts, sees the consented fields, records the outcome; the agent's
 * timeline and task list show it. Early detection: a partner flags a situation with
 * the family's consent, which creates a task for the CCAS.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess } from './access';
import { liveConsents } from './consent.store';
import { loadHousehold } from './dossiers.store';
import { projectHousehold, PART_LABELS } from './fields';

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
    const { rows } = await t.query<{ id: string }>(
      `INSERT INTO household_orientations (household_id, structure_id, service_id, agent_id, note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [householdId, input.structureId, input.serviceId ?? null, agent.id, input.note.trim(), ctx.now()],
    );
    // The orienting agent follows the family if nobody does yet.
    await t.query(`UPDATE households SET referent_agent_id = COALESCE(referent_agent_id, $2) WHERE id = $1`, [householdId, agent.id]);
    await audit(t, ctx, 'dossiers/oriented', {
      householdId,
      subjectType: 'orientation',
      subjectId: rows[0].id,
      details: { structureId: input.structureId, serviceId: input.serviceId ?? null },
    });
    return { id: rows[0].id };
  });
}

async function lockPartnerOrientation(t: { query: Ctx['db']['query'] }, ctx: Ctx, id: string) {
  const user = requireRole(ctx, 'partner');
  const { rows } = await t.query(`SELECT * FROM household_orientations WHERE id = $1 AND structure_id = $2 FOR UPDATE`, [id, user.structureId]);
  if (!rows[0]) throw new AppError('dossiers/orientation-not-found');
  return rows[0];
}

/** Orientations received by the partner's structure: no personal data in the list. */
export async function listPartnerOrientations(ctx: Ctx) {
  const user = requireRole(ctx, 'partner');
  const { rows } = await ctx.db.query(
    `SELECT o.id, o.household_id AS "householdId", o.note, o.status, o.created_at AS "createdAt", o.accepted_at AS "acceptedAt",
            o.outcome, o.outcome_note AS "outcomeNote", o.outcome_at AS "outcomeAt", u.display_name AS "agentName",
            EXISTS (SELECT 1 FROM household_consents c WHERE c.household_id = o.household_id AND c.structure_id = o.structure_id
                     AND c.purpose = 'orientation' AND c.revoked_at IS NULL AND (c.expires_at IS NULL OR c.expires_at > $2)) AS "hasConsent"
       FROM household_orientations o JOIN households h ON h.id = o.household_id AND h.status = 'active'
       LEFT JOIN users u ON u.id = o.agent_id
      WHERE o.structure_id = $1 ORDER BY o.created_at DESC LIMIT 200`,
    [user.structureId, ctx.now()],
  );
  return rows;
}

/** One orientation, with the family's consented fields (only after acceptance, only while consent holds). */
export async function readPartnerOrientation(ctx: Ctx, id: string) {
  const user = requireRole(ctx, 'partner');
  const { rows } = await ctx.db.query(
    `SELECT o.id, o.household_id AS "householdId", o.note, o.status, o.created_at AS "createdAt", o.accepted_at AS "acceptedAt",
            o.outcome, o.outcome_note AS "outcomeNote", o.outcome_at AS "outcomeAt"
       FROM household_orientations o JOIN households h ON h.id = o.household_id AND h.status = 'active'
      WHERE o.id = $1 AND o.structure_id = $2`,
    [id, user.structureId],
  );
  const o = rows[0];
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
    await t.query(`UPDATE household_orientations SET status = $2, accepted_at = $3, accepted_by = $4 WHERE id = $1`, [
      id,
      accept ? 'accepted' : 'declined',
      ctx.now(),
      ctx.user!.id,
    ]);
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
    await t.query(
      `UPDATE household_orientations SET status = 'closed', outcome = $2, outcome_note = $3, outcome_at = $4, outcome_by = $5 WHERE id = $1`,
      [id, input.outcome, input.note?.trim() || null, ctx.now(), ctx.user!.id],
    );
    // What waits on the orienting agent: read the outcome.
    await t.query(
      `INSERT INTO household_tasks (household_id, kind, note, structure_id, created_by, created_at, assigned_to)
       VALUES ($1, 'orientation_outcome', $2, $3, $4, $5, $6)`,
      [o.household_id, OUTCOMES[input.outcome], o.structure_id, ctx.user!.id, ctx.now(), o.agent_id],
    );
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
    const { rows } = await t.query<{ id: string }>(
      `INSERT INTO household_tasks (household_id, kind, note, structure_id, created_by, created_at, assigned_to)
       SELECT $1, 'early_detection', $2, $3, $4, $5, referent_agent_id FROM households WHERE id = $1 RETURNING id`,
      [householdId, input.note.trim(), user.structureId, user.id, ctx.now()],
    );
    await audit(t, ctx, 'dossiers/early-detection', { householdId, subjectType: 'task', subjectId: rows[0].id, details: { structureId: user.structureId } });
    return { taskId: rows[0].id };
  });
}
