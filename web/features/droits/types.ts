/** Shapes of the droits API (engine: /api/droits/…, droits potentiels: /api/droits/potential/…). */
// The shapes the droits API answers are the engine's own (type-only imports: nothing of
// the engine reaches the browser bundle).
import type { BenefitInfo, BenefitKey, CompleteHouseholdInput, Explanation, SimulationResult, Step } from '../../../src/modules/droits/index';
import type {
  CheckAnswer,
  Commune,
  FilePrefill,
  MissedBenefit,
  PrefillAnswer,
  SavedEstimate,
  SimulationContext,
} from '../../../src/modules/droits-potentiels/index';
// The one list of benefits, in display order: a pure, import-free file shared with the web
// (through the module's shared.ts).
import { BENEFITS } from '../../../src/modules/droits/shared';

export type { BenefitInfo, BenefitKey, Explanation, SimulationResult, Step };
// The droits potentiels answers, inferred from the module's response schemas.
export type { CheckAnswer, Commune, FilePrefill, MissedBenefit, PrefillAnswer, SavedEstimate, SimulationContext };

/** The household the simulator sends (the engine's own shape, every field written out). */
export type HouseholdInput = CompleteHouseholdInput;

export const BENEFIT_KEYS: readonly BenefitKey[] = BENEFITS;

/** The engine's housing statuses (the simulator's answer to "votre logement"). */
export type HousingStatus = HouseholdInput['housing']['statut'];
