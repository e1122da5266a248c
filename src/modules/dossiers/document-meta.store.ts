/** What another module shows of documents of a file it links to (a proof attached elsewhere): never the file itself. */
import type { Queryable } from '../../platform/db/pool';

export interface DocumentMeta {
  id: string;
  kind: string;
  label: string | null;
  originalName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  validFrom: string | null;
  validUntil: string | null;
}

/** These documents of the household (others' ids are ignored). Access is the caller's to check. */
export async function documentsMeta(q: Queryable, householdId: string, ids: string[]): Promise<Map<string, DocumentMeta>> {
  if (!ids.length) return new Map();
  const { rows } = await q.query<DocumentMeta>(
    `SELECT id, kind, label, original_name AS "originalName", mime_type AS "mimeType", size_bytes AS "sizeBytes",
            to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil"
       FROM household_documents WHERE household_id = $1 AND id = ANY($2::uuid[])`,
    [householdId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
