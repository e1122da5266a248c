/** Zod schemas of the aides API: requests (French messages) and responses (what the pages read; the web infers its types from them). */
import { z } from 'zod';
import { day, timestamp } from '../../platform/response-schemas';
import { EMPLOYMENTS } from './aid';
import { CORRECTION_REASONS, REFUSAL_MOTIFS, STATUSES } from './request-states';

const uuid = z.uuid({ message: 'Identifiant invalide.' });
const aidId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Identifiant d’aide invalide.')
  .max(60);
const text = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`);

// ---------------------------------------------------------------- requests
export const idParams = z.object({ id: uuid });
export const aidParams = z.object({ aidId });
export const documentParams = z.object({ id: uuid, documentId: uuid });

/** Answers to the questions the file cannot answer (what-if on the eligibility page). */
export const answersSchema = z
  .object({
    residenceMonths: z.coerce.number().int().min(0).max(1200).optional(),
    employment: z.enum(EMPLOYMENTS).optional(),
  })
  .strict();

/** A form sends its documents with it: three files of 5 MB at most (base64 adds a third). */
export const MAX_DOCUMENTS_PER_CALL = 3;
export const UPLOADS_BODY_LIMIT = 24 * 1024 * 1024;

/** One new justificatif, its content in base64 (checked on the server: PDF, JPEG or PNG, 5 MB). */
const upload = z
  .object({
    kind: z
      .string()
      .regex(/^[a-z-]+$/)
      .max(40),
    name: z.string().min(1).max(200),
    mimeType: z.enum(['application/pdf', 'image/jpeg', 'image/png'], { message: 'Formats acceptés : PDF, JPEG ou PNG.' }),
    // 5 MB of content is ~6.7 MB in base64.
    base64: z.string().max(7_000_000, 'Le fichier dépasse 5 Mo.'),
  })
  .strict();
/** New documents sent with a request or an answer, recorded with it (all or nothing). */
const uploads = z.array(upload).max(MAX_DOCUMENTS_PER_CALL, `${MAX_DOCUMENTS_PER_CALL} justificatifs au plus à la fois.`).optional();

export const createRequestBody = z
  .object({
    aidId,
    fields: z.record(z.string().max(40), z.union([z.string().max(500), z.number()])).default({}),
    answers: z
      .object({ residenceMonths: z.number().int().min(0).max(1200).optional() })
      .strict()
      .optional(),
    submit: z.boolean().default(true),
    mandateId: uuid.nullable().optional(),
    documents: uploads,
  })
  .strict();

export const mandateBody = z.object({ mandateId: uuid.nullable().optional() }).strict();

export const documentBody = upload.extend({ mandateId: uuid.nullable().optional() }).strict();

export const correctionBody = z
  .object({
    reason: z.enum(Object.keys(CORRECTION_REASONS) as [keyof typeof CORRECTION_REASONS], { message: 'Choisissez la raison.' }),
    documents: z.array(z.string().max(40)).max(10).default([]),
    fields: z.array(z.string().max(40)).max(10).default([]),
    message: text(2000).default(''),
  })
  .strict()
  .refine((b) => b.documents.length + b.fields.length > 0 || b.message.length > 0, { message: 'Dites ce qui est à corriger.', path: ['message'] });

export const answerBody = z
  .object({
    fields: z.record(z.string().max(40), z.union([z.string().max(500), z.number()])).optional(),
    message: text(4000).optional(),
    mandateId: uuid.nullable().optional(),
    documents: uploads,
  })
  .strict();

export const grantBody = z
  .object({ amountCents: z.number().int('Montant en centimes entiers.').positive('Le montant doit être positif.').max(10_000_000) })
  .strict();
export const correctGrantBody = z
  .object({
    amountCents: z.number().int('Montant en centimes entiers.').positive('Le montant doit être positif.').max(10_000_000),
    text: text(2000).min(1, 'Dites pourquoi la décision est corrigée.'),
  })
  .strict();
export const refuseBody = z
  .object({ motif: z.enum(Object.keys(REFUSAL_MOTIFS) as [keyof typeof REFUSAL_MOTIFS], { message: 'Choisissez un motif.' }), text: text(2000).default('') })
  .strict()
  .refine((b) => b.motif !== 'autre' || b.text.length > 0, { message: 'Précisez le motif.', path: ['text'] });
export const closeBody = z.object({ text: text(2000).min(1, 'Dites pourquoi la demande est classée.') }).strict();
export const messageBody = z
  .object({ body: text(4000).min(1, 'Le message est vide.'), internal: z.boolean().default(false), mandateId: uuid.nullable().optional() })
  .strict();
export const assignBody = z.object({ agentId: uuid.nullable() }).strict();

export const queueQuery = z
  .object({
    fund: z.string().max(60).optional(),
    status: z.enum(STATUSES).optional(),
    olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
    assigned: z.union([z.enum(['me', 'none']), uuid], { message: 'Choisissez « moi », « personne » ou un agent.' }).optional(),
    q: z.string().max(100).optional(),
  })
  .strict();

export const recordMandateBody = z
  .object({
    householdId: uuid,
    aidId: aidId.nullable().default(null),
    purpose: text(300).min(3, 'Dites pour quoi la famille donne ce mandat.'),
    days: z.number().int().min(1, 'Au moins 1 jour.').max(90, 'Au plus 90 jours.'),
    reason: text(300).optional(),
  })
  .strict();

export const versionBody = z
  .object({ definition: z.unknown(), baseVersion: z.number().int().min(1).nullable(), note: text(300).nullable().default(null) })
  .strict();
export const previewBody = z.object({ definition: z.unknown() }).strict();
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

// ---------------------------------------------------------------- responses
const cents = z.number().int();
const condition = z.record(z.string(), z.unknown());
const benefit = z.record(z.string(), z.unknown());
const requiredDocument = z.object({ kind: z.string(), label: z.string(), max_age_months: z.number().optional() });
const requestField = z.object({ key: z.string(), label: z.string(), type: z.enum(['money', 'text']), required: z.boolean() });

export const aidDefinitionOut = z.object({
  id: z.string(),
  demo: z.boolean(),
  title: z.string(),
  summary: z.string(),
  summary_easy: z.string(),
  fund: z.string(),
  territory: z.object({ communes: z.array(z.string()), neighbourhoods: z.array(z.string()) }),
  conditions: z.array(condition),
  profiles: z.array(z.object({ label: z.string(), priority: z.boolean().optional(), conditions: z.array(condition) })),
  benefit,
  documents: z.array(requiredDocument),
  request_fields: z.array(requestField),
  file_fields: z.array(z.string()),
  how_to_ask: z.string(),
  end_date: z.string().optional(),
  source: z.string(),
});

export const aidOut = z.object({
  aidId: z.string(),
  version: z.number().int(),
  createdAt: timestamp,
  note: z.string().nullable(),
  definition: aidDefinitionOut,
  benefitText: z.string(),
  conditionsText: z.array(z.string()),
});
export const aidsOut = z.object({ aids: z.array(aidOut) });
export const aidDetailOut = aidOut.extend({ versions: z.array(z.object({ version: z.number().int(), createdAt: timestamp, note: z.string().nullable() })) });

const question = z.object({ key: z.string(), label: z.string() });
export const eligibilityOut = z.object({
  aid: z.string(),
  title: z.string(),
  fund: z.string(),
  demo: z.boolean(),
  status: z.enum(['eligible', 'not_eligible', 'to_check']),
  reasons: z.array(z.string()),
  met: z.array(z.string()),
  questions: z.array(question),
  profile: z.string().nullable(),
  priority: z.boolean(),
  askable: z.boolean(),
  benefit: z.string(),
});
export const eligibilityListOut = z.object({ results: z.array(eligibilityOut) });

export const requestFormOut = z.object({
  aid: z.object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    summary: z.string(),
    summaryEasy: z.string(),
    demo: z.boolean(),
    howToAsk: z.string(),
  }),
  fileFields: z.array(z.object({ key: z.string(), label: z.string(), missing: z.boolean(), display: z.string() })),
  requestFields: z.array(requestField),
  documents: z.array(
    z.object({ kind: z.string(), label: z.string(), inFile: z.object({ label: z.string().nullable(), validUntil: z.string().nullable() }).nullable() }),
  ),
  eligibility: eligibilityOut,
  today: day,
});

export const createdRequestOut = z.object({ id: z.string(), status: z.enum(STATUSES), attached: z.array(z.string()), uploaded: z.array(z.string()) });

export const myRequestsOut = z.object({
  requests: z.array(
    z.object({
      id: z.string(),
      aidId: z.string(),
      aidTitle: z.string(),
      status: z.enum(STATUSES),
      statusLabel: z.string(),
      createdAt: timestamp,
      statusChangedAt: timestamp,
      byMandate: z.boolean(),
    }),
  ),
});

export const requestOut = z.object({
  id: z.string(),
  householdId: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  aid: z.object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    benefit,
    documents: z.array(requiredDocument),
    requestFields: z.array(requestField),
    demo: z.boolean(),
  }),
  fundId: z.string(),
  neighbourhood: z.string().nullable(),
  fields: z.record(z.string(), z.union([z.string(), z.number()])),
  eligibility: eligibilityOut.nullable(),
  createdAt: timestamp,
  submittedAt: timestamp.nullable(),
  byMandate: z.boolean(),
  assignedTo: z.string().nullable(),
  assignedName: z.string().nullable(),
  correction: z.object({ reason: z.string(), documents: z.array(z.string()), fields: z.array(z.string()), message: z.string() }).nullable(),
  events: z.array(
    z.object({
      at: timestamp,
      kind: z.string(),
      toStatus: z.string().nullable(),
      toLabel: z.string().nullable(),
      actorRole: z.string().nullable(),
      actorName: z.string().nullable(),
      byMandate: z.boolean(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['accordee', 'refusee', 'classee']),
      amountCents: cents.nullable(),
      schedule: z.array(z.object({ n: z.number().int(), amountCents: cents })).nullable(),
      motif: z.string().nullable(),
      motifText: z.string().nullable(),
      contest: z.string().nullable(),
      supersedes: z.string().nullable(),
      decidedAt: timestamp,
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      label: z.string(),
      fromFile: z.boolean(),
      originalName: z.string().nullable(),
      sizeBytes: z.number().nullable(),
      addedAt: timestamp,
      byMandate: z.boolean(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      internal: z.boolean(),
      body: z.string(),
      at: timestamp,
      authorRole: z.string().nullable(),
      authorName: z.string().nullable(),
      byMandate: z.boolean(),
    }),
  ),
});

export const queueOut = z.object({
  requests: z.array(
    z.object({
      id: z.string(),
      aidId: z.string(),
      aidTitle: z.string(),
      aidVersion: z.number().int(),
      fundId: z.string(),
      fundTitle: z.string(),
      status: z.enum(STATUSES),
      neighbourhood: z.string().nullable(),
      submittedAt: timestamp.nullable(),
      statusChangedAt: timestamp,
      waitingDays: z.number().int(),
      assignedTo: z.string().nullable(),
      assignedName: z.string().nullable(),
      byMandate: z.boolean(),
      isDemo: z.boolean(),
    }),
  ),
});

export const grantOut = z.object({ decisionId: z.string(), remainderCents: cents });
export const decisionOut = z.object({ decisionId: z.string() });

export const mandatesOut = z.object({
  mandates: z.array(
    z.object({
      id: z.string(),
      agentName: z.string().nullable(),
      aidId: z.string().nullable(),
      purpose: z.string(),
      grantedAt: timestamp,
      validUntil: timestamp,
      revokedAt: timestamp.nullable(),
    }),
  ),
});

export const versionOut = z.object({ aidId: z.string(), version: z.number().int() });
const previewCount = z.object({ eligible: z.number().int(), notEligible: z.number().int(), toCheck: z.number().int() });
export const previewOut = z.object({
  households: z.number().int(),
  before: previewCount,
  after: previewCount,
  gained: z.number().int(),
  lost: z.number().int(),
});

export const fundsOut = z.object({
  year: z.number().int(),
  funds: z.array(
    z.object({
      fundId: z.string(),
      title: z.string(),
      year: z.number().int(),
      budgetCents: cents,
      committedCents: cents,
      paidCents: cents,
      remainderCents: cents,
      remainderText: z.string(),
      isDemo: z.boolean(),
    }),
  ),
  byNeighbourhood: z.array(
    z.object({ fundId: z.string(), neighbourhood: z.string().nullable(), neighbourhoodName: z.string(), committedCents: cents, paidCents: cents }),
  ),
});

export type AidView = z.infer<typeof aidOut>;
export type AidDetail = z.infer<typeof aidDetailOut>;
export type AidsList = z.infer<typeof aidsOut>;
export type EligibilityView = z.infer<typeof eligibilityOut>;
export type EligibilityList = z.infer<typeof eligibilityListOut>;
export type RequestFormView = z.infer<typeof requestFormOut>;
export const instructorsOut = z.object({ agents: z.array(z.object({ id: z.string(), name: z.string() })) });
export type Instructors = z.infer<typeof instructorsOut>;
export type CreatedRequest = z.infer<typeof createdRequestOut>;
export type MyRequests = z.infer<typeof myRequestsOut>;
export type RequestView = z.infer<typeof requestOut>;
export type QueueView = z.infer<typeof queueOut>;
export type GrantResult = z.infer<typeof grantOut>;
export type MandatesView = z.infer<typeof mandatesOut>;
export type PreviewView = z.infer<typeof previewOut>;
export type FundsView = z.infer<typeof fundsOut>;
