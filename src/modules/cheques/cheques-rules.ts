/**
 * The town's parameters for chèques and the pass (rules/cheques/cheques.json, demo values
 * marked as such): yearly allowances, validity, code lifetime, the pass's period. Read once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KINDS, type Kind } from './kinds';

export const CHEQUES_RULES_FILE = path.resolve(import.meta.dirname, '../../../rules/cheques/cheques.json');

const kindRule = z.object({ yearlyAllowanceCents: z.number().int().min(0), validityMonths: z.number().int().min(1).max(60) });
export const rulesSchema = z.object({
  demo: z.boolean(),
  kinds: z.object(Object.fromEntries(KINDS.map((k) => [k, kindRule])) as Record<Kind, typeof kindRule>),
  code: z.object({ lifetimeMinutes: z.number().int().min(1).max(60) }),
  /** The pass's period (who gets it: the aids module's local aid pass-famille-solo, through extensions.ts). */
  pass: z.object({ validityMonths: z.number().int().min(1).max(36) }),
  /** The yearly allowance of the kinds with a `yearlyAllowanceCents`: who receives it (once per calendar year, valid to 31 December). */
  allowance: z.object({ singleParent: z.boolean(), maxQuotientCents: z.number().int().min(0) }),
});
export type ChequesRules = z.infer<typeof rulesSchema>;

let rules: ChequesRules | null = null;

export function chequesRules(): ChequesRules {
  rules ??= rulesSchema.parse(JSON.parse(fs.readFileSync(CHEQUES_RULES_FILE, 'utf8')));
  return rules;
}
