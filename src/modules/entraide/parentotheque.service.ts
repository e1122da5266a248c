/**
 * Parentothèque & recyclerie: a catalogue of items given by partners, companies or
 * families; a family asks (the item is reserved for it — never promised twice, by the
 * partial unique index entraide_loans_item_promised); the committee (an ambassador) or an
 * agent approves (the loan starts, due in the item's loan days; a gift is handed over), or
 * refuses; the return closes it. A family with an overdue loan cannot borrow another.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/roles';
import { isStaff, requireAgentOrAmbassador, requireFamily } from './access';
import { MAX_PHOTO_BYTES } from './entraide.schemas';
import * as loans from './loans.store';
import { stripPhotoMetadata } from './photo-metadata';

export type ItemInput = {
  title: string;
  category: 'poussette' | 'lit' | 'siege-auto' | 'cartable' | 'fournitures' | 'electromenager' | 'meuble' | 'autre';
  condition: 'neuf' | 'tres-bon' | 'bon' | 'usage';
  mode: 'pret' | 'don';
  donorKind: 'partenaire' | 'entreprise' | 'famille';
  donorLabel?: string | null;
  description?: string;
  neighbourhoodId?: string | null;
  loanDays?: number;
};

const notFound = () => new AppError('entraide/not-found');

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export async function addItem(ctx: Ctx, input: ItemInput): Promise<{ id: string }> {
  return tx(ctx.db, async (t) => {
    await requireAgentOrAmbassador(ctx, t);
    const id = await loans.insertItem(t, {
      title: input.title,
      category: input.category,
      condition: input.condition,
      mode: input.mode,
      donorKind: input.donorKind,
      donorLabel: input.donorLabel ?? null,
      description: input.description ?? '',
      neighbourhoodId: input.neighbourhoodId ?? null,
      loanDays: input.loanDays ?? 30,
      isDemo: false,
      now: ctx.now(),
    });
    await audit(t, ctx, 'entraide/item-added', { subjectType: 'entraide_item', subjectId: id });
    return { id };
  });
}

export async function catalogue(ctx: Ctx, category?: string) {
  requireUser(ctx);
  const items = await loans.listItems(ctx.db, { category });
  return items.map((i) => ({ ...i, available: !i.promised }));
}

/** A family asks for an item: reserved for it in one transaction, or refused (taken, overdue loan). */
export async function askItem(ctx: Ctx, itemId: string): Promise<{ id: string }> {
  const me = await requireFamily(ctx);
  const today = parisDate(ctx.now());
  return tx(ctx.db, async (t) => {
    const mine = await loans.lockHouseholdLoans(t, me.householdId);
    if (mine.some((l) => l.status === 'overdue' || (l.status === 'active' && l.dueOn !== null && l.dueOn < today))) throw new AppError('entraide/overdue-loan');
    const item = await loans.getItem(t, itemId);
    if (!item) throw notFound();
    if (item.status !== 'available') throw new AppError('entraide/item-unavailable');
    const id = await loans
      .insertLoan(t, itemId, me.householdId, ctx.now())
      .catch((err) => onConstraint(err, { entraide_loans_item_promised: () => new AppError('entraide/item-taken') }));
    await audit(t, ctx, 'entraide/item-reserved', { householdId: me.householdId, subjectType: 'entraide_loan', subjectId: id, details: { itemId } });
    return { id };
  });
}

export async function myLoans(ctx: Ctx) {
  const me = await requireFamily(ctx);
  return loans.loansOf(ctx.db, me.householdId);
}

/** The committee's (and agents') list: reservations to decide, loans running. */
export async function loansToHandle(ctx: Ctx) {
  await requireAgentOrAmbassador(ctx);
  return loans.loansToHandle(ctx.db);
}

async function decide(
  ctx: Ctx,
  loanId: string,
  from: loans.LoanStatus[],
  fn: (t: Parameters<Parameters<typeof tx>[1]>[0], loan: loans.LoanRow, by: string) => Promise<string>,
) {
  return tx(ctx.db, async (t) => {
    const who = await requireAgentOrAmbassador(ctx, t);
    const loan = await loans.getLoan(t, loanId, { lock: true });
    if (!loan) throw notFound();
    if (!from.includes(loan.status)) throw new AppError('entraide/invalid-loan-status');
    const action = await fn(t, loan, who.user.id);
    await audit(t, ctx, action, { householdId: loan.householdId, subjectType: 'entraide_loan', subjectId: loan.id });
    return { ok: true as const };
  });
}

/** Approve a reservation: a loan starts (due in the item's loan days), a gift is handed over. */
export function approveLoan(ctx: Ctx, loanId: string) {
  return decide(ctx, loanId, ['reserved'], async (t, loan, by) => {
    if (loan.itemMode === 'don') {
      await loans.setLoan(t, loan.id, { status: 'given', startedAt: ctx.now(), endedAt: ctx.now(), decidedBy: by });
      await loans.setItemStatus(t, loan.itemId, 'given');
    } else {
      await loans.setLoan(t, loan.id, { status: 'active', dueOn: addDays(parisDate(ctx.now()), loan.loanDays), startedAt: ctx.now(), decidedBy: by });
    }
    return 'entraide/loan-approved';
  });
}

export function refuseLoan(ctx: Ctx, loanId: string) {
  return decide(ctx, loanId, ['reserved'], async (t, loan, by) => {
    await loans.setLoan(t, loan.id, { status: 'refused', endedAt: ctx.now(), decidedBy: by });
    return 'entraide/loan-refused';
  });
}

export function returnLoan(ctx: Ctx, loanId: string) {
  return decide(ctx, loanId, ['active', 'overdue'], async (t, loan, by) => {
    await loans.setLoan(t, loan.id, { status: 'returned', endedAt: ctx.now(), decidedBy: by });
    return 'entraide/loan-returned';
  });
}

/** The family cancels its own reservation before it is approved. */
export async function cancelReservation(ctx: Ctx, loanId: string): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  return tx(ctx.db, async (t) => {
    const loan = await loans.getLoan(t, loanId, { lock: true });
    if (!loan || loan.householdId !== me.householdId) throw notFound();
    if (loan.status !== 'reserved') throw new AppError('entraide/invalid-loan-status');
    await loans.setLoan(t, loan.id, { status: 'cancelled', endedAt: ctx.now() });
    await audit(t, ctx, 'entraide/loan-cancelled', { householdId: me.householdId, subjectType: 'entraide_loan', subjectId: loan.id });
    return { ok: true as const };
  });
}

export { isStaff };

/**
 * The committee (agent or ambassador) sets an item's photo: JPEG, PNG or WebP by its bytes, 2 MB at
 * most, its metadata (EXIF with the GPS position, XMP, IPTC, text chunks) stripped before storing.
 */
export async function setItemPhoto(ctx: Ctx, itemId: string, base64: string): Promise<{ ok: true }> {
  const { user } = await requireAgentOrAmbassador(ctx);
  const raw = Buffer.from(base64, 'base64');
  const field = (message: string) => new AppError('entraide/photo-invalid', { fields: [{ path: 'base64', message }] });
  if (raw.length === 0) throw field('La photo est vide.');
  if (raw.length > MAX_PHOTO_BYTES) throw field('La photo dépasse 2 Mo.');
  const clean = stripPhotoMetadata(raw);
  if (!clean) throw field("Ce fichier n'est pas une photo JPEG, PNG ou WebP.");
  return tx(ctx.db, async (t) => {
    const item = await loans.getItem(t, itemId);
    if (!item) throw notFound();
    await loans.upsertPhoto(t, itemId, { mimeType: clean.type, content: Buffer.from(clean.bytes), by: user.id, now: ctx.now() });
    await audit(t, ctx, 'entraide/item-photo-set', {
      subjectType: 'entraide_item',
      subjectId: itemId,
      details: { bytes: clean.bytes.length, type: clean.type },
    });
    return { ok: true as const };
  });
}

/** An item's photo, for signed-in users only. */
export async function itemPhoto(ctx: Ctx, itemId: string): Promise<{ mimeType: string; content: Buffer }> {
  requireUser(ctx);
  const p = await loans.getPhoto(ctx.db, itemId);
  if (!p) throw notFound();
  return p;
}
