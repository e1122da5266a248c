/** Shapes of the droits API (engine: /api/droits/…, droits potentiels: /api/droits/potential/…). */
// The shapes the droits API answers are the engine's own (type-only imports: nothing of
// the engine reaches the browser bundle).
import type { BenefitInfo, BenefitKey, CompleteHouseholdInput, Explanation, SimulationResult, Step } from '../../../src/modules/droits/index';
// The one list of benefits, in display order: a pure, import-free file shared with the web
// (SHARED_WITH_WEB in eslint.config.js).
import { BENEFITS } from '../../../src/modules/droits/benefits';

export type { BenefitInfo, BenefitKey, Explanation, SimulationResult, Step };

/** The household the simulator sends (the engine's own shape, every field written out). */
export type HouseholdInput = CompleteHouseholdInput;

export const BENEFIT_KEYS: readonly BenefitKey[] = BENEFITS;

export interface SimulationContext {
  period: string;
  latestKnown: boolean;
  parameterDate: string;
}

/** The engine's housing statuses (the simulator's answer to "votre logement"). */
export type HousingStatus = HouseholdInput['housing']['statut'];

export interface FilePrefill {
  householdId: string;
  input: HouseholdInput;
  missing: string[];
  otherParent: { custody: string | null; alimonyDueMonthlyCents: number | null; alimonyPaidRegularly: boolean | null } | null;
  neighbourhoodId: string | null;
}

export interface MissedBenefit {
  key: BenefitKey;
  amountCents: number;
  netCents: number;
  yearly: boolean;
}

export interface SavedEstimate {
  period: string;
  parameterDate: string;
  received: BenefitKey[];
  missed: MissedBenefit[];
  monthlyTotalCents: number;
  savedAt: string;
  updatedAt: string;
}

export interface PrefillAnswer {
  context: SimulationContext;
  household: FilePrefill | null;
  saved: SavedEstimate | null;
}

export interface CheckAnswer {
  result: SimulationResult;
  missed: MissedBenefit[];
  monthlyTotalCents: number;
  parameterDate: string;
  saved: SavedEstimate | null;
}

export interface Commune {
  depcom: string;
  name: string;
  department: string;
  zone: string;
}
