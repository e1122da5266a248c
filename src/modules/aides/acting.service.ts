/**
 * What every request use case shares: who acts for the household (the parent, or an
 * agent under a live mandate), the request locked for the transaction, the allowed
 * transition, the aid's version the request was judged by, and the family's notice.
 */
import path from 'node:path';
import type { Ctx } from '../../platform/context';
import type { Queryable, Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { localeOfUser, queueLocalized } from '../../platform/notify/localized';
import { requireRole } from '../../platform/roles';
import { getHouseholdForUser, readHouseholdAsSystem } from '../dossiers/index';
import type { AidDefinition } from './aid';
import * as catalogue from './catalogue.store';
import { statusVars, type FamilyNote } from './family-notices';
import { nextStatus, type RequestAction, type RequestStatus } from './request-states';
import * as store from './requests.store';

export const STAFF_ROLES = ['agent', 'coordinator'] as const;

export function uploadsDir(ctx: Ctx): string {
  return path.join(ctx.config.dataDir, 'uploads', 'aides');
}

/** Who acts for the household: the parent itself, or an agent under a live mandate. */
export interface Acting {
  householdId: string;
  userId: string;
  role: string;
  mandateId: string | null;
}

export async function actAsFamily(ctx: Ctx, q: Queryable, opts: { householdId?: string; aidId?: string; mandateId?: string | null }): Promise<Acting> {
  // A family for itself, an agent under its mandate; nobody else (a partner never acts for a family here).
  const user = requireRole(ctx, 'parent', ...STAFF_ROLES);
  if (user.role === 'parent') {
    const h = await getHouseholdForUser(ctx);
    if (!h) throw new AppError('aides/no-household');
    if (opts.householdId && opts.householdId !== h.id) throw new AppError('aides/request-not-found');
    return { householdId: h.id, userId: user.id, role: user.role, mandateId: null };
  }
  if ((STAFF_ROLES as readonly string[]).includes(user.role) && opts.mandateId) {
    const m = await store.getMandate(q, opts.mandateId);
    const now = ctx.now();
    const live = m && m.agentId === user.id && !m.revokedAt && m.validUntil > now && (m.aidId === null || !opts.aidId || m.aidId === opts.aidId);
    if (!live || (opts.householdId && m.householdId !== opts.householdId)) throw new AppError('aides/mandate-required');
    return { householdId: m.householdId, userId: user.id, role: user.role, mandateId: m.id };
  }
  throw new AppError('aides/mandate-required');
}

/**
 * Tells the family (e-mail, else SMS) in its language, in the transaction of the change: `vars` gives the
 * template's variables for that language (amounts and days written for the reader).
 */
export async function notifyHousehold(ctx: Ctx, t: Tx, householdId: string, template: string, vars: (locale: string) => Record<string, string>): Promise<void> {
  const h = await readHouseholdAsSystem(t, householdId, ctx.now());
  if (!h) return;
  const channel = h.parent.email ? 'email' : h.parent.phone ? 'sms' : null;
  if (!channel) return;
  const locale = await localeOfUser(t, h.parentUserId);
  await queueLocalized(t, ctx.jobs, {
    channel,
    recipient: (channel === 'email' ? h.parent.email : h.parent.phone)!,
    userId: h.parentUserId,
    template,
    locale,
    vars: vars(locale),
  });
}

/** A request's new status, told to the family. */
export async function notifyFamily(ctx: Ctx, t: Tx, householdId: string, to: RequestStatus, aidTitle: string, note?: FamilyNote): Promise<void> {
  await notifyHousehold(ctx, t, householdId, 'aides.status', (locale) => statusVars(locale, to, aidTitle, note));
}

/** Loads and locks a request for the transaction. */
export async function lockRequest(t: Tx, id: string): Promise<store.RequestRow> {
  const r = await store.getRequest(t, id, true);
  if (!r) throw new AppError('aides/request-not-found');
  return r;
}

export function transition(action: RequestAction, r: store.RequestRow): RequestStatus {
  const to = nextStatus(action, r.status);
  if (!to) throw new AppError('aides/transition-not-allowed');
  return to;
}

export async function aidOf(q: Queryable, r: store.RequestRow): Promise<AidDefinition> {
  return (await catalogue.versionOf(q, r.aidId, r.aidVersion))!.definition;
}

export function num(v: string | number | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}
