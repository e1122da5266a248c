/**
 * Use cases of the ledger: credit an account (an agent, or later a granted aid through
 * index.ts), correct it (the town), read the family's balances and history. A balance is
 * the sum of entries; every change is a new entry, in one transaction with its audit.
 */
import { audit } from '../../platform/audit';
import { parisDate, parisInstant, parisParts } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess, getHouseholdForUser, readHouseholdAsSystem } from '../dossiers/index';
import { chequesRules } from './cheques-rules';
import * as store from './cheques.store';
import { addDays, passPeriod } from './eligibility';
import { entryLabel, KIND_LABELS, type Kind } from './kinds';
import { structureNames } from './structures';

export const AGENTS = ['agent', 'coordinator', 'admin'] as const;
export const TOWN = ['coordinator', 'admin'] as const;

/** Where a credit comes from: an agent's decision (with its reason), a yearly allowance, a top-up, or a granted aid. */
export type CreditSourceRef =
  { kind: 'agent'; reason: string } | { kind: 'allowance'; reason?: string } | { kind: 'top_up'; reason?: string } | { kind: 'aid'; requestId: string };

export interface CreditInput {
  householdId: string;
  kind: Kind;
  amountCents: number;
  source: CreditSourceRef;
  /** Last day the credit can be spent (YYYY-MM-DD, Paris); default: the kind's validity from today. */
  validUntil?: string | null;
  /**
   * When this credit is the household's yearly allowance of that kind for this year (the
   * nightly job, or a granted yearly aid): a second one for the same year is refused by the
   * database (`cheques/allowance-already`).
   */
  allowanceYear?: number | null;
}

/** The instant a credit valid until `day` (inclusive, Paris) stops being spendable. */
export function expiryInstant(day: string): Date {
  return parisInstant(addDays(day, 1));
}

/** What a credit did: the entry written, or nothing because the account already holds that year's allowance. */
export type Credited = { accountId: string; entryId: string; alreadyCredited: false } | { accountId: string; entryId: null; alreadyCredited: true };

/**
 * Credits a household's account of a kind, inside the caller's transaction. The caller has
 * checked who may do it (an agent's use case below; the aids module when an aid is granted).
 * With `allowanceYear`, a year credits an account once, whoever comes first (the nightly
 * allowance, a granted yearly aid, an agent): the second writes nothing and gets
 * `alreadyCredited: true` — the unique index `cheques_entries_allowance_once` decides, also
 * when both run at the same instant. The caller says what that means for it.
 */
export async function creditAccount(t: Queryable, ctx: Ctx, input: CreditInput): Promise<Credited> {
  const now = ctx.now();
  const h = await readHouseholdAsSystem(t, input.householdId, now);
  if (!h || h.status !== 'active') throw new AppError('cheques/not-found');
  const today = parisDate(now);
  const validUntil = input.validUntil ?? passPeriod(today, chequesRules().kinds[input.kind].validityMonths).validUntil;
  if (validUntil < today) throw new AppError('http/invalid-input', { fields: [{ path: 'validUntil', message: 'La date de fin de validité est passée.' }] });
  const accountId = await store.upsertAccount(t, { householdId: input.householdId, kind: input.kind, firstName: h.parent.firstName, now });
  const s = input.source;
  const entry = {
    accountId,
    type: 'credit' as const,
    amountCents: input.amountCents,
    source: s.kind,
    sourceRef: s.kind === 'aid' ? s.requestId : null,
    reason: s.kind === 'aid' ? null : (s.reason ?? null),
    expiresAt: expiryInstant(validUntil),
    createdBy: ctx.user?.id ?? null,
    now,
  };
  const year = input.allowanceYear ?? null;
  const entryId = year === null ? await store.insertEntry(t, entry) : await store.insertAllowanceCredit(t, { ...entry, allowanceYear: year });
  if (entryId === null) return { accountId, entryId: null, alreadyCredited: true };
  await audit(t, ctx, 'cheques/credited', {
    householdId: input.householdId,
    subjectType: 'cheques_entry',
    subjectId: entryId,
    reason: s.kind === 'agent' ? s.reason : undefined,
    details: {
      kind: input.kind,
      amountCents: input.amountCents,
      source: s.kind,
      validUntil,
      ...(year ? { allowanceYear: year } : {}),
    },
  });
  return { accountId, entryId, alreadyCredited: false };
}

/**
 * An agent credits an account, from the family's file opened with a reason. A credit the
 * agent calls the yearly allowance is this year's (the nightly job then leaves that kind
 * alone, and a second one is refused).
 */
export async function creditByAgent(ctx: Ctx, householdId: string, input: Omit<CreditInput, 'householdId'> & { openReason?: string }) {
  requireRole(ctx, ...AGENTS);
  const allowanceYear = input.source.kind === 'allowance' ? parisParts(ctx.now()).year : null;
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'cheques.credit', { q: t, reason: input.openReason });
    const credited = await creditAccount(t, ctx, { ...input, householdId, allowanceYear });
    if (credited.alreadyCredited) throw new AppError('cheques/allowance-already');
    return credited;
  });
}

/** The town corrects an account (after settlement, only it can): a signed entry with its reason. */
export async function correctAccount(ctx: Ctx, householdId: string, input: { kind: Kind; amountCents: number; reason: string }) {
  requireRole(ctx, ...TOWN);
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'cheques.correct', { q: t, reason: input.reason });
    const account = await store.accountOf(t, householdId, input.kind);
    if (!account) throw new AppError('cheques/no-account');
    await store.lockAccount(t, account.id);
    let entryId: string;
    try {
      entryId = await store.insertEntry(t, {
        accountId: account.id,
        type: 'correction',
        amountCents: input.amountCents,
        reason: input.reason,
        createdBy: ctx.user!.id,
        now: ctx.now(),
      });
    } catch (err) {
      onConstraint(err, {
        cheques_balance_nonnegative: new AppError('cheques/correction-too-large', {
          fields: [{ path: 'amountCents', message: 'Cette correction rendrait le solde négatif.' }],
        }),
      });
    }
    await audit(t, ctx, 'cheques/corrected', {
      householdId,
      subjectType: 'cheques_entry',
      subjectId: entryId,
      reason: input.reason,
      details: { kind: input.kind, amountCents: input.amountCents },
    });
    return { id: entryId };
  });
}

export interface AccountView {
  kind: Kind;
  label: string;
  balanceCents: number;
  availableCents: number;
  nextExpiry: string | null;
}

async function accountsView(q: Queryable, householdId: string, now: Date): Promise<AccountView[]> {
  const out: AccountView[] = [];
  for (const a of await store.accountsOfHousehold(q, householdId)) {
    const b = await store.balanceOf(q, a.id, now);
    out.push({ kind: a.kind, label: KIND_LABELS[a.kind], ...b, nextExpiry: null });
  }
  return out;
}

async function historyView(ctx: Ctx, householdId: string) {
  const entries = await store.entriesOfHousehold(ctx.db, householdId);
  const names = await structureNames(
    ctx,
    entries.flatMap((e) => (e.structureId ? [e.structureId] : [])),
  );
  return entries.map((e) => ({
    id: e.id,
    kind: e.kind,
    kindLabel: KIND_LABELS[e.kind],
    type: e.type,
    label: entryLabel({ type: e.type, source: e.source, partnerName: e.structureId ? (names.get(e.structureId) ?? null) : null }),
    amountCents: e.amountCents,
    at: e.createdAt,
    validUntil: e.type === 'credit' && e.expiresAt ? addDays(parisDate(e.expiresAt), -1) : null,
    cancelled: e.cancelled,
  }));
}

function withNextExpiry(accounts: AccountView[], history: Awaited<ReturnType<typeof historyView>>, today: string): AccountView[] {
  return accounts.map((a) => {
    const next = history
      .filter((h) => h.kind === a.kind && h.type === 'credit' && h.validUntil && h.validUntil >= today)
      .map((h) => h.validUntil!)
      .sort()[0];
    return { ...a, nextExpiry: a.availableCents > 0 ? (next ?? null) : null };
  });
}

/** The family's own balances and history. */
export async function myCheques(ctx: Ctx) {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('cheques/no-household');
  const now = ctx.now();
  const history = await historyView(ctx, h.id);
  return { firstName: h.parent.firstName, accounts: withNextExpiry(await accountsView(ctx.db, h.id, now), history, parisDate(now)), history };
}

/** The household's balances with the last day of their soonest credit. The caller checked who may see them. */
export async function balancesOf(ctx: Ctx, householdId: string): Promise<AccountView[]> {
  const now = ctx.now();
  return withNextExpiry(await accountsView(ctx.db, householdId, now), await historyView(ctx, householdId), parisDate(now));
}

/** An agent's view of a family's accounts (file opened with a reason). */
export async function householdCheques(ctx: Ctx, householdId: string, reason?: string) {
  requireRole(ctx, ...AGENTS);
  await assertCanAccess(ctx, householdId, 'cheques.view', { reason });
  const now = ctx.now();
  const history = await historyView(ctx, householdId);
  return { accounts: withNextExpiry(await accountsView(ctx.db, householdId, now), history, parisDate(now)), history };
}

/** For the family's export (dossiers hook): every stored row about the household. */
export async function exportRows(q: Queryable, householdId: string) {
  const accounts = await store.accountsOfHousehold(q, householdId);
  const entries = await store.entriesOfHousehold(q, householdId, 100_000);
  return { cheques_accounts: accounts, cheques_entries: entries };
}

/**
 * The town's finance agent credits a checked list (`relais cheques crediter`): all lines or
 * none, in one transaction, each credit audited with the list's reason. A line whose file
 * does not exist (or is erased) is reported with its line number and nothing is credited.
 */
export async function creditList(
  ctx: Ctx,
  lines: { line: number; householdId: string; kind: Kind; amountCents: number; validUntil: string | null }[],
  opts: { reason: string; topUp?: boolean },
): Promise<{ ok: true; credited: number; totalCents: number } | { ok: false; problems: { line: number; message: string }[] }> {
  const problems: { line: number; message: string }[] = [];
  const rollback = new Error('rollback');
  try {
    return await tx(ctx.db, async (t) => {
      for (const l of lines) {
        try {
          await creditAccount(t, ctx, {
            householdId: l.householdId,
            kind: l.kind,
            amountCents: l.amountCents,
            source: opts.topUp ? { kind: 'top_up', reason: opts.reason } : { kind: 'agent', reason: opts.reason },
            validUntil: l.validUntil,
          });
        } catch (err) {
          // Only the checks made before any SQL write: the transaction is still usable, the next lines are checked too.
          if (err instanceof AppError && (err.code === 'cheques/not-found' || err.code === 'http/invalid-input')) {
            problems.push({
              line: l.line,
              message: err.code === 'cheques/not-found' ? 'Aucun dossier actif avec cet identifiant.' : 'La date de fin de validité est passée.',
            });
          } else throw err;
        }
      }
      if (problems.length) throw rollback;
      return { ok: true as const, credited: lines.length, totalCents: lines.reduce((s, l) => s + l.amountCents, 0) };
    });
  } catch (err) {
    if (err === rollback) return { ok: false, problems };
    throw err;
  }
}
