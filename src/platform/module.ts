/**
 * What a domain module gives the platform: everything it brings is declared here, as
 * data, and wired at start from the one list in src/modules/registry.ts (by
 * src/platform/wiring.ts). Nothing registers itself by being imported. See docs/modules.md.
 */
import type { Command } from 'commander';
import type { ErrorSpecs } from './errors';
import type { App } from './http/types';
import type { IndicatorDef } from './indicators';
import type { JobDef } from './jobs';
import type { Runtime } from './runtime';
import type { SeedDef } from './seeds';

/**
 * What a module plugs into other modules, keyed by the module that owns the extension
 * point. The owner declares its key by declaration merging, next to the types of its hooks:
 *
 *   declare module '../../platform/module' {
 *     interface ModuleHooks { dossiers?: DossiersHooks }
 *   }
 *
 * and reads every module's entry in its `wire` (e.g. src/modules/dossiers/extensions.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleHooks {}

export interface ModuleDef<E extends ErrorSpecs = ErrorSpecs> {
  /** The folder's name; prefix of the module's error codes (`<name>/reason`) and jobs (`<name>.verb`). */
  name: string;
  /** Its error codes (`<m>.errors.ts`). Declare the module as `ModuleDef<typeof <m>Errors>` so the codes are typed. */
  errors?: E;
  /** Its background jobs, periodic ones with their `cron` (`<m>.jobs.ts`). A job not listed here cannot be sent. */
  jobs?: readonly JobDef<any>[];
  /** Fastify routes of the module (each declares config.access). */
  routes?: (app: App) => Promise<void>;
  /** `relais <module> …` commands. `boot()` starts the database when a command needs it. */
  cli?: (program: Command, boot: () => Promise<Runtime>) => void;
  /** Demo data (run once per database, in module order). */
  seeds?: SeedDef[];
  /** Indicators for the action plan's dashboard. */
  indicators?: IndicatorDef[];
  /** What it plugs into other modules (`hooks: { dossiers: { erasure, export, timeline, … } }`). */
  hooks?: ModuleHooks;
  /**
   * Only for a module others plug into: called once per wiring with every wired module,
   * to read their `hooks` (the platform module first, then the registry's order).
   */
  wire?: (modules: readonly ModuleDef[]) => void;
}
