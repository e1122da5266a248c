/** zod schemas of the attribution API (French messages); the web's types are inferred from the response schemas. */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';

const text = (max: number) => z.string().trim().max(max);
const title = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { message: 'Indiquez un intitulé.' })
    .max(max, { message: `L'intitulé est trop long (${max} caractères au plus).` });
const uuid = z.uuid({ message: 'Identifiant invalide.' });
const instant = z.iso.datetime({ offset: true, message: 'Date et heure attendues (AAAA-MM-JJTHH:MM avec fuseau).' });
const value01 = z
  .number({ message: 'Une valeur de 0 à 1 est attendue.' })
  .min(0, { message: 'Une valeur de 0 à 1 est attendue.' })
  .max(1, { message: 'Une valeur de 0 à 1 est attendue.' });
const weight = z
  .number({ message: 'Un poids numérique est attendu.' })
  .min(-1000, { message: 'Poids entre -1 000 et 1 000.' })
  .max(1000, { message: 'Poids entre -1 000 et 1 000.' });
const capacity = z
  .number()
  .int({ message: 'Un nombre entier de places est attendu.' })
  .min(0, { message: 'Le nombre de places ne peut pas être négatif.' })
  .max(100_000);
const code = z.string().regex(/^[a-z0-9_]{1,60}$/, { message: 'Code en minuscules, chiffres et _ (60 caractères au plus).' });

export const KINDS = ['repit', 'mercredis', 'vacances', 'activites', 'creche'] as const;
const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
const VALUE_SOURCES = ['prefilled', 'declared', 'verified'] as const;
const OFFER_STATUSES = ['offered', 'confirmed', 'refused', 'expired'] as const;

export const idParams = z.object({ id: uuid });
export const criterionParams = z.object({ id: uuid, code });

const groupInput = z.object({
  id: uuid.nullable().optional(),
  label: title(),
  capacity,
  ageMin: z.number().int().min(0).max(25).nullable().default(null),
  ageMax: z.number().int().min(0).max(25).nullable().default(null),
  site: text(200).default(''),
  period: text(100).default(''),
});

/** Document kinds a criterion can name as its proof (null: a field of the file, or Relais' own records). */
export const PROOF_DOCUMENTS = [
  'attestation-caf',
  'avis-imposition',
  'jugement-garde',
  'bulletin-salaire',
  'attestation-formation',
  'attestation-pole-emploi',
  'notification-mdph',
  'courrier-travailleur-social',
  'justificatif-domicile',
  'autre',
] as const;
export type ProofDocument = (typeof PROOF_DOCUMENTS)[number];

const criterionInput = z.object({
  /** Kept for an existing criterion; a new one gets it from its label. */
  code: code.nullable().optional(),
  label: title(),
  description: text(2000).default(''),
  weight,
  proof: text(300).default(''),
  proofDocument: z.enum(PROOF_DOCUMENTS, { message: 'Type de justificatif inconnu.' }).nullable().default(null),
  derive: z.string().max(40).nullable().default(null),
});

export const campaignInput = z.object({
  kind: z.enum(KINDS, { message: 'Type de campagne inconnu.' }),
  title: title(),
  description: text(5000).default(''),
  opensAt: instant.nullable().default(null),
  closesAt: instant.nullable().default(null),
  offerDays: z.number().int().min(1, { message: 'Au moins 1 jour.' }).max(60, { message: '60 jours au plus.' }).default(7),
  tieBreak: text(1000).default(''),
  groups: z.array(groupInput).min(1, { message: 'Au moins un groupe de places.' }).max(200),
  criteria: z.array(criterionInput).max(30),
});
export type CampaignInput = z.infer<typeof campaignInput>;

export const statusInput = z.object({ status: z.enum(['draft', 'open', 'closed'], { message: 'Statut inconnu.' }) });

export const applyInput = z.object({
  children: z.array(uuid).min(1, { message: 'Choisissez au moins un enfant.' }).max(15),
  keepTogether: z.boolean().default(true),
  choices: z.array(uuid).min(1, { message: 'Choisissez au moins un groupe.' }).max(20),
  declared: z.record(code, value01).default({}),
});
export type ApplyInput = z.infer<typeof applyInput>;

export const verifyInput = z.object({ value: value01 });

/** A proof attached from the application form: PDF, JPEG or PNG, 3 MB at most (as the household file's documents). */
export const MAX_PROOF_BYTES = 3 * 1024 * 1024;
export const PROOF_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const documentInput = z.object({
  criterion: code,
  name: z.string().trim().min(1, { message: 'Le fichier n’a pas de nom.' }).max(200, { message: 'Nom de fichier trop long (200 caractères au plus).' }),
  mimeType: z.enum(PROOF_TYPES, { message: 'Formats acceptés : PDF, JPEG ou PNG.' }),
  // 3 MB of content is 4 MB in base64.
  base64: z.string().min(1, { message: 'Le fichier est vide.' }).max(4_200_000, { message: 'Le fichier dépasse 3 Mo.' }),
  /** Until when the document is valid, if it says (a CAF certificate, a payslip): kept with it in the family's file. */
  validUntil: z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' }).nullable().optional(),
});
export const documentReadQuery = z.object({ reason: z.string().trim().min(1).max(500).optional() });
export type DocumentInput = z.infer<typeof documentInput>;
export const documentParams = z.object({ id: uuid, documentId: uuid });

export const scenarioInput = z.object({
  weights: z.record(code, weight).default({}),
  capacities: z.record(uuid, capacity).default({}),
});
export type ScenarioInput = z.infer<typeof scenarioInput>;

// ------------------------------------------------------------------ responses
const groupOut = z.object({
  id: z.string(),
  label: z.string(),
  capacity: z.number(),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  site: z.string(),
  period: z.string(),
});
const criterionOut = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string(),
  weight: z.number(),
  proof: z.string(),
  proofDocument: z.enum(PROOF_DOCUMENTS).nullable(),
  derive: z.string().nullable(),
});
const campaignBase = {
  id: z.string(),
  kind: z.enum(KINDS),
  title: z.string(),
  description: z.string(),
  opensAt: timestamp.nullable(),
  closesAt: timestamp.nullable(),
  offerDays: z.number(),
  status: z.enum(CAMPAIGN_STATUSES),
  tieBreak: z.string(),
  isDemo: z.boolean(),
};
const campaignSummaryOut = z.object({ ...campaignBase, applications: z.number(), places: z.number() });
export const campaignsOut = z.object({ campaigns: z.array(campaignSummaryOut) });

/** The published rules (readable without an account), with the last admitted score once published. */
export const rulesOut = z.object({
  ...campaignBase,
  groups: z.array(groupOut.extend({ lastAdmittedScore: z.number().nullable(), admitted: z.number().nullable() })),
  criteria: z.array(criterionOut),
  publishedAt: timestamp.nullable(),
});

export const campaignOut = rulesOut.extend({ applications: z.number(), externalId: z.string().nullable() });

const valueOut = z.object({ value: z.number(), source: z.enum(VALUE_SOURCES) });

export const applicationFormOut = z.object({
  campaign: rulesOut,
  children: z.array(z.object({ id: z.string(), firstName: z.string(), age: z.number(), alreadyApplied: z.boolean() })),
  /** The value the file gives for each criterion (null: the family declares it). */
  prefilled: z.record(z.string(), z.number().nullable()),
  /** Document kinds present (and still valid) in the file. */
  documents: z.array(z.string()),
  /** Per criterion: is its proof document among the file's valid documents or attached to this campaign (null: no document proves it). */
  proofs: z.record(z.string(), z.boolean().nullable()),
  /** Documents the family attached to this campaign, per criterion. */
  attached: z.array(z.object({ id: z.string(), criterion: z.string(), name: z.string(), sizeBytes: z.number(), uploadedAt: timestamp })),
  purpose: z.string(),
});

const outcomeOut = z.object({
  status: z.enum(['admitted', 'waitlist']),
  groupId: z.string().nullable(),
  groupLabel: z.string().nullable(),
  position: z.number().nullable(),
});
const offerOut = z.object({
  id: z.string(),
  groupId: z.string(),
  groupLabel: z.string(),
  status: z.enum(OFFER_STATUSES),
  expiresAt: timestamp,
  decidedAt: timestamp.nullable(),
});

const myApplicationOut = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  campaignStatus: z.enum(CAMPAIGN_STATUSES),
  childFirstName: z.string().nullable(),
  submittedAt: timestamp,
  status: z.enum(['submitted', 'withdrawn']),
  choices: z.array(z.object({ id: z.string(), label: z.string(), lastAdmittedScore: z.number().nullable() })),
  criteria: z.array(z.object({ code: z.string(), label: z.string(), value: z.number(), source: z.enum(VALUE_SOURCES) })),
  result: z
    .object({
      score: z.number(),
      rank: z.number(),
      total: z.number(),
      breakdown: z.array(z.object({ code: z.string(), label: z.string(), weight: z.number(), points: z.number() })),
      outcome: outcomeOut,
    })
    .nullable(),
  offer: offerOut.nullable(),
});
export const myApplicationsOut = z.object({ applications: z.array(myApplicationOut) });
export const appliedOut = z.object({ ids: z.array(z.string()) });

const staffApplicationOut = z.object({
  id: z.string(),
  number: z.number(),
  childAge: z.number().nullable(),
  fromFile: z.boolean(),
  /** To open the family's file (with a reason, audited) and see its proofs. */
  householdId: z.string().nullable(),
  keepTogether: z.boolean(),
  submittedAt: timestamp,
  criteria: z.record(z.string(), valueOut),
  choices: z.array(z.string()),
  result: z.object({ score: z.number(), rank: z.number(), outcome: outcomeOut }).nullable(),
  offer: offerOut.nullable(),
  /** Proofs the family attached (read through an audited route). */
  documents: z.array(z.object({ id: z.string(), criterion: z.string(), name: z.string(), mimeType: z.string(), uploadedAt: timestamp })),
});
export const staffApplicationsOut = z.object({ applications: z.array(staffApplicationOut) });

const changeOut = z.object({
  id: z.string(),
  number: z.number(),
  before: outcomeOut,
  after: outcomeOut,
  scoreBefore: z.number(),
  scoreAfter: z.number(),
  rankBefore: z.number(),
  rankAfter: z.number(),
  criteria: z.array(z.object({ code: z.string(), label: z.string(), before: z.number(), after: z.number() })),
});
const allocationSummaryOut = z.object({
  admitted: z.number(),
  waitlist: z.number(),
  groups: z.array(z.object({ id: z.string(), label: z.string(), capacity: z.number(), admitted: z.number(), lastAdmittedScore: z.number().nullable() })),
});
export const simulationOut = z.object({
  current: allocationSummaryOut,
  scenario: allocationSummaryOut,
  weights: z.array(z.object({ code: z.string(), label: z.string(), current: z.number(), scenario: z.number() })),
  changes: z.array(changeOut),
  /** Families (siblings counted once) whose status changes. */
  families: z.number(),
});

export const publishedOut = z.object({ admitted: z.number(), waitlist: z.number(), offers: z.number() });
export const offerDecisionOut = z.object({ status: z.enum(OFFER_STATUSES), passedOn: z.number() });

/** Demand per group and period: earlier campaigns of the same kind, this one so far, the next one's forecast. */
export const forecastOut = z.object({
  campaigns: z.array(z.object({ id: z.string(), title: z.string(), opensAt: timestamp.nullable() })),
  periods: z.array(
    z.object({
      /** The period without its year ("Juillet"), as groups of successive campaigns share it; '' when groups name none. */
      period: z.string(),
      groups: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          capacity: z.number(),
          /** One point per earlier campaign (oldest first); null demand: the campaign had no such group. */
          history: z.array(z.object({ campaignId: z.string(), demand: z.number().nullable(), capacity: z.number().nullable() })),
          current: z.number(),
          forecast: z.number().nullable(),
          /** Whether an earlier campaign had it (by site, age band and period, a coordinator's mapping, or its label). */
          matched: z.boolean(),
          /** The key of the earlier groups a coordinator mapped it to. */
          mappedTo: z.string().nullable(),
        }),
      ),
    }),
  ),
  /** Earlier groups a group can be mapped to (one per key). */
  mappable: z.array(z.object({ key: z.string(), label: z.string(), period: z.string() })),
});
export const groupMapInput = z.object({ key: z.string().min(1).max(600).nullable() });
export const groupParams = z.object({ id: uuid, groupId: uuid });

const rankedOut = z.object({
  id: z.string(),
  number: z.number(),
  score: z.number(),
  rank: z.number(),
  position: z.number().nullable(),
  /** Where its last offer stands, in which group (null: never offered a place). */
  offer: z.object({ status: z.enum(OFFER_STATUSES), groupLabel: z.string() }).nullable(),
});
const offerLogOut = offerOut.omit({ groupLabel: true }).extend({
  number: z.number(),
  createdAt: timestamp,
  /** Made after publication, for a place a refusal or an expiry freed. */
  passedOn: z.boolean(),
});
/** The published allocation as staff follow it: per group and per family, and the life of each offer. */
export const resultsOut = z.object({
  publishedAt: timestamp,
  total: z.number(),
  offers: z.object({ offered: z.number(), confirmed: z.number(), refused: z.number(), expired: z.number() }),
  groups: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      period: z.string(),
      capacity: z.number(),
      lastAdmittedScore: z.number().nullable(),
      admitted: z.array(rankedOut),
      /** Waitlisted applications that listed this group, in waitlist order. */
      waitlist: z.array(rankedOut),
      offers: z.array(offerLogOut),
    }),
  ),
  applications: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      score: z.number(),
      rank: z.number(),
      outcome: outcomeOut,
      breakdown: z.array(z.object({ code: z.string(), label: z.string(), points: z.number() })),
      offer: offerOut.nullable(),
    }),
  ),
});
export const okOut = z.object({ ok: z.boolean() });
export const createdOut = z.object({ id: z.string() });

export type CampaignSummary = z.infer<typeof campaignSummaryOut>;
export type CampaignRules = z.infer<typeof rulesOut>;
export type CampaignDetail = z.infer<typeof campaignOut>;
export type ApplicationForm = z.infer<typeof applicationFormOut>;
export type MyApplication = z.infer<typeof myApplicationOut>;
export type StaffApplication = z.infer<typeof staffApplicationOut>;
export type Simulation = z.infer<typeof simulationOut>;
export type Forecast = z.infer<typeof forecastOut>;
export type Outcome = z.infer<typeof outcomeOut>;
export type Results = z.infer<typeof resultsOut>;
export type AttachedDocument = ApplicationForm['attached'][number];
