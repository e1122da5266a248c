/** zod schemas of ideation (French messages): proposals, supports, moderation, proposal → action. */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';
import { STATUSES } from './pilotage.schemas';

const uuid = (message: string) => z.uuid({ message });
const titleIn = z
  .string({ message: 'Donnez un titre à votre idée.' })
  .trim()
  .min(3, { message: 'Le titre doit faire au moins 3 caractères.' })
  .max(200, { message: 'Le titre est trop long (200 caractères au plus).' });
const bodyIn = z
  .string({ message: 'Décrivez votre idée.' })
  .trim()
  .min(1, { message: 'Décrivez votre idée.' })
  .max(5000, { message: 'La description est trop longue (5 000 caractères au plus).' });

export const proposalInput = z.object({
  planId: uuid('Choisissez un plan.'),
  axisId: uuid("Choisissez l'axe du plan auquel votre idée se rattache."),
  title: titleIn,
  body: bodyIn,
});
export const workshopProposalInput = proposalInput.extend({
  workshop: z
    .string({ message: "Indiquez l'atelier d'où vient l'idée." })
    .trim()
    .min(1, { message: "Indiquez l'atelier d'où vient l'idée." })
    .max(300, { message: "Le nom de l'atelier est trop long (300 caractères au plus)." }),
});
export const moderationInput = z
  .object({
    decision: z.enum(['publish', 'refuse'], { message: 'Décision attendue : publier ou refuser.' }),
    reason: z.string().trim().max(1000, { message: 'La raison est trop longue (1 000 caractères au plus).' }).optional(),
  })
  .superRefine((v, c) => {
    if (v.decision === 'refuse' && (!v.reason || v.reason.length < 3))
      c.addIssue({ code: 'custom', path: ['reason'], message: 'Indiquez au parent la raison du refus (3 caractères au moins).' });
  });
export const toActionInput = z.object({
  objectiveId: uuid("Choisissez l'objectif du plan où l'action prend place."),
  title: z
    .string()
    .trim()
    .min(1, { message: "Indiquez l'intitulé de l'action." })
    .max(600, { message: "L'intitulé est trop long (600 caractères au plus)." })
    .optional(),
  description: z.string().trim().max(5000, { message: 'La description est trop longue (5 000 caractères au plus).' }).optional(),
});
export const newsInput = z.object({
  text: z
    .string({ message: 'Écrivez les nouvelles à donner.' })
    .trim()
    .min(3, { message: 'Écrivez les nouvelles à donner (3 caractères au moins).' })
    .max(1000, { message: 'Le texte est trop long (1 000 caractères au plus).' }),
});
export const ideationOpenInput = z.object({ open: z.boolean({ message: 'Oui ou non attendu.' }) });
export const proposalsQuery = z.object({
  planId: uuid('Plan inconnu.').optional(),
  axisId: uuid('Axe inconnu.').optional(),
  q: z.string().trim().max(200, { message: 'Recherche trop longue (200 caractères au plus).' }).optional(),
  sort: z.enum(['supports', 'recent'], { message: 'Tri inconnu.' }).default('supports'),
});
export const staffProposalsQuery = proposalsQuery.extend({
  status: z.enum(['pending', 'published', 'refused'], { message: 'État inconnu.' }).optional(),
});

// ---------------------------------------------------------------- responses
const str = z.string();
const nstr = z.string().nullable();
const statusOut = z.enum(['pending', 'published', 'refused']);
const originOut = z.enum(['online', 'workshop']);

/** What anyone reads of a published proposal: never its author. */
export const proposalOut = z.object({
  id: str,
  planId: str,
  axisId: nstr,
  axisCode: nstr,
  axisTitle: nstr,
  title: str,
  body: str,
  origin: originOut,
  workshop: nstr,
  status: statusOut,
  actionId: nstr,
  actionTitle: nstr,
  actionStatus: z.enum(STATUSES).nullable(),
  isDemo: z.boolean(),
  createdAt: timestamp,
  supports: z.number(),
  supportedByMe: z.boolean(),
});
/** The author's own view adds the refusal's reason. */
export const myProposalOut = proposalOut.extend({ refusalReason: nstr });
/** The coordination's view adds who proposed it (name as the account shows it) and the moderation. */
export const staffProposalOut = myProposalOut.extend({ authorName: nstr, moderatedAt: timestamp.nullable() });

const planWithAxes = z.object({
  id: str,
  title: str,
  isDemo: z.boolean(),
  axes: z.array(z.object({ id: str, code: str, title: str })),
});
export const ideationPlansOut = z.object({ plans: z.array(planWithAxes) });
export const proposalsOut = z.object({ proposals: z.array(proposalOut) });
/** `text` is the French sentence; `kind`, `detail`, `idea`, `action` let a page say it in the reader's language. */
export const eventOut = z.object({
  id: str,
  proposalId: str,
  text: str,
  kind: z.enum(['published', 'refused', 'became-action', 'action-status', 'action-news']),
  detail: str.nullable(),
  idea: str,
  action: str.nullable(),
  at: timestamp,
});
export const myIdeasOut = z.object({ proposals: z.array(myProposalOut), events: z.array(eventOut) });
export const staffProposalsOut = z.object({
  plans: z.array(planWithAxes.extend({ ideationOpen: z.boolean(), pending: z.number() })),
  proposals: z.array(staffProposalOut),
});
export const supportOut = z.object({ supports: z.number(), supportedByMe: z.boolean() });
export const createdProposalOut = z.object({ id: str, status: statusOut });
export const createdActionOut = z.object({ actionId: str });

export type Proposal = z.infer<typeof proposalOut>;
export type MyIdeas = z.infer<typeof myIdeasOut>;
export type IdeationPlans = z.infer<typeof ideationPlansOut>;
export type StaffProposals = z.infer<typeof staffProposalsOut>;
export type StaffProposal = z.infer<typeof staffProposalOut>;
export type SupportState = z.infer<typeof supportOut>;
