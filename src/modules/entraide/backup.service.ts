import { momentInParis } from '../../platform/clock';
/**
 * Garde de dépannage: a parent keeps a roster of trusted neighbours — validated households it
 * exchanged contact details with in a conversation; a short-notice request (sick child, job
 * interview) is sent to all of them at once; the first to accept takes it (a conditional
 * update, never two takers), and both then see each other's phone.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { queueLocalized } from '../../platform/notify/localized';
import { readHouseholdAsSystem, type Household } from '../dossiers/index';
import { requireFamily } from './access';
import * as backup from './backup.store';
import * as store from './entraide.store';
import { parisDayAndTime } from './paris-day';
import { priceHits } from './free-help';

export type BackupReason = backup.BackupRow['reason'];
const notFound = () => new AppError('entraide/not-found');

/** A notification to a family in its language (src/modules/entraide/messages/<locale>.json): e-mail, or SMS without one. */
async function notify(t: Tx, ctx: Ctx, h: Household | null, template: string, vars: Record<string, string | Date>): Promise<boolean> {
  const recipient = h?.parent.email ?? h?.parent.phone;
  if (!h || !recipient) return false;
  await queueLocalized(t, ctx.jobs, { channel: h.parent.email ? 'email' : 'sms', recipient, userId: h.parentUserId, template, vars });
  return true;
}

/** Add the other parent of a conversation (contacts exchanged both ways, household validated) to my roster. */
export async function addToRoster(ctx: Ctx, answerId: string): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  return tx(ctx.db, async (t) => {
    const a = await store.getAnswer(t, answerId);
    if (!a || (a.householdId !== me.householdId && a.authorHouseholdId !== me.householdId)) throw notFound();
    const other = a.householdId === me.householdId ? a.authorHouseholdId : a.householdId;
    if (!a.authorSharesContact || !a.helperSharesContact) throw new AppError('entraide/contact-not-shared');
    if (await store.isBlockedEitherWay(t, me.householdId, other)) throw new AppError('entraide/blocked');
    if (!(await store.isValidated(t, other))) throw new AppError('entraide/not-validated');
    await backup.addToRoster(t, me.householdId, other, a.id, ctx.now());
    await audit(t, ctx, 'entraide/roster-added', { householdId: me.householdId, subjectType: 'entraide_answer', subjectId: a.id });
    return { ok: true as const };
  });
}

export async function removeFromRoster(ctx: Ctx, memberId: string): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  return tx(ctx.db, async (t) => {
    if (!(await backup.removeFromRoster(t, me.householdId, memberId))) throw notFound();
    await audit(t, ctx, 'entraide/roster-removed', { householdId: me.householdId, subjectType: 'household', subjectId: memberId });
    return { ok: true as const };
  });
}

/** Ask the whole roster at once; each trusted neighbour is told by e-mail or SMS. */
export async function requestBackup(
  ctx: Ctx,
  input: { reason: BackupReason; note: string; startsAt: string; endsAt: string },
): Promise<{ id: string; reached: number }> {
  const me = await requireFamily(ctx);
  const hits = priceHits({ note: input.note });
  if (hits.length)
    throw new AppError('entraide/price-refused', {
      fields: [{ path: 'note', message: `Montant ou paiement trouvé : « ${hits[0]!.excerpt} ». L'entraide est gratuite.` }],
    });
  const startsAt = momentInParis(input.startsAt);
  const endsAt = momentInParis(input.endsAt);
  if (endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > 86_400_000)
    throw new AppError('entraide/invalid-dates', { fields: [{ path: 'endsAt', message: 'La fin doit être après le début, dans les 24 heures.' }] });
  return tx(ctx.db, async (t) => {
    const roster = await backup.rosterOf(t, me.householdId);
    if (!roster.length) throw new AppError('entraide/empty-roster');
    const id = await backup.insertRequest(t, { householdId: me.householdId, reason: input.reason, note: input.note, startsAt, endsAt, now: ctx.now() });
    const mine = await readHouseholdAsSystem(t, me.householdId, ctx.now());
    const who = mine?.parent.firstName ?? 'Un parent de confiance';
    let reached = 0;
    for (const m of roster) {
      const h = await readHouseholdAsSystem(t, m.householdId, ctx.now());
      const from = parisDayAndTime(startsAt);
      const to = parisDayAndTime(endsAt);
      // ICU select keys are identifiers: enfant-malade → enfantMalade.
      const reason = input.reason.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
      const vars = { who, reason, fromDay: from.day, fromTime: from.time, toDay: to.day, toTime: to.time };
      if (await notify(t, ctx, h, 'entraide.backup', vars)) reached++;
    }
    await audit(t, ctx, 'entraide/backup-requested', { householdId: me.householdId, subjectType: 'entraide_backup', subjectId: id, details: { reached } });
    return { id, reached };
  });
}

/** The first trusted neighbour to accept takes the request. */
export async function acceptBackup(ctx: Ctx, id: string): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  return tx(ctx.db, async (t) => {
    const r = await backup.getRequest(t, id);
    if (!r || !(await backup.isInRoster(t, r.householdId, me.householdId))) throw notFound();
    if (await store.isBlockedEitherWay(t, r.householdId, me.householdId)) throw new AppError('entraide/blocked');
    if (!(await store.isValidated(t, me.householdId))) throw new AppError('entraide/not-validated');
    if (!(await backup.take(t, id, me.householdId, ctx.now()))) throw new AppError('entraide/backup-taken');
    const helper = await readHouseholdAsSystem(t, me.householdId, ctx.now());
    const owner = await readHouseholdAsSystem(t, r.householdId, ctx.now());
    await notify(t, ctx, owner, 'entraide.backup-taken', { who: helper?.parent.firstName ?? 'Un parent de confiance' });
    await audit(t, ctx, 'entraide/backup-accepted', { householdId: me.householdId, subjectType: 'entraide_backup', subjectId: id });
    return { ok: true as const };
  });
}

export async function cancelBackup(ctx: Ctx, id: string): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  return tx(ctx.db, async (t) => {
    if (!(await backup.cancel(t, id, me.householdId))) throw notFound();
    await audit(t, ctx, 'entraide/backup-cancelled', { householdId: me.householdId, subjectType: 'entraide_backup', subjectId: id });
    return { ok: true as const };
  });
}

type Contact = { firstName: string | null; phone: string | null; address: string | null };
function contactOf(h: Household | null, withAddress: boolean): Contact | null {
  if (!h) return null;
  const address = withAddress ? [h.address.line, h.address.postalCode, h.address.city].filter(Boolean).join(', ') || null : null;
  return { firstName: h.parent.firstName, phone: h.parent.phone, address };
}

/** My roster, my requests (who comes), and the requests of parents who trust me. */
export async function myBackup(ctx: Ctx) {
  const me = await requireFamily(ctx);
  const now = ctx.now();
  const read = (id: string) => readHouseholdAsSystem(ctx.db, id, now);
  const roster = [];
  for (const m of await backup.rosterOf(ctx.db, me.householdId)) roster.push({ memberId: m.householdId, contact: contactOf(await read(m.householdId), false) });
  const mine = [];
  for (const r of await backup.requestsOf(ctx.db, me.householdId, now))
    mine.push({ ...view(r), helper: r.takenByHouseholdId ? contactOf(await read(r.takenByHouseholdId), false) : null });
  const incoming = [];
  for (const r of await backup.incomingFor(ctx.db, me.householdId, now)) {
    const takenByMe = r.takenByHouseholdId === me.householdId;
    const h = await read(r.householdId);
    incoming.push({
      ...view(r),
      takenByMe,
      requester: takenByMe ? contactOf(h, true) : { firstName: h?.parent.firstName ?? null, phone: null, address: null },
    });
  }
  return { roster, mine, incoming };
}

function view(r: backup.BackupRow) {
  return { id: r.id, reason: r.reason, note: r.note, startsAt: r.startsAt, endsAt: r.endsAt, status: r.status };
}
