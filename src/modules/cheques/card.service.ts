/**
 * The printed card as a PDF: the family downloads its own; an agent prints it at the desk
 * from the family's opened file (audited: who printed whose card, when).
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { pdfRenderer } from '../../platform/pdf';
import { requireRole } from '../../platform/roles';
import { assertCanAccess, getHouseholdForUser, readHouseholdAsSystem } from '../dossiers/index';
import { cardHtml } from './card';
import { AGENTS, balancesOf } from './ledger.service';
import { passCardOf } from './pass.service';

async function cardPdf(ctx: Ctx, householdId: string, signal?: AbortSignal): Promise<Buffer> {
  const [h, pass, accounts] = await Promise.all([
    readHouseholdAsSystem(ctx.db, householdId, ctx.now()),
    passCardOf(ctx, householdId),
    balancesOf(ctx, householdId),
  ]);
  if (!h) throw new AppError('cheques/not-found');
  if (!pass && !accounts.length) throw new AppError('cheques/nothing-to-print');
  const html = cardHtml({
    town: ctx.town.name,
    firstName: pass?.firstName || h.parent.firstName || '',
    printedOn: parisDate(ctx.now()),
    pass,
    accounts,
  });
  return pdfRenderer().render(html, { signal });
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
