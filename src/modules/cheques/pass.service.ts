/**
 * The Pass Famille Solo: issued by an agent from the family's file when its rule holds,
 * shown in the family's account with a QR signed by the town (Ed25519, checkable offline
 * with the public key), verified by partners who see only the first name, the validity
 * and the benefits they grant. Each verification is counted, never who was verified.
 */
import { audit } from '../../platform/audit';
import { parisDate, parisInstant } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Queryable, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { queueLocalized } from '../../platform/notify/localized';
import { requireRole } from '../../platform/roles';
import { throttle } from '../../platform/throttle';
import { assertCanAccess, getHouseholdForUser, readHouseholdAsSystem } from '../dossiers/index';
import { chequesRules } from './cheques-rules';
import { generateCode, groupCode, looksLikeCode, normalizeCode } from './codes';
import { passPeriod } from './eligibility';
import { passRule, type PassRuleAnswer } from './extensions';
import { dayAsDate } from './kinds';
import { AGENTS, TOWN } from './ledger.service';
import { loadPassKeys } from './pass-keys';
import { signPass, TOKEN_PREFIX, verifyPassToken } from './pass-token';
import * as store from './pass.store';
import { structureBasics, syncDirectoryFlag } from './structures';

export const VERIFY_LIMIT = { max: 300, windowSeconds: 600 };
export const VERIFY_MISS_LIMIT = { max: 20, windowSeconds: 600 };

export const BENEFIT_LABELS = { free_entry: 'Entrée gratuite', reduced_price: 'Tarif réduit', reserved_workshop: 'Atelier réservé' } as const;
export const THEME_LABELS = { culture: 'Culture', sport: 'Sport', loisirs: 'Loisirs', ateliers: 'Ateliers' } as const;

type Status = 'valid' | 'expired' | 'revoked' | 'not_yet_valid';

function statusOf(p: store.PassRow, today: string): Status {
  if (p.revokedAt) return 'revoked';
  if (today > p.validUntil) return 'expired';
  if (today < p.validFrom) return 'not_yet_valid';
  return 'valid';
}

/** "PFS ABCD EFGH" as printed on the card. */
export const printedNumber = (n: string) => `PFS ${groupCode(n)}`;

/** What the rule says of the family's file (the agent's page shows it before issuing). */
export async function passCheck(ctx: Ctx, householdId: string, reason?: string) {
  requireRole(ctx, ...AGENTS);
  await assertCanAccess(ctx, householdId, 'cheques.pass', { reason });
  const h = await readHouseholdAsSystem(ctx.db, householdId, ctx.now());
  if (!h) throw new AppError('cheques/not-found');
  const e = await passRuleSays(ctx.db, householdId, ctx.now());
  const pass = await store.passOfHousehold(ctx.db, householdId);
  const today = parisDate(ctx.now());
  return {
    eligible: e.eligible,
    reason: e.eligible ? null : e.reasons.join(' '),
    pass: pass
      ? {
          id: pass.id,
          number: printedNumber(pass.number),
          firstName: pass.firstName,
          validFrom: pass.validFrom,
          validUntil: pass.validUntil,
          status: statusOf(pass, today),
        }
      : null,
  };
}

/**
 * The Pass's rule — the aids module's local aid « Pass Famille Solo », through our
 * `passRule` hook. No module giving it: nothing is issued (missing rule never means eligible).
 */
async function passRuleSays(q: Queryable, householdId: string, now: Date): Promise<PassRuleAnswer> {
  const rule = passRule();
  if (!rule) return { eligible: false, reasons: ["La règle du Pass Famille Solo (une aide locale de la ville) n'est pas disponible."] };
  return rule(q, householdId, now);
}

export async function issuePass(ctx: Ctx, householdId: string, input: { reason?: string } = {}) {
  const user = requireRole(ctx, ...AGENTS);
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, 'cheques.pass', { q: t, reason: input.reason });
    const h = await readHouseholdAsSystem(t, householdId, ctx.now());
    if (!h) throw new AppError('cheques/not-found');
    const e = await passRuleSays(t, householdId, ctx.now());
    if (!e.eligible) throw new AppError('cheques/not-eligible', { fields: [{ path: 'householdId', message: e.reasons.join(' ') }] });
    const period = passPeriod(parisDate(ctx.now()), chequesRules().pass.validityMonths);
    let id: string;
    try {
      id = await store.insertPass(t, { householdId, number: generateCode(), firstName: h.parent.firstName ?? '', ...period, by: user.id, now: ctx.now() });
    } catch (err) {
      onConstraint(err, { cheques_passes_live_key: new AppError('cheques/pass-exists') });
    }
    await audit(t, ctx, 'cheques/pass-issued', { householdId, subjectType: 'cheques_pass', subjectId: id, details: { validUntil: period.validUntil } });
    return { id };
  });
}

/** With the file's yearly renewal: the live pass runs for a new period from today. */
export async function renewPass(ctx: Ctx, passId: string, input: { reason?: string } = {}) {
  requireRole(ctx, ...AGENTS);
  return tx(ctx.db, async (t) => {
    const p = await store.passById(t, passId, true);
    if (!p || !p.householdId) throw new AppError('cheques/not-found');
    await assertCanAccess(ctx, p.householdId, 'cheques.pass', { q: t, reason: input.reason });
    if (p.revokedAt) throw new AppError('cheques/already-revoked');
    const e = await passRuleSays(t, p.householdId, ctx.now());
    if (!e.eligible) throw new AppError('cheques/not-eligible', { fields: [{ path: 'passId', message: e.reasons.join(' ') }] });
    const { validUntil } = passPeriod(parisDate(ctx.now()), chequesRules().pass.validityMonths);
    await store.renewPass(t, passId, validUntil);
    await audit(t, ctx, 'cheques/pass-renewed', { householdId: p.householdId, subjectType: 'cheques_pass', subjectId: passId, details: { validUntil } });
    return { ok: true };
  });
}

/**
 * The family confirmed its file's yearly renewal (dossiers' `renewed` hook, in that
 * transaction): a live pass runs a new period from today when the rule still holds; else it
 * is left to end at its date, and the family is told now why and until when it is valid.
 */
export async function renewPassWithFile(t: Tx, ctx: Ctx, event: { householdId: string; campaignYear: number }): Promise<void> {
  const p = await store.passOfHousehold(t, event.householdId);
  const today = parisDate(ctx.now());
  if (!p || p.revokedAt || p.validUntil < today) return;
  const e = await passRuleSays(t, event.householdId, ctx.now());
  if (e.eligible) {
    const { validUntil } = passPeriod(today, chequesRules().pass.validityMonths);
    await store.renewPass(t, p.id, validUntil);
    await audit(t, ctx, 'cheques/pass-renewed', {
      householdId: event.householdId,
      subjectType: 'cheques_pass',
      subjectId: p.id,
      details: { validUntil, withFileRenewal: event.campaignYear },
    });
    return;
  }
  const h = await readHouseholdAsSystem(t, event.householdId, ctx.now());
  const recipient = h?.parent.email ?? h?.parent.phone ?? null;
  if (h && recipient) {
    // In the family's language; the rule's reasons are the aids module's French text.
    await queueLocalized(t, ctx.jobs, {
      channel: h.parent.email ? 'email' : 'sms',
      recipient,
      userId: h.parentUserId,
      template: 'cheques.pass-not-renewed',
      vars: {
        hasName: h.parent.firstName ? 'yes' : 'no',
        name: h.parent.firstName ?? '',
        reasons: e.reasons.map((r) => `- ${r}`).join('\n'),
        until: dayAsDate(p.validUntil),
      },
    });
  }
  await audit(t, ctx, 'cheques/pass-not-renewed', {
    householdId: event.householdId,
    subjectType: 'cheques_pass',
    subjectId: p.id,
    details: { validUntil: p.validUntil, withFileRenewal: event.campaignYear },
  });
}

export async function revokePass(ctx: Ctx, passId: string, input: { reason: string }) {
  const user = requireRole(ctx, ...AGENTS);
  return tx(ctx.db, async (t) => {
    const p = await store.passById(t, passId, true);
    if (!p || !p.householdId) throw new AppError('cheques/not-found');
    await assertCanAccess(ctx, p.householdId, 'cheques.pass', { q: t });
    if (!(await store.revokePass(t, passId, user.id, input.reason, ctx.now()))) throw new AppError('cheques/already-revoked');
    await audit(t, ctx, 'cheques/pass-revoked', { householdId: p.householdId, subjectType: 'cheques_pass', subjectId: passId, reason: input.reason });
    return { ok: true };
  });
}

/** The family's card: number, validity, the signed QR content. */
export async function myPass(ctx: Ctx) {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('cheques/no-household');
  return { pass: await passCardOf(ctx, h.id) };
}

/** The household's pass as its card shows it (signed QR content unless revoked), or null. The caller checked who may see it. */
export async function passCardOf(ctx: Ctx, householdId: string) {
  const p = await store.passOfHousehold(ctx.db, householdId);
  if (!p) return null;
  const status = statusOf(p, parisDate(ctx.now()));
  const token =
    status === 'revoked'
      ? null
      : signPass({ number: p.number, firstName: p.firstName, validFrom: p.validFrom, validUntil: p.validUntil }, loadPassKeys(ctx.config.dataDir).privateKey);
  return { number: printedNumber(p.number), firstName: p.firstName, validFrom: p.validFrom, validUntil: p.validUntil, status, token };
}

export function publicKey(ctx: Ctx) {
  return loadPassKeys(ctx.config.dataDir).publicPem;
}

/**
 * A partner scans (signed content) or types (printed number) a pass. A forged or unknown
 * one gets the same answer; the pass's state (revocation) is read from the database.
 */
export async function verifyPass(ctx: Ctx, input: { pass: string }) {
  const user = requireRole(ctx, 'partner');
  if (!user.structureId) throw new AppError('cheques/not-partner');
  const now = ctx.now();
  await throttle(ctx.db, 'cheques.pass-verify', user.id, VERIFY_LIMIT, now);
  let number: string | null = null;
  const text = input.pass.trim();
  if (text.startsWith(`${TOKEN_PREFIX}.`)) {
    number = verifyPassToken(text, loadPassKeys(ctx.config.dataDir).publicKey)?.number ?? null;
  } else {
    const n = normalizeCode(text).replace(/^PFS/, '');
    number = looksLikeCode(n) ? n : null;
  }
  const [p, structure, offers] = await Promise.all([
    number ? store.passByNumber(ctx.db, number) : null,
    structureBasics(ctx, user.structureId),
    store.offers(ctx.db, { structureId: user.structureId }),
  ]);
  if (!p || !p.householdId) {
    await throttle(ctx.db, 'cheques.pass-verify-miss', user.id, VERIFY_MISS_LIMIT, now);
    throw new AppError('cheques/unknown-pass', { fields: [{ path: 'pass', message: 'Pass non reconnu.' }] });
  }
  const status = statusOf(p, parisDate(now));
  await tx(ctx.db, async (t) => {
    await store.countVerification(t, {
      structureId: user.structureId!,
      neighbourhoodId: structure?.neighbourhood ?? null,
      result: status === 'valid' ? 'valid' : status === 'revoked' ? 'revoked' : 'expired',
      now,
    });
    // Who verified, never whose pass: no household in this entry.
    await audit(t, ctx, 'cheques/pass-verified', { subjectType: 'structure', subjectId: user.structureId!, details: { status } });
  });
  return {
    status,
    firstName: p.firstName,
    validUntil: p.validUntil,
    benefits:
      status === 'valid' ? offers.map((o) => ({ title: o.title, benefit: o.benefit, benefitLabel: BENEFIT_LABELS[o.benefit], details: o.details })) : [],
  };
}

// ------------------------------------------------------------------ offers
export interface OfferInput {
  benefit: store.OfferRow['benefit'];
  theme: store.OfferRow['theme'];
  title: string;
  details?: string | null;
}

/** A partner lists what it offers pass holders (staff may do it for a structure). */
export async function addOffer(ctx: Ctx, structureId: string, input: OfferInput) {
  const user = requireRole(ctx, 'partner', ...AGENTS);
  if (user.role === 'partner' && user.structureId !== structureId) throw new AppError('cheques/structure-not-found');
  const s = await structureBasics(ctx, structureId);
  if (!s) throw new AppError('cheques/not-found');
  // The directory's flag first: a listing the directory refuses (incomplete) is fixed before offers are added.
  await syncDirectoryFlag(ctx, structureId, [...(await store.offers(ctx.db, { structureId })).map((o) => o.title), input.title]);
  return tx(ctx.db, async (t) => {
    const id = await store.insertOffer(t, {
      structureId,
      benefit: input.benefit,
      theme: input.theme,
      title: input.title,
      details: input.details ?? null,
      neighbourhoodId: s.neighbourhood,
      by: user.id,
      now: ctx.now(),
    });
    await audit(t, ctx, 'cheques/offer-added', { subjectType: 'cheques_offer', subjectId: id, details: { structureId } });
    return { id };
  });
}

export async function removeOffer(ctx: Ctx, offerId: string) {
  const user = requireRole(ctx, 'partner', ...AGENTS);
  const mine = (o: store.OfferRow | null): o is store.OfferRow => o !== null && (user.role !== 'partner' || o.structureId === user.structureId);
  const found = await store.offerById(ctx.db, offerId);
  if (!mine(found)) throw new AppError('cheques/not-found');
  await syncDirectoryFlag(
    ctx,
    found.structureId,
    (await store.offers(ctx.db, { structureId: found.structureId })).filter((o) => o.id !== offerId).map((o) => o.title),
  );
  return tx(ctx.db, async (t) => {
    const o = await store.offerById(t, offerId);
    if (!mine(o)) throw new AppError('cheques/not-found');
    await store.deleteOffer(t, offerId);
    await audit(t, ctx, 'cheques/offer-removed', { subjectType: 'cheques_offer', subjectId: offerId, details: { structureId: o.structureId } });
    return { ok: true };
  });
}

/** Families (and everyone signed in) browse offers by theme and neighbourhood. */
export async function listOffers(ctx: Ctx, f: { theme?: string; neighbourhood?: string; structureId?: string }) {
  const rows = await store.offers(ctx.db, f);
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.structureId))) names.set(id, (await structureBasics(ctx, id))?.name ?? '');
  const hoods = new Map(ctx.town.neighbourhoods.map((n) => [n.id, n.name]));
  return {
    offers: rows.map((o) => ({
      id: o.id,
      structureId: o.structureId,
      structureName: names.get(o.structureId) ?? '',
      benefit: o.benefit,
      benefitLabel: BENEFIT_LABELS[o.benefit],
      theme: o.theme,
      themeLabel: THEME_LABELS[o.theme],
      title: o.title,
      details: o.details,
      neighbourhood: o.neighbourhoodId ? (hoods.get(o.neighbourhoodId) ?? null) : null,
    })),
  };
}

/** For the evaluation of the measure: verifications per partner and its neighbourhood over a month (counts, never who). */
export async function passUses(ctx: Ctx, period: string) {
  requireRole(ctx, ...TOWN);
  const [y, m] = period.split('-').map(Number);
  const from = parisInstant(`${period}-01`);
  const to = parisInstant(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
  const rows = await store.verificationsByStructure(ctx.db, from, to);
  const hoods = new Map(ctx.town.neighbourhoods.map((n) => [n.id, n.name]));
  const uses = [];
  for (const r of rows) {
    uses.push({
      structureId: r.structureId,
      structureName: (await structureBasics(ctx, r.structureId))?.name ?? '',
      neighbourhood: r.neighbourhood ? (hoods.get(r.neighbourhood) ?? null) : null,
      count: r.n,
    });
  }
  return { period, uses };
}
