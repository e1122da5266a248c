/**
 * CSRF tokens (docs/decisions/0003-sessions-csrf.md). A page echoes the `relais_csrf`
 * cookie in `x-csrf-token` on every change. What the header must match:
 * - with a session: the token issued with that session (only its hash is stored in
 *   `sessions.csrf_hash`); a cookie and header an attacker chose himself never match it;
 * - without one (sign-up, login, reset): a pre-session token signed with a secret kept in
 *   the database (HMAC), so it must have been issued by us, and equal to the cookie.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/pool';
import { hashToken, randomToken } from './sessions';

const SECRET_KEY = 'csrf-secret';
const secrets = new WeakMap<object, Promise<Buffer>>();

/** The signing secret, created once per database (shared by every process). */
function secret(db: Queryable): Promise<Buffer> {
  let s = secrets.get(db);
  if (!s) {
    s = (async () => {
      await db.query(`INSERT INTO platform_state (key, value) VALUES ($1, to_jsonb(encode(gen_random_bytes(32), 'hex'))) ON CONFLICT (key) DO NOTHING`, [
        SECRET_KEY,
      ]);
      const { rows } = await db.query<{ v: string }>(`SELECT value #>> '{}' AS v FROM platform_state WHERE key = $1`, [SECRET_KEY]);
      return Buffer.from(rows[0].v, 'hex');
    })();
    s.catch(() => secrets.delete(db));
    secrets.set(db, s);
  }
  return s;
}

const sign = (key: Buffer, nonce: string) => crypto.createHmac('sha256', key).update(`pre-session:${nonce}`).digest('base64url');

/** A token for a visitor without a session. */
export async function issuePreSessionToken(db: Queryable): Promise<string> {
  const nonce = randomToken(18);
  return `${nonce}.${sign(await secret(db), nonce)}`;
}

function equal(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export async function validPreSessionToken(db: Queryable, token: string): Promise<boolean> {
  const [nonce, mac, ...rest] = token.split('.');
  if (!nonce || !mac || rest.length) return false;
  return equal(Buffer.from(sign(await secret(db), nonce)), Buffer.from(mac));
}

/** Does `header` prove the request comes from our pages? */
export async function checkCsrf(
  db: Queryable,
  input: { header: string | undefined; cookie: string | undefined; sessionCsrfHash: Buffer | null },
): Promise<boolean> {
  const { header, cookie, sessionCsrfHash } = input;
  if (typeof header !== 'string' || !header) return false;
  if (sessionCsrfHash) return equal(hashToken(header), sessionCsrfHash);
  if (!cookie || !equal(Buffer.from(header), Buffer.from(cookie))) return false;
  return validPreSessionToken(db, header);
}

/** Does the cookie hold this session's token? (if not, a page load re-issues one) */
export function matchesSession(cookie: string | undefined, sessionCsrfHash: Buffer): boolean {
  return !!cookie && equal(hashToken(cookie), sessionCsrfHash);
}
