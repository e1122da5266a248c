/**
 * Roles and access checks. Every route declares who may call it; every use case
 * starts with one of these checks.
 */
import { AppError } from './errors';
import type { Ctx, SessionUser } from './context';

export const ROLES = ['parent', 'agent', 'partner', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a route declares: 'public' (no account), 'authenticated' (any role), or a list of roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  parent: 'Parent',
  agent: 'Agent (CCAS / services sociaux)',
  partner: 'Partenaire',
  coordinator: 'Coordination / élu·e',
  admin: 'Administration',
};

/** Staff roles act for the town. */
export const STAFF: readonly Role[] = ['agent', 'coordinator', 'admin'];

export function allows(access: Access, user: SessionUser | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'authenticated') return true;
  return access.includes(user.role);
}

export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new AppError('auth/required');
  return ctx.user;
}

export function requireRole(ctx: Ctx, ...roles: Role[]): SessionUser {
  const user = requireUser(ctx);
  if (!roles.includes(user.role)) throw new AppError('auth/forbidden');
  return user;
}
