/** SQL of the rooms, members and messages (moderation, sessions and the word list: moderation.store.ts). */
import type { Queryable } from '../../platform/db/pool';

export interface RoomRow {
  id: string;
  name: string;
  description: string;
  theme: string;
  neighbourhood: string | null;
  kind: 'discussion' | 'announcement';
  lastSeq: number;
  slowModeSeconds: number;
  pinnedSeq: number | null;
}
const ROOM_COLS = `r.id, r.name, r.description, r.theme, r.neighbourhood, r.kind, r.last_seq AS "lastSeq",
  r.slow_mode_seconds AS "slowModeSeconds", r.pinned_seq AS "pinnedSeq"`;

export interface MemberRow {
  roomId: string;
  userId: string;
  pseudonym: string;
  role: 'member' | 'facilitator';
  joinedSeq: number;
  mutedUntil: Date | null;
  removedAt: Date | null;
  /** Left by its own choice (may join again); removedAt: removed by a moderator (may not, until readmitted). */
  leftAt: Date | null;
  lastPostAt: Date | null;
}
/** A membership that counts: neither left nor removed. */
const ACTIVE = (alias: string) => `${alias}.removed_at IS NULL AND ${alias}.left_at IS NULL`;
const MEMBER_COLS = `m.room_id AS "roomId", m.user_id AS "userId", m.pseudonym, m.role, m.joined_seq AS "joinedSeq",
  m.muted_until AS "mutedUntil", m.removed_at AS "removedAt", m.left_at AS "leftAt", m.last_post_at AS "lastPostAt"`;

export interface MessageRow {
  id: string;
  roomId: string;
  seq: number;
  authorId: string | null;
  pseudonym: string;
  kind: 'message' | 'summary';
  body: string;
  /** The language it was written in (its author's pages at the time). */
  lang: string;
  createdAt: Date;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  deletedAt: Date | null;
  byFacilitator: boolean;
}
const MESSAGE_COLS = `g.id, g.room_id AS "roomId", g.seq, g.author_id AS "authorId", g.pseudonym, g.kind, g.body, g.lang,
  g.created_at AS "createdAt", g.hidden_at AS "hiddenAt", g.hidden_reason AS "hiddenReason", g.deleted_at AS "deletedAt",
  coalesce(fm.role = 'facilitator', false) AS "byFacilitator"`;
const MESSAGE_FROM = `groupes_messages g LEFT JOIN groupes_members fm ON fm.room_id = g.room_id AND fm.user_id = g.author_id`;

export async function insertRoom(
  q: Queryable,
  r: { name: string; description: string; theme: string; neighbourhood: string | null; kind: string; createdBy: string | null; now: Date; isDemo?: boolean },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO groupes_rooms (name, description, theme, neighbourhood, kind, created_by, created_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [r.name, r.description, r.theme, r.neighbourhood, r.kind, r.createdBy, r.now, r.isDemo ?? false],
  );
  return rows[0]!.id;
}

export async function listRooms(q: Queryable, userId: string) {
  const { rows } = await q.query<RoomRow & { members: number; pseudonym: string | null; joined: boolean; removed: boolean; left: boolean }>(
    `SELECT ${ROOM_COLS},
            (SELECT count(*)::int FROM groupes_members x WHERE x.room_id = r.id AND ${ACTIVE('x')}) AS members,
            m.pseudonym, (m.user_id IS NOT NULL AND ${ACTIVE('m')}) AS joined, (m.removed_at IS NOT NULL) AS removed,
            (m.left_at IS NOT NULL) AS "left"
       FROM groupes_rooms r LEFT JOIN groupes_members m ON m.room_id = r.id AND m.user_id = $1
      ORDER BY r.theme, r.name`,
    [userId],
  );
  return rows;
}

export async function getRoom(q: Queryable, id: string): Promise<(RoomRow & { members: number }) | null> {
  const { rows } = await q.query<RoomRow & { members: number }>(
    `SELECT ${ROOM_COLS}, (SELECT count(*)::int FROM groupes_members x WHERE x.room_id = r.id AND ${ACTIVE('x')}) AS members
       FROM groupes_rooms r WHERE r.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function setSlowMode(q: Queryable, id: string, seconds: number): Promise<void> {
  await q.query(`UPDATE groupes_rooms SET slow_mode_seconds = $2 WHERE id = $1`, [id, seconds]);
}

export async function setPinned(q: Queryable, id: string, seq: number | null): Promise<void> {
  await q.query(`UPDATE groupes_rooms SET pinned_seq = $2 WHERE id = $1`, [id, seq]);
}

export async function getMember(q: Queryable, roomId: string, userId: string, opts: { lock?: boolean } = {}): Promise<MemberRow | null> {
  const { rows } = await q.query<MemberRow>(
    `SELECT ${MEMBER_COLS} FROM groupes_members m WHERE m.room_id = $1 AND m.user_id = $2${opts.lock ? ' FOR UPDATE' : ''}`,
    [roomId, userId],
  );
  return rows[0] ?? null;
}

export async function listMembers(q: Queryable, roomId: string): Promise<MemberRow[]> {
  const { rows } = await q.query<MemberRow>(
    `SELECT ${MEMBER_COLS} FROM groupes_members m WHERE m.room_id = $1 AND m.left_at IS NULL ORDER BY m.role DESC, lower(m.pseudonym)`,
    [roomId],
  );
  return rows;
}

/**
 * Joins, or comes back after leaving (the history then starts again at the room's current
 * number, under the pseudonym chosen now). A removal stays unless coordination appoints
 * the person facilitator.
 */
export async function upsertMember(
  q: Queryable,
  m: { roomId: string; userId: string; pseudonym: string; role: 'member' | 'facilitator'; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO groupes_members (room_id, user_id, pseudonym, role, joined_seq, joined_at)
     VALUES ($1, $2, $3, $4, (SELECT last_seq FROM groupes_rooms WHERE id = $1), $5)
     ON CONFLICT (room_id, user_id) DO UPDATE SET pseudonym = EXCLUDED.pseudonym,
       role = CASE WHEN EXCLUDED.role = 'facilitator' THEN 'facilitator' ELSE groupes_members.role END,
       joined_seq = CASE WHEN groupes_members.left_at IS NOT NULL THEN EXCLUDED.joined_seq ELSE groupes_members.joined_seq END,
       joined_at = CASE WHEN groupes_members.left_at IS NOT NULL THEN EXCLUDED.joined_at ELSE groupes_members.joined_at END,
       left_at = NULL,
       removed_at = CASE WHEN EXCLUDED.role = 'facilitator' THEN NULL ELSE groupes_members.removed_at END,
       removed_by = CASE WHEN EXCLUDED.role = 'facilitator' THEN NULL ELSE groupes_members.removed_by END`,
    [m.roomId, m.userId, m.pseudonym, m.role, m.now],
  );
}

export async function setMuted(q: Queryable, roomId: string, userId: string, until: Date | null): Promise<void> {
  await q.query(`UPDATE groupes_members SET muted_until = $3 WHERE room_id = $1 AND user_id = $2`, [roomId, userId, until]);
}

/** A moderator removes a member: it may not come back until readmitted. */
export async function setRemoved(q: Queryable, roomId: string, userId: string, by: string | null, at: Date): Promise<void> {
  await q.query(`UPDATE groupes_members SET removed_at = $4, removed_by = $3, left_at = NULL WHERE room_id = $1 AND user_id = $2`, [roomId, userId, by, at]);
}

/** The member leaves by its own choice: it may join again. */
/** A coordinator ends a staff member's facilitation: it leaves the room (and may be named again). */
export async function withdrawFacilitator(q: Queryable, roomId: string, userId: string, at: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE groupes_members SET role = 'member', left_at = $3 WHERE room_id = $1 AND user_id = $2 AND role = 'facilitator' AND left_at IS NULL`,
    [roomId, userId, at],
  );
  return (rowCount ?? 0) > 0;
}

export async function setLeft(q: Queryable, roomId: string, userId: string, at: Date): Promise<void> {
  await q.query(`UPDATE groupes_members SET left_at = $3 WHERE room_id = $1 AND user_id = $2`, [roomId, userId, at]);
}

/** A moderator lifts a removal: the person is as if it had left, free to join again. */
export async function readmit(q: Queryable, roomId: string, userId: string, at: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE groupes_members SET removed_at = NULL, removed_by = NULL, left_at = $3 WHERE room_id = $1 AND user_id = $2 AND removed_at IS NOT NULL`,
    [roomId, userId, at],
  );
  return (rowCount ?? 0) > 0;
}

export async function touchLastPost(q: Queryable, roomId: string, userId: string, at: Date): Promise<void> {
  await q.query(`UPDATE groupes_members SET last_post_at = $3 WHERE room_id = $1 AND user_id = $2`, [roomId, userId, at]);
}

export async function roomFacilitatorIds(q: Queryable, roomId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(`SELECT user_id AS id FROM groupes_members m WHERE room_id = $1 AND role = 'facilitator' AND ${ACTIVE('m')}`, [
    roomId,
  ]);
  return rows.map((r) => r.id);
}

/** The platform account's role (a facilitator must be staff). Reads the platform's users table. */
export async function userRole(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ role: string }>(`SELECT role::text AS role FROM users WHERE id = $1 AND disabled_at IS NULL`, [userId]);
  return rows[0]?.role ?? null;
}

/** An active account by its e-mail, with its role (a facilitator is named by e-mail). Reads the platform's users table. */
export async function accountByEmail(q: Queryable, email: string): Promise<{ id: string; role: string } | null> {
  const { rows } = await q.query<{ id: string; role: string }>(
    `SELECT id, role::text AS role FROM users WHERE lower(email) = lower($1) AND disabled_at IS NULL`,
    [email],
  );
  return rows[0] ?? null;
}

/**
 * Appends a message: the room's counter row is incremented (and so locked until commit)
 * in the same statement, so two messages of a room never share a number and commit in
 * the order of their numbers.
 */
export async function appendMessage(
  q: Queryable,
  m: { roomId: string; authorId: string; pseudonym: string; kind: 'message' | 'summary'; body: string; normalised: string; lang: string; now: Date },
): Promise<{ id: string; seq: number }> {
  const { rows } = await q.query<{ id: string; seq: number }>(
    `WITH r AS (UPDATE groupes_rooms SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
     INSERT INTO groupes_messages (room_id, seq, author_id, pseudonym, kind, body, normalised, created_at, lang)
     SELECT $1, r.last_seq, $2, $3, $4, $5, $6, $7, $8 FROM r
     RETURNING id, seq`,
    [m.roomId, m.authorId, m.pseudonym, m.kind, m.body, m.normalised, m.now, m.lang],
  );
  return rows[0]!;
}

/** The author's own recent messages in the room (normalised), for near-duplicate detection. */
export async function recentNormalised(q: Queryable, roomId: string, authorId: string, since: Date, limit: number): Promise<string[]> {
  const { rows } = await q.query<{ normalised: string }>(
    `SELECT normalised FROM groupes_messages WHERE room_id = $1 AND author_id = $2 AND created_at > $3 AND deleted_at IS NULL
      ORDER BY seq DESC LIMIT $4`,
    [roomId, authorId, since, limit],
  );
  return rows.map((r) => r.normalised);
}

/**
 * Messages after `afterSeq` (the caller raises it to where the reader joined) that this
 * reader may see: none of a person it blocked or who blocked it. Ordered by number.
 */
export async function messagesAfter(q: Queryable, roomId: string, readerId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(
    `SELECT ${MESSAGE_COLS} FROM ${MESSAGE_FROM}
      WHERE g.room_id = $1 AND g.seq > $3
        AND NOT EXISTS (SELECT 1 FROM groupes_blocks b WHERE (b.blocker_id = $2 AND b.blocked_id = g.author_id) OR (b.blocker_id = g.author_id AND b.blocked_id = $2))
      ORDER BY g.seq LIMIT $4`,
    [roomId, readerId, afterSeq, limit],
  );
  return rows;
}

/** Messages by number (the fan-out re-reads what a notification names). */
export async function messagesBySeq(q: Queryable, roomId: string, seqs: number[]): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(`SELECT ${MESSAGE_COLS} FROM ${MESSAGE_FROM} WHERE g.room_id = $1 AND g.seq = ANY($2::bigint[]) ORDER BY g.seq`, [
    roomId,
    seqs,
  ]);
  return rows;
}

/** Messages numbered in (from, to], for every reader (the fan-out filters per socket). */
export async function messagesBetween(q: Queryable, roomId: string, from: number, to: number): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(`SELECT ${MESSAGE_COLS} FROM ${MESSAGE_FROM} WHERE g.room_id = $1 AND g.seq > $2 AND g.seq <= $3 ORDER BY g.seq`, [
    roomId,
    from,
    to,
  ]);
  return rows;
}

/** The room's last committed number (a number being written is not visible until it commits, and commits in order). */
export async function lastSeq(q: Queryable, roomId: string): Promise<number> {
  const { rows } = await q.query<{ lastSeq: string }>(`SELECT last_seq AS "lastSeq" FROM groupes_rooms WHERE id = $1`, [roomId]);
  return Number(rows[0]?.lastSeq ?? 0);
}

/** Messages hidden or deleted since a moment (re-sent as updates after a lost connection). */
export async function messagesChangedSince(q: Queryable, roomId: string, since: Date): Promise<MessageRow[]> {
  const { rows } = await q.query<MessageRow>(
    `SELECT ${MESSAGE_COLS} FROM ${MESSAGE_FROM} WHERE g.room_id = $1 AND (g.hidden_at >= $2 OR g.deleted_at >= $2) ORDER BY g.seq LIMIT 1000`,
    [roomId, since],
  );
  return rows;
}

/** Of these session token hashes (hex), those of sessions still open (platform sessions table). */
export async function liveSessions(q: Queryable, hashes: string[], now: Date): Promise<string[]> {
  const { rows } = await q.query<{ h: string }>(
    `SELECT encode(s.token_hash, 'hex') AS h FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ANY(SELECT decode(x, 'hex') FROM unnest($1::text[]) x) AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [hashes, now],
  );
  return rows.map((r) => r.h);
}

export async function getMessage(q: Queryable, roomId: string, seq: number, opts: { lock?: boolean } = {}): Promise<MessageRow | null> {
  const { rows } = await q.query<MessageRow>(
    `SELECT ${MESSAGE_COLS} FROM ${MESSAGE_FROM} WHERE g.room_id = $1 AND g.seq = $2${opts.lock ? ' FOR UPDATE OF g' : ''}`,
    [roomId, seq],
  );
  return rows[0] ?? null;
}

export async function hideMessage(q: Queryable, id: string, reason: string, at: Date): Promise<void> {
  await q.query(`UPDATE groupes_messages SET hidden_at = $3, hidden_reason = $2 WHERE id = $1`, [id, reason, at]);
}

/** Every message of the author in the room since `since`, hidden; returns their numbers. */
export async function hideRecentOf(q: Queryable, roomId: string, authorId: string, since: Date, reason: string, at: Date): Promise<number[]> {
  const { rows } = await q.query<{ seq: number }>(
    `UPDATE groupes_messages SET hidden_at = $5, hidden_reason = $4
      WHERE room_id = $1 AND author_id = $2 AND created_at >= $3 AND hidden_at IS NULL AND deleted_at IS NULL RETURNING seq`,
    [roomId, authorId, since, reason, at],
  );
  return rows.map((r) => r.seq).sort((a, b) => a - b);
}

/** The author deletes its message: the text is gone, the number stays (a gap nobody waits for). */
export async function deleteMessageText(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query(`UPDATE groupes_messages SET body = '', normalised = '', deleted_at = $2 WHERE id = $1`, [id, at]);
}

/** Retention: messages older than the cutoff are deleted (their reports and alerts with them). */
export async function deleteMessagesBefore(q: Queryable, cutoff: Date): Promise<number> {
  const { rowCount } = await q.query(`DELETE FROM groupes_messages WHERE created_at < $1`, [cutoff]);
  return rowCount ?? 0;
}

/** An erased account: its messages and memberships go. */
export async function deleteUserContent(q: Queryable, userId: string): Promise<number> {
  const { rowCount } = await q.query(`DELETE FROM groupes_messages WHERE author_id = $1`, [userId]);
  await q.query(`DELETE FROM groupes_members WHERE user_id = $1`, [userId]);
  await q.query(`DELETE FROM groupes_blocks WHERE blocker_id = $1 OR blocked_id = $1`, [userId]);
  await q.query(`DELETE FROM groupes_registrations WHERE user_id = $1`, [userId]);
  return rowCount ?? 0;
}

/** The rows of one person, for its export. */
export async function userContent(q: Queryable, userId: string) {
  const messages = (
    await q.query(
      `SELECT room_id, seq, pseudonym, kind, body, created_at, hidden_at, hidden_reason, deleted_at FROM groupes_messages WHERE author_id = $1 ORDER BY created_at`,
      [userId],
    )
  ).rows;
  const memberships = (
    await q.query(`SELECT room_id, pseudonym, role, joined_at, muted_until, left_at, removed_at FROM groupes_members WHERE user_id = $1`, [userId])
  ).rows;
  // What it did that others do not see: sessions it registered to, messages it reported (its reason), people it blocked (not who).
  const registrations = (await q.query(`SELECT session_id, created_at FROM groupes_registrations WHERE user_id = $1 ORDER BY created_at`, [userId])).rows;
  const reports = (
    await q.query(`SELECT room_id, reason, created_at, resolved_at, resolution FROM groupes_reports WHERE reporter_id = $1 ORDER BY created_at`, [userId])
  ).rows;
  const blocks = (await q.query(`SELECT created_at FROM groupes_blocks WHERE blocker_id = $1 ORDER BY created_at`, [userId])).rows;
  return { groupes_messages: messages, groupes_members: memberships, groupes_registrations: registrations, groupes_reports: reports, groupes_blocks: blocks };
}

/** Both ways: the ids this user blocked and those who blocked it. */
export async function blockedBothWays(q: Queryable, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT blocked_id AS id FROM groupes_blocks WHERE blocker_id = $1 UNION SELECT blocker_id FROM groupes_blocks WHERE blocked_id = $1`,
    [userId],
  );
  return rows.map((r) => r.id);
}

export async function insertBlock(q: Queryable, blocker: string, blocked: string, at: Date): Promise<void> {
  await q.query(`INSERT INTO groupes_blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [blocker, blocked, at]);
}

export async function deleteBlock(q: Queryable, blocker: string, blocked: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM groupes_blocks WHERE blocker_id = $1 AND blocked_id = $2`, [blocker, blocked]);
  return (rowCount ?? 0) > 0;
}

/** Whom this user blocked, with the latest pseudonym they share a room under. */
export async function listBlocks(q: Queryable, blocker: string) {
  const { rows } = await q.query<{ userId: string; pseudonym: string | null }>(
    `SELECT b.blocked_id AS "userId",
            (SELECT m.pseudonym FROM groupes_members m WHERE m.user_id = b.blocked_id
               AND m.room_id IN (SELECT room_id FROM groupes_members WHERE user_id = $1) ORDER BY m.joined_at DESC LIMIT 1) AS pseudonym
       FROM groupes_blocks b WHERE b.blocker_id = $1 ORDER BY b.created_at`,
    [blocker],
  );
  return rows;
}

/** A demo account's id by its e-mail (platform users table), for the demo seed. */
export async function demoUserId(q: Queryable, email: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(`SELECT id FROM users WHERE lower(email) = lower($1) AND is_demo`, [email]);
  return rows[0]?.id ?? null;
}
