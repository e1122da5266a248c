/**
 * The printed card as a PDF: the family downloads its own; an agent prints it at the desk
 * from the family's opened file (audited: who printed whose card, when).
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { pdfRenderer } from '../../platform/pdf';
import { requireRole } from '../../platform/roles';
import { assertCanAccess, getHouseholdForUser, readHouseholdAsSystem } from '../dossiers/index';
import { cardHtml, type CardData } from './card';
import * as store from './cheques.store';
import { generateCode, groupCode, hashCode } from './codes';
import { addDays } from './eligibility';
import type { Kind } from './kinds';
import { AGENTS, balancesOf, expiryInstant } from './ledger.service';
import { passCardOf } from './pass.service';

/** A printed sheet: so many codes per chèque, valid so long (at most until the chèque's own date). */
export const PRINTED_CODES = 6;
export const PRINTED_DAYS = 92;

export type SheetFormat = 'pdf' | 'html';

async function cardData(ctx: Ctx, householdId: string): Promise<Omit<CardData, 'accounts'> & { accounts: (CardData['accounts'][number] & { kind: Kind })[] }> {
  const [h, pass, accounts] = await Promise.all([
    readHouseholdAsSystem(ctx.db, householdId, ctx.now()),
    passCardOf(ctx, householdId),
    balancesOf(ctx, householdId),
  ]);
  if (!h) throw new AppError('cheques/not-found');
  return {
    town: ctx.town.name,
    firstName: pass?.firstName || h.parent.firstName || '',
    printedOn: parisDate(ctx.now()),
    pass,
    accounts,
  };
}

async function cardPdf(ctx: Ctx, householdId: string, signal?: AbortSignal): Promise<Buffer> {
  const data = await cardData(ctx, householdId);
  if (!data.pass && !data.accounts.length) throw new AppError('cheques/nothing-to-print');
  return pdfRenderer().render(cardHtml(data), { signal });
}

/**
 * A sheet of payment codes, for a family without a smartphone: the card plus, for each
 * chèque with money available, PRINTED_CODES single-use codes. The sheet is rendered first,
 * then its codes are stored (hashed) and the previous sheet's retired, with the audit, in one
 * transaction: a family is never left with a sheet whose codes were not stored.
 */
async function paymentSheet(ctx: Ctx, householdId: string, format: SheetFormat, signal?: AbortSignal): Promise<{ body: Buffer | string; codes: number }> {
  const data = await cardData(ctx, householdId);
  const today = parisDate(ctx.now());
  const sheet = data.accounts
    .filter((a) => a.availableCents > 0)
    .map((a) => {
      const latest = addDays(today, PRINTED_DAYS);
      const validUntil = a.nextExpiry && a.nextExpiry < latest ? a.nextExpiry : latest;
      return { kind: a.kind, label: a.label, validUntil, raw: Array.from({ length: PRINTED_CODES }, () => generateCode()) };
    });
  if (!sheet.length) throw new AppError('cheques/nothing-to-print', { fields: [{ path: 'householdId', message: 'Aucun chèque avec un solde disponible.' }] });
  const html = cardHtml({ ...data, codes: sheet.map((c) => ({ label: c.label, validUntil: c.validUntil, codes: c.raw.map(groupCode) })) });
  const body = format === 'html' ? html : await pdfRenderer().render(html, { signal });
  const now = ctx.now();
  await tx(ctx.db, async (t) => {
    for (const c of sheet) {
      const account = await store.accountOf(t, householdId, c.kind);
      if (!account) throw new AppError('cheques/no-account');
      await store.lockAccount(t, account.id);
      await store.retireCodes(t, account.id, now, true);
      for (const code of c.raw)
        await store.insertCode(t, { accountId: account.id, hash: hashCode(code), now, expiresAt: expiryInstant(c.validUntil), printed: true });
    }
    await audit(t, ctx, 'cheques/codes-printed', {
      householdId,
      subjectType: 'household',
      subjectId: householdId,
      details: { kinds: sheet.map((c) => c.kind), codes: sheet.length * PRINTED_CODES },
    });
  });
  return { body, codes: sheet.length * PRINTED_CODES };
}

/** The family prints its own sheet of payment codes. */
export async function myPaymentSheet(ctx: Ctx, format: SheetFormat, signal?: AbortSignal) {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('cheques/no-household');
  return paymentSheet(ctx, h.id, format, signal);
}

/** An agent prints a family's sheet of payment codes at the desk, from its opened file. */
export async function householdPaymentSheet(ctx: Ctx, householdId: string, format: SheetFormat, signal?: AbortSignal) {
  requireRole(ctx, ...AGENTS);
  await assertCanAccess(ctx, householdId, 'cheques.card');
  return paymentSheet(ctx, householdId, format, signal);
}

/** The family's own card. */
export async function myCardPdf(ctx: Ctx, signal?: AbortSignal): Promise<Buffer> {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('cheques/no-household');
  return cardPdf(ctx, h.id, signal);
}

/** An agent prints a family's card at the desk, from its opened file. */
export async function householdCardPdf(ctx: Ctx, householdId: string, signal?: AbortSignal): Promise<Buffer> {
  requireRole(ctx, ...AGENTS);
  await assertCanAccess(ctx, householdId, 'cheques.card');
  const pdf = await cardPdf(ctx, householdId, signal);
  await audit(ctx.db, ctx, 'cheques/card-printed', { householdId, subjectType: 'household', subjectId: householdId });
  return pdf;
}
