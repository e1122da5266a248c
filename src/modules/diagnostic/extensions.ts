/**
 * What other modules plug into the diagnostic, declared as data in their ModuleDef
 * (`hooks: { diagnostic: { answersChanged } }`) and read here at wiring time (the module's
 * `wire`). Today: the action plan recomputes the indicators built on a questionnaire when
 * its answers change (pilotage reads the diagnostic, never the other way round).
 */
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import type { ModuleDef } from '../../platform/module';

export interface DiagnosticHooks {
  /** Answers of this questionnaire were received or changed, in transaction `t` (before it commits). */
  answersChanged?: (ctx: Ctx, t: Queryable, questionnaireId: string) => Promise<void>;
}

declare module '../../platform/module' {
  interface ModuleHooks {
    /** Told of the diagnostic's events (src/modules/diagnostic/extensions.ts). */
    diagnostic?: DiagnosticHooks;
  }
}

let answersChanged: NonNullable<DiagnosticHooks['answersChanged']>[] = [];

/** The diagnostic module's `wire`: reads every module's `hooks.diagnostic`, in module order. */
export function wireDiagnostic(modules: readonly ModuleDef[]): void {
  answersChanged = modules.flatMap((m) => (m.hooks?.diagnostic?.answersChanged ? [m.hooks.diagnostic.answersChanged] : []));
}

/** Tells the modules that plugged in (inside the caller's transaction). */
export async function tellAnswersChanged(ctx: Ctx, t: Queryable, questionnaireId: string): Promise<void> {
  for (const hook of answersChanged) await hook(ctx, t, questionnaireId);
}
