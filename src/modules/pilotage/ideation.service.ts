/**
 * Ideation use cases. Parents propose (moderated before publication) and support published
 * proposals, one support per account; a coordinator enters workshop proposals, moderates,
 * turns a proposal into an action of the plan and gives news; the author and supporters are
 * told (ideation-events.ts). Anyone reads published proposals, never who wrote them.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { throttle } from '../../platform/throttle';
import { recordEvent } from './ideation-events';
import { eventSentence } from './ideation-messages';
import * as store from './ideation.store';
import { EDITORS, READERS } from './pilotage.service';
import * as plans from './pilotage.store';

/** A parent proposes at most this many ideas an hour (the moderation's queue stays readable). */
export const PROPOSAL_LIMIT = { max: 5, windowSeconds: 3600 };
/** Supports and withdrawals an account may make in an hour. */
export const SUPPORT_LIMIT = { max: 60, windowSeconds: 3600 };

const notFound = (path?: string) => new AppError('pilotage/not-found', path ? { fields: [{ path, message: "Cet élément n'existe pas." }] } : {});

function publicView(p: store.ProposalRow) {
  return { ...p, authorId: undefined, authorName: undefined, refusalReason: undefined };
}

async function plansWithAxes(ctx: Ctx, list: { id: string; title: string; isDemo: boolean }[]) {
  const axes = await store.axesOfPlans(
    ctx.db,
    list.map((p) => p.id),
  );
  return list.map((p) => ({ ...p, axes: axes.filter((a) => a.planId === p.id) }));
}

/** The plans open to ideas and their axes (public). */
export async function ideationPlans(ctx: Ctx) {
  return { plans: await plansWithAxes(ctx, await store.openPlans(ctx.db)) };
}

/** Published proposals of open plans (public), sorted by supports or most recent, searchable. */
export async function publishedProposals(ctx: Ctx, f: { planId?: string; axisId?: string; q?: string; sort: 'supports' | 'recent' }) {
  const open = new Set((await store.openPlans(ctx.db)).map((p) => p.id));
  const rows = await store.listProposals(ctx.db, ctx.user?.id ?? null, { ...f, search: f.q, statuses: ['published'] });
  return { proposals: rows.filter((p) => open.has(p.planId)).map(publicView) };
}

async function checkAxis(ctx: Ctx, planId: string, axisId: string) {
  const open = await store.isIdeationOpen(ctx.db, planId);
  if (open === null) throw notFound('planId');
  const axisPlan = await plans.planOfAxis(ctx.db, axisId);
  if (axisPlan !== planId) throw new AppError('pilotage/axis-not-in-plan', { fields: [{ path: 'axisId', message: "Choisissez un axe de ce plan d'action." }] });
  return open;
}

export async function propose(ctx: Ctx, input: { planId: string; axisId: string; title: string; body: string }) {
  const user = requireRole(ctx, 'parent');
  if (!(await checkAxis(ctx, input.planId, input.axisId)))
    throw new AppError('pilotage/ideation-closed', { fields: [{ path: 'planId', message: "Ce plan ne reçoit pas d'idées en ce moment." }] });
  await throttle(ctx.db, 'pilotage.proposal', user.id, PROPOSAL_LIMIT, ctx.now());
  return tx(ctx.db, async (t) => {
    const id = await store.insertProposal(t, {
      ...input,
      origin: 'online',
      workshop: null,
      authorId: user.id,
      status: 'pending',
      moderatedBy: null,
      now: ctx.now(),
    });
    await audit(t, ctx, 'pilotage/proposal-created', { subjectType: 'proposal', subjectId: id, details: { origin: 'online' } });
    return { id, status: 'pending' as const };
  });
}

/** A workshop's proposal, entered by the coordination: published at once, no author account. */
export async function enterWorkshopProposal(ctx: Ctx, input: { planId: string; axisId: string; title: string; body: string; workshop: string }) {
  const user = requireRole(ctx, ...EDITORS);
  await checkAxis(ctx, input.planId, input.axisId);
  return tx(ctx.db, async (t) => {
    const id = await store.insertProposal(t, { ...input, origin: 'workshop', authorId: null, status: 'published', moderatedBy: user.id, now: ctx.now() });
    await audit(t, ctx, 'pilotage/proposal-created', { subjectType: 'proposal', subjectId: id, details: { origin: 'workshop' } });
    return { id, status: 'published' as const };
  });
}

export async function support(ctx: Ctx, id: string) {
  const user = requireRole(ctx, 'parent');
  await throttle(ctx.db, 'pilotage.support', user.id, SUPPORT_LIMIT, ctx.now());
  return tx(ctx.db, async (t) => {
    const p = await store.getProposal(t, id, user.id);
    if (!p) throw notFound();
    if (p.status !== 'published') throw new AppError('pilotage/proposal-not-published');
    try {
      await store.insertSupport(t, id, user.id, ctx.now());
    } catch (err) {
      onConstraint(err, { pilotage_supports_pkey: new AppError('pilotage/already-supported') });
    }
    await audit(t, ctx, 'pilotage/proposal-supported', { subjectType: 'proposal', subjectId: id });
    return { supports: await store.supportCount(t, id), supportedByMe: true };
  });
}

export async function withdrawSupport(ctx: Ctx, id: string) {
  const user = requireRole(ctx, 'parent');
  await throttle(ctx.db, 'pilotage.support', user.id, SUPPORT_LIMIT, ctx.now());
  return tx(ctx.db, async (t) => {
    if (!(await store.getProposal(t, id))) throw notFound();
    if (!(await store.deleteSupport(t, id, user.id))) throw new AppError('pilotage/not-supported');
    await audit(t, ctx, 'pilotage/proposal-support-withdrawn', { subjectType: 'proposal', subjectId: id });
    return { supports: await store.supportCount(t, id), supportedByMe: false };
  });
}

/** A parent's own proposals (every state, with a refusal's reason) and what happened to those they follow. */
export async function myIdeas(ctx: Ctx) {
  const user = requireRole(ctx, 'parent');
  const mine = await store.listProposals(ctx.db, user.id, { authorId: user.id, statuses: ['pending', 'published', 'refused'], sort: 'recent' });
  const events = await store.eventsFor(ctx.db, user.id);
  return {
    proposals: mine.map((p) => ({ ...p, authorId: undefined, authorName: undefined })),
    events: events.map((e) => ({
      id: e.id,
      proposalId: e.proposalId,
      text: eventSentence(e),
      kind: e.kind,
      detail: e.detail,
      idea: e.proposalTitle,
      action: e.actionTitle,
      at: e.at,
    })),
  };
}

/** The coordination's view: every plan (open or not) and its proposals in every state. */
export async function staffProposals(
  ctx: Ctx,
  f: { planId?: string; axisId?: string; q?: string; sort: 'supports' | 'recent'; status?: store.ProposalStatus },
) {
  requireRole(ctx, ...READERS);
  const all = await store.plansForStaff(ctx.db);
  const proposals = await store.listProposals(ctx.db, null, {
    ...f,
    search: f.q,
    statuses: f.status ? [f.status] : ['pending', 'published', 'refused'],
  });
  const axes = await store.axesOfPlans(
    ctx.db,
    all.map((p) => p.id),
  );
  return { plans: all.map((p) => ({ ...p, axes: axes.filter((a) => a.planId === p.id) })), proposals };
}

export async function moderateProposal(ctx: Ctx, id: string, input: { decision: 'publish' | 'refuse'; reason?: string }) {
  const user = requireRole(ctx, ...EDITORS);
  const status = input.decision === 'publish' ? 'published' : 'refused';
  const reason = status === 'refused' ? input.reason!.trim() : null;
  await tx(ctx.db, async (t) => {
    const p = await store.getProposal(t, id, null, true);
    if (!p) throw notFound();
    if (!(await store.moderate(t, id, status, reason, user.id, ctx.now()))) throw new AppError('pilotage/already-moderated');
    await recordEvent(ctx, t, id, status, reason);
    await audit(t, ctx, status === 'published' ? 'pilotage/proposal-published' : 'pilotage/proposal-refused', { subjectType: 'proposal', subjectId: id });
  });
  return { ok: true };
}

/** The proposal becomes an action of its plan, in one transaction; its author and supporters are told. */
export async function turnIntoAction(ctx: Ctx, id: string, input: { objectiveId: string; title?: string; description?: string }) {
  requireRole(ctx, ...EDITORS);
  return tx(ctx.db, async (t) => {
    const p = await store.getProposal(t, id, null, true);
    if (!p) throw notFound();
    if (p.status !== 'published') throw new AppError('pilotage/proposal-not-published');
    if (p.actionId) throw new AppError('pilotage/already-action');
    const planId = await plans.planOf(t, 'objective', input.objectiveId);
    if (planId !== p.planId)
      throw new AppError('pilotage/objective-not-in-plan', { fields: [{ path: 'objectiveId', message: "Choisissez un objectif du plan d'où vient l'idée." }] });
    const now = ctx.now();
    const actionId = await plans.insertAction(t, input.objectiveId, { title: input.title || p.title, description: input.description ?? p.body }, now);
    try {
      await store.linkAction(t, id, actionId);
    } catch (err) {
      onConstraint(err, { pilotage_proposals_action_key: new AppError('pilotage/already-action') });
    }
    await plans.touchPlan(t, planId, now);
    await recordEvent(ctx, t, id, 'became-action', null);
    await audit(t, ctx, 'pilotage/action-created', { subjectType: 'action', subjectId: actionId, details: { proposalId: id } });
    await audit(t, ctx, 'pilotage/proposal-became-action', { subjectType: 'proposal', subjectId: id, details: { actionId } });
    return { actionId };
  });
}

/** News of the action a proposal became ("how it goes"), told to its author and supporters. */
export async function postNews(ctx: Ctx, id: string, text: string) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    const p = await store.getProposal(t, id, null, true);
    if (!p) throw notFound();
    if (!p.actionId) throw new AppError('pilotage/not-an-action');
    await recordEvent(ctx, t, id, 'action-news', text);
    await audit(t, ctx, 'pilotage/proposal-news', { subjectType: 'proposal', subjectId: id });
  });
  return { ok: true };
}

export async function setIdeationOpen(ctx: Ctx, planId: string, open: boolean) {
  requireRole(ctx, ...EDITORS);
  await tx(ctx.db, async (t) => {
    if (!(await store.setIdeationOpen(t, planId, open))) throw notFound();
    await audit(t, ctx, open ? 'pilotage/ideation-opened' : 'pilotage/ideation-closed', { subjectType: 'plan', subjectId: planId });
  });
  return { ok: true };
}
