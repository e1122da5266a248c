/**
 * Accounts: parent sign-up, password login with throttling, logout, password reset
 * through the notification outbox, account settings, staff account creation.
 */
import { AppError } from '../errors';
import { audit } from '../audit';
import type { Ctx, SessionUser } from '../context';
import { tx, type Queryable } from '../db/pool';
import { queueLocalized } from '../notify/localized';
import { requireRole, requireUser, type Role } from '../roles';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import { parseIdentifier, type Identifier } from './identifiers';
import { createSession, destroySession, destroyUserSessions, hashToken, randomToken, USER_COLUMNS } from './sessions';
import { throttle } from '../throttle';
import { assertStructureExists } from '../structures';

/*
 * Login throttling (OWASP Authentication Cheat Sheet, "account lockout"): nobody can
 * lock someone else out. Failures are counted per (identifier, address): after
 * PAIR_MAX_FAILURES that address is refused for that identifier only; after
 * ADDRESS_MAX_FAILURES an address is refused for every identifier. Failures on one
 * identifier from all addresses only slow its logins down (a bounded delay): the right
 * password from an address that has not failed is never refused.
 */
const PAIR_MAX_FAILURES = 5;
const ADDRESS_MAX_FAILURES = 30;
const SLOW_AFTER_FAILURES = 10;
const THROTTLE_WINDOW = '15 minutes';

/** The delay before checking a password, once an identifier collects failures from everywhere. */
export const loginSlowdown = {
  baseMs: 250,
  maxMs: 2000,
  /** Replaced in tests, which record the delays instead of waiting. */
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export function loginDelayMs(failuresOnIdentifier: number): number {
  if (failuresOnIdentifier < SLOW_AFTER_FAILURES) return 0;
  const steps = Math.min(failuresOnIdentifier - SLOW_AFTER_FAILURES, 10);
  return Math.min(loginSlowdown.baseMs * 2 ** steps, loginSlowdown.maxMs);
}
const RESET_TTL_MS = 60 * 60_000;

function identifierOrError(raw: string, field = 'identifier'): Identifier {
  const id = parseIdentifier(raw);
  if (!id) {
    throw new AppError('http/invalid-input', {
      fields: [{ path: field, message: 'Indiquez une adresse e-mail ou un numéro de téléphone valable.' }],
    });
  }
  return id;
}

function checkPassword(password: string, field = 'password') {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('auth/weak-password', { fields: [{ path: field, message: `Au moins ${MIN_PASSWORD_LENGTH} caractères.` }] });
  }
}

async function findByIdentifier(q: Queryable, id: Identifier) {
  const col = id.kind === 'email' ? 'lower(u.email)' : 'u.phone';
  const { rows } = await q.query(`SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE ${col} = $1 AND u.disabled_at IS NULL`, [
    id.value,
  ]);
  return rows[0] as (SessionUser & { passwordHash: string | null }) | undefined;
}

export interface NewUser {
  identifier: string;
  password?: string;
  displayName: string;
  role: Role;
  structureId?: string | null;
  isDemo?: boolean;
}

/** Insert a user; the unique index on the identifier decides races, not a prior check. */
export async function insertUser(q: Queryable, u: NewUser): Promise<SessionUser> {
  const id = identifierOrError(u.identifier);
  if (u.password !== undefined) checkPassword(u.password);
  const hash = u.password ? await hashPassword(u.password) : null;
  try {
    const { rows } = await q.query(
      `INSERT INTO users AS u (email, phone, password_hash, role, display_name, structure_id, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${USER_COLUMNS}`,
      [
        id.kind === 'email' ? id.value : null,
        id.kind === 'phone' ? id.value : null,
        hash,
        u.role,
        u.displayName.trim(),
        u.structureId ?? null,
        u.isDemo ?? false,
      ],
    );
    return rows[0];
  } catch (err) {
    const c = (err as { constraint?: string }).constraint;
    if (c === 'users_email_key' || c === 'users_phone_key') {
      throw new AppError('auth/account-exists', { fields: [{ path: 'identifier', message: 'Un compte existe déjà avec cet identifiant.' }] });
    }
    if (c === 'users_partner_structure') {
      throw new AppError('http/invalid-input', { fields: [{ path: 'structureId', message: 'Un compte partenaire doit être rattaché à une structure.' }] });
    }
    throw err;
  }
}

/**
 * Parent sign-up. The answer is the same whether or not the identifier already has an
 * account (no enumeration): a new identifier gets its account, a taken one creates
 * nothing and its owner is told by e-mail or SMS. No session either way: the page then
 * logs in with the password just chosen. The password is hashed in both cases (same time).
 */
export async function signup(ctx: Ctx, input: { identifier: string; password: string; displayName: string }): Promise<void> {
  const id = identifierOrError(input.identifier);
  checkPassword(input.password);
  const hash = await hashPassword(input.password);
  await tx(ctx.db, async (t) => {
    // ON CONFLICT without a target covers both unique indexes (e-mail, phone).
    const { rows } = await t.query<SessionUser>(
      `INSERT INTO users AS u (email, phone, password_hash, role, display_name)
       VALUES ($1, $2, $3, 'parent', $4) ON CONFLICT DO NOTHING RETURNING ${USER_COLUMNS}`,
      [id.kind === 'email' ? id.value : null, id.kind === 'phone' ? id.value : null, hash, input.displayName.trim()],
    );
    const user = rows[0];
    if (user) {
      await audit(t, { ...ctx, user }, 'auth/signup', { subjectType: 'user', subjectId: user.id });
      return;
    }
    const col = id.kind === 'email' ? 'lower(email)' : 'phone';
    const owner = (await t.query<{ id: string }>(`SELECT id FROM users WHERE ${col} = $1`, [id.value])).rows[0];
    if (!owner) return;
    const loginUrl = `${ctx.config.publicUrl}/connexion`;
    const resetUrl = `${ctx.config.publicUrl}/mot-de-passe-oublie`;
    await queueLocalized(t, ctx.jobs, {
      channel: id.kind === 'email' ? 'email' : 'sms',
      recipient: id.value,
      userId: owner.id,
      template: 'auth.signup-existing',
      vars: { town: ctx.town.name, ccas: ctx.town.ccasName, loginUrl, resetUrl },
    });
    await audit(t, ctx, 'auth/signup-existing', { subjectType: 'user', subjectId: owner.id });
  });
}

export async function login(ctx: Ctx, input: { identifier: string; password: string }) {
  const id = parseIdentifier(input.identifier);
  const key = id?.value ?? input.identifier.trim().toLowerCase();
  const { rows } = await ctx.db.query<{ pair: number; byIp: number; byId: number }>(
    `SELECT count(*) FILTER (WHERE identifier = $1 AND ip = $2)::int AS pair, count(*) FILTER (WHERE ip = $2)::int AS "byIp",
            count(*) FILTER (WHERE identifier = $1)::int AS "byId"
       FROM login_failures WHERE at > $3::timestamptz - interval '${THROTTLE_WINDOW}' AND (identifier = $1 OR ip = $2)`,
    [key, ctx.ip, ctx.now()],
  );
  if (rows[0].pair >= PAIR_MAX_FAILURES || rows[0].byIp >= ADDRESS_MAX_FAILURES) {
    throw new AppError('http/rate-limited');
  }
  const delay = loginDelayMs(rows[0].byId);
  if (delay) await loginSlowdown.sleep(delay);
  const user = id ? await findByIdentifier(ctx.db, id) : undefined;
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) {
    await ctx.db.query('INSERT INTO login_failures (identifier, ip, at) VALUES ($1, $2, $3)', [key, ctx.ip, ctx.now()]);
    throw new AppError('auth/invalid-credentials');
  }
  const { passwordHash: _h, ...sessionUser } = user;
  return tx(ctx.db, async (t) => {
    // Only this address's failures: the owner logging in does not lift an attacker's limits.
    await t.query('DELETE FROM login_failures WHERE identifier = $1 AND ip = $2', [key, ctx.ip]);
    const session = await createSession(t, user.id, ctx.now());
    await audit(t, { ...ctx, user: sessionUser }, 'auth/login', { subjectType: 'user', subjectId: user.id });
    return { user: sessionUser, session };
  });
}

export async function logout(ctx: Ctx, token: string | undefined) {
  if (!token) return;
  await tx(ctx.db, async (t) => {
    await destroySession(t, token);
    if (ctx.user) await audit(t, ctx, 'auth/logout', { subjectType: 'user', subjectId: ctx.user.id });
  });
}

/** Always the same answer, whether or not the account exists (no enumeration). */
export async function requestPasswordReset(ctx: Ctx, identifier: string): Promise<void> {
  const id = identifierOrError(identifier);
  // At most 3 links an hour to one address or phone: the form must not become a way to
  // flood someone's inbox (counted whether or not the account exists).
  await throttle(ctx.db, 'auth.password-reset', id.value, { max: 3, windowSeconds: 3600 }, ctx.now());
  const user = await findByIdentifier(ctx.db, id);
  if (!user) return;
  const token = randomToken();
  const link = `${ctx.config.publicUrl}/reinitialiser-mot-de-passe#jeton=${token}`;
  await tx(ctx.db, async (t) => {
    await t.query(`INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [
      hashToken(token),
      user.id,
      new Date(ctx.now().getTime() + RESET_TTL_MS),
    ]);
    await queueLocalized(t, ctx.jobs, {
      channel: id.kind === 'email' ? 'email' : 'sms',
      recipient: id.value,
      userId: user.id,
      template: 'auth.password-reset',
      vars: { town: ctx.town.name, ccas: ctx.town.ccasName, link },
    });
    await audit(t, { ...ctx, user }, 'auth/password-reset-requested', { subjectType: 'user', subjectId: user.id });
  });
}

export async function confirmPasswordReset(ctx: Ctx, token: string, password: string) {
  checkPassword(password);
  const hash = await hashPassword(password);
  return tx(ctx.db, async (t) => {
    const { rows } = await t.query(`UPDATE password_resets SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id`, [
      hashToken(token),
      ctx.now(),
    ]);
    if (!rows[0]) throw new AppError('auth/reset-invalid');
    const userId = rows[0].user_id;
    await t.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [userId, hash, ctx.now()]);
    await destroyUserSessions(t, userId);
    await audit(t, ctx, 'auth/password-reset', { subjectType: 'user', subjectId: userId });
  });
}

export async function updateAccount(ctx: Ctx, patch: { displayName?: string; locale?: string; easyRead?: boolean }) {
  const user = requireUser(ctx);
  const { rows } = await ctx.db.query(
    `UPDATE users u SET display_name = coalesce($2, display_name), locale = coalesce($3, locale),
            easy_read = coalesce($4, easy_read), updated_at = $5
      WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [user.id, patch.displayName?.trim() ?? null, patch.locale ?? null, patch.easyRead ?? null, ctx.now()],
  );
  // Which settings changed, never their values.
  await audit(ctx.db, ctx, 'auth/account-updated', {
    subjectType: 'user',
    subjectId: user.id,
    details: { fields: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined) },
  });
  return rows[0] as SessionUser;
}

export async function changePassword(ctx: Ctx, current: string, next: string, keepToken: string) {
  const user = requireUser(ctx);
  checkPassword(next, 'newPassword');
  const { rows } = await ctx.db.query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
  if (!(await verifyPassword(rows[0]?.password_hash ?? null, current))) {
    throw new AppError('auth/invalid-credentials', { fields: [{ path: 'currentPassword', message: 'Mot de passe actuel incorrect.' }] });
  }
  const hash = await hashPassword(next);
  await tx(ctx.db, async (t) => {
    await t.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [user.id, hash, ctx.now()]);
    // Other devices are signed out; this one stays.
    await t.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [user.id, hashToken(keepToken)]);
    await audit(t, ctx, 'auth/password-changed', { subjectType: 'user', subjectId: user.id });
  });
}

/** Admin creates staff or partner accounts. */
export async function createAccount(ctx: Ctx, input: NewUser) {
  requireRole(ctx, 'admin');
  return tx(ctx.db, async (t) => {
    await assertStructureExists(t, input.structureId);
    const user = await insertUser(t, input);
    await audit(t, ctx, 'auth/account-created', { subjectType: 'user', subjectId: user.id, details: { role: input.role } });
    return user;
  });
}

export async function listAccounts(ctx: Ctx, filter: { role?: Role; limit?: number }) {
  requireRole(ctx, 'admin');
  const { rows } = await ctx.db.query(
    `SELECT ${USER_COLUMNS}, u.created_at AS "createdAt", u.disabled_at AS "disabledAt" FROM users u
      WHERE ($1::user_role IS NULL OR u.role = $1) ORDER BY u.created_at DESC LIMIT $2`,
    [filter.role ?? null, Math.min(filter.limit ?? 200, 1000)],
  );
  return rows;
}

/** Accounts of `role` opened in [from, to), demo accounts left out (indicators). */
export async function countAccountsCreated(q: Queryable, role: Role, from: Date, to: Date): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE role = $1 AND NOT is_demo AND created_at >= $2 AND created_at < $3`,
    [role, from, to],
  );
  return rows[0]?.n ?? 0;
}
