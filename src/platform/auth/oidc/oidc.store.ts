/** SQL of sign-in through a provider: sign-ins under way, identities, access requests. */
import type { SessionUser } from '../../context';
import type { Queryable } from '../../db/pool';
import type { Role } from '../../roles';
import { hashToken, USER_COLUMNS } from '../sessions';
import type { ProviderName } from './providers';

export interface PendingLogin {
  state: string;
  browserHash: Buffer;
  provider: ProviderName;
  purpose: 'login' | 'link';
  userId: string | null;
  nonce: string;
  codeVerifier: string;
  returnTo: string | null;
}

export async function insertPendingLogin(q: Queryable, p: PendingLogin & { now: Date; expiresAt: Date }): Promise<void> {
  await q.query(
    `INSERT INTO oidc_logins (state, browser_hash, provider, purpose, user_id, nonce, code_verifier, return_to, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [p.state, p.browserHash, p.provider, p.purpose, p.userId, p.nonce, p.codeVerifier, p.returnTo, p.now, p.expiresAt],
  );
  // Old rows go as new ones come (a sign-in under way lives minutes).
  await q.query(`DELETE FROM oidc_logins WHERE expires_at < $1::timestamptz - interval '1 day'`, [p.now]);
}

/**
 * Takes the sign-in under way for this state, if it is this browser's, unexpired and unused,
 * and marks it used in the same statement: a second callback with it finds nothing.
 */
export async function consumePendingLogin(q: Queryable, state: string, browserToken: string, provider: ProviderName, now: Date): Promise<PendingLogin | null> {
  const { rows } = await q.query<PendingLogin>(
    `UPDATE oidc_logins SET used_at = $4
      WHERE state = $1 AND browser_hash = $2 AND provider = $3 AND used_at IS NULL AND expires_at > $4
      RETURNING state, browser_hash AS "browserHash", provider, purpose, user_id AS "userId", nonce,
                code_verifier AS "codeVerifier", return_to AS "returnTo"`,
    [state, hashToken(browserToken), provider, now],
  );
  return rows[0] ?? null;
}

export type IdentityUser = SessionUser & { disabled: boolean; hasPassword: boolean };

const IDENTITY_USER = `${USER_COLUMNS}, u.disabled_at IS NOT NULL AS disabled, u.password_hash IS NOT NULL AS "hasPassword"`;

export async function userOfIdentity(q: Queryable, provider: ProviderName, subject: string): Promise<IdentityUser | null> {
  const { rows } = await q.query<IdentityUser>(
    `SELECT ${IDENTITY_USER} FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.provider = $1 AND i.subject = $2`,
    [provider, subject],
  );
  return rows[0] ?? null;
}

export async function userByEmail(q: Queryable, email: string): Promise<IdentityUser | null> {
  const { rows } = await q.query<IdentityUser>(`SELECT ${IDENTITY_USER} FROM users u WHERE lower(u.email) = lower($1)`, [email]);
  return rows[0] ?? null;
}

export async function userById(q: Queryable, id: string): Promise<IdentityUser | null> {
  const { rows } = await q.query<IdentityUser>(`SELECT ${IDENTITY_USER} FROM users u WHERE u.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Links; the table's keys decide races (subject taken, account already linked). */
export async function insertIdentity(q: Queryable, provider: ProviderName, subject: string, userId: string, now: Date): Promise<void> {
  await q.query(`INSERT INTO user_identities (provider, subject, user_id, linked_at, last_login_at) VALUES ($1, $2, $3, $4, $4)`, [
    provider,
    subject,
    userId,
    now,
  ]);
}

export async function touchIdentity(q: Queryable, provider: ProviderName, subject: string, now: Date): Promise<void> {
  await q.query(`UPDATE user_identities SET last_login_at = $3 WHERE provider = $1 AND subject = $2`, [provider, subject, now]);
}

export async function deleteIdentity(q: Queryable, provider: ProviderName, userId: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM user_identities WHERE provider = $1 AND user_id = $2`, [provider, userId]);
  return (rowCount ?? 0) > 0;
}

export async function identitiesOf(q: Queryable, userId: string): Promise<{ provider: ProviderName; linkedAt: Date }[]> {
  const { rows } = await q.query(`SELECT provider, linked_at AS "linkedAt" FROM user_identities WHERE user_id = $1 ORDER BY provider`, [userId]);
  return rows;
}

export async function insertParent(q: Queryable, u: { email: string; displayName: string }): Promise<SessionUser> {
  const { rows } = await q.query<SessionUser>(
    `INSERT INTO users AS u (email, role, display_name) VALUES ($1, 'parent', $2) ON CONFLICT DO NOTHING RETURNING ${USER_COLUMNS}`,
    [u.email, u.displayName],
  );
  return rows[0];
}

/** Keeps the provider's id_token with the session, for its logout. */
export async function markSession(q: Queryable, token: string, provider: ProviderName, idToken: string): Promise<void> {
  await q.query(`UPDATE sessions SET oidc_provider = $2, oidc_id_token = $3 WHERE token_hash = $1`, [hashToken(token), provider, idToken]);
}

export async function sessionProvider(q: Queryable, token: string): Promise<{ provider: ProviderName; idToken: string } | null> {
  const { rows } = await q.query<{ provider: ProviderName; idToken: string }>(
    `SELECT oidc_provider AS provider, oidc_id_token AS "idToken" FROM sessions WHERE token_hash = $1 AND oidc_provider IS NOT NULL`,
    [hashToken(token)],
  );
  return rows[0] ?? null;
}

// ---- access requests (ProConnect) ----

export interface AccessRequest {
  id: string;
  email: string;
  givenName: string | null;
  usualName: string | null;
  siret: string | null;
  suggestedRole: Role;
  status: 'pending' | 'approved' | 'refused';
  requestedAt: Date;
  decidedAt: Date | null;
}

const REQUEST_COLUMNS = `id, email, given_name AS "givenName", usual_name AS "usualName", siret, suggested_role AS "suggestedRole",
  status, requested_at AS "requestedAt", decided_at AS "decidedAt"`;

/** The identity's open request, created if there is none (the partial unique index decides races). */
export async function openAccessRequest(
  q: Queryable,
  r: { subject: string; email: string; givenName: string | null; usualName: string | null; siret: string | null; suggestedRole: Role; now: Date },
): Promise<{ request: AccessRequest; created: boolean }> {
  const { rows } = await q.query<AccessRequest>(
    `INSERT INTO oidc_access_requests (provider, subject, email, given_name, usual_name, siret, suggested_role, requested_at)
     VALUES ('proconnect', $1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (provider, subject) WHERE status = 'pending' DO NOTHING RETURNING ${REQUEST_COLUMNS}`,
    [r.subject, r.email, r.givenName, r.usualName, r.siret, r.suggestedRole, r.now],
  );
  if (rows[0]) return { request: rows[0], created: true };
  const existing = await q.query<AccessRequest>(
    `SELECT ${REQUEST_COLUMNS} FROM oidc_access_requests WHERE provider = 'proconnect' AND subject = $1 AND status = 'pending'`,
    [r.subject],
  );
  return { request: existing.rows[0], created: false };
}

export async function lastDecision(q: Queryable, subject: string): Promise<'refused' | null> {
  const { rows } = await q.query<{ status: string }>(
    `SELECT status FROM oidc_access_requests WHERE provider = 'proconnect' AND subject = $1 AND status = 'refused' ORDER BY decided_at DESC LIMIT 1`,
    [subject],
  );
  return rows[0] ? 'refused' : null;
}

export async function listAccessRequests(q: Queryable, status: AccessRequest['status'] | null): Promise<AccessRequest[]> {
  const { rows } = await q.query<AccessRequest>(
    `SELECT ${REQUEST_COLUMNS} FROM oidc_access_requests WHERE ($1::text IS NULL OR status = $1) ORDER BY requested_at DESC LIMIT 200`,
    [status],
  );
  return rows;
}

export async function lockPendingRequest(q: Queryable, id: string): Promise<(AccessRequest & { subject: string }) | null> {
  const { rows } = await q.query<AccessRequest & { subject: string }>(
    `SELECT ${REQUEST_COLUMNS}, subject FROM oidc_access_requests WHERE id = $1 AND status = 'pending' FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function decideRequest(
  q: Queryable,
  id: string,
  d: { status: 'approved' | 'refused'; by: string; userId: string | null; now: Date },
): Promise<void> {
  await q.query(`UPDATE oidc_access_requests SET status = $2, decided_by = $3, user_id = $4, decided_at = $5 WHERE id = $1`, [
    id,
    d.status,
    d.by,
    d.userId,
    d.now,
  ]);
}
