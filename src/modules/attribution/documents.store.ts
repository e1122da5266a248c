/** SQL of the proofs families attach to their applications (attribution_documents). */
import type { Queryable } from '../../platform/db/pool';

export interface DocumentRow {
  id: string;
  campaignId: string;
  householdId: string;
  criterion: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: Date;
  /** The document of the family's file it is (null: a proof stored before 0702, its content here). */
  householdDocumentId: string | null;
}
const DOCUMENT = `id, campaign_id AS "campaignId", household_id AS "householdId", criterion_code AS criterion, original_name AS name, mime_type AS "mimeType",
  size_bytes AS "sizeBytes", uploaded_at AS "uploadedAt", household_document_id AS "householdDocumentId"`;

/** Links a document of the family's file as the proof of a criterion; one per family, campaign and criterion: a new one replaces the link. */
export async function linkDocument(
  q: Queryable,
  d: Omit<DocumentRow, 'id' | 'householdDocumentId'> & { householdDocumentId: string; uploadedBy: string | null },
): Promise<{ id: string; replaced: boolean }> {
  const { rows } = await q.query<{ id: string; replaced: boolean }>(
    `INSERT INTO attribution_documents (campaign_id, household_id, criterion_code, original_name, mime_type, size_bytes, household_document_id, uploaded_at, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT ON CONSTRAINT attribution_documents_one_per_criterion DO UPDATE
       SET original_name = EXCLUDED.original_name, mime_type = EXCLUDED.mime_type, size_bytes = EXCLUDED.size_bytes, content = NULL,
           household_document_id = EXCLUDED.household_document_id, uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by, id = gen_random_uuid()
     RETURNING id, (xmax <> 0) AS replaced`,
    [d.campaignId, d.householdId, d.criterion, d.name, d.mimeType, d.sizeBytes, d.householdDocumentId, d.uploadedAt, d.uploadedBy],
  );
  return rows[0]!;
}

export async function documentsOf(q: Queryable, campaignId: string, householdId?: string): Promise<DocumentRow[]> {
  const { rows } = await q.query(
    `SELECT ${DOCUMENT} FROM attribution_documents WHERE campaign_id = $1 AND ($2::uuid IS NULL OR household_id = $2) ORDER BY criterion_code, uploaded_at`,
    [campaignId, householdId ?? null],
  );
  return rows;
}

export async function getDocument(q: Queryable, id: string, opts: { content?: boolean } = {}): Promise<(DocumentRow & { content?: Buffer }) | null> {
  const { rows } = await q.query(`SELECT ${DOCUMENT}${opts.content ? ', content' : ''} FROM attribution_documents WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function deleteDocument(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM attribution_documents WHERE id = $1`, [id]);
}
