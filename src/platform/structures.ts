/**
 * A partner account acts for a structure, and the list of structures is a module's (the
 * directory, annuaire): it plugs its lookup in with `hooks: { platform: { structureExists } }`
 * in its ModuleDef, read when the modules are wired. The platform imports no module.
 */
import type { Queryable } from './db/pool';
import { AppError } from './errors';
import type { ModuleDef } from './module';

export interface PlatformHooks {
  /** Does a structure with this id exist? Run in the caller's transaction. */
  structureExists?: (q: Queryable, structureId: string) => Promise<boolean>;
}

declare module './module' {
  interface ModuleHooks {
    /** Plug into the platform (src/platform/structures.ts). */
    platform?: PlatformHooks;
  }
}

let lookups: NonNullable<PlatformHooks['structureExists']>[] = [];

/** The platform module's `wire`: reads every module's `hooks.platform`. */
export function wirePlatform(modules: readonly ModuleDef[]): void {
  lookups = modules.flatMap((m) => (m.hooks?.platform?.structureExists ? [m.hooks.platform.structureExists] : []));
}

/**
 * Refuses a structure no wired module knows (422, field `structureId`). Without any module
 * that lists structures (the platform alone), there is nothing to check against.
 */
export async function assertStructureExists(q: Queryable, structureId: string | null | undefined): Promise<void> {
  if (!structureId || !lookups.length) return;
  for (const exists of lookups) if (await exists(q, structureId)) return;
  throw new AppError('auth/unknown-structure', { fields: [{ path: 'structureId', message: "Cette structure n'existe pas dans l'annuaire." }] });
}
