/**
 * For other modules that name a structure (and one of its services) of the directory: a
 * check inside their own transaction, the rows locked (FOR KEY SHARE) until it commits,
 * so that what they store points at a listing that exists and holds together.
 */
import type { Queryable } from '../../platform/db/pool';

/** For the platform (partner accounts): does the directory have this structure? */
export async function structureExists(q: Queryable, structureId: string): Promise<boolean> {
  return Boolean((await q.query(`SELECT 1 FROM annuaire_structures WHERE id = $1 FOR KEY SHARE`, [structureId])).rowCount);
}

export type DirectoryReferenceProblem = 'unknown-structure' | 'unknown-service' | 'service-of-other-structure';

export async function checkDirectoryReference(q: Queryable, structureId: string, serviceId?: string | null): Promise<DirectoryReferenceProblem | null> {
  const st = await q.query(`SELECT 1 FROM annuaire_structures WHERE id = $1 FOR KEY SHARE`, [structureId]);
  if (!st.rowCount) return 'unknown-structure';
  if (serviceId == null) return null;
  const sv = await q.query<{ structure_id: string }>(`SELECT structure_id FROM annuaire_services WHERE id = $1 FOR KEY SHARE`, [serviceId]);
  if (!sv.rowCount) return 'unknown-service';
  return sv.rows[0]!.structure_id === structureId ? null : 'service-of-other-structure';
}
