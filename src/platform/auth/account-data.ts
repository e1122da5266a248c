/**
 * What the platform stores about one person's account, for the family's rights
 * (src/modules/dossiers/rights.service.ts): every row for the export, and the erasure
 * of all of it. The account row itself stays (other tables point to it), anonymised.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/pool';
import { parseIdentifier } from './identifiers';

/** Every way the person is named in platform tables: the account's e-mail and phone, and any the caller knows. */
async function identifiersOf(q: Queryable, userId: string, contacts: (string | null | undefined)[]): Promise<string[]> {
  const { rows } = await q.query<{ email: string | null; phone: string | null }>(`SELECT email, phone FROM users WHERE id = $1`, [userId]);
  const raw = [...contacts, rows[0]?.email, rows[0]?.phone].filter((x): x is string => !!x);
  const all = new Set<string>();
  for (const r of raw) {
    all.add(r);
    all.add(r.toLowerCase());
    const id = parseIdentifier(r);
    if (id) all.add(id.value);
  }
  return [...all];
}

const NOT_EXPORTED = '(enregistré, non exporté)';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest();

/**
 * Every platform row about the person, by table: the account (without its password
 * hash), sessions, password resets, login failures and rate-limit events on their
 * identifiers, messages sent to them, the answers kept for a form sent again
 * (idempotency keys), the FranceConnect/ProConnect identities linked to the account and
 * the sign-ins under way that link one, and the audit entries where they act or are the
 * subject. Hashes of secrets are given as they are stored (hex), never the secrets
 * (a sign-in's nonce and PKCE verifier are not exported).
 */
export async function accountRows(
  q: Queryable,
  userId: string,
  contacts: (string | null | undefined)[] = [],
): Promise<Record<string, Record<string, unknown>[]>> {
  const idents = await identifiersOf(q, userId, contacts);
  const users = (await q.query(`SELECT * FROM users WHERE id = $1`, [userId])).rows.map((u) => ({
    ...u,
    password_hash: u.password_hash ? NOT_EXPORTED : null,
  }));
  return {
    users,
    sessions: (await q.query(`SELECT * FROM sessions WHERE user_id = $1 ORDER BY created_at`, [userId])).rows,
    password_resets: (await q.query(`SELECT * FROM password_resets WHERE user_id = $1 ORDER BY expires_at`, [userId])).rows,
    login_failures: (await q.query(`SELECT * FROM login_failures WHERE identifier = ANY($1) ORDER BY id`, [idents])).rows,
    throttle_events: (await q.query(`SELECT * FROM throttle_events WHERE key = ANY($1) ORDER BY id`, [idents.map(sha256)])).rows,
    notifications: (await q.query(`SELECT * FROM notifications WHERE user_id = $1 OR recipient = ANY($2) ORDER BY created_at, id`, [userId, idents])).rows,
    idempotency_keys: (await q.query(`SELECT * FROM idempotency_keys WHERE user_id = $1 ORDER BY created_at, key`, [userId])).rows,
    user_identities: (await q.query(`SELECT * FROM user_identities WHERE user_id = $1 ORDER BY provider`, [userId])).rows,
    oidc_logins: (await q.query(`SELECT * FROM oidc_logins WHERE user_id = $1 ORDER BY created_at`, [userId])).rows.map((l) => ({
      ...l,
      nonce: NOT_EXPORTED,
      code_verifier: NOT_EXPORTED,
    })),
    audit_log: (await q.query(`SELECT * FROM audit_log WHERE actor_id = $1 OR subject_id = $2 ORDER BY id`, [userId, userId])).rows,
  };
}

/**
 * Lock the account's row until the caller's transaction ends: an erasure holds it while it
 * decides between the household's path and the account's, so a file created meanwhile
 * (its member row references the account) waits for the erasure instead of racing it.
 */
export async function lockAccount(t: Queryable, userId: string): Promise<boolean> {
  const { rowCount } = await t.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  return (rowCount ?? 0) > 0;
}

/**
 * Close and anonymise the account: no name, e-mail, phone or password left, no session,
 * reset link, login failure, rate-limit event, message, kept form answer, linked
 * FranceConnect/ProConnect identity or sign-in under way about it. Returns the ids of
 * the deleted messages, whose files the caller removes once committed
 * (removeOutboxFiles in src/platform/notify/outbox.ts).
 */
export async function anonymiseAccount(
  t: Queryable,
  userId: string,
  contacts: (string | null | undefined)[],
  now: Date,
): Promise<{ notificationIds: string[] }> {
  const idents = await identifiersOf(t, userId, contacts);
  await t.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
  await t.query(`DELETE FROM password_resets WHERE user_id = $1`, [userId]);
  await t.query(`DELETE FROM idempotency_keys WHERE user_id = $1`, [userId]);
  await t.query(`DELETE FROM user_identities WHERE user_id = $1`, [userId]);
  await t.query(`DELETE FROM oidc_logins WHERE user_id = $1`, [userId]);
  const { rows } = await t.query<{ id: string }>(`DELETE FROM notifications WHERE user_id = $1 OR recipient = ANY($2) RETURNING id`, [userId, idents]);
  await t.query(`DELETE FROM login_failures WHERE identifier = ANY($1)`, [idents]);
  await t.query(`DELETE FROM throttle_events WHERE key = ANY($1)`, [idents.map(sha256)]);
  await t.query(
    `UPDATE users SET display_name = 'Compte effacé', email = $2, phone = NULL, password_hash = NULL, disabled_at = $3, updated_at = $3 WHERE id = $1`,
    [userId, `efface-${crypto.randomBytes(8).toString('hex')}@invalid.relais`, now],
  );
  return { notificationIds: rows.map((r) => r.id) };
}
