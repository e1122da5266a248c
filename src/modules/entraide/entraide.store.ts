/** All SQL of the entraide module (its own tables only). */
import type { Queryable } from '../../platform/db/pool';

// ------------------------------------------------------------------ validations, ambassadors, blocks
export async function isValidated(q: Queryable, householdId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM entraide_validations WHERE household_id = $1', [householdId]);
  return rows.length > 0;
}

export async function validate(q: Queryable, householdId: string, by: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO entraide_validations (household_id, validated_by, validated_at) VALUES ($1, $2, $3)
     ON CONFLICT (household_id) DO UPDATE SET validated_by = EXCLUDED.validated_by, validated_at = EXCLUDED.validated_at`,
    [householdId, by, now],
  );
}

export async function ambassadorNeighbourhood(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ neighbourhood_id: string }>('SELECT neighbourhood_id FROM entraide_ambassadors WHERE user_id = $1', [userId]);
  return rows[0]?.neighbourhood_id ?? null;
}

export async function appointAmbassador(q: Queryable, userId: string, neighbourhoodId: string, by: string, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO entraide_ambassadors (user_id, neighbourhood_id, appointed_by, appointed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET neighbourhood_id = EXCLUDED.neighbourhood_id, appointed_by = EXCLUDED.appointed_by, appointed_at = EXCLUDED.appointed_at`,
    [userId, neighbourhoodId, by, now],
  );
}

/** An ambassador's row, locked (its end is decided under it). */
export async function lockAmbassador(q: Queryable, userId: string): Promise<{ neighbourhoodId: string; appointedBy: string | null } | null> {
  const { rows } = await q.query<{ neighbourhoodId: string; appointedBy: string | null }>(
    'SELECT neighbourhood_id AS "neighbourhoodId", appointed_by AS "appointedBy" FROM entraide_ambassadors WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  return rows[0] ?? null;
}

/** Every ambassador (a few per neighbourhood at most). */
export async function ambassadors(q: Queryable): Promise<{ userId: string; neighbourhoodId: string }[]> {
  const { rows } = await q.query<{ userId: string; neighbourhoodId: string }>(
    'SELECT user_id AS "userId", neighbourhood_id AS "neighbourhoodId" FROM entraide_ambassadors ORDER BY appointed_at, user_id',
  );
  return rows;
}

/** The e-mail of a staff account still active (to tell the agent who appointed an ambassador). */
export async function activeStaffEmail(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ email: string | null }>(
    "SELECT email FROM users WHERE id = $1 AND disabled_at IS NULL AND role IN ('agent', 'coordinator', 'admin')",
    [userId],
  );
  return rows[0]?.email ?? null;
}

/** Removes an ambassador; the neighbourhood it had, or null if it was none. */
export async function removeAmbassador(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ neighbourhood_id: string }>('DELETE FROM entraide_ambassadors WHERE user_id = $1 RETURNING neighbourhood_id', [userId]);
  return rows[0]?.neighbourhood_id ?? null;
}

/** The account's ambassador appointment, as stored, for the person's export (dossiers' exportAccount hook). */
export async function ambassadorRowsOfUser(q: Queryable, userId: string): Promise<unknown[]> {
  return (await q.query('SELECT * FROM entraide_ambassadors WHERE user_id = $1', [userId])).rows;
}

export async function block(q: Queryable, blocker: string, blocked: string, now: Date): Promise<void> {
  await q.query('INSERT INTO entraide_blocks (blocker_household_id, blocked_household_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    blocker,
    blocked,
    now,
  ]);
}

/** A block works both ways. */
export async function isBlockedEitherWay(q: Queryable, a: string, b: string): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM entraide_blocks WHERE (blocker_household_id = $1 AND blocked_household_id = $2) OR (blocker_household_id = $2 AND blocked_household_id = $1)`,
    [a, b],
  );
  return rows.length > 0;
}

// ------------------------------------------------------------------ posts, answers, messages
export type PostRow = {
  id: string;
  householdId: string;
  kind: 'offer' | 'request';
  category: 'garde' | 'trajet' | 'courses' | 'pret' | 'ecoute';
  neighbourhoodId: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date | null;
  status: 'open' | 'closed' | 'removed';
  isDemo: boolean;
  createdAt: Date;
  answers: number;
};

const POST_COLS = `p.id, p.household_id AS "householdId", p.kind, p.category, p.neighbourhood_id AS "neighbourhoodId", p.title, p.description,
  p.starts_at AS "startsAt", p.ends_at AS "endsAt", p.status, p.is_demo AS "isDemo", p.created_at AS "createdAt",
  (SELECT count(*) FROM entraide_answers a WHERE a.post_id = p.id)::int AS answers`;

export async function insertPost(
  q: Queryable,
  p: Pick<PostRow, 'householdId' | 'kind' | 'category' | 'neighbourhoodId' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'isDemo'> & { now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO entraide_posts (household_id, kind, category, neighbourhood_id, title, description, starts_at, ends_at, is_demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [p.householdId, p.kind, p.category, p.neighbourhoodId, p.title, p.description, p.startsAt, p.endsAt, p.isDemo, p.now],
  );
  return rows[0]!.id;
}

export async function getPost(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<PostRow | null> {
  const { rows } = await q.query<PostRow>(`SELECT ${POST_COLS} FROM entraide_posts p WHERE p.id = $1${opts.lock ? ' FOR UPDATE OF p' : ''}`, [id]);
  return rows[0] ?? null;
}

/** The open posts of a neighbourhood from now on, without those of households blocked either way by the reader. */
export async function board(q: Queryable, neighbourhoodId: string, readerHouseholdId: string | null, since: Date): Promise<PostRow[]> {
  const { rows } = await q.query<PostRow>(
    `SELECT ${POST_COLS} FROM entraide_posts p
      WHERE p.neighbourhood_id = $1 AND p.status = 'open' AND coalesce(p.ends_at, p.starts_at) >= $3
        AND ($2::uuid IS NULL OR NOT EXISTS (
          SELECT 1 FROM entraide_blocks b
           WHERE (b.blocker_household_id = $2 AND b.blocked_household_id = p.household_id)
              OR (b.blocker_household_id = p.household_id AND b.blocked_household_id = $2)))
      ORDER BY p.starts_at, p.id LIMIT 200`,
    [neighbourhoodId, readerHouseholdId, since],
  );
  return rows;
}

export async function setPostStatus(q: Queryable, id: string, status: PostRow['status']): Promise<void> {
  await q.query('UPDATE entraide_posts SET status = $2 WHERE id = $1', [id, status]);
}

export type AnswerRow = {
  id: string;
  postId: string;
  householdId: string;
  authorHouseholdId: string;
  authorSharesContact: boolean;
  helperSharesContact: boolean;
  createdAt: Date;
};

const ANSWER_COLS = `a.id, a.post_id AS "postId", a.household_id AS "householdId", p.household_id AS "authorHouseholdId",
  a.author_shares_contact AS "authorSharesContact", a.helper_shares_contact AS "helperSharesContact", a.created_at AS "createdAt"`;

export async function insertAnswer(q: Queryable, postId: string, householdId: string, now: Date): Promise<string> {
  const { rows } = await q.query<{ id: string }>('INSERT INTO entraide_answers (post_id, household_id, created_at) VALUES ($1, $2, $3) RETURNING id', [
    postId,
    householdId,
    now,
  ]);
  return rows[0]!.id;
}

export async function getAnswer(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<AnswerRow | null> {
  const { rows } = await q.query<AnswerRow>(
    `SELECT ${ANSWER_COLS} FROM entraide_answers a JOIN entraide_posts p ON p.id = a.post_id WHERE a.id = $1${opts.lock ? ' FOR UPDATE OF a' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Conversations a household takes part in (as the post's author or as the one who answered). */
export async function answersOf(q: Queryable, householdId: string): Promise<(AnswerRow & { postTitle: string; lastMessageAt: Date | null })[]> {
  const { rows } = await q.query(
    `SELECT ${ANSWER_COLS}, p.title AS "postTitle", (SELECT max(m.created_at) FROM entraide_messages m WHERE m.answer_id = a.id) AS "lastMessageAt"
       FROM entraide_answers a JOIN entraide_posts p ON p.id = a.post_id
      WHERE a.household_id = $1 OR p.household_id = $1
      ORDER BY a.created_at DESC LIMIT 200`,
    [householdId],
  );
  return rows;
}

export async function shareContact(q: Queryable, answerId: string, side: 'author' | 'helper'): Promise<void> {
  await q.query(`UPDATE entraide_answers SET ${side === 'author' ? 'author_shares_contact' : 'helper_shares_contact'} = true WHERE id = $1`, [answerId]);
}

export async function insertMessage(q: Queryable, answerId: string, authorHouseholdId: string, body: string, now: Date): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO entraide_messages (answer_id, author_household_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
    [answerId, authorHouseholdId, body, now],
  );
  return rows[0]!.id;
}

export async function messages(q: Queryable, answerId: string): Promise<{ id: string; authorHouseholdId: string; body: string; createdAt: Date }[]> {
  const { rows } = await q.query(
    'SELECT id, author_household_id AS "authorHouseholdId", body, created_at AS "createdAt" FROM entraide_messages WHERE answer_id = $1 ORDER BY seq',
    [answerId],
  );
  return rows;
}

// ------------------------------------------------------------------ reports
export async function insertReport(
  q: Queryable,
  r: { reporter: string; postId: string | null; reported: string | null; reason: string; now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO entraide_reports (reporter_household_id, post_id, reported_household_id, reason, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [r.reporter, r.postId, r.reported, r.reason, r.now],
  );
  return rows[0]!.id;
}

export type ReportRow = {
  id: string;
  postId: string | null;
  postTitle: string | null;
  reportedHouseholdId: string | null;
  reason: string;
  status: string;
  createdAt: Date;
};

export async function openReports(q: Queryable): Promise<ReportRow[]> {
  const { rows } = await q.query<ReportRow>(
    `SELECT r.id, r.post_id AS "postId", p.title AS "postTitle", r.reported_household_id AS "reportedHouseholdId", r.reason, r.status, r.created_at AS "createdAt"
       FROM entraide_reports r LEFT JOIN entraide_posts p ON p.id = r.post_id
      WHERE r.status = 'open' ORDER BY r.created_at, r.id LIMIT 500`,
  );
  return rows;
}

export async function lockReport(q: Queryable, id: string): Promise<{ id: string; postId: string | null; status: string } | null> {
  const { rows } = await q.query('SELECT id, post_id AS "postId", status FROM entraide_reports WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] ?? null;
}

export async function resolveReport(q: Queryable, id: string, status: 'dismissed' | 'post-removed', by: string, now: Date): Promise<void> {
  await q.query('UPDATE entraide_reports SET status = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1', [id, status, by, now]);
}
