/** SQL of ideation: proposals, supports, their events (pilotage tables only; users read for the recipients). */
import type { Queryable } from '../../platform/db/pool';
import type { ActionStatus } from './pilotage.store';

export type ProposalStatus = 'pending' | 'published' | 'refused';
export type ProposalOrigin = 'online' | 'workshop';
export type EventKind = 'published' | 'refused' | 'became-action' | 'action-status' | 'action-news';

export interface ProposalRow {
  id: string;
  planId: string;
  axisId: string | null;
  axisCode: string | null;
  axisTitle: string | null;
  title: string;
  body: string;
  origin: ProposalOrigin;
  workshop: string | null;
  authorId: string | null;
  authorName: string | null;
  status: ProposalStatus;
  refusalReason: string | null;
  moderatedAt: Date | null;
  actionId: string | null;
  actionTitle: string | null;
  actionStatus: ActionStatus | null;
  isDemo: boolean;
  createdAt: Date;
  supports: number;
  supportedByMe: boolean;
}

const PROPOSAL = `p.id, p.plan_id AS "planId", p.axis_id AS "axisId", a.code AS "axisCode", a.title AS "axisTitle", p.title, p.body, p.origin, p.workshop,
  p.author_id AS "authorId", u.display_name AS "authorName", p.status, p.refusal_reason AS "refusalReason", p.moderated_at AS "moderatedAt",
  p.action_id AS "actionId", x.title AS "actionTitle", x.status AS "actionStatus", p.is_demo AS "isDemo", p.created_at AS "createdAt",
  ((SELECT count(*) FROM pilotage_supports s WHERE s.proposal_id = p.id) + p.erased_supports)::int AS supports,
  EXISTS (SELECT 1 FROM pilotage_supports s WHERE s.proposal_id = p.id AND s.user_id = $1::uuid) AS "supportedByMe"`;
const FROM = `pilotage_proposals p LEFT JOIN pilotage_axes a ON a.id = p.axis_id LEFT JOIN pilotage_actions x ON x.id = p.action_id
  LEFT JOIN users u ON u.id = p.author_id`;

export interface ProposalFilter {
  planId?: string;
  statuses: ProposalStatus[];
  axisId?: string;
  search?: string;
  authorId?: string;
  sort: 'supports' | 'recent';
}

export async function listProposals(q: Queryable, viewerId: string | null, f: ProposalFilter, limit = 500): Promise<ProposalRow[]> {
  const { rows } = await q.query(
    `SELECT ${PROPOSAL} FROM ${FROM}
      WHERE p.status = ANY ($2::text[]) AND ($3::uuid IS NULL OR p.plan_id = $3) AND ($4::uuid IS NULL OR p.axis_id = $4)
        AND ($5::text IS NULL OR immutable_unaccent(lower(p.title || ' ' || p.body || ' ' || coalesce(p.workshop, ''))) LIKE '%' || immutable_unaccent(lower($5)) || '%')
        AND ($6::uuid IS NULL OR p.author_id = $6)
      ORDER BY ${f.sort === 'supports' ? 'supports DESC, p.created_at DESC' : 'p.created_at DESC'}, p.id LIMIT $7`,
    [viewerId, f.statuses, f.planId ?? null, f.axisId ?? null, f.search?.replace(/[%_\\]/g, (c) => `\\${c}`) || null, f.authorId ?? null, limit],
  );
  return rows;
}

export async function getProposal(q: Queryable, id: string, viewerId: string | null = null, lock = false): Promise<ProposalRow | null> {
  if (lock) await q.query(`SELECT 1 FROM pilotage_proposals WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await q.query(`SELECT ${PROPOSAL} FROM ${FROM} WHERE p.id = $2`, [viewerId, id]);
  return rows[0] ?? null;
}

export async function insertProposal(
  q: Queryable,
  p: {
    planId: string;
    axisId: string | null;
    title: string;
    body: string;
    origin: ProposalOrigin;
    workshop: string | null;
    authorId: string | null;
    status: ProposalStatus;
    moderatedBy: string | null;
    actionId?: string | null;
    isDemo?: boolean;
    now: Date;
  },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO pilotage_proposals (plan_id, axis_id, title, body, origin, workshop, author_id, status, moderated_by, moderated_at, action_id, is_demo, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, CASE WHEN $9::uuid IS NULL AND $8 = 'pending' THEN NULL ELSE $12::timestamptz END, $10, $11, $12) RETURNING id`,
    [p.planId, p.axisId, p.title, p.body, p.origin, p.workshop, p.authorId, p.status, p.moderatedBy, p.actionId ?? null, p.isDemo ?? false, p.now],
  );
  return rows[0].id;
}

/** Publishes or refuses a pending proposal; false when it is no longer pending. */
export async function moderate(q: Queryable, id: string, status: 'published' | 'refused', reason: string | null, by: string, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE pilotage_proposals SET status = $2, refusal_reason = $3, moderated_by = $4, moderated_at = $5 WHERE id = $1 AND status = 'pending'`,
    [id, status, reason, by, now],
  );
  return Boolean(rowCount);
}

export async function linkAction(q: Queryable, id: string, actionId: string): Promise<void> {
  await q.query(`UPDATE pilotage_proposals SET action_id = $2 WHERE id = $1`, [id, actionId]);
}

export async function proposalOfAction(
  q: Queryable,
  actionId: string,
): Promise<{ id: string; title: string; origin: ProposalOrigin; workshop: string | null; supports: number } | null> {
  const { rows } = await q.query(
    `SELECT p.id, p.title, p.origin, p.workshop, ((SELECT count(*) FROM pilotage_supports s WHERE s.proposal_id = p.id) + p.erased_supports)::int AS supports
       FROM pilotage_proposals p WHERE p.action_id = $1`,
    [actionId],
  );
  return rows[0] ?? null;
}

// ------------------------------------------------------------------ supports
/** Throws the primary key's violation when the account already supports it. */
export async function insertSupport(q: Queryable, proposalId: string, userId: string, now: Date): Promise<void> {
  await q.query(`INSERT INTO pilotage_supports (proposal_id, user_id, created_at) VALUES ($1, $2, $3)`, [proposalId, userId, now]);
}

export async function deleteSupport(q: Queryable, proposalId: string, userId: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM pilotage_supports WHERE proposal_id = $1 AND user_id = $2`, [proposalId, userId]);
  return Boolean(rowCount);
}

export async function supportCount(q: Queryable, proposalId: string): Promise<number> {
  const { rows } = await q.query(
    `SELECT ((SELECT count(*) FROM pilotage_supports WHERE proposal_id = $1) + erased_supports)::int AS n FROM pilotage_proposals WHERE id = $1`,
    [proposalId],
  );
  return rows[0].n;
}

// ------------------------------------------------------------------ events
export async function insertEvent(q: Queryable, proposalId: string, kind: EventKind, detail: string | null, now: Date): Promise<string> {
  const { rows } = await q.query(`INSERT INTO pilotage_proposal_events (proposal_id, kind, detail, at) VALUES ($1, $2, $3, $4) RETURNING id`, [
    proposalId,
    kind,
    detail,
    now,
  ]);
  return rows[0].id;
}

export interface EventRow {
  id: string;
  proposalId: string;
  proposalTitle: string;
  kind: EventKind;
  detail: string | null;
  actionTitle: string | null;
  at: Date;
}

const EVENT = `e.id, e.proposal_id AS "proposalId", p.title AS "proposalTitle", e.kind, e.detail, x.title AS "actionTitle", e.at`;

/** Events not yet told, locked for this transaction (another worker skips them). */
export async function untoldEvents(q: Queryable, limit: number): Promise<EventRow[]> {
  const { rows } = await q.query(
    `SELECT ${EVENT} FROM pilotage_proposal_events e JOIN pilotage_proposals p ON p.id = e.proposal_id LEFT JOIN pilotage_actions x ON x.id = p.action_id
      WHERE e.told_at IS NULL ORDER BY e.seq LIMIT $1 FOR UPDATE OF e SKIP LOCKED`,
    [limit],
  );
  return rows;
}

export async function markTold(q: Queryable, ids: string[], now: Date): Promise<void> {
  if (ids.length) await q.query(`UPDATE pilotage_proposal_events SET told_at = $2 WHERE id = ANY ($1::uuid[])`, [ids, now]);
}

export interface Recipient {
  userId: string;
  email: string | null;
  phone: string | null;
  isAuthor: boolean;
}

/** The author (and, unless `authorOnly`, every supporter) of a proposal, once each. */
export async function recipients(q: Queryable, proposalId: string, authorOnly: boolean): Promise<Recipient[]> {
  const { rows } = await q.query(
    `SELECT u.id AS "userId", u.email, u.phone, bool_or(r.is_author) AS "isAuthor"
       FROM (SELECT author_id AS user_id, true AS is_author FROM pilotage_proposals WHERE id = $1 AND author_id IS NOT NULL
             UNION ALL SELECT user_id, false FROM pilotage_supports WHERE proposal_id = $1 AND NOT $2) r
       JOIN users u ON u.id = r.user_id GROUP BY u.id, u.email, u.phone ORDER BY u.id`,
    [proposalId, authorOnly],
  );
  return rows;
}

/** What a parent follows: the events of the proposals they wrote or support (author-only events of their own). */
export async function eventsFor(q: Queryable, userId: string, limit = 50): Promise<EventRow[]> {
  const { rows } = await q.query(
    `SELECT ${EVENT} FROM pilotage_proposal_events e JOIN pilotage_proposals p ON p.id = e.proposal_id LEFT JOIN pilotage_actions x ON x.id = p.action_id
      WHERE p.author_id = $1
         OR (e.kind NOT IN ('published', 'refused') AND EXISTS (SELECT 1 FROM pilotage_supports s WHERE s.proposal_id = p.id AND s.user_id = $1))
      ORDER BY e.seq DESC LIMIT $2`,
    [userId, limit],
  );
  return rows;
}

// ------------------------------------------------------------------ plans open to ideas
export async function setIdeationOpen(q: Queryable, planId: string, open: boolean): Promise<boolean> {
  const { rowCount } = await q.query(`UPDATE pilotage_plans SET ideation_open = $2 WHERE id = $1`, [planId, open]);
  return Boolean(rowCount);
}

export async function openPlans(q: Queryable): Promise<{ id: string; title: string; isDemo: boolean }[]> {
  const { rows } = await q.query(`SELECT id, title, is_demo AS "isDemo" FROM pilotage_plans WHERE ideation_open ORDER BY is_demo, title`);
  return rows;
}

export async function isIdeationOpen(q: Queryable, planId: string): Promise<boolean | null> {
  const { rows } = await q.query(`SELECT ideation_open FROM pilotage_plans WHERE id = $1`, [planId]);
  return rows[0] ? rows[0].ideation_open : null;
}

export async function axesOfPlans(q: Queryable, planIds: string[]): Promise<{ id: string; planId: string; code: string; title: string }[]> {
  const { rows } = await q.query(`SELECT id, plan_id AS "planId", code, title FROM pilotage_axes WHERE plan_id = ANY ($1::uuid[]) ORDER BY position, id`, [
    planIds,
  ]);
  return rows;
}

/** Every plan, whether it takes ideas, and how many wait for moderation. */
export async function plansForStaff(q: Queryable): Promise<{ id: string; title: string; isDemo: boolean; ideationOpen: boolean; pending: number }[]> {
  const { rows } = await q.query(
    `SELECT p.id, p.title, p.is_demo AS "isDemo", p.ideation_open AS "ideationOpen",
            (SELECT count(*) FROM pilotage_proposals r WHERE r.plan_id = p.id AND r.status = 'pending')::int AS pending
       FROM pilotage_plans p ORDER BY p.ideation_open DESC, p.is_demo, p.title`,
  );
  return rows;
}

// ------------------------------------------------------------------ the family's rights (dossiers hooks)

/** Everything ideation stores about an account, for the family's export: its proposals, its supports and what it was told of them. */
export async function accountRows(q: Queryable, userId: string): Promise<Record<string, unknown[]>> {
  const proposals = (
    await q.query(
      `SELECT id, plan_id, axis_id, title, body, origin, status, refusal_reason, moderated_at, action_id, created_at FROM pilotage_proposals
        WHERE author_id = $1 ORDER BY created_at`,
      [userId],
    )
  ).rows;
  const supports = (
    await q.query(
      `SELECT s.proposal_id, p.title AS proposal_title, s.created_at FROM pilotage_supports s JOIN pilotage_proposals p ON p.id = s.proposal_id
        WHERE s.user_id = $1 ORDER BY s.created_at`,
      [userId],
    )
  ).rows;
  return { pilotage_proposals: proposals, pilotage_supports: supports };
}

/**
 * The account is erased. Its supports are deleted but still counted (erased_supports), so the
 * figures stay; its proposals no one else read (pending, refused) are deleted with their events;
 * its published ones stay as ideas of the plan, without their author.
 */
export async function eraseAccount(q: Queryable, userId: string): Promise<{ supports: number; deleted: number; anonymised: number }> {
  const supports = await q.query(
    `WITH gone AS (DELETE FROM pilotage_supports WHERE user_id = $1 RETURNING proposal_id)
     UPDATE pilotage_proposals p SET erased_supports = p.erased_supports + g.n
       FROM (SELECT proposal_id, count(*)::int AS n FROM gone GROUP BY proposal_id) g WHERE p.id = g.proposal_id`,
    [userId],
  );
  const deleted = await q.query(`DELETE FROM pilotage_proposals WHERE author_id = $1 AND status <> 'published'`, [userId]);
  const anonymised = await q.query(`UPDATE pilotage_proposals SET author_id = NULL WHERE author_id = $1`, [userId]);
  return { supports: supports.rowCount ?? 0, deleted: deleted.rowCount ?? 0, anonymised: anonymised.rowCount ?? 0 };
}
