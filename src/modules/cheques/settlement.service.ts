/**
 * Settlement with partners per month: a partner reads its statement (its redemptions);
 * the town settles each partner's month, exports the reimbursements (CSV) and marks
 * them paid. A settled redemption can no longer be cancelled at the counter.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { toCsv } from '../../platform/csv';
import { requireRole } from '../../platform/roles';
import { KIND_LABELS } from './kinds';
import { TOWN } from './ledger.service';
import * as store from './settlement.store';
import { structureNames } from './structures';

/** Euros for a spreadsheet ("50,50") and a French day ("02/04/2026"). */
const amount = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const day = (d: Date) => parisDate(d).split('-').reverse().join('/');

/** A month is settled once it is over: a redemption made later in it would never be. */
function checkPeriod(ctx: Ctx, period: string): void {
  if (period >= parisDate(ctx.now()).slice(0, 7))
    throw new AppError('cheques/invalid-period', { fields: [{ path: 'period', message: 'Ce mois n’est pas encore terminé.' }] });
}

export async function statement(ctx: Ctx, q: { period: string; structureId?: string }) {
  const user = requireRole(ctx, 'partner', ...TOWN);
  const structureId = user.role === 'partner' ? user.structureId : q.structureId;
  if (!structureId) throw new AppError(user.role === 'partner' ? 'cheques/not-partner' : 'cheques/not-found');
  if (user.role === 'partner' && q.structureId && q.structureId !== user.structureId) throw new AppError('auth/forbidden');
  const lines = await store.statementLines(ctx.db, structureId, q.period);
  const names = await structureNames(ctx, [structureId]);
  const kept = lines.filter((l) => !l.cancelled);
  return {
    structureId,
    structureName: names.get(structureId) ?? '',
    period: q.period,
    totalCents: kept.reduce((s, l) => s + l.amountCents, 0),
    settledCents: kept.filter((l) => l.settlementId).reduce((s, l) => s + l.amountCents, 0),
    lines: lines.map((l) => ({
      id: l.id,
      at: l.at,
      kind: l.kind,
      kindLabel: KIND_LABELS[l.kind],
      amountCents: l.amountCents,
      cancelled: l.cancelled,
      settled: l.settlementId !== null,
    })),
  };
}

export async function settlementsOf(ctx: Ctx, period: string) {
  requireRole(ctx, ...TOWN);
  return periodOverview(ctx, period);
}

/** A month per partner: the redemptions still to settle, and the settlements made. The caller checked who may read it. */
async function periodOverview(ctx: Ctx, period: string) {
  const [pending, settled] = await Promise.all([store.structuresOfPeriod(ctx.db, period), store.settlementsOfPeriod(ctx.db, period)]);
  const names = await structureNames(ctx, [...pending.map((p) => p.structureId), ...settled.map((s) => s.structureId)]);
  return {
    period,
    partners: pending.map((p) => ({ ...p, structureName: names.get(p.structureId) ?? '' })),
    settlements: settled.map((s) => ({ ...s, structureName: names.get(s.structureId) ?? '' })),
  };
}

export async function settle(ctx: Ctx, input: { structureId: string; period: string }) {
  const user = requireRole(ctx, ...TOWN);
  return settleOne(ctx, input, user.id);
}

/** One partner's month, by a town user or by the town's finance agent at the command line (`by` null). */
async function settleOne(ctx: Ctx, input: { structureId: string; period: string }, by: string | null) {
  checkPeriod(ctx, input.period);
  return tx(
    ctx.db,
    async (t) => {
      let s: Awaited<ReturnType<typeof store.insertSettlement>>;
      try {
        s = await store.insertSettlement(t, { ...input, by, now: ctx.now() });
      } catch (err) {
        onConstraint(err, { cheques_settlements_once: new AppError('cheques/already-settled') });
      }
      if (!s) throw new AppError((await store.settlementExists(t, input.structureId, input.period)) ? 'cheques/already-settled' : 'cheques/nothing-to-settle');
      await audit(t, ctx, 'cheques/settled', {
        subjectType: 'cheques_settlement',
        subjectId: s.id,
        details: { structureId: input.structureId, period: input.period, totalCents: s.totalCents, count: s.count },
      });
      return { id: s.id };
    },
    { isolation: 'serializable' },
  );
}

export async function markPaid(ctx: Ctx, id: string) {
  const user = requireRole(ctx, ...TOWN);
  return tx(ctx.db, async (t) => {
    const r = await store.markPaid(t, id, user.id, ctx.now());
    if (r === 'missing') throw new AppError('cheques/not-found');
    if (r === 'paid') throw new AppError('cheques/already-paid');
    await audit(t, ctx, 'cheques/settlement-paid', { subjectType: 'cheques_settlement', subjectId: id });
    return { ok: true };
  });
}

export async function settlementsCsv(ctx: Ctx, period: string): Promise<string> {
  const { settlements } = await settlementsOf(ctx, period);
  const rows: (string | number)[][] = [['Partenaire', 'Identifiant de la structure', 'Mois', 'Nombre de paiements', 'Montant (€)', 'Payé le']];
  for (const s of settlements) {
    rows.push([s.structureName, s.structureId, s.period, s.count, amount(s.totalCents), s.paidAt ? day(s.paidAt) : '']);
  }
  return toCsv(rows, { separator: ';', bom: true });
}

/**
 * For the town's finance agent (`relais cheques remboursements`): every partner of the month,
 * settled or not, with what the town owes it. `settle` first establishes the statements of
 * the partners still pending (each audited, the actor being the command line).
 */
export async function reimbursementsCsv(
  ctx: Ctx,
  period: string,
  opts: { settle?: boolean } = {},
): Promise<{ csv: string; settled: number; partners: number }> {
  let settled = 0;
  if (opts.settle) {
    for (const p of (await periodOverview(ctx, period)).partners) {
      try {
        await settleOne(ctx, { structureId: p.structureId, period }, null);
        settled++;
      } catch (err) {
        // Settled or emptied meanwhile (a cancellation, another agent): the export below says where it stands.
        if (!(err instanceof AppError && (err.code === 'cheques/already-settled' || err.code === 'cheques/nothing-to-settle'))) throw err;
      }
    }
  }
  const o = await periodOverview(ctx, period);
  const rows: (string | number)[][] = [['Partenaire', 'Identifiant de la structure', 'Mois', 'Nombre de paiements', 'Montant (€)', 'État', 'Payé le']];
  for (const s of o.settlements) {
    rows.push([
      s.structureName,
      s.structureId,
      period,
      s.count,
      amount(s.totalCents),
      s.paidAt ? 'payé' : 'relevé établi, à payer',
      s.paidAt ? day(s.paidAt) : '',
    ]);
  }
  for (const p of o.partners) rows.push([p.structureName, p.structureId, period, p.count, amount(p.totalCents), 'relevé à établir', '']);
  return { csv: toCsv(rows, { separator: ';', bom: true }), settled, partners: o.settlements.length + o.partners.length };
}
