/** zod schemas of the pilotage API (French messages). */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';

const text = (max: number) => z.string().trim().max(max);
const title = (max = 300) =>
  z
    .string()
    .trim()
    .min(1, { message: 'Indiquez un intitulé.' })
    .max(max, { message: `L'intitulé est trop long (${max} caractères au plus).` });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mois attendu (AAAA-MM).' });
const cents = z.number().int({ message: 'Montant en centimes entiers attendu.' }).min(0, { message: 'Le montant ne peut pas être négatif.' }).max(1e13);
const date = z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' });
const neighbourhoodId = z.string().regex(/^[a-z0-9-]+$/, { message: 'Quartier inconnu.' });

export const idParams = z.object({ id: z.uuid({ message: 'Identifiant invalide.' }) });

export const planInput = z.object({ title: title(), description: text(5000).default('') });
export const planPatch = z.object({ title: title().optional(), description: text(5000).optional() });

export const axisInput = z.object({
  code: text(20).default(''),
  title: title(),
  description: text(5000).default(''),
  goals: z.array(text(500)).max(20).default([]),
});
export const axisPatch = z.object({
  code: text(20).optional(),
  title: title().optional(),
  description: text(5000).optional(),
  goals: z.array(text(500)).max(20).optional(),
});

export const objectiveInput = z.object({ code: text(20).default(''), title: title(), description: text(5000).default('') });
export const objectivePatch = objectiveInput.partial();

export const STATUSES = ['a_lancer', 'en_cours', 'realisee', 'abandonnee'] as const;
export const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  a_lancer: 'À lancer',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  abandonnee: 'Abandonnée',
};

export const actionPatch = z.object({
  title: title(600).optional(),
  description: text(5000).optional(),
  leadService: text(200).optional(),
  partners: z.array(text(200)).max(30).optional(),
  partnerStructureIds: z
    .array(z.uuid({ message: 'Identifiant de structure invalide.' }))
    .max(30)
    .optional(),
  neighbourhoods: z.array(neighbourhoodId).max(50).optional(),
  status: z.enum(STATUSES, { message: 'Statut inconnu.' }).optional(),
  budgetPlannedCents: cents.nullable().optional(),
  budgetSpentCents: cents.nullable().optional(),
  startDate: date.nullable().optional(),
  endDate: date.nullable().optional(),
});
export const actionInput = actionPatch.extend({ title: title(600) });

export const questionnaireRef = z.object({
  questionnaireId: z.uuid({ message: 'Choisissez un questionnaire.' }),
  measure: z.enum(['share', 'mean', 'respondents'], { message: 'Mesure inconnue.' }),
  question: z.string().max(64).optional(),
  option: z.string().max(300).optional(),
});

export const indicatorInput = z
  .object({
    label: title(),
    unit: text(40).default(''),
    baseline: z.number().finite().nullable().default(null),
    target: z.number().finite().nullable().default(null),
    direction: z.enum(['increase', 'decrease', 'maintain'], { message: 'Sens inconnu.' }).default('increase'),
    source: z.enum(['manual', 'relais', 'questionnaire'], { message: 'Source inconnue.' }),
    relaisId: z.string().max(100).nullable().optional(),
    questionnaire: questionnaireRef.nullable().optional(),
  })
  .superRefine((v, c) => {
    if (v.source === 'relais' && !v.relaisId) c.addIssue({ code: 'custom', path: ['relaisId'], message: 'Choisissez un indicateur de Relais.' });
    if (v.source === 'questionnaire' && !v.questionnaire)
      c.addIssue({ code: 'custom', path: ['questionnaire'], message: 'Choisissez un questionnaire et une question.' });
  });
export type IndicatorInput = z.infer<typeof indicatorInput>;

export const valueInput = z.object({
  period,
  // '*' : toute la ville
  neighbourhood: z.union([z.literal('*'), neighbourhoodId]).default('*'),
  value: z.number({ message: 'Nombre attendu.' }).finite({ message: 'Nombre attendu.' }),
});
export const valueDelete = z.object({ period, neighbourhood: z.union([z.literal('*'), neighbourhoodId]).default('*') });

export const computeInput = z.object({ from: period.optional(), to: period.optional() });
export const periodQuery = z.object({ period: period.optional() });

export const evaluationInput = z.object({
  title: title(),
  periodFrom: period,
  periodTo: period,
  reachedIndicatorId: z.uuid().nullable().default(null),
  satisfactionIndicatorId: z.uuid().nullable().default(null),
  participationIndicatorId: z.uuid().nullable().default(null),
  obstacles: text(10000).default(''),
  conclusions: text(10000).default(''),
});
export type EvaluationInput = z.infer<typeof evaluationInput>;

// ---------------------------------------------------------------- responses
// What leaves the server (the serializer drops keys these schemas do not name); the web's
// types are inferred from them (index.ts).

const str = z.string();
const nstr = z.string().nullable();
const nnum = z.number().nullable();
const statusOut = z.enum(STATUSES);
const directionOut = z.enum(['increase', 'decrease', 'maintain']);
const sourceOut = z.enum(['manual', 'relais', 'questionnaire']);
const neighbourhoodOut = z.object({ id: str, name: str });
const point = z.object({ period: str, value: z.number() });

export const indicatorOut = z.object({
  id: str,
  actionId: str,
  label: str,
  unit: str,
  baseline: nnum,
  target: nnum,
  direction: directionOut,
  source: sourceOut,
  relaisId: nstr,
  questionnaire: z
    .object({ questionnaireId: str, measure: z.enum(['share', 'mean', 'respondents']), question: str.optional(), option: str.optional() })
    .nullable(),
});
export const actionOut = z.object({
  id: str,
  objectiveId: str,
  title: str,
  description: str,
  leadService: str,
  partners: z.array(str),
  partnerStructureIds: z.array(str),
  neighbourhoods: z.array(str),
  status: statusOut,
  budgetPlannedCents: nnum,
  budgetSpentCents: nnum,
  startDate: nstr,
  endDate: nstr,
});
export const standingOut = z.object({
  percent: nnum,
  state: z.enum(['no-value', 'no-target', 'reached', 'on-way', 'off-track']),
  label: str,
});
export const indicatorSummaryOut = indicatorOut.extend({
  latest: point.nullable(),
  standing: standingOut,
  history: z.array(point),
  byNeighbourhood: z.record(z.string(), z.number()),
  available: z.boolean(),
  sourceLabel: str,
});

const planBase = z.object({ id: str, title: str, description: str, source: nstr, isDemo: z.boolean() });
export const plansOut = z.object({ plans: z.array(planBase.extend({ axes: z.number(), actions: z.number() })) });
export const planOut = planBase.extend({
  publishedAt: timestamp.nullable(),
  updatedAt: timestamp,
  axes: z.array(
    z.object({
      id: str,
      planId: str,
      code: str,
      title: str,
      description: str,
      goals: z.array(str),
      objectives: z.array(
        z.object({ id: str, axisId: str, code: str, title: str, description: str, actions: z.array(actionOut.extend({ indicators: z.array(indicatorOut) })) }),
      ),
    }),
  ),
});
export const dashboardOut = z.object({
  plan: z.object({ id: str, title: str, source: nstr, isDemo: z.boolean() }),
  period: str,
  neighbourhoods: z.array(neighbourhoodOut),
  axes: z.array(
    z.object({
      id: str,
      code: str,
      title: str,
      goals: z.array(str),
      counts: z.object({ a_lancer: z.number(), en_cours: z.number(), realisee: z.number(), abandonnee: z.number() }),
      budget: z.object({ plannedCents: z.number(), spentCents: z.number() }),
      objectives: z.array(
        z.object({
          id: str,
          code: str,
          title: str,
          actions: z.array(
            z.object({ id: str, title: str, status: statusOut, leadService: str, neighbourhoods: z.array(str), indicators: z.array(indicatorSummaryOut) }),
          ),
        }),
      ),
    }),
  ),
});
export const computedOut = z.object({ periods: z.array(str), indicators: z.number(), values: z.number(), unavailable: z.array(str) });
export const publicPlansOut = z.object({ plans: z.array(planBase) });
export const publicPlanOut = planBase.extend({
  publishedAt: timestamp,
  axes: z.array(
    z.object({
      id: str,
      code: str,
      title: str,
      goals: z.array(str),
      objectives: z.array(
        z.object({
          id: str,
          code: str,
          title: str,
          actions: z.array(
            z.object({
              id: str,
              title: str,
              status: statusOut,
              indicators: z.array(
                z.object({
                  id: str,
                  label: str,
                  unit: str,
                  target: nnum,
                  baseline: nnum,
                  latest: point.nullable(),
                  standing: standingOut,
                  history: z.array(point),
                }),
              ),
            }),
          ),
        }),
      ),
    }),
  ),
});
export const actionViewOut = actionOut.extend({
  plan: z.object({ id: str, title: str, isDemo: z.boolean() }),
  axis: z.object({ id: str, code: str, title: str }),
  objective: z.object({ id: str, code: str, title: str }),
  indicators: z.array(indicatorOut),
  hasEvaluation: z.boolean(),
  /** The ideation proposal the action comes from (not shown to partners). */
  proposal: z.object({ id: str, title: str, origin: z.enum(['online', 'workshop']), workshop: nstr, supports: z.number() }).nullable(),
});
export const partnerActionsOut = z.object({ actions: z.array(actionOut.extend({ planId: str, planTitle: str, axisCode: str, axisTitle: str })) });
export const indicatorDetailOut = z.object({
  indicator: indicatorSummaryOut,
  description: nstr,
  action: z.object({ id: str, title: str }),
  plan: z.object({ id: str, title: str, isDemo: z.boolean() }),
  neighbourhoods: z.array(neighbourhoodOut),
  periods: z.array(z.object({ period: str, label: str })),
  values: z.array(z.object({ period: str, neighbourhood: str, value: z.number(), base: nnum, origin: z.enum(['manual', 'computed']) })),
  currentPeriod: str,
  /** The territory figure a count is reported to, as the coordination chose it; null when the indicator is not a count. */
  figure: z.enum(['familles_monoparentales', 'familles', 'enfants_moins_11']).nullable(),
  /** That figure in the latest territory figures, by area, with its source and year (null without it). */
  denominator: z
    .object({
      figure: str,
      label: str,
      year: z.number(),
      source: str,
      isDemo: z.boolean(),
      scale: z.number(),
      values: z.array(z.object({ area: str, base: z.number() })),
    })
    .nullable(),
  /** A registry indicator's count per something else than the neighbourhood (e.g. per partner): the latest month shown and since the first. */
  breakdown: z
    .object({
      by: str,
      detail: nstr,
      period: z.object({ period: str, label: str }),
      since: z.object({ period: str, label: str }),
      rows: z.array(z.object({ label: str, detail: nstr, month: z.number(), total: z.number() })),
    })
    .nullable(),
});
const registryIndicatorOut = z.object({ id: str, label: str, unit: str, description: str });
export const registryOut = z.object({ indicators: z.array(registryIndicatorOut) });
export const registryValuesOut = z.object({
  period: str,
  neighbourhoods: z.array(neighbourhoodOut),
  indicators: z.array(registryIndicatorOut.extend({ values: z.array(z.object({ neighbourhood: str, value: z.number(), base: nnum })) })),
});
export const evaluationOut = z.object({
  exists: z.boolean(),
  evaluation: z.object({
    actionId: str,
    title: str,
    periodFrom: str,
    periodTo: str,
    reachedIndicatorId: nstr,
    satisfactionIndicatorId: nstr,
    participationIndicatorId: nstr,
    obstacles: str,
    conclusions: str,
  }),
  action: z.object({ id: str, title: str, leadService: str, partners: z.array(str), status: str }),
  plan: z.object({ title: str, isDemo: z.boolean() }),
  indicators: z.array(z.object({ id: str, label: str, unit: str, source: sourceOut })),
  figures: z.object({
    reached: z.object({ label: str, unit: str, total: nnum, months: z.array(point) }).nullable(),
    satisfaction: z.object({ label: str, unit: str, value: nnum, base: nnum, period: nstr }).nullable(),
    participation: z.object({ label: str, unit: str, rows: z.array(z.object({ id: str, name: str, value: z.number() })), total: z.number() }).nullable(),
  }),
});

export type ActionStatus = (typeof STATUSES)[number];
export type Direction = z.infer<typeof directionOut>;
export type IndicatorSource = z.infer<typeof sourceOut>;
export type Indicator = z.infer<typeof indicatorOut>;
export type Standing = z.infer<typeof standingOut>;
export type IndicatorSummary = z.infer<typeof indicatorSummaryOut>;
export type PlanSummary = z.infer<typeof plansOut>['plans'][number];
export type Plan = z.infer<typeof planOut>;
export type Dashboard = z.infer<typeof dashboardOut>;
export type PublicPlanSummary = z.infer<typeof publicPlansOut>['plans'][number];
export type PublicPlan = z.infer<typeof publicPlanOut>;
export type ActionView = z.infer<typeof actionViewOut>;
export type PartnerAction = z.infer<typeof partnerActionsOut>['actions'][number];
export type IndicatorDetail = z.infer<typeof indicatorDetailOut>;
export type RegistryIndicator = z.infer<typeof registryIndicatorOut>;
export type RegistryValues = z.infer<typeof registryValuesOut>;
export type EvaluationView = z.infer<typeof evaluationOut>;
export type ComputeResult = z.infer<typeof computedOut>;
