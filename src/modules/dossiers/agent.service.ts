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
import * as store from './agent.store';
import { listChanges, loadHousehold } from './dossiers.store';
import { labelOfHistoryField } from './fields';
import { timelineSources, type TimelineItem } from './extensions';
import { OUTCOMES } from './orientation.service';
import { CCAS_STRUCTURE_ID, purposeLabel } from './purposes';
import { getService, getStructure } from '../annuaire/index';

const TASK_LABELS: Record<string, string> = {
  early_detection: 'Repérage précoce signalé par un partenaire',
  renewal_review: 'Renouvellement à vérifier',
  orientation_outcome: "Résultat d'orientation reçu",
  follow_up: 'Suivi',
};

/** Families the agent follows, with their open tasks; plus unassigned tasks for the CCAS. */
export async function caseload(ctx: Ctx) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  const families = await store.familiesOfReferent(ctx.db, agent.id);
  const tasks = await store.openTasksFor(ctx.db, agent.id);
  return { families, tasks: tasks.map((t) => ({ ...t, label: TASK_LABELS[t.kind] ?? t.kind })) };
}

export const RECENT_DAYS = 30;

/** Families the agent opened in the last RECENT_DAYS days (its own openings: no new reading of any file). */
export async function recentFamilies(ctx: Ctx) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return store.recentlyOpenedBy(ctx.db, agent.id, new Date(ctx.now().getTime() - RECENT_DAYS * 86_400_000));
}

/** Search by parent's name, phone or a child's first name. Results name families; opening one needs a reason. */
export async function searchHouseholds(ctx: Ctx, query: string) {
  requireRole(ctx, 'agent', 'coordinator');
  const q = query.trim();
  if (q.length < 2) return [];
  const digits = q.replace(/\D/g, '');
  const rows = await store.findHouseholds(ctx.db, q, digits);
  await audit(ctx.db, ctx, 'dossiers/searched', { details: { results: rows.length } });
  return rows;
}

/** Open a file with a typed reason: returns the whole file, audited. */
export async function openHousehold(ctx: Ctx, householdId: string, reason: string) {
  requireRole(ctx, 'agent', 'coordinator');
  if (reason.trim().length < 3)
    throw new AppError('dossiers/reason-required', { fields: [{ path: 'reason', message: 'Indiquez le motif de la consultation.' }] });
  await assertCanAccess(ctx, householdId, 'dossiers.open', { reason });
  return (await loadHousehold(ctx.db, householdId, parisDate(ctx.now())))!;
}

export async function timeline(ctx: Ctx, householdId: string) {
  requireRole(ctx, 'agent', 'coordinator');
  await assertCanAccess(ctx, householdId, 'dossiers.timeline');
  const [changes, { orientations, notes, tasks, consents, renewals }] = await Promise.all([
    listChanges(ctx.db, householdId, 200),
    store.timelineRows(ctx.db, householdId),
  ]);
  const items: TimelineItem[] = [];
  const isoOf = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);
  // Group the field changes of one version into one entry.
  const byVersion = new Map<number, typeof changes>();
  for (const c of changes) byVersion.set(c.version, [...(byVersion.get(c.version) ?? []), c]);
  for (const [version, cs] of byVersion) {
    const labels = [...new Set(cs.map((c) => staffWording(labelOfHistoryField(c.field))))];
    items.push({
      at: isoOf(cs[0].at),
      kind: 'change',
      module: 'dossiers',
      title: `Dossier modifié (version ${version}) par ${cs[0].actorName ?? 'le système'}`,
      detail: labels.join(', '),
    });
  }
  const where = await orientationPlaces(ctx, orientations);
  for (const o of orientations) {
    items.push({
      at: isoOf(o.created_at),
      kind: 'orientation',
      module: 'dossiers',
      subjectId: o.id,
      title: `Orientation vers ${where.get(o.id)}${o.status === 'awaiting_consent' ? ' (en attente de l’accord de la famille)' : ''}`,
      detail: o.note,
    });
    if (o.family_answered_at)
      items.push({
        at: isoOf(o.family_answered_at),
        kind: 'orientation',
        module: 'dossiers',
        subjectId: o.id,
        title: o.status === 'refused_by_family' ? 'Orientation refusée par la famille' : 'Accord de la famille donné : orientation envoyée',
      });
    if (o.accepted_at)
      items.push({
        at: isoOf(o.accepted_at),
        kind: 'orientation',
        module: 'dossiers',
        subjectId: o.id,
        title: o.status === 'declined' ? 'Orientation refusée par le partenaire' : 'Orientation acceptée par le partenaire',
      });
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
  for (const n of notes)
    items.push({ at: isoOf(n.at), kind: 'note', module: 'dossiers', subjectId: n.id, title: `Note de ${n.author ?? 'un agent'}`, detail: n.body });
  for (const k of tasks) {
    items.push({ at: isoOf(k.created_at), kind: 'task', module: 'dossiers', subjectId: k.id, title: TASK_LABELS[k.kind] ?? k.kind, detail: k.note });
  }
  const consentPlaces = await structureNames(
    ctx,
    consents.map((c) => c.structure_id),
  );
  for (const c of consents) {
    const to = consentPlaces.get(c.structure_id);
    const what = `${to ? `${to} — ` : ''}${purposeLabel(c.purpose)}`;
    items.push({
      at: isoOf(c.granted_at),
      kind: 'consent',
      module: 'dossiers',
      subjectId: c.id,
      title: `Accord donné par la famille ${c.recorded_at_desk ? 'au guichet' : 'depuis son espace'} : ${what}`,
    });
    if (c.revoked_at)
      items.push({
        at: isoOf(c.revoked_at),
        kind: 'consent',
        module: 'dossiers',
        subjectId: c.id,
        title: `Accord retiré par la famille ${c.revoked_at_desk ? 'au guichet' : 'depuis son espace'} : ${what}`,
      });
  }
  for (const r of renewals) {
    items.push({ at: isoOf(r.opened_at), kind: 'renewal', module: 'dossiers', title: `Renouvellement ${r.campaign_year} ouvert` });
    if (r.confirmed_at)
      items.push({ at: isoOf(r.confirmed_at), kind: 'renewal', module: 'dossiers', title: `Renouvellement ${r.campaign_year} confirmé par la famille` });
  }
  for (const source of timelineSources()) items.push(...(await source(ctx.db, householdId)));
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The form's labels speak to the family ("Votre nom"); the agent reads "Nom". */
function staffWording(label: string): string {
  const s = label.replace(/^(Votre|Vos) /, '');
  return s === label ? label : s.charAt(0).toUpperCase() + s.slice(1);
}

/** Each structure's name in the directory (the CCAS's own id is no listing). */
async function structureNames(ctx: Ctx, ids: string[]) {
  const out = new Map<string, string>([[CCAS_STRUCTURE_ID, 'CCAS']]);
  await Promise.all(
    [...new Set(ids)]
      .filter((id) => !out.has(id))
      .map(async (id) => {
        const nom = (await getStructure(ctx, id).catch(() => null))?.nom;
        if (nom) out.set(id, nom);
      }),
  );
  return out;
}

/** "Centre social d'Étouvie (démo), service « Permanence… »": each orientation's place as the directory names it. */
async function orientationPlaces(ctx: Ctx, orientations: { id: string; structure_id: string; service_id: string | null }[]) {
  const out = new Map<string, string>();
  await Promise.all(
    orientations.map(async (o) => {
      const structure = (await getStructure(ctx, o.structure_id).catch(() => null))?.nom ?? 'une structure partenaire';
      const service = o.service_id ? (await getService(ctx, o.service_id).catch(() => null))?.nom : null;
      out.set(o.id, service ? `${structure}, service « ${service} »` : structure);
    }),
  );
  return out;
}

export async function addNote(ctx: Ctx, householdId: string, body: string) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'dossiers.note', { q: t });
    const id = await store.insertNote(t, { householdId, authorId: agent.id, at: ctx.now(), body: body.trim() });
    await audit(t, ctx, 'dossiers/note-added', { householdId, subjectType: 'note', subjectId: id });
    return { id };
  });
}

export async function completeTask(ctx: Ctx, taskId: string) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    const task = await store.completeTask(t, taskId, ctx.now(), agent.id);
    if (!task) throw new AppError('dossiers/task-not-found');
    await audit(t, ctx, 'dossiers/task-done', { householdId: task.householdId, subjectType: 'task', subjectId: taskId });
    return { ok: true };
  });
}

/** Become the family's referent (it then appears in the caseload). */
export async function followHousehold(ctx: Ctx, householdId: string) {
  const agent = requireRole(ctx, 'agent', 'coordinator');
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'dossiers.follow', { q: t });
    await store.setReferent(t, householdId, agent.id);
    await audit(t, ctx, 'dossiers/followed', { householdId, subjectType: 'household', subjectId: householdId });
    return { ok: true };
  });
}
