/**
 * A consent or an orientation names a structure (and maybe one of its services) of the
 * directory: checked in the caller's transaction, through the annuaire's index.
 */
import type { Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { checkDirectoryReference } from '../annuaire/index';
import { CCAS_STRUCTURE_ID } from './purposes';

export async function assertDirectoryReference(t: Queryable, structureId: string, serviceId?: string | null): Promise<void> {
  // The CCAS keeps the file itself: it is no listing of the directory.
  if (structureId === CCAS_STRUCTURE_ID && serviceId == null) return;
  const problem = await checkDirectoryReference(t, structureId, serviceId);
  if (problem === 'unknown-structure') {
    throw new AppError('dossiers/unknown-structure', { fields: [{ path: 'structureId', message: "Cette structure n'existe pas dans l'annuaire." }] });
  }
  if (problem === 'unknown-service') {
    throw new AppError('dossiers/unknown-service', { fields: [{ path: 'serviceId', message: "Ce service n'existe pas dans l'annuaire." }] });
  }
  if (problem === 'service-of-other-structure') {
    throw new AppError('dossiers/service-not-of-structure', { fields: [{ path: 'serviceId', message: "Ce service n'est pas proposé par cette structure." }] });
  }
}
