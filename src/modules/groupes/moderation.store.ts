/** SQL of reports, alerts, the word list, settings and live sessions. */
import type { Queryable } from '../../platform/db/pool';
import type { WordRule } from './vigilance';

export async function insertReport(q: Queryable, r: { messageId: string; roomId: string; reporterId: string; reason: string; now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO groupes_reports (message_id, room_id, reporter_id, reason, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.messageId, r.roomId, r.reporterId, r.reason, r.now],
  );
  return rows[0]!.id;
}

/** Open reports of the rooms this user moderates (all rooms for coordination). Never the reporter. */
export async function openReports(q: Queryable, userId: string, allRooms: boolean) {
  const { rows } = await q.query<{ id: string; roomId: string; roomName: string; reason: string; createdAt: Date; seq: number; authorId: string | null }>(
    `SELECT p.id, p.room_id AS "roomId", r.name AS "roomName", p.reason, p.created_at AS "createdAt", g.seq, g.author_id AS "authorId"
       FROM groupes_reports p JOIN groupes_rooms r ON r.id = p.room_id JOIN groupes_messages g ON g.id = p.message_id
      WHERE p.resolved_at IS NULL
        AND ($2 OR EXISTS (SELECT 1 FROM groupes_members f WHERE f.room_id = p.room_id AND f.user_id = $1 AND f.role = 'facilitator' AND f.removed_at IS NULL AND f.left_at IS NULL))
      ORDER BY p.created_at LIMIT 200`,
    [userId, allRooms],
  );
  return rows;
}

export async function getReport(q: Queryable, id: string) {
  const { rows } = await q.query<{ id: string; roomId: string; messageId: string; seq: number; resolvedAt: Date | null }>(
    `SELECT p.id, p.room_id AS "roomId", p.message_id AS "messageId", g.seq, p.resolved_at AS "resolvedAt"
       FROM groupes_reports p JOIN groupes_messages g ON g.id = p.message_id WHERE p.id = $1 FOR UPDATE OF p`,
    [id],
  );
  return rows[0] ?? null;
}

export async function resolveReportsOf(q: Queryable, messageId: string, by: string | null, resolution: 'hidden' | 'dismissed', at: Date): Promise<number> {
  const { rowCount } = await q.query(
    `UPDATE groupes_reports SET resolved_at = $4, resolved_by = $2, resolution = $3 WHERE message_id = $1 AND resolved_at IS NULL`,
    [messageId, by, resolution, at],
  );
  return rowCount ?? 0;
}

export async function insertAlert(q: Queryable, a: { roomId: string; messageId: string; categories: string[]; now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO groupes_alerts (room_id, message_id, categories, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [a.roomId, a.messageId, a.categories, a.now],
  );
  return rows[0]!.id;
}

export async function openAlerts(q: Queryable, userId: string, allRooms: boolean) {
  const { rows } = await q.query<{
    id: string;
    roomId: string;
    roomName: string;
    categories: string[];
    createdAt: Date;
    seq: number | null;
    pseudonym: string | null;
  }>(
    `SELECT a.id, a.room_id AS "roomId", r.name AS "roomName", a.categories, a.created_at AS "createdAt", g.seq, g.pseudonym
       FROM groupes_alerts a JOIN groupes_rooms r ON r.id = a.room_id LEFT JOIN groupes_messages g ON g.id = a.message_id
      WHERE a.acknowledged_at IS NULL
        AND ($2 OR EXISTS (SELECT 1 FROM groupes_members f WHERE f.room_id = a.room_id AND f.user_id = $1 AND f.role = 'facilitator' AND f.removed_at IS NULL AND f.left_at IS NULL))
      ORDER BY a.created_at LIMIT 200`,
    [userId, allRooms],
  );
  return rows;
}

export async function acknowledgeAlert(q: Queryable, id: string, by: string, at: Date): Promise<{ roomId: string } | null> {
  const { rows } = await q.query<{ roomId: string }>(
    `UPDATE groupes_alerts SET acknowledged_at = $3, acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL RETURNING room_id AS "roomId"`,
    [id, by, at],
  );
  return rows[0] ?? null;
}

export async function alertRoom(q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query<{ roomId: string }>(`SELECT room_id AS "roomId" FROM groupes_alerts WHERE id = $1`, [id]);
  return rows[0]?.roomId ?? null;
}

// ------------------------------------------------------------------ word list
export interface WordRow {
  id: string;
  kind: 'term' | 'whitelist';
  category: string | null;
  pattern: string;
}

export async function listWords(q: Queryable): Promise<WordRow[]> {
  const { rows } = await q.query<WordRow>(`SELECT id, kind, category, pattern FROM groupes_words ORDER BY kind, category NULLS LAST, pattern`);
  return rows;
}

/** Fills the list from the rules file once per database (the settings row, locked, says whether it was). */
export async function seedWordsOnce(q: Queryable, rules: readonly WordRule[], now: Date): Promise<void> {
  await q.query(`INSERT INTO groupes_settings (id) VALUES (true) ON CONFLICT (id) DO NOTHING`);
  const { rows } = await q.query<{ seeded: boolean }>(`SELECT words_seeded AS seeded FROM groupes_settings FOR UPDATE`);
  if (rows[0]?.seeded) return;
  for (const r of rules) {
    await q.query(`INSERT INTO groupes_words (kind, category, pattern, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (kind, pattern) DO NOTHING`, [
      r.kind,
      r.kind === 'term' ? (r.category ?? null) : null,
      r.pattern,
      now,
    ]);
  }
  await q.query(`UPDATE groupes_settings SET words_seeded = true`);
}

export async function wordsSeeded(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ seeded: boolean }>(`SELECT words_seeded AS seeded FROM groupes_settings`);
  return rows[0]?.seeded ?? false;
}

export async function insertWord(q: Queryable, w: { kind: string; category: string | null; pattern: string; by: string; now: Date }): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO groupes_words (kind, category, pattern, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [w.kind, w.category, w.pattern, w.by, w.now],
  );
  return rows[0]!.id;
}

export async function deleteWord(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM groupes_words WHERE id = $1`, [id]);
  return (rowCount ?? 0) > 0;
}

// ------------------------------------------------------------------ settings
export async function retentionDays(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ days: number }>(`SELECT retention_days AS days FROM groupes_settings`);
  return rows[0]?.days ?? 365;
}

export async function setRetentionDays(q: Queryable, days: number, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO groupes_settings (id, retention_days, updated_at) VALUES (true, $1, $2)
     ON CONFLICT (id) DO UPDATE SET retention_days = EXCLUDED.retention_days, updated_at = EXCLUDED.updated_at`,
    [days, now],
  );
}

// ------------------------------------------------------------------ live sessions
export interface SessionRow {
  id: string;
  roomId: string;
  roomName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'closed';
  summarySeq: number | null;
  registrations: number;
  registered: boolean;
}

export async function insertSession(
  q: Queryable,
  s: { roomId: string; title: string; startsAt: Date; endsAt: Date; facilitatorId: string; now: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO groupes_sessions (room_id, title, starts_at, ends_at, facilitator_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [s.roomId, s.title, s.startsAt, s.endsAt, s.facilitatorId, s.now],
  );
  return rows[0]!.id;
}

export async function listSessions(q: Queryable, viewerId: string, opts: { roomId?: string; from?: Date }): Promise<SessionRow[]> {
  const { rows } = await q.query<SessionRow>(
    `SELECT s.id, s.room_id AS "roomId", r.name AS "roomName", s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.status,
            s.summary_seq AS "summarySeq",
            (SELECT count(*)::int FROM groupes_registrations x WHERE x.session_id = s.id) AS registrations,
            EXISTS (SELECT 1 FROM groupes_registrations x WHERE x.session_id = s.id AND x.user_id = $1) AS registered
       FROM groupes_sessions s JOIN groupes_rooms r ON r.id = s.room_id
      WHERE ($2::uuid IS NULL OR s.room_id = $2) AND ($3::timestamptz IS NULL OR s.ends_at >= $3 OR s.summary_seq IS NOT NULL)
      ORDER BY s.starts_at LIMIT 100`,
    [viewerId, opts.roomId ?? null, opts.from ?? null],
  );
  return rows;
}

export async function getSession(q: Queryable, id: string, opts: { lock?: boolean } = {}) {
  const { rows } = await q.query<{ id: string; roomId: string; title: string; startsAt: Date; status: 'scheduled' | 'closed' }>(
    `SELECT id, room_id AS "roomId", title, starts_at AS "startsAt", status FROM groupes_sessions WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function register(q: Queryable, sessionId: string, userId: string, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(`INSERT INTO groupes_registrations (session_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    sessionId,
    userId,
    now,
  ]);
  return (rowCount ?? 0) > 0;
}

export async function unregister(q: Queryable, sessionId: string, userId: string): Promise<void> {
  await q.query(`DELETE FROM groupes_registrations WHERE session_id = $1 AND user_id = $2`, [sessionId, userId]);
}

export async function closeSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(`UPDATE groupes_sessions SET status = 'closed', closed_at = $2 WHERE id = $1`, [id, now]);
}

export async function setSummarySeq(q: Queryable, id: string, seq: number): Promise<void> {
  await q.query(`UPDATE groupes_sessions SET summary_seq = $2 WHERE id = $1`, [id, seq]);
}

/** Who to remind of a session: registered, still a member, with the session still scheduled. */
export async function registrantsToRemind(q: Queryable, sessionId: string) {
  const { rows } = await q.query<{ userId: string; title: string; startsAt: Date; roomName: string }>(
    `SELECT x.user_id AS "userId", s.title, s.starts_at AS "startsAt", r.name AS "roomName"
       FROM groupes_registrations x JOIN groupes_sessions s ON s.id = x.session_id JOIN groupes_rooms r ON r.id = s.room_id
       JOIN groupes_members m ON m.room_id = s.room_id AND m.user_id = x.user_id AND m.removed_at IS NULL AND m.left_at IS NULL
      WHERE x.session_id = $1 AND s.status = 'scheduled'`,
    [sessionId],
  );
  return rows;
}

/** Where to send a reminder: the account's e-mail, else its phone (platform users table). */
export async function contactOf(q: Queryable, userId: string): Promise<{ channel: 'email' | 'sms'; recipient: string } | null> {
  const { rows } = await q.query<{ email: string | null; phone: string | null }>(`SELECT email, phone FROM users WHERE id = $1 AND disabled_at IS NULL`, [
    userId,
  ]);
  const u = rows[0];
  if (u?.email) return { channel: 'email', recipient: u.email };
  if (u?.phone) return { channel: 'sms', recipient: u.phone };
  return null;
}
