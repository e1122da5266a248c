/**
 * Requests (demandes d'aide) and their instruction. Each use case: access check first,
 * the change in one transaction (request locked), the event, the family's notice through
 * the outbox, the audit entry last. A family acts itself, or an agent acts for it under a
 * mandate (never with its password); every action under a mandate is marked as such.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { audit } from '../../platform/audit';
import { parisDate, parisParts } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, type Queryable, tx, type Tx } from '../../platform/db/pool';
import { AppError, type FieldError } from '../../platform/errors';
import { queueNotification } from '../../platform/notify/outbox';
import { requireRole, requireUser } from '../../platform/roles';
import { getHouseholdForUser, readHouseholdAsSystem } from '../dossiers/index';
import { type AidDefinition, isEnded } from './aid';
import { loanSchedule, maxGrantCents } from './benefit';
import { householdFacts } from './catalogue.service';
import * as catalogue from './catalogue.store';
import { evaluateAid, type AidFacts } from './eligibility';
import { checkUpload, UPLOAD_TYPES, type UploadType } from './file-check';
import * as funds from './funds.store';
import { euros } from './money';
import {
  CONTEST_TEXT,
  CORRECTION_REASONS,
  type CorrectionReason,
  familyMessage,
  nextStatus,
  REFUSAL_MOTIFS,
  type RefusalMotif,
  type RequestAction,
  type RequestStatus,
} from './request-states';
import * as store from './requests.store';

const STAFF_ROLES = ['agent', 'coordinator'] as const;

export function uploadsDir(ctx: Ctx): string {
  return path.join(ctx.config.dataDir, 'uploads', 'aides');
}

/** Who acts for the household: the parent itself, or an agent under a live mandate. */
interface Acting {
  householdId: string;
  userId: string;
  role: string;
  mandateId: string | null;
}

async function actAsFamily(ctx: Ctx, q: Queryable, opts: { householdId?: string; aidId?: string; mandateId?: string | null }): Promise<Acting> {
  const user = requireUser(ctx);
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

/** Tells the family (e-mail, else SMS) in plain French, in the transaction of the change. */
async function notifyFamily(ctx: Ctx, t: Tx, householdId: string, to: RequestStatus, aidTitle: string, extra = ''): Promise<void> {
  const h = await readHouseholdAsSystem(t, householdId, ctx.now());
  if (!h) return;
  const msg = familyMessage(to, aidTitle, extra);
  const channel = h.parent.email ? 'email' : h.parent.phone ? 'sms' : null;
  if (!channel) return;
  await queueNotification(t, ctx.jobs, {
    channel,
    recipient: (channel === 'email' ? h.parent.email : h.parent.phone)!,
    userId: h.parentUserId,
    template: 'aides.status',
    subject: msg.subject,
    body: msg.body,
  });
}

function checkFields(aid: AidDefinition, input: Record<string, unknown>): Record<string, string | number> {
  const problems: FieldError[] = [];
  const out: Record<string, string | number> = {};
  for (const f of aid.request_fields) {
    const v = input[f.key];
    const path = `fields.${f.key}`;
    if (v === undefined || v === null || v === '') {
      if (f.required) problems.push({ path, message: `${f.label} : ce champ est obligatoire.` });
      continue;
    }
    if (f.type === 'money') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > 10_000_000)
        problems.push({ path, message: `${f.label} : indiquez un montant positif.` });
      else out[f.key] = v;
    } else if (typeof v !== 'string' || v.trim().length > 500) problems.push({ path, message: `${f.label} : 500 caractères au plus.` });
    else out[f.key] = v.trim();
  }
  for (const k of Object.keys(input))
    if (!aid.request_fields.some((f) => f.key === k)) problems.push({ path: `fields.${k}`, message: "Ce champ n'est pas demandé par cette aide." });
  if (problems.length) throw new AppError('aides/invalid-fields', { fields: problems });
  return out;
}

/** The file's still-valid documents of the kinds the aid asks (not asked again). */
function reusableDocuments(aid: AidDefinition, docs: { id: string; kind: string; validFrom: string | null; expired: boolean }[], today: string) {
  const out: { kind: string; id: string }[] = [];
  for (const need of aid.documents) {
    const oldest = need.max_age_months ? addMonths(today, -need.max_age_months) : null;
    const doc = docs.find((d) => d.kind === need.kind && !d.expired && (!oldest || (d.validFrom !== null && d.validFrom >= oldest)));
    if (doc) out.push({ kind: need.kind, id: doc.id });
  }
  return out;
}

function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
}

export interface CreateRequestInput {
  aidId: string;
  fields: Record<string, unknown>;
  /** Answers to the eligibility questions the file cannot answer. */
  answers?: Partial<Pick<AidFacts, 'residenceMonths'>>;
  submit: boolean;
  mandateId?: string | null;
}

/** A family (or an agent under its mandate) asks for an aid: the fields this aid needs; the file's valid documents attach themselves. */
export async function createRequest(ctx: Ctx, input: CreateRequestInput): Promise<{ id: string; status: RequestStatus; attached: string[] }> {
  const who = await actAsFamily(ctx, ctx.db, { aidId: input.aidId, mandateId: input.mandateId });
  const v = await catalogue.versionOf(ctx.db, input.aidId);
  if (!v) throw new AppError('aides/aid-not-found');
  const day = parisDate(ctx.now());
  if (isEnded(v.definition, day)) throw new AppError('aides/aid-ended');
  const fields = checkFields(v.definition, input.fields);
  return tx(ctx.db, async (t) => {
    const h = await readHouseholdAsSystem(t, who.householdId, ctx.now());
    if (!h) throw new AppError('aides/no-household');
    const facts = await householdFacts(t, who.householdId, ctx.now(), input.answers ?? {});
    const eligibility = evaluateAid(v.definition, facts);
    const id = await store.insertRequest(
      t,
      {
        householdId: who.householdId,
        aidId: v.aidId,
        aidVersion: v.version,
        fundId: v.definition.fund,
        neighbourhood: h.address.neighbourhoodId,
        fields,
        eligibility,
        mandateId: who.mandateId,
        createdBy: who.userId,
        isDemo: false,
      },
      ctx.now(),
    );
    await store.addEvent(
      t,
      { requestId: id, actorId: who.userId, actorRole: who.role, mandateId: who.mandateId, kind: 'created', from: null, to: 'brouillon' },
      ctx.now(),
    );
    const attached: string[] = [];
    for (const d of reusableDocuments(v.definition, h.documents, day)) {
      await store.insertDocument(
        t,
        {
          requestId: id,
          kind: d.kind,
          householdDocumentId: d.id,
          storageName: null,
          originalName: null,
          mimeType: null,
          sizeBytes: null,
          by: who.userId,
          mandateId: who.mandateId,
        },
        ctx.now(),
      );
      attached.push(d.kind);
    }
    let status: RequestStatus = 'brouillon';
    if (input.submit) {
      status = 'deposee';
      await store.setStatus(t, id, status, ctx.now(), { submitted: true });
      await store.addEvent(
        t,
        { requestId: id, actorId: who.userId, actorRole: who.role, mandateId: who.mandateId, kind: 'status', from: 'brouillon', to: status },
        ctx.now(),
      );
      await notifyFamily(
        ctx,
        t,
        who.householdId,
        status,
        v.definition.title,
        who.mandateId ? 'Elle a été déposée pour vous par un agent du CCAS, avec votre mandat.' : '',
      );
    }
    await audit(t, ctx, 'aides/request-created', {
      householdId: who.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { aid: v.aidId, version: v.version, status, mandate: who.mandateId, eligibility: eligibility.status },
    });
    return { id, status, attached };
  });
}

/** Loads and locks a request; `forFamily`: the acting family must own it. */
async function lockRequest(t: Tx, id: string): Promise<store.RequestRow> {
  const r = await store.getRequest(t, id, true);
  if (!r) throw new AppError('aides/request-not-found');
  return r;
}

function transition(action: RequestAction, r: store.RequestRow): RequestStatus {
  const to = nextStatus(action, r.status);
  if (!to) throw new AppError('aides/transition-not-allowed');
  return to;
}

async function aidOf(q: Queryable, r: store.RequestRow): Promise<AidDefinition> {
  return (await catalogue.versionOf(q, r.aidId, r.aidVersion))!.definition;
}

/** The family (or its mandated agent) submits a draft. */
export async function submitRequest(ctx: Ctx, id: string, mandateId?: string | null): Promise<void> {
  const pre = await store.getRequest(ctx.db, id);
  if (!pre) throw new AppError('aides/request-not-found');
  const who = await actAsFamily(ctx, ctx.db, { householdId: pre.householdId, aidId: pre.aidId, mandateId });
  await tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    const to = transition('submit', r);
    await store.setStatus(t, id, to, ctx.now(), { submitted: true });
    await store.addEvent(
      t,
      { requestId: id, actorId: who.userId, actorRole: who.role, mandateId: who.mandateId, kind: 'status', from: r.status, to },
      ctx.now(),
    );
    await notifyFamily(ctx, t, r.householdId, to, (await aidOf(t, r)).title);
    await audit(t, ctx, 'aides/request-submitted', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { mandate: who.mandateId },
    });
  });
}

/** An agent takes a filed request into instruction (and is assigned to it). */
export async function takeRequest(ctx: Ctx, id: string): Promise<void> {
  const user = requireRole(ctx, ...STAFF_ROLES);
  await tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    const to = transition('take', r);
    await store.setStatus(t, id, to, ctx.now(), { assignedTo: r.assignedTo ?? user.id });
    await store.addEvent(t, { requestId: id, actorId: user.id, actorRole: user.role, mandateId: null, kind: 'status', from: r.status, to }, ctx.now());
    await notifyFamily(ctx, t, r.householdId, to, (await aidOf(t, r)).title);
    await audit(t, ctx, 'aides/request-taken', { householdId: r.householdId, subjectType: 'aid_request', subjectId: id });
  });
}

export interface CorrectionInput {
  reason: CorrectionReason;
  documents: string[];
  fields: string[];
  message: string;
}

/** The agent asks the family to correct or complete: instruction pauses until it answers. */
export async function askCorrection(ctx: Ctx, id: string, input: CorrectionInput): Promise<void> {
  const user = requireRole(ctx, ...STAFF_ROLES);
  await tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    const to = transition('ask_correction', r);
    const aid = await aidOf(t, r);
    const docLabels = input.documents.map((k) => aid.documents.find((d) => d.kind === k)?.label ?? k);
    const fieldLabels = input.fields.map((k) => aid.request_fields.find((f) => f.key === k)?.label ?? k);
    await store.setStatus(t, id, to, ctx.now(), { pause: 'start' });
    await store.addEvent(
      t,
      {
        requestId: id,
        actorId: user.id,
        actorRole: user.role,
        mandateId: null,
        kind: 'correction-asked',
        from: r.status,
        to,
        detail: { reason: input.reason, documents: input.documents, fields: input.fields, message: input.message },
      },
      ctx.now(),
    );
    const asked = [...docLabels, ...fieldLabels];
    await notifyFamily(
      ctx,
      t,
      r.householdId,
      to,
      aid.title,
      `${CORRECTION_REASONS[input.reason]}${asked.length ? ` : ${asked.join(', ')}` : ''}.${input.message ? `\n\nMessage de l'agent : ${input.message}` : ''}`,
    );
    await audit(t, ctx, 'aides/correction-asked', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { reason: input.reason, documents: input.documents, fields: input.fields },
    });
  });
}

/** The family answers a correction (new documents uploaded beforehand, fields corrected): instruction resumes. */
export async function answerCorrection(
  ctx: Ctx,
  id: string,
  input: { fields?: Record<string, unknown>; message?: string; mandateId?: string | null },
): Promise<void> {
  const pre = await store.getRequest(ctx.db, id);
  if (!pre) throw new AppError('aides/request-not-found');
  const who = await actAsFamily(ctx, ctx.db, { householdId: pre.householdId, aidId: pre.aidId, mandateId: input.mandateId });
  const aid = await aidOf(ctx.db, pre);
  const fields = input.fields ? checkFields(aid, { ...pre.fields, ...input.fields }) : undefined;
  await tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    const to = transition('answer_correction', r);
    await store.setStatus(t, id, to, ctx.now(), { pause: 'end', fields });
    await store.addEvent(
      t,
      { requestId: id, actorId: who.userId, actorRole: who.role, mandateId: who.mandateId, kind: 'correction-answered', from: r.status, to },
      ctx.now(),
    );
    if (input.message?.trim())
      await store.insertMessage(
        t,
        { requestId: id, authorId: who.userId, authorRole: who.role, mandateId: who.mandateId, internal: false, body: input.message.trim() },
        ctx.now(),
      );
    await audit(t, ctx, 'aides/correction-answered', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { mandate: who.mandateId },
    });
  });
}

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
        detail: { amountCents: input.amountCents },
      },
      ctx.now(),
    );
    const extra = schedule
      ? `Montant : ${euros(input.amountCents)}, à rembourser en ${schedule.length} mensualités de ${euros(schedule[0].amountCents)}.`
      : `Montant : ${euros(input.amountCents)}.`;
    await notifyFamily(ctx, t, r.householdId, to, aid.title, extra);
    await audit(t, ctx, 'aides/request-granted', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { decision: decisionId, amountCents: input.amountCents, fund: r.fundId },
    });
    return { decisionId, remainderCents: totals.remainderCents - input.amountCents };
  });
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
    await notifyFamily(
      ctx,
      t,
      r.householdId,
      'accordee',
      aid.title,
      `La décision a été corrigée : le montant accordé est maintenant de ${euros(input.amountCents)} (au lieu de ${euros(previous.amountCents!)}).${input.text ? ` ${input.text}` : ''}`,
    );
    await audit(t, ctx, 'aides/decision-corrected', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { decision: decisionId, supersedes: previous.id, amountCents: input.amountCents },
    });
    return { decisionId, remainderCents: totals.remainderCents + previous.amountCents! - input.amountCents };
  });
}

function num(v: string | number | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
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
    await notifyFamily(
      ctx,
      t,
      r.householdId,
      to,
      (await aidOf(t, r)).title,
      `Motif : ${REFUSAL_MOTIFS[input.motif]}.${input.text ? ` ${input.text}` : ''}\n\n${CONTEST_TEXT}`,
    );
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
    await notifyFamily(ctx, t, r.householdId, to, (await aidOf(t, r)).title, input.text);
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
    await notifyFamily(ctx, t, r.householdId, to, (await aidOf(t, r)).title, `Montant versé : ${euros(decision.amountCents!)}.`);
    await audit(t, ctx, 'aides/request-paid', {
      householdId: r.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { amountCents: decision.amountCents },
    });
  });
}

/** A new document for a request (uploaded by the family, or by an agent under mandate): content checked, stored outside the web root. */
export async function addDocument(
  ctx: Ctx,
  id: string,
  input: { kind: string; name: string; mimeType: string; base64: string; mandateId?: string | null },
): Promise<{ id: string }> {
  const pre = await store.getRequest(ctx.db, id);
  if (!pre) throw new AppError('aides/request-not-found');
  const who = await actAsFamily(ctx, ctx.db, { householdId: pre.householdId, aidId: pre.aidId, mandateId: input.mandateId });
  if (!['brouillon', 'deposee', 'en_instruction', 'a_corriger'].includes(pre.status)) throw new AppError('aides/transition-not-allowed');
  const bytes = Buffer.from(input.base64, 'base64');
  const problem = checkUpload(bytes, input.mimeType);
  if (problem === 'empty') throw new AppError('aides/file-empty', { fields: [{ path: 'base64', message: 'Le fichier est vide.' }] });
  if (problem === 'too-large') throw new AppError('aides/file-too-large', { fields: [{ path: 'base64', message: 'Le fichier dépasse 5 Mo.' }] });
  if (problem === 'type') throw new AppError('aides/file-type', { fields: [{ path: 'mimeType', message: 'Formats acceptés : PDF, JPEG ou PNG.' }] });
  // Unguessable name, no personal data in it; the folder is outside the served web root.
  const storageName = `${crypto.randomBytes(24).toString('base64url')}.${UPLOAD_TYPES[input.mimeType as UploadType]}`;
  await fs.mkdir(uploadsDir(ctx), { recursive: true, mode: 0o700 });
  await fs.writeFile(path.join(uploadsDir(ctx), storageName), bytes, { mode: 0o600 });
  try {
    return await tx(ctx.db, async (t) => {
      const r = await lockRequest(t, id);
      const docId = await store.insertDocument(
        t,
        {
          requestId: id,
          kind: input.kind,
          householdDocumentId: null,
          storageName,
          originalName: input.name.slice(0, 200),
          mimeType: input.mimeType,
          sizeBytes: bytes.length,
          by: who.userId,
          mandateId: who.mandateId,
        },
        ctx.now(),
      );
      await store.addEvent(
        t,
        {
          requestId: id,
          actorId: who.userId,
          actorRole: who.role,
          mandateId: who.mandateId,
          kind: 'document-added',
          from: null,
          to: null,
          detail: { kind: input.kind },
        },
        ctx.now(),
      );
      await audit(t, ctx, 'aides/document-added', {
        householdId: r.householdId,
        subjectType: 'aid_request',
        subjectId: id,
        details: { document: docId, kind: input.kind, mandate: who.mandateId },
      });
      return { id: docId };
    });
  } catch (err) {
    await fs.rm(path.join(uploadsDir(ctx), storageName), { force: true });
    throw err;
  }
}

/** A message to the family (thread) or a private annotation between agents (`internal`). */
export async function postMessage(ctx: Ctx, id: string, input: { body: string; internal: boolean; mandateId?: string | null }): Promise<{ id: string }> {
  const user = requireUser(ctx);
  const pre = await store.getRequest(ctx.db, id);
  if (!pre) throw new AppError('aides/request-not-found');
  const staff = (STAFF_ROLES as readonly string[]).includes(user.role);
  let mandateId: string | null = null;
  if (!staff || input.mandateId) {
    if (input.internal) throw new AppError('aides/request-not-found');
    mandateId = (await actAsFamily(ctx, ctx.db, { householdId: pre.householdId, aidId: pre.aidId, mandateId: input.mandateId })).mandateId;
  }
  return tx(ctx.db, async (t) => {
    const msgId = await store.insertMessage(
      t,
      { requestId: id, authorId: user.id, authorRole: user.role, mandateId, internal: input.internal, body: input.body },
      ctx.now(),
    );
    if (staff && !input.internal && !mandateId) {
      await notifyFamily(ctx, t, pre.householdId, pre.status, (await aidOf(t, pre)).title, `Un agent vous a écrit : « ${input.body} »`);
    }
    await audit(t, ctx, input.internal ? 'aides/annotation-added' : 'aides/message-posted', {
      householdId: pre.householdId,
      subjectType: 'aid_request',
      subjectId: id,
      details: { message: msgId, mandate: mandateId },
    });
    return { id: msgId };
  });
}

/** Assign a request to an agent (or to nobody). */
export async function assignRequest(ctx: Ctx, id: string, agentId: string | null): Promise<void> {
  requireRole(ctx, ...STAFF_ROLES);
  await tx(ctx.db, async (t) => {
    const r = await lockRequest(t, id);
    if (agentId) {
      const { rows } = await t.query<{ role: string }>(`SELECT role FROM users WHERE id = $1`, [agentId]);
      if (!rows[0] || !(STAFF_ROLES as readonly string[]).includes(rows[0].role))
        throw new AppError('aides/invalid-fields', { fields: [{ path: 'agentId', message: "Cette personne n'est pas un agent." }] });
    }
    await store.assign(t, id, agentId);
    await store.addEvent(
      t,
      { requestId: id, actorId: ctx.user!.id, actorRole: ctx.user!.role, mandateId: null, kind: 'assigned', from: null, to: null, detail: { agentId } },
      ctx.now(),
    );
    await audit(t, ctx, 'aides/request-assigned', { householdId: r.householdId, subjectType: 'aid_request', subjectId: id, details: { agentId } });
  });
}
