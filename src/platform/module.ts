/** What a domain module gives the platform. Wired by hand in src/modules/registry.ts. */
import type { Command } from 'commander';
import type { App } from './http/types';
import type { SeedDef } from './seeds';
import type { IndicatorDef } from './indicators';
import type { Runtime } from './runtime';

export interface ModuleDef {
  name: string;
  /** Fastify routes of the module (each declares config.access). */
  routes?: (app: App) => Promise<void>;
  /** `relais <module> …` commands. `boot()` starts the database when a command needs it. */
  cli?: (program: Command, boot: () => Promise<Runtime>) => void;
  /** Demo data (run once per database, in module order). */
  seeds?: SeedDef[];
  /** Indicators for the action plan's dashboard. */
  indicators?: IndicatorDef[];
}
