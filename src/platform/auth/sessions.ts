/**
 * Sessions in PostgreSQL: the cookie carries a random token, the table only its hash.
 * Any process can read any session, so servers are stateless.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/pool';
import type { SessionUser } from '../context';

export const SESSION_COOKIE = 'relais_session';
export const CSRF_COOKIE = 'relais_csrf';
export const SESSION_DAYS = 14;

export const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest();

export async function createSession(q: Queryable, userId: string, now: Date): Promise<{ token: string; csrf: string; expiresAt: Date }> {
  const token = randomToken();
  const csrf = randomToken(18);
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await q.query(`INSERT INTO sessions (token_hash, user_id, csrf_hash, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)`, [
    hashToken(token),
    userId,
    hashToken(csrf),
    now,
    expiresAt,
  ]);
  return { token, csrf, expiresAt };
}

export const USER_COLUMNS = `u.id, u.role, u.display_name AS "displayName", u.email, u.phone, u.structure_id AS "structureId",
  u.locale, u.easy_read AS "easyRead", u.is_demo AS "isDemo"`;

/** The session's user and the hash of its CSRF token (see csrf.ts). */
export async function loadSession(q: Queryable, token: string, now: Date): Promise<{ user: SessionUser; csrfHash: Buffer } | null> {
  const { rows } = await q.query({
    // Every request reads it: prepared once per connection (parsed and planned once).
    name: 'platform.load-session',
    text: `SELECT ${USER_COLUMNS}, s.csrf_hash AS "csrfHash", s.last_seen_at AS "lastSeen"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    values: [hashToken(token), now],
  });
  const row = rows[0];
  if (!row) return null;
  // Touch at most every 5 minutes: a read-mostly hot path stays read-only.
  if (now.getTime() - new Date(row.lastSeen).getTime() > 5 * 60_000) {
    await q.query(`UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1`, [hashToken(token), now]);
  }
  const { csrfHash, lastSeen: _l, ...user } = row;
  return { user, csrfHash };
}

/** A new CSRF token for a live session (its page lost or was handed another cookie). */
export async function renewSessionCsrf(q: Queryable, token: string): Promise<string> {
  const csrf = randomToken(18);
  await q.query(`UPDATE sessions SET csrf_hash = $2 WHERE token_hash = $1`, [hashToken(token), hashToken(csrf)]);
  return csrf;
}

export async function destroySession(q: Queryable, token: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

export async function destroyUserSessions(q: Queryable, userId: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}
