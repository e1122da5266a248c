/**
 * What other modules plug into the chèques, declared as data in their ModuleDef
 * (`hooks: { cheques: { passRule } }`) and read here at wiring time (`wireCheques`, this
 * module's `wire`). The Pass Famille Solo's eligibility is a local aid of the aids module
 * (rules/aides/pass-famille-solo.yaml): the aids module evaluates it and answers here, so
 * the arrows keep pointing one way (aides → cheques: aides already credits vouchers
 * through our index.ts; we never import aides).
 */
import type { Queryable } from '../../platform/db/pool';
import type { ModuleDef } from '../../platform/module';

/** What the Pass's rule says of a family's file, in plain French. */
export interface PassRuleAnswer {
  eligible: boolean;
  /** Not eligible: every unmet condition with its margin, or the questions still open (missing data never means eligible). */
  reasons: string[];
}

/** Evaluates the Pass's rule for a household, from its file as it stands (inside the caller's transaction when given one). */
export type PassRule = (q: Queryable, householdId: string, now: Date) => Promise<PassRuleAnswer>;

export interface ChequesHooks {
  /** The Pass Famille Solo's eligibility (one module answers it: the aids module). */
  passRule?: PassRule;
}

declare module '../../platform/module' {
  interface ModuleHooks {
    /** Plug into the chèques and the Pass (src/modules/cheques/extensions.ts). */
    cheques?: ChequesHooks;
  }
}

let rule: PassRule | null = null;

/** The chèques module's `wire`: reads every module's `hooks.cheques`; one pass rule at most. */
export function wireCheques(modules: readonly ModuleDef[]): void {
  const rules = modules.flatMap((m) => (m.hooks?.cheques?.passRule ? [{ name: m.name, rule: m.hooks.cheques.passRule }] : []));
  if (rules.length > 1) throw new Error(`Deux modules donnent la règle du Pass Famille Solo : ${rules.map((r) => r.name).join(', ')}.`);
  rule = rules[0]?.rule ?? null;
}

/** The Pass's rule, or null when no wired module gives it (then no pass is issued nor renewed). */
export const passRule = (): PassRule | null => rule;
