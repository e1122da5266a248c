/**
 * Proofs a family attaches to its application from the form (the criterion's document:
 * a judgement, a CAF certificate, an MDPH notification…), and staff reading them. A parent
 * acts for its own household only; every staff read is audited with the family's file.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { parisDate } from '../../platform/clock';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole, requireUser } from '../../platform/roles';
import { addDocument, assertCanAccess, getHouseholdForUser, isDocumentKind, readDocumentFile } from '../dossiers/index';
import type { DocumentInput } from './attribution.schemas';
import * as store from './attribution.store';
import { ownHousehold } from './application.service';
import { STAFF } from './campaign.service';
import * as documents from './documents.store';
import { proofProblem } from './proof-file';

const notFound = () => new AppError('attribution/not-found');

async function openCampaign(q: Queryable, campaignId: string, criterion: string, lock: boolean) {
  const c = await store.getCampaign(q, campaignId, { lock });
  if (!c || c.status === 'draft') throw notFound();
  if (c.status === 'published') throw new AppError('attribution/proofs-closed');
  const found = (await store.criteriaOf(q, campaignId)).find((x) => x.code === criterion);
  if (!found) throw new AppError('attribution/unknown-criterion', { fields: [{ path: 'criterion', message: "Ce critère n'existe pas dans cette campagne." }] });
  return { campaign: c, criterion: found };
}

/**
 * The family attaches (or replaces) the proof of one criterion, while the results are not
 * published. The proof becomes a document of its file (dossiers: in its documents list,
 * with its validity dates, recorded in the file's history), linked to the campaign here.
 */
export async function attachDocument(ctx: Ctx, campaignId: string, input: DocumentInput) {
  const h = await ownHousehold(ctx);
  const bytes = Buffer.from(input.base64, 'base64');
  const problem = proofProblem(bytes, input.mimeType);
  if (problem === 'empty') throw new AppError('attribution/file-empty', { fields: [{ path: 'base64', message: 'Le fichier est vide.' }] });
  if (problem === 'too-large') throw new AppError('attribution/file-too-large', { fields: [{ path: 'base64', message: 'Le fichier dépasse 3 Mo.' }] });
  if (problem === 'content')
    throw new AppError('attribution/file-content', { fields: [{ path: 'base64', message: "Ce fichier n'est pas du type annoncé (PDF, JPEG ou PNG)." }] });
  if (input.validUntil && input.validUntil < parisDate(ctx.now()))
    throw new AppError('attribution/proof-expired', {
      fields: [{ path: 'validUntil', message: 'Ce justificatif n’est plus valable : joignez-en un plus récent.' }],
    });
  const { criterion } = await openCampaign(ctx.db, campaignId, input.criterion, false);
  const kind = criterion.proofDocument && isDocumentKind(criterion.proofDocument) ? criterion.proofDocument : 'autre';
  // In the family's file first (its own transaction, access checked by dossiers); the link below
  // re-checks the campaign under its lock. Should the campaign publish in between, the document
  // stays in the family's file, where it belongs anyway.
  const fileDoc = await addDocument(ctx, h.id, {
    kind,
    label: kind === 'autre' ? (criterion.proof || criterion.label).slice(0, 120) : null,
    validUntil: input.validUntil ?? null,
    file: { name: input.name, mimeType: input.mimeType, base64: input.base64 },
  });
  return tx(ctx.db, async (t) => {
    // The campaign's row lock orders an attachment and a publication.
    await openCampaign(t, campaignId, input.criterion, true);
    const d = await documents.linkDocument(t, {
      campaignId,
      householdId: h.id,
      criterion: input.criterion,
      name: input.name,
      mimeType: input.mimeType,
      sizeBytes: bytes.length,
      householdDocumentId: fileDoc.id,
      uploadedAt: ctx.now(),
      uploadedBy: ctx.user?.id ?? null,
    });
    await audit(t, ctx, 'attribution/document-attached', {
      householdId: h.id,
      subjectType: 'campaign',
      subjectId: campaignId,
      details: { document: d.id, criterion: input.criterion, replaced: d.replaced, fileDocument: fileDoc.id },
    });
    return { id: d.id };
  });
}

/** The family removes a proof it attached, while the results are not published. */
export async function removeDocument(ctx: Ctx, campaignId: string, documentId: string) {
  const h = await ownHousehold(ctx);
  await tx(ctx.db, async (t) => {
    const c = await store.getCampaign(t, campaignId, { lock: true });
    const d = await documents.getDocument(t, documentId);
    if (!c || !d || d.campaignId !== campaignId || d.householdId !== h.id) throw notFound();
    if (c.status === 'published') throw new AppError('attribution/proofs-closed');
    await documents.deleteDocument(t, documentId);
    await audit(t, ctx, 'attribution/document-removed', {
      householdId: h.id,
      subjectType: 'campaign',
      subjectId: campaignId,
      details: { document: documentId },
    });
  });
  return { ok: true };
}

/**
 * A proof's file: for its family, or for staff through the family's file — opened with a
 * reason (now, or earlier within its validity), every read audited by dossiers — and the
 * read recorded for the campaign.
 */
export async function readDocument(
  ctx: Ctx,
  campaignId: string,
  documentId: string,
  opts: { reason?: string } = {},
): Promise<{ bytes: Buffer; mimeType: string; name: string }> {
  const user = requireUser(ctx);
  const found = await documents.getDocument(ctx.db, documentId, { content: true });
  const d = found?.campaignId === campaignId ? found : null;
  if (user.role === 'parent') {
    const h = await getHouseholdForUser(ctx);
    if (!d || !h || d.householdId !== h.id) throw notFound();
  } else {
    requireRole(ctx, ...STAFF);
    if (!d) throw notFound();
    // The dossiers rule for any staff read of a family's file: a reason, audited.
    await assertCanAccess(ctx, d.householdId, 'attribution.proof', { reason: opts.reason });
  }
  let file: { bytes: Buffer; mimeType: string };
  if (d.householdDocumentId) {
    try {
      file = await readDocumentFile(ctx, d.householdId, d.householdDocumentId);
    } catch (err) {
      // The family removed it from its file since.
      if (err instanceof AppError && err.code === 'dossiers/document-not-found') throw notFound();
      throw err;
    }
  } else file = { bytes: d.content!, mimeType: d.mimeType };
  if (user.role !== 'parent')
    await audit(ctx.db, ctx, 'attribution/document-read', {
      householdId: d.householdId,
      subjectType: 'campaign',
      subjectId: d.campaignId,
      details: { document: d.id, criterion: d.criterion },
    });
  return { bytes: file.bytes, mimeType: file.mimeType, name: d.name };
}
