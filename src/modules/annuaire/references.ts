/**
 * For other modules that name a structure (and one of its services) of the directory: a
 * check inside their own transaction, the rows locked (FOR KEY SHARE) until it commits,
 * so that what they store points at a listing that exists and holds together.
 */
import type { Queryable } from '../../platform/db/pool';
import * as store from './annuaire.store';

/** For the platform (partner accounts): does the directory have this structure? */
export async function structureExists(q: Queryable, structureId: string): Promise<boolean> {
  return store.keyShareStructure(q, structureId);
}

export type DirectoryReferenceProblem = 'unknown-structure' | 'unknown-service' | 'service-of-other-structure';

export async function checkDirectoryReference(q: Queryable, structureId: string, serviceId?: string | null): Promise<DirectoryReferenceProblem | null> {
  if (!(await store.keyShareStructure(q, structureId))) return 'unknown-structure';
  if (serviceId == null) return null;
  const owner = await store.keyShareServiceStructure(q, serviceId);
  if (owner === null) return 'unknown-service';
  return owner === structureId ? null : 'service-of-other-structure';
}
