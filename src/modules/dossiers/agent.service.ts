/**
 * The agents' view: caseload (families they follow, what waits on them), search,
 * opening a file with a reason, the family's timeline, notes and tasks.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess } from './access';
import { listChanges, loadHousehold } from './dossiers.store';
import { labelOfHistoryField } from './fields';
import { timelineSources, type TimelineItem } from './extensions';
import { OUTCOMES } from './orientation.service';
import { purposeLabel } from './purposes';

const TASK_LABELS: Record<string, string> = {
  early_detection: 'Repérage précoce signalé par un partenaire',
  renewal_review: 'Renouvellement à vérifier',
  orientation_outcome: "Résultat d'orientation reçu",
  follow_up: 'Suivi',
};

/** Families the agent follows, with their open tasks; plus unassigned tasks for the CCAS. */
export async function caseload(ctx: Ctx) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  const { rows: families } = await ctx.db.query(
    `SELECT h.id, m.first_name AS "firstName", m.last_name AS "lastName", h.neighbourhood_id AS "neighbourhoodId",
            h.updated_at AS "updatedAt", h.last_confirmed_at AS "lastConfirmedAt",
            (SELECT count(*) FROM household_children c WHERE c.household_id = h.id) AS "childrenCount",
            (SELECT count(*) FROM household_tasks k WHERE k.household_id = h.id AND k.done_at IS NULL) AS "openTasks",
            (SELECT count(*) FROM household_orientations o WHERE o.household_id = h.id AND o.status IN ('sent', 'accepted')) AS "pendingOrientations",
            EXISTS (SELECT 1 FROM household_renewals r WHERE r.household_id = h.id AND r.confirmed_at IS NULL) AS "renewalOpen"
       FROM households h LEFT JOIN household_members m ON m.household_id = h.id AND m.kind = 'parent'
      WHERE h.status = 'active' AND h.referent_agent_id = $1
      ORDER BY h.updated_at DESC LIMIT 500`,
    [agent.id],
  );
  const { rows: tasks } = await ctx.db.query(
    `SELECT k.id, k.household_id AS "householdId", k.kind, k.note, k.created_at AS "createdAt", k.assigned_to AS "assignedTo",
            m.first_name AS "firstName", m.last_name AS "lastName"
       FROM household_tasks k JOIN households h ON h.id = k.household_id AND h.status = 'active'
       LEFT JOIN household_members m ON m.household_id = k.household_id AND m.kind = 'parent'
      WHERE k.done_at IS NULL AND (k.assigned_to = $1 OR k.assigned_to IS NULL)
      ORDER BY k.created_at LIMIT 500`,
    [agent.id],
  );
  return { families, tasks: tasks.map((t) => ({ ...t, label: TASK_LABELS[t.kind] ?? t.kind })) };
}

/** Search by parent's name, phone or a child's first name. Results name families; opening one needs a reason. */
export async function searchHouseholds(ctx: Ctx, query: string) {
  requireRole(ctx, 'agent', 'coordinator');
  const q = query.trim();
  if (q.length < 2) return [];
  const digits = q.replace(/\D/g, '');
  // One indexed lookup per criterion (trigram indexes of 0200/0201), then the families.
  const { rows } = await ctx.db.query(
    `WITH ids AS (
       SELECT m.household_id FROM household_members m
        WHERE m.kind = 'parent'
          AND immutable_unaccent(lower(coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, ''))) LIKE '%' || immutable_unaccent(lower($1)) || '%'
       UNION
       SELECT c.household_id FROM household_children c WHERE immutable_unaccent(lower(c.first_name)) LIKE immutable_unaccent(lower($1)) || '%'
       UNION
       SELECT m.household_id FROM household_members m
        WHERE m.kind = 'parent' AND length($2) >= 4 AND regexp_replace(coalesce(m.phone, ''), '\\D', '', 'g') LIKE '%' || $2 || '%')
     SELECT h.id, m.first_name AS "firstName", m.last_name AS "lastName", h.neighbourhood_id AS "neighbourhoodId",
            (SELECT string_agg(c.first_name, ', ' ORDER BY c.birth_date) FROM household_children c WHERE c.household_id = h.id) AS "children"
       FROM ids JOIN households h ON h.id = ids.household_id AND h.status = 'active'
       LEFT JOIN household_members m ON m.household_id = h.id AND m.kind = 'parent'
      ORDER BY m.last_name NULLS LAST, m.first_name LIMIT 30`,
    [q, digits],
  );
  await audit(ctx.db, ctx, 'dossiers/searched', { details: { results: rows.length } });
  return rows;
}

/** Open a file with a typed reason: returns the whole file, audited. */
export async function openHousehold(ctx: Ctx, householdId: string, reason: string) {
  requireRole(ctx, 'agent', 'coordinator');
  if (reason.trim().length < 3) throw new AppError('dossiers/reason-required', { fields: [{ path: 'reason', message: 'Indiquez le motif de la consultation.' }] });
  await assertCanAccess(ctx, householdId, 'dossiers.open', { reason });
  return (await loadHousehold(ctx.db, householdId, parisDate(ctx.now())))!;
}

export async function timeline(ctx: Ctx, householdId: string) {
  requireRole(ctx, 'agent', 'coordinator');
  await assertCanAccess(ctx, householdId, 'dossiers.timeline');
  const [changes, orientations, notes, tasks, consents, renewals] = await Promise.all([
    listChanges(ctx.db, householdId, 200),
    ctx.db.query(
      `SELECT o.id, o.created_at, o.status, o.note, o.outcome, o.outcome_note, o.outcome_at, o.accepted_at,
              (SELECT min(display_name) FROM users u WHERE u.role = 'partner' AND u.structure_id = o.structure_id) AS structure_name
         FROM household_orientations o WHERE o.household_id = $1`,
      [householdId],
    ),
    ctx.db.query(`SELECT n.id, n.at, n.body, u.display_name AS author FROM household_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.household_id = $1`, [householdId]),
    ctx.db.query(`SELECT id, kind, note, created_at, done_at FROM household_tasks WHERE household_id = $1`, [householdId]),
    ctx.db.query(`SELECT id, purpose, granted_at, revoked_at FROM household_consents WHERE household_id = $1`, [householdId]),
    ctx.db.query(`SELECT id, campaign_year, opened_at, confirmed_at FROM household_renewals WHERE household_id = $1`, [householdId]),
  ]);
  const items: TimelineItem[] = [];
  const isoOf = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);
  // Group the field changes of one version into one entry.
  const byVersion = new Map<number, typeof changes>();
  for (const c of changes) byVersion.set(c.version, [...(byVersion.get(c.version) ?? []), c]);
  for (const [version, cs] of byVersion) {
    const labels = [...new Set(cs.map((c) => labelOfHistoryField(c.field)))];
    items.push({ at: isoOf(cs[0].at), kind: 'change', module: 'dossiers', title: `Dossier modifié (version ${version}) par ${cs[0].actorName ?? 'le système'}`, detail: labels.join(', ') });
  }
  for (const o of orientations.rows) {
    items.push({ at: isoOf(o.created_at), kind: 'orientation', module: 'dossiers', subjectId: o.id, title: `Orientation vers ${o.structure_name ?? 'une structure partenaire'}`, detail: o.note });
    if (o.accepted_at) items.push({ at: isoOf(o.accepted_at), kind: 'orientation', module: 'dossiers', subjectId: o.id, title: o.status === 'declined' ? 'Orientation refusée par le partenaire' : 'Orientation acceptée par le partenaire' });
    if (o.outcome_at) {
      items.push({
        at: isoOf(o.outcome_at),
        kind: 'orientation-outcome',
        module: 'dossiers',
        subjectId: o.id,
        title: `Résultat : ${OUTCOMES[o.outcome as keyof typeof OUTCOMES] ?? o.outcome}`,
        detail: o.outcome_note,
      });
    }
  }
  for (const n of notes.rows) items.push({ at: isoOf(n.at), kind: 'note', module: 'dossiers', subjectId: n.id, title: `Note de ${n.author ?? 'un agent'}`, detail: n.body });
  for (const k of tasks.rows) {
    items.push({ at: isoOf(k.created_at), kind: 'task', module: 'dossiers', subjectId: k.id, title: TASK_LABELS[k.kind] ?? k.kind, detail: k.note });
  }
  for (const c of consents.rows) {
    items.push({ at: isoOf(c.granted_at), kind: 'consent', module: 'dossiers', subjectId: c.id, title: `Accord donné : ${purposeLabel(c.purpose)}` });
    if (c.revoked_at) items.push({ at: isoOf(c.revoked_at), kind: 'consent', module: 'dossiers', subjectId: c.id, title: `Accord retiré : ${purposeLabel(c.purpose)}` });
  }
  for (const r of renewals.rows) {
    items.push({ at: isoOf(r.opened_at), kind: 'renewal', module: 'dossiers', title: `Renouvellement ${r.campaign_year} ouvert` });
    if (r.confirmed_at) items.push({ at: isoOf(r.confirmed_at), kind: 'renewal', module: 'dossiers', title: `Renouvellement ${r.campaign_year} confirmé par la famille` });
  }
  for (const source of timelineSources()) items.push(...(await source(ctx.db, householdId)));
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export async function addNote(ctx: Ctx, householdId: string, body: string) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'dossiers.note', { q: t });
    const { rows } = await t.query<{ id: string }>(`INSERT INTO household_notes (household_id, author_id, at, body) VALUES ($1, $2, $3, $4) RETURNING id`, [
      householdId,
      agent.id,
      ctx.now(),
      body.trim(),
    ]);
    await audit(t, ctx, 'dossiers/note-added', { householdId, subjectType: 'note', subjectId: rows[0].id });
    return { id: rows[0].id };
  });
}

export async function completeTask(ctx: Ctx, taskId: string) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    const { rows } = await t.query(`UPDATE household_tasks SET done_at = $2, done_by = $3 WHERE id = $1 AND done_at IS NULL RETURNING household_id`, [
      taskId,
      ctx.now(),
      agent.id,
    ]);
    if (!rows[0]) throw new AppError('dossiers/task-not-found');
    await audit(t, ctx, 'dossiers/task-done', { householdId: rows[0].household_id, subjectType: 'task', subjectId: taskId });
    return { ok: true };
  });
}

/** Become the family's referent (it then appears in the caseload). */
export async function followHousehold(ctx: Ctx, householdId: string) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'dossiers.follow', { q: t });
    await t.query(`UPDATE households SET referent_agent_id = $2 WHERE id = $1`, [householdId, agent.id]);
    await audit(t, ctx, 'dossiers/followed', { householdId, subjectType: 'household', subjectId: householdId });
    return { ok: true };
  });
}
