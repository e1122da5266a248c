/**
 * Proofs a family attaches to its application from the form (the criterion's document:
 * a judgement, a CAF certificate, an MDPH notification…), and staff reading them. A parent
 * acts for its own household only; every staff read is audited with the family's file.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole, requireUser } from '../../platform/roles';
import { getHouseholdForUser } from '../dossiers/index';
import type { DocumentInput } from './attribution.schemas';
import * as store from './attribution.store';
import { ownHousehold } from './application.service';
import { STAFF } from './campaign.service';
import * as documents from './documents.store';
import { proofProblem } from './proof-file';

const notFound = () => new AppError('attribution/not-found');

/** The family attaches (or replaces) the proof of one criterion, while the results are not published. */
export async function attachDocument(ctx: Ctx, campaignId: string, input: DocumentInput) {
  const h = await ownHousehold(ctx);
  const bytes = Buffer.from(input.base64, 'base64');
  const problem = proofProblem(bytes, input.mimeType);
  if (problem === 'empty') throw new AppError('attribution/file-empty', { fields: [{ path: 'base64', message: 'Le fichier est vide.' }] });
  if (problem === 'too-large') throw new AppError('attribution/file-too-large', { fields: [{ path: 'base64', message: 'Le fichier dépasse 3 Mo.' }] });
  if (problem === 'content')
    throw new AppError('attribution/file-content', { fields: [{ path: 'base64', message: "Ce fichier n'est pas du type annoncé (PDF, JPEG ou PNG)." }] });
  return tx(ctx.db, async (t) => {
    // The campaign's row lock orders an attachment and a publication.
    const c = await store.getCampaign(t, campaignId, { lock: true });
    if (!c || c.status === 'draft') throw notFound();
    if (c.status === 'published') throw new AppError('attribution/proofs-closed');
    if (!(await store.criteriaOf(t, campaignId)).some((x) => x.code === input.criterion))
      throw new AppError('attribution/unknown-criterion', { fields: [{ path: 'criterion', message: "Ce critère n'existe pas dans cette campagne." }] });
    const d = await documents.putDocument(t, {
      campaignId,
      householdId: h.id,
      criterion: input.criterion,
      name: input.name,
      mimeType: input.mimeType,
      content: bytes,
      uploadedAt: ctx.now(),
      uploadedBy: ctx.user?.id ?? null,
    });
    await audit(t, ctx, 'attribution/document-attached', {
      householdId: h.id,
      subjectType: 'campaign',
      subjectId: campaignId,
      details: { document: d.id, criterion: input.criterion, replaced: d.replaced },
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

/** A proof's file: for its family, or for staff (each read audited with the family's file). */
export async function readDocument(ctx: Ctx, campaignId: string, documentId: string): Promise<{ bytes: Buffer; mimeType: string; name: string }> {
  const user = requireUser(ctx);
  const found = await documents.getDocument(ctx.db, documentId, { content: true });
  const d = found?.campaignId === campaignId ? found : null;
  if (user.role === 'parent') {
    const h = await getHouseholdForUser(ctx);
    if (!d || !h || d.householdId !== h.id) throw notFound();
  } else {
    requireRole(ctx, ...STAFF);
    if (!d) throw notFound();
    await audit(ctx.db, ctx, 'attribution/document-read', {
      householdId: d.householdId,
      subjectType: 'campaign',
      subjectId: d.campaignId,
      details: { document: d.id, criterion: d.criterion },
    });
  }
  return { bytes: d.content!, mimeType: d.mimeType, name: d.name };
}
