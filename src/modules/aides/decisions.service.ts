/**
 * The agent's decisions on a request: grant (a commitment on the fund, under its budget
 * lock; an aid paid in vouchers credits the family's chèques account once), correct a
 * granted amount (a new decision), refuse (motif and the way to contest), close without
 * a decision, pay. A decision is never edited.
 */
import { audit } from '../../platform/audit';
import { parisParts } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { creditAccount, KIND_LABELS } from '../cheques/index';
import { aidOf, lockRequest, notifyFamily, num, STAFF_ROLES, transition } from './acting.service';
import type { AidDefinition } from './aid';
import { loanSchedule, maxGrantCents } from './benefit';
import * as funds from './funds.store';
import { euros } from './money';
import type { FamilyNote } from './family-notices';
import { CONTEST_TEXT, type RefusalMotif } from './request-states';
import * as store from './requests.store';
import type { RequestRow } from './requests.store';

/**
 * The agent grants: a decision (never edited) and a commitment on the fund, in one
 * transaction. The fund's budget row is locked first, so agents granting at the same
 * instant queue; more than the remainder is refused (and the database would refuse it too).
 */
export async function grantRequest(ctx: Ctx, id: string, input: { amountCents: number }): Promise<{ decisionId: string; remainderCents: number }> {
  const user = requireRole(ctx, ...STAFF_ROLES);
  return tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    const to = transition('grant', r);
    const aid = await aidOf(t, r);
    const max = maxGrantCents(aid.benefit, { cost_cents: num(r.fields.cost_cents), amount_cents: num(r.fields.amount_cents) });
    if (max !== null && input.amountCents > max)
      throw new AppError('aides/amount-too-high', { fields: [{ path: 'amountCents', message: `Au plus ${euros(max)} pour cette demande.` }] });
    const year = parisParts(ctx.now()).year;
    const budget = await funds.lockBudget(t, r.fundId, year);
    if (budget === null) throw new AppError('aides/no-budget');
    const [totals] = await funds.fundTotals(t, year, r.fundId);
    if (input.amountCents > totals.remainderCents) {
      throw new AppError('aides/fund-exhausted', {
        fields: [{ path: 'amountCents', message: `Il reste ${euros(totals.remainderCents)} sur ce fonds cette année.` }],
      });
    }
    const schedule = aid.benefit.kind === 'loan' ? loanSchedule(input.amountCents, aid.benefit.months, aid.benefit.rate_percent) : null;
    const decisionId = await store.insertDecision(
      t,
      { requestId: id, kind: 'accordee', amountCents: input.amountCents, schedule, motif: null, motifText: null, contest: null, supersedes: null, by: user.id },
      ctx.now(),
    );
    try {
      await funds.addEntry(
        t,
        { fundId: r.fundId, year, kind: 'commitment', amountCents: input.amountCents, requestId: id, decisionId, neighbourhood: r.neighbourhood, by: user.id },
        ctx.now(),
      );
    } catch (err) {
      onConstraint(err, { aid_fund_not_overcommitted: new AppError('aides/fund-exhausted') });
    }
    const credit = await creditVouchers(t, ctx, r, aid, decisionId, input.amountCents);
    await store.setStatus(t, id, to, ctx.now(), { decided: true });
    await store.addEvent(
      t,
      {
        requestId: id,
        actorId: user.id,
        actorRole: user.role,
        mandateId: null,
        kind: 'decision',
        from: r.status,
        to,
        detail: { amountCents: input.amountCents, ...(credit ? { cheques: credit.kind } : {}) },
      },
      ctx.now(),
    );
    const note: FamilyNote = schedule
      ? { note: 'loan', amountCents: input.amountCents, months: schedule.length, monthlyCents: schedule[0].amountCents }
      : credit
        ? { note: 'vouchers', amountCents: input.amountCents, kind: credit.kind }
        : { note: 'amount', amountCents: input.amountCents };
    await notifyFamily(ctx, t, r.householdId, to, aid.title, note);
    await audit(t, ctx, 'aides/request-granted', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { decision: decisionId, amountCents: input.amountCents, fund: r.fundId, cheques: credit?.entryId ?? null },
    });
    return { decisionId, remainderCents: totals.remainderCents - input.amountCents };
  });
}

/**
 * An aid paid in vouchers credits the family's chèques account (module cheques), in the
 * grant's transaction, once per request (`aid_voucher_credits`, keyed by the request).
 */
async function creditVouchers(t: Tx, ctx: Ctx, r: RequestRow, aid: AidDefinition, decisionId: string, amountCents: number) {
  if (aid.benefit.kind !== 'vouchers') return null;
  const kind = aid.benefit.voucher;
  // A yearly voucher aid is the year's allowance of that kind: the chèques' nightly allowance
  // and this grant credit a year once between them (their unique index decides, whichever
  // comes first); when the allowance came first, this grant is refused and nothing is written.
  const year = aid.benefit.per === 'year' ? parisParts(ctx.now()).year : null;
  const credited = await creditAccount(t, ctx, {
    householdId: r.householdId,
    kind,
    amountCents,
    source: { kind: 'aid', requestId: r.id },
    allowanceYear: year,
  });
  if (credited.alreadyCredited) {
    throw new AppError('aides/allowance-already-received', {
      fields: [{ path: 'amountCents', message: `La famille a déjà reçu « ${KIND_LABELS[kind]} » pour ${year} (dotation annuelle) : rien à créditer en plus.` }],
    });
  }
  const { entryId } = credited;
  try {
    await funds.insertVoucherCredit(t, { requestId: r.id, decisionId, chequesKind: kind, amountCents, entryId }, ctx.now());
  } catch (err) {
    onConstraint(err, { aid_voucher_credits_pkey: new AppError('aides/transition-not-allowed') });
  }
  return { kind, entryId };
}

/**
 * A granted amount corrected: never an edit. A new decision supersedes the last one; the
 * old commitment is released and the new one committed, under the same budget lock.
 */
export async function correctGrant(
  ctx: Ctx,
  id: string,
  input: { amountCents: number; text: string },
): Promise<{ decisionId: string; remainderCents: number }> {
  const user = requireRole(ctx, ...STAFF_ROLES);
  return tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    if (r.status !== 'accordee') throw new AppError('aides/transition-not-allowed');
    const aid = await aidOf(t, r);
    const max = maxGrantCents(aid.benefit, { cost_cents: num(r.fields.cost_cents), amount_cents: num(r.fields.amount_cents) });
    if (max !== null && input.amountCents > max)
      throw new AppError('aides/amount-too-high', { fields: [{ path: 'amountCents', message: `Au plus ${euros(max)} pour cette demande.` }] });
    // The chèques are already on the family's account: the town corrects that account (module cheques), not this decision.
    if (await funds.voucherCreditOf(t, id)) throw new AppError('aides/vouchers-credited');
    const previous = (await store.decisionsOf(t, id)).at(-1)!;
    const year = parisParts(previous.decidedAt).year;
    if ((await funds.lockBudget(t, r.fundId, year)) === null) throw new AppError('aides/no-budget');
    const [totals] = await funds.fundTotals(t, year, r.fundId);
    if (input.amountCents - previous.amountCents! > totals.remainderCents) {
      throw new AppError('aides/fund-exhausted', {
        fields: [{ path: 'amountCents', message: `Il reste ${euros(totals.remainderCents)} sur ce fonds cette année.` }],
      });
    }
    const schedule = aid.benefit.kind === 'loan' ? loanSchedule(input.amountCents, aid.benefit.months, aid.benefit.rate_percent) : null;
    const decisionId = await store.insertDecision(
      t,
      {
        requestId: id,
        kind: 'accordee',
        amountCents: input.amountCents,
        schedule,
        motif: null,
        motifText: input.text,
        contest: null,
        supersedes: previous.id,
        by: user.id,
      },
      ctx.now(),
    );
    const entry = { fundId: r.fundId, year, requestId: id, neighbourhood: r.neighbourhood, by: user.id };
    await funds.addEntry(t, { ...entry, kind: 'release', amountCents: previous.amountCents!, decisionId: previous.id }, ctx.now());
    try {
      await funds.addEntry(t, { ...entry, kind: 'commitment', amountCents: input.amountCents, decisionId }, ctx.now());
    } catch (err) {
      onConstraint(err, { aid_fund_not_overcommitted: new AppError('aides/fund-exhausted') });
    }
    await store.addEvent(
      t,
      {
        requestId: id,
        actorId: user.id,
        actorRole: user.role,
        mandateId: null,
        kind: 'decision-corrected',
        from: r.status,
        to: null,
        detail: { amountCents: input.amountCents },
      },
      ctx.now(),
    );
    await notifyFamily(ctx, t, r.householdId, 'accordee', aid.title, {
      note: 'corrected',
      amountCents: input.amountCents,
      previousCents: previous.amountCents!,
      text: input.text,
    });
    await audit(t, ctx, 'aides/decision-corrected', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { decision: decisionId, supersedes: previous.id, amountCents: input.amountCents },
    });
    return { decisionId, remainderCents: totals.remainderCents + previous.amountCents! - input.amountCents };
  });
}

/** The agent refuses, with a motif from the list, a free text, and the way to contest it. */
export async function refuseRequest(ctx: Ctx, id: string, input: { motif: RefusalMotif; text: string }): Promise<{ decisionId: string }> {
  const user = requireRole(ctx, ...STAFF_ROLES);
  return tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    const to = transition('refuse', r);
    const decisionId = await store.insertDecision(
      t,
      {
        requestId: id,
        kind: 'refusee',
        amountCents: null,
        schedule: null,
        motif: input.motif,
        motifText: input.text,
        contest: CONTEST_TEXT,
        supersedes: null,
        by: user.id,
      },
      ctx.now(),
    );
    await store.setStatus(t, id, to, ctx.now(), { decided: true });
    await store.addEvent(
      t,
      { requestId: id, actorId: user.id, actorRole: user.role, mandateId: null, kind: 'decision', from: r.status, to, detail: { motif: input.motif } },
      ctx.now(),
    );
    await notifyFamily(ctx, t, r.householdId, to, (await aidOf(t, r)).title, { note: 'refused', motif: input.motif, text: input.text });
    await audit(t, ctx, 'aides/request-refused', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { decision: decisionId, motif: input.motif },
    });
    return { decisionId };
  });
}

/** The agent closes a request without a decision on the merits (classée sans suite). */
export async function closeRequest(ctx: Ctx, id: string, input: { text: string }): Promise<void> {
  const user = requireRole(ctx, ...STAFF_ROLES);
  await tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    const to = transition('close', r);
    await store.insertDecision(
      t,
      { requestId: id, kind: 'classee', amountCents: null, schedule: null, motif: null, motifText: input.text, contest: null, supersedes: null, by: user.id },
      ctx.now(),
    );
    await store.setStatus(t, id, to, ctx.now(), { decided: true, pause: 'end' });
    await store.addEvent(t, { requestId: id, actorId: user.id, actorRole: user.role, mandateId: null, kind: 'decision', from: r.status, to }, ctx.now());
    await notifyFamily(ctx, t, r.householdId, to, (await aidOf(t, r)).title, { note: 'text', text: input.text });
    await audit(t, ctx, 'aides/request-closed', { householdId: r.householdId, subjectType: 'aid_request', subjectId: id });
  });
}

/** The granted amount is paid: a payment entry on the fund (the commitment is settled). */
export async function payRequest(ctx: Ctx, id: string): Promise<void> {
  const user = requireRole(ctx, ...STAFF_ROLES);
  await tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    const to = transition('pay', r);
    const decision = (await store.decisionsOf(t, id)).filter((d) => d.kind === 'accordee').at(-1)!;
    await funds.addEntry(
      t,
      {
        fundId: r.fundId,
        year: parisParts(decision.decidedAt).year,
        kind: 'payment',
        amountCents: decision.amountCents!,
        requestId: id,
        decisionId: decision.id,
        neighbourhood: r.neighbourhood,
        by: user.id,
      },
      ctx.now(),
    );
    await store.setStatus(t, id, to, ctx.now());
    await store.addEvent(
      t,
      {
        requestId: id,
        actorId: user.id,
        actorRole: user.role,
        mandateId: null,
        kind: 'status',
        from: r.status,
        to,
        detail: { amountCents: decision.amountCents },
      },
      ctx.now(),
    );
    await notifyFamily(ctx, t, r.householdId, to, (await aidOf(t, r)).title, { note: 'paid', amountCents: decision.amountCents! });
    await audit(t, ctx, 'aides/request-paid', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { amountCents: decision.amountCents },
    });
  });
}
