/** zod schemas of the droits potentiels API's answers (/api/droits/potential/…); the web's types are inferred from them (index.ts, type-only). */
import { z } from 'zod';
import { BENEFITS, completeHouseholdOut, simulationResultSchema } from '../droits/index';

export const simulationContextOut = z.object({ period: z.string(), latestKnown: z.boolean(), parameterDate: z.string() });
export const communesOut = z.object({ communes: z.array(z.object({ depcom: z.string(), name: z.string(), department: z.string(), zone: z.string() })) });
const missedOut = z.object({ key: z.enum(BENEFITS), amountCents: z.number(), netCents: z.number(), yearly: z.boolean() });
const savedEstimateOut = z.object({
  period: z.string(),
  parameterDate: z.string(),
  received: z.array(z.enum(BENEFITS)),
  missed: z.array(missedOut),
  monthlyTotalCents: z.number(),
  savedAt: z.string(),
  updatedAt: z.string(),
});
const filePrefillOut = z.object({
  householdId: z.string(),
  input: completeHouseholdOut,
  missing: z.array(z.string()),
  otherParent: z
    .object({ custody: z.string().nullable(), alimonyDueMonthlyCents: z.number().nullable(), alimonyPaidRegularly: z.boolean().nullable() })
    .nullable(),
  neighbourhoodId: z.string().nullable(),
});
export const prefillAnswerOut = z.object({ context: simulationContextOut, household: filePrefillOut.nullable(), saved: savedEstimateOut.nullable() });
export const checkAnswerOut = z.object({
  result: simulationResultSchema,
  missed: z.array(missedOut),
  monthlyTotalCents: z.number(),
  parameterDate: z.string(),
  saved: savedEstimateOut.nullable(),
});

export type SimulationContext = z.infer<typeof simulationContextOut>;
export type Commune = z.infer<typeof communesOut>['communes'][number];
export type MissedBenefit = z.infer<typeof missedOut>;
export type SavedEstimate = z.infer<typeof savedEstimateOut>;
export type FilePrefill = z.infer<typeof filePrefillOut>;
export type PrefillAnswer = z.infer<typeof prefillAnswerOut>;
export type CheckAnswer = z.infer<typeof checkAnswerOut>;
