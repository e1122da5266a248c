/**
 * zod schemas of the droits API's answers (engine: /api/droits/…, droits potentiels:
 * /api/droits/potential/…). The web's types are inferred from them (index.ts, type-only).
 */
import { z } from 'zod';
import { BENEFITS, perBenefit } from './benefits';
import { ACTIVITIES, HOUSING_STATUSES, type CompleteHouseholdInput } from './household';

const amountsSchema = z.object(perBenefit(() => z.number()));
const explanationSchema = z.object({
  eligible: z.boolean(),
  reason: z.string(),
  steps: z.array(
    z.object({ label: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), parameter: z.string().optional(), reference: z.string().optional() }),
  ),
});
export const simulationResultSchema = z.object({
  id: z.string(),
  period: z.string().describe('Mois simulé, AAAA-MM'),
  amounts: amountsSchema.describe('Montants mensuels en euros, avant CRDS (ars_annuel : montant annuel)'),
  net_crds: amountsSchema.describe('Montants versés, après CRDS'),
  explanations: z.object(perBenefit(() => explanationSchema)),
});

export const benefitSchema = z.object({
  key: z.enum(BENEFITS),
  name: z.string(),
  acronym: z.string(),
  payer: z.string(),
  summary: z.string(),
  conditions: z.array(z.string()),
  howToClaim: z.array(z.string()),
  link: z.string(),
  whyItMayDiffer: z.string(),
  amountsOn: z.string(),
  currentAmounts: z.array(z.object({ label: z.string(), amount: z.number(), parameter: z.string() })),
});
export const benefitsOut = z.object({ benefits: z.array(benefitSchema) });

export const referencesQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'Indiquez un mois au format AAAA-MM.')
    .optional(),
});
export const referencesOut = z.object({
  period: z.string(),
  references: z.record(z.string(), z.object({ label: z.string(), title: z.string(), href: z.string().optional(), text: z.string() })),
  /** What the numbers of `relais droits simulate --references ids` lines mean (explanations-json.ts). */
  catalogue: z.object({ version: z.string(), labels: z.array(z.string()), reasons: z.array(z.string()), parameters: z.array(z.string()) }),
});

const revaluationOut = z.object({ date: z.string(), families: z.array(z.string()) });
export const revaluationsOut = z.object({ current: revaluationOut.nullable(), next: revaluationOut.nullable(), late: z.array(revaluationOut) });
export type RevaluationsOut = z.infer<typeof revaluationsOut>;

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
});

/**
 * A household with everything the engine reads written out (CompleteHouseholdInput): what
 * the household file builds for the simulator (dossiers' toDroitsInput).
 */
export const completeHouseholdOut = z.object({
  id: z.string(),
  period: z.string(),
  parent: z.object({
    age: z.number().optional(),
    date_naissance: z.string().optional(),
    activite: z.enum(ACTIVITIES),
    salaire_net_mensuel: z.number(),
    chomage_net_mensuel: z.number(),
    salaire_imposable_mensuel: z.number(),
    chomage_imposable_mensuel: z.number(),
    date_debut_chomage: z.string().optional(),
  }),
  children: z.array(z.object({ date_naissance: z.string(), age: z.number(), prenom: z.string().optional() })),
  housing: z.object({
    statut: z.enum(HOUSING_STATUSES),
    loyer_mensuel: z.number(),
    depcom: z.string().optional(),
    commune: z.string().optional(),
    zone: z.union([z.literal(1), z.literal(2), z.literal(3), z.enum(['1', '1bis', '2', '3'])]).optional(),
  }),
  pension_alimentaire_recue_mensuelle: z.number(),
  pension_alimentaire_fixee_mensuelle: z.number().optional(),
  isolement_recent: z.boolean(),
}) satisfies z.ZodType<CompleteHouseholdInput>; // the engine's shape: a field it renames fails here
