/**
 * Requests (demandes d'aide) and their instruction. Each use case: access check first,
 * the change in one transaction (request locked), the event, the family's notice through
 * the outbox, the audit entry last. A family acts itself, or an agent acts for it under a
 * mandate (never with its password); every action under a mandate is marked as such.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError, type FieldError } from '../../platform/errors';
import { requireRole, requireUser } from '../../platform/roles';
import { readHouseholdAsSystem } from '../dossiers/index';
import { actAsFamily, aidOf, lockRequest, notifyFamily, STAFF_ROLES, transition } from './acting.service';
import { type AidDefinition, isEnded, isRequestable } from './aid';
import { householdFacts } from './catalogue.service';
import * as catalogue from './catalogue.store';
import { evaluateAid, type AidFacts } from './eligibility';
import type { CorrectionReason, RequestStatus } from './request-states';
import * as store from './requests.store';
import { recordUploads, type UploadInput, withUploads, writeUploads } from './uploads.service';

function checkFields(aid: AidDefinition, input: Record<string, unknown>): Record<string, string | number> {
  const problems: FieldError[] = [];
  const out: Record<string, string | number> = {};
  for (const f of aid.request_fields) {
    const v = input[f.key];
    const path = `fields.${f.key}`;
    if (v === undefined || v === null || v === '') {
      // The field is named by its path (pages show its label, the town's French data): the sentence alone is translated (issue 19).
      if (f.required) problems.push({ path, message: 'Ce champ est obligatoire.' });
      continue;
    }
    if (f.type === 'money') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > 10_000_000) problems.push({ path, message: 'Indiquez un montant positif.' });
      else out[f.key] = v;
    } else if (typeof v !== 'string' || v.trim().length > 500) problems.push({ path, message: 'Au plus 500 caractères.' });
    else out[f.key] = v.trim();
  }
  for (const k of Object.keys(input))
    if (!aid.request_fields.some((f) => f.key === k)) problems.push({ path: `fields.${k}`, message: "Ce champ n'est pas demandé par cette aide." });
  if (problems.length) throw new AppError('aides/invalid-fields', { fields: problems });
  return out;
}

/** An uploaded document is one the aid asks for, or "autre". */
function checkKinds(aid: AidDefinition, uploads: readonly UploadInput[], prefix: (i: number) => string): void {
  const known = new Set([...aid.documents.map((d) => d.kind), 'autre']);
  const fields = uploads.flatMap((u, i) => (known.has(u.kind) ? [] : [{ path: `${prefix(i)}kind`, message: 'Cette aide ne demande pas ce justificatif.' }]));
  if (fields.length) throw new AppError('aides/invalid-fields', { fields });
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
  /** New documents, recorded with the request in one transaction (all or nothing). */
  documents?: UploadInput[];
}

/** A family (or an agent under its mandate) asks for an aid: the fields this aid needs; the file's valid documents attach themselves. */
export async function createRequest(
  ctx: Ctx,
  input: CreateRequestInput,
): Promise<{ id: string; status: RequestStatus; attached: string[]; uploaded: string[] }> {
  const who = await actAsFamily(ctx, ctx.db, { aidId: input.aidId, mandateId: input.mandateId });
  const v = await catalogue.versionOf(ctx.db, input.aidId);
  if (!v) throw new AppError('aides/aid-not-found');
  const day = parisDate(ctx.now());
  if (isEnded(v.definition, day)) throw new AppError('aides/aid-ended');
  if (!isRequestable(v.definition)) throw new AppError('aides/not-requestable');
  const fields = checkFields(v.definition, input.fields);
  const at = (i: number) => `documents.${i}.`;
  checkKinds(v.definition, input.documents ?? [], at);
  const written = await writeUploads(ctx, input.documents ?? [], at);
  return withUploads(ctx, written, () =>
    tx(ctx.db, async (t) => {
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
      await recordUploads(t, ctx, id, who, written);
      let status: RequestStatus = 'brouillon';
      if (input.submit) {
        status = 'deposee';
        await store.setStatus(t, id, status, ctx.now(), { submitted: true });
        await store.addEvent(
          t,
          { requestId: id, actorId: who.userId, actorRole: who.role, mandateId: who.mandateId, kind: 'status', from: 'brouillon', to: status },
          ctx.now(),
        );
        await notifyFamily(ctx, t, who.householdId, status, v.definition.title, who.mandateId ? { note: 'mandate' } : undefined);
      }
      await audit(t, ctx, 'aides/request-created', {
        householdId: who.householdId,
        subjectType: 'aid_request',
        subjectId: id,
        details: { aid: v.aidId, version: v.version, status, mandate: who.mandateId, eligibility: eligibility.status, uploaded: written.length },
      });
      return { id, status, attached, uploaded: written.map((w) => w.kind) };
    }),
  );
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
    await notifyFamily(ctx, t, r.householdId, to, aid.title, { note: 'correction', reason: input.reason, asked, text: input.message });
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
  input: { fields?: Record<string, unknown>; message?: string; mandateId?: string | null; documents?: UploadInput[] },
): Promise<void> {
  const pre = await store.getRequest(ctx.db, id);
  if (!pre) throw new AppError('aides/request-not-found');
  const who = await actAsFamily(ctx, ctx.db, { householdId: pre.householdId, aidId: pre.aidId, mandateId: input.mandateId });
  const aid = await aidOf(ctx.db, pre);
  const fields = input.fields ? checkFields(aid, { ...pre.fields, ...input.fields }) : undefined;
  const at = (i: number) => `documents.${i}.`;
  checkKinds(aid, input.documents ?? [], at);
  const written = await writeUploads(ctx, input.documents ?? [], at);
  await withUploads(ctx, written, () =>
    tx(ctx.db, async (t) => {
      const r = await lockRequest(t, id);
      const to = transition('answer_correction', r);
      await recordUploads(t, ctx, id, who, written);
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
        details: { mandate: who.mandateId, uploaded: written.length },
      });
    }),
  );
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
  const written = await writeUploads(ctx, [input], () => '');
  return withUploads(ctx, written, () =>
    tx(ctx.db, async (t) => {
      const r = await lockRequest(t, id);
      const [docId] = await recordUploads(t, ctx, id, who, written);
      await audit(t, ctx, 'aides/document-added', {
        householdId: r.householdId,
        subjectType: 'aid_request',
        subjectId: id,
        details: { document: docId, kind: input.kind, mandate: who.mandateId },
      });
      return { id: docId };
    }),
  );
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
      await notifyFamily(ctx, t, pre.householdId, pre.status, (await aidOf(t, pre)).title, { note: 'message', text: input.body });
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
      const role = await store.userRole(t, agentId);
      if (!role || !(STAFF_ROLES as readonly string[]).includes(role))
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
