/**
 * What other modules may use from the rights engine (droits).
 * - `simulate(household, period?)`: amounts, amounts paid after CRDS, explanations;
 *   throws AppError 'droits/invalid-household' (422, with fields) on bad input.
 * - `parameterDates()`: revaluation dates, to re-estimate saved simulations when one passes.
 * - `benefitCatalogue(on)`: every benefit, who pays it, conditions, how to claim, amounts in force on that day.
 */
import { defaultEngine, type SimulationOptions, type SimulationResult } from './engine';
import type { HouseholdInput } from './household';

export type { HouseholdInput, CompleteHouseholdInput, Household } from './household';
export type { SimulationResult, Amounts } from './engine';
export type { Explanation, Step } from './explain';
export { BENEFITS, BENEFIT_FACTS, type BenefitKey } from './benefits';
export { SUPPORTED_PERIODS } from './engine';
export { householdInputSchema } from './household';
export { benefitCatalogue, type BenefitInfo } from './catalogue';

export function simulate(household: HouseholdInput | unknown, period?: string, options?: SimulationOptions): SimulationResult {
  return defaultEngine().simulate(household, period, options);
}

export function parameterDates(): string[] {
  return defaultEngine().parameterDates();
}
/** The API's answers' schemas (the household file's prefill and droits potentiels reuse them). */
export { completeHouseholdOut, simulationResultSchema } from './droits.schemas';
export type { RevaluationsOut } from './droits.schemas';
/** What other modules add to the simulator's results (`hooks: { droits: { complements } }`), and its answer's type. */
export type { DroitsHooks, ComplementSection, ComplementItem, ComplementSource } from './extensions';
export type { SimulatorComplements } from './complements.schemas';
