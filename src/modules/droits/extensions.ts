/**
 * What other modules add beside the national benefits in the rights simulator's results
 * (e.g. the town's local aids), declared as data in their ModuleDef
 * (`hooks: { droits: { complements } }`) and read here at wiring time (`wireDroits`, the
 * droits module's `wire`). The simulator sends the household it estimated to
 * POST /api/droits/complements; each module answers a section in plain French.
 */
import type { Ctx } from '../../platform/context';
import type { ModuleDef } from '../../platform/module';
import type { HouseholdInput } from './household';

/** One thing the household may also get, in plain French (never a code, a field name or cents). */
export interface ComplementItem {
  /** Stable within its module (e.g. the aid's id). */
  key: string;
  title: string;
  /** `yes`: the answers say it can be obtained; `maybe`: a question is still open; `no`: a condition is not met. */
  likelihood: 'yes' | 'maybe' | 'no';
  /** What it gives, e.g. "150 € en chèques par an". */
  gives: string;
  /** Why this answer: the unmet condition with its margin, or the questions still open. */
  why: string[];
  /** Where to learn more or ask (a path of the web app). */
  href: string;
}

export interface ComplementSection {
  module: string;
  title: string;
  items: ComplementItem[];
  /** Where to see everything the module offers, with its conditions. */
  more: { href: string; label: string };
}

/**
 * Called with the household the simulator estimated (already accepted by the droits engine;
 * it may carry more fields the module reads, e.g. `quotient_familial`). Null: nothing to add.
 */
export type ComplementSource = (ctx: Ctx, household: HouseholdInput) => Promise<ComplementSection | null>;

export interface DroitsHooks {
  complements?: ComplementSource;
}

declare module '../../platform/module' {
  interface ModuleHooks {
    /** Add to the rights simulator's results (src/modules/droits/extensions.ts). */
    droits?: DroitsHooks;
  }
}

let sources: ComplementSource[] = [];

/** The droits module's `wire`: reads every module's `hooks.droits`, in module order. */
export function wireDroits(modules: readonly ModuleDef[]): void {
  sources = modules.flatMap((m) => (m.hooks?.droits?.complements ? [m.hooks.droits.complements] : []));
}

export const complementSources = (): readonly ComplementSource[] => sources;
