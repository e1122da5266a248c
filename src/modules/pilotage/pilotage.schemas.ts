/** zod schemas of the pilotage API (French messages). */
import { z } from 'zod';

const text = (max: number, label = 'Ce champ') => z.string().trim().max(max, { message: `${label} est trop long (${max} caractères au plus).` });
const title = (max = 300) => z.string().trim().min(1, { message: 'Indiquez un intitulé.' }).max(max, { message: `L'intitulé est trop long (${max} caractères au plus).` });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mois attendu (AAAA-MM).' });
const cents = z.number().int({ message: 'Montant en centimes entiers attendu.' }).min(0, { message: 'Le montant ne peut pas être négatif.' }).max(1e13);
const date = z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' });
const neighbourhoodId = z.string().regex(/^[a-z0-9-]+$/, { message: 'Quartier inconnu.' });

export const idParams = z.object({ id: z.uuid({ message: 'Identifiant invalide.' }) });

export const planInput = z.object({ title: title(), description: text(5000).default('') });
export const planPatch = z.object({ title: title().optional(), description: text(5000).optional() });

export const axisInput = z.object({ code: text(20).default(''), title: title(), description: text(5000).default(''), goals: z.array(text(500)).max(20).default([]) });
export const axisPatch = z.object({ code: text(20).optional(), title: title().optional(), description: text(5000).optional(), goals: z.array(text(500)).max(20).optional() });

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
  leadService: text(200, 'Le service pilote').optional(),
  partners: z.array(text(200)).max(30).optional(),
  partnerStructureIds: z.array(z.uuid({ message: 'Identifiant de structure invalide.' })).max(30).optional(),
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
    unit: text(40, "L'unité").default(''),
    baseline: z.number().finite().nullable().default(null),
    target: z.number().finite().nullable().default(null),
    direction: z.enum(['increase', 'decrease', 'maintain'], { message: 'Sens inconnu.' }).default('increase'),
    source: z.enum(['manual', 'relais', 'questionnaire'], { message: 'Source inconnue.' }),
    relaisId: z.string().max(100).nullable().optional(),
    questionnaire: questionnaireRef.nullable().optional(),
  })
  .superRefine((v, c) => {
    if (v.source === 'relais' && !v.relaisId) c.addIssue({ code: 'custom', path: ['relaisId'], message: 'Choisissez un indicateur de Relais.' });
    if (v.source === 'questionnaire' && !v.questionnaire) c.addIssue({ code: 'custom', path: ['questionnaire'], message: 'Choisissez un questionnaire et une question.' });
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
  obstacles: text(10000, 'Le texte').default(''),
  conclusions: text(10000, 'Le texte').default(''),
});
export type EvaluationInput = z.infer<typeof evaluationInput>;
