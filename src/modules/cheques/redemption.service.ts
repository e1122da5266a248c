/**
 * At the counter: the family shows a short-lived code; the partner's cashier reads it,
 * sees the first name and the balance available for its kind, and takes an amount. A code
 * pays once. A wrong code — unknown, expired, or of a kind this partner does not take —
 * gets one answer, by the same path; guesses are throttled per partner account.
 */
import { audit } from '../../platform/audit';
import { parisDate, parisInstant } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { throttle } from '../../platform/throttle';
import { getHouseholdForUser } from '../dossiers/index';
import { chequesRules } from './cheques-rules';
import * as store from './cheques.store';
import { addDays } from './eligibility';
import { generateCode, groupCode, hashCode, looksLikeCode, normalizeCode } from './codes';
import { euros, KIND_LABELS, type Kind } from './kinds';

/** Attempts at the counter per partner account (lookups and payments), and wrong codes among them. */
export const COUNTER_LIMIT = { max: 120, windowSeconds: 600 };
export const MISS_LIMIT = { max: 10, windowSeconds: 600 };

/** The family asks for a code to pay with its account of this kind; earlier unused codes stop working. */
export async function showCode(ctx: Ctx, kind: Kind) {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('cheques/no-household');
  const now = ctx.now();
  return tx(ctx.db, async (t) => {
    const account = await store.accountOf(t, h.id, kind);
    if (!account) throw new AppError('cheques/no-account');
    await store.retireCodes(t, account.id, now);
    const code = generateCode();
    const expiresAt = new Date(now.getTime() + chequesRules().code.lifetimeMinutes * 60_000);
    const id = await store.insertCode(t, { accountId: account.id, hash: hashCode(code), now, expiresAt });
    await audit(t, ctx, 'cheques/code-shown', { householdId: h.id, subjectType: 'cheques_code', subjectId: id, details: { kind } });
    return { id, code: groupCode(code), qr: code, kind, expiresAt };
  });
}

/** The family's page asks whether its code was used (to show the payment's result). */
export async function codeState(ctx: Ctx, codeId: string) {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('cheques/no-household');
  const c = await store.codeStatus(ctx.db, codeId);
  const accounts = await store.accountsOfHousehold(ctx.db, h.id);
  if (!c || !accounts.some((a) => a.id === c.accountId)) throw new AppError('cheques/not-found');
  return { state: c.usedAt ? ('used' as const) : c.expiresAt <= ctx.now() ? ('expired' as const) : ('waiting' as const) };
}

async function partnerAtCounter(ctx: Ctx) {
  const user = requireRole(ctx, 'partner');
  if (!user.structureId) throw new AppError('cheques/not-partner');
  const kinds = await store.kindsOfStructure(ctx.db, user.structureId);
  if (!kinds.length) throw new AppError('cheques/kind-not-accepted');
  await throttle(ctx.db, 'cheques.counter', user.id, COUNTER_LIMIT, ctx.now());
  return { user, structureId: user.structureId, kinds };
}

async function wrongCode(ctx: Ctx, userId: string): Promise<never> {
  await throttle(ctx.db, 'cheques.counter-miss', userId, MISS_LIMIT, ctx.now());
  throw new AppError('cheques/invalid-code', { fields: [{ path: 'code', message: 'Code inconnu, expiré ou non valable chez vous.' }] });
}

type Found = { ok: true; code: store.CodeRow } | { ok: false; used: boolean };

/** One path whether the code exists or not: hash, one indexed query, the same checks. */
async function findCode(t: Parameters<typeof store.codeByHash>[0], input: string, kinds: Kind[], now: Date): Promise<Found> {
  const normalized = normalizeCode(input);
  const row = await store.codeByHash(t, hashCode(normalized));
  const valid = looksLikeCode(normalized) && row !== null && row.householdId !== null && kinds.includes(row.kind) && row.expiresAt > now;
  if (!valid) return { ok: false, used: false };
  if (row.usedAt) return { ok: false, used: true };
  return { ok: true, code: row };
}

/** The cashier reads a code: first name, kind, balance available — nothing is taken. */
export async function lookupCode(ctx: Ctx, input: { code: string }) {
  const { user, kinds } = await partnerAtCounter(ctx);
  const now = ctx.now();
  const found = await tx(ctx.db, async (t) => {
    const f = await findCode(t, input.code, kinds, now);
    if (!f.ok) return f;
    return { ...f, balance: await store.balanceOf(t, f.code.accountId, now) };
  });
  if (!found.ok) {
    if (found.used) throw new AppError('cheques/code-used');
    return wrongCode(ctx, user.id);
  }
  return {
    firstName: found.code.holderFirstName ?? '',
    kind: found.code.kind,
    kindLabel: KIND_LABELS[found.code.kind],
    availableCents: found.balance.availableCents,
  };
}

/** The cashier takes an amount with a code: one debit entry, the code used, in one transaction. */
export async function redeem(ctx: Ctx, input: { code: string; amountCents: number }) {
  const { user, structureId, kinds } = await partnerAtCounter(ctx);
  const now = ctx.now();
  const result = await tx(ctx.db, async (t) => {
    const f = await findCode(t, input.code, kinds, now);
    if (!f.ok) return f;
    const c = f.code;
    const { availableCents } = await store.balanceOf(t, c.accountId, now);
    const insufficient = () =>
      new AppError('cheques/insufficient-balance', { fields: [{ path: 'amountCents', message: `Solde disponible : ${euros(availableCents)}.` }] });
    if (input.amountCents > availableCents) throw insufficient();
    let entryId: string;
    try {
      entryId = await store.insertEntry(t, { accountId: c.accountId, type: 'debit', amountCents: -input.amountCents, structureId, createdBy: user.id, now });
    } catch (err) {
      onConstraint(err, { cheques_balance_nonnegative: insufficient });
    }
    // The code's row is locked since findCode: this holds unless the code was used meanwhile (then nothing is taken).
    if (!(await store.markCodeUsed(t, c.id, entryId, now))) throw new AppError('cheques/code-used');
    await audit(t, ctx, 'cheques/redeemed', {
      householdId: c.householdId,
      subjectType: 'cheques_entry',
      subjectId: entryId,
      details: { kind: c.kind, amountCents: input.amountCents, structureId },
    });
    return { ok: true as const, entryId, firstName: c.holderFirstName ?? '', kind: c.kind, availableCents: availableCents - input.amountCents };
  });
  if (!result.ok) {
    if (result.used) throw new AppError('cheques/code-used');
    return wrongCode(ctx, user.id);
  }
  return {
    id: result.entryId,
    firstName: result.firstName,
    kind: result.kind,
    kindLabel: KIND_LABELS[result.kind],
    amountCents: input.amountCents,
    availableCents: result.availableCents,
  };
}

/** The partner's redemptions of today (Paris), for its cashier's list. */
export async function todaysRedemptions(ctx: Ctx) {
  const user = requireRole(ctx, 'partner');
  if (!user.structureId) throw new AppError('cheques/not-partner');
  const today = parisDate(ctx.now());
  const rows = await store.debitsOfStructure(ctx.db, user.structureId, parisInstant(today), parisInstant(addDays(today, 1)));
  return {
    kinds: await store.kindsOfStructure(ctx.db, user.structureId),
    redemptions: rows.map((r) => ({
      id: r.id,
      at: r.createdAt,
      kind: r.kind,
      kindLabel: KIND_LABELS[r.kind],
      amountCents: -r.amountCents,
      firstName: r.holderFirstName ?? '',
      cancelled: r.cancelled,
      settled: r.settled,
    })),
  };
}

/** The partner cancels one of its redemptions the same day, before settlement: a new entry giving the amount back. */
export async function cancelRedemption(ctx: Ctx, entryId: string) {
  const user = requireRole(ctx, 'partner');
  if (!user.structureId) throw new AppError('cheques/not-partner');
  return tx(
    ctx.db,
    async (t) => {
      const e = await store.entryById(t, entryId, { forUpdateAccount: true });
      if (!e || e.type !== 'debit' || e.structureId !== user.structureId) throw new AppError('cheques/not-found');
      if (e.cancelled) throw new AppError('cheques/already-cancelled');
      if (e.settled || parisDate(e.createdAt) !== parisDate(ctx.now())) throw new AppError('cheques/cancel-too-late');
      let id: string;
      try {
        id = await store.insertEntry(t, {
          accountId: e.accountId,
          type: 'cancellation',
          amountCents: -e.amountCents,
          reversesId: e.id,
          createdBy: user.id,
          now: ctx.now(),
        });
      } catch (err) {
        onConstraint(err, { cheques_entries_reverses_key: new AppError('cheques/already-cancelled') });
      }
      await audit(t, ctx, 'cheques/redemption-cancelled', {
        householdId: e.householdId,
        subjectType: 'cheques_entry',
        subjectId: e.id,
        details: { cancellationId: id, structureId: user.structureId },
      });
      return { id };
    },
    // Against a settlement of the same day's redemptions: one of the two waits and retries.
    { isolation: 'serializable' },
  );
}
