/** zod schemas of the dossiers API (French messages come from the platform's zod locale). */
import { z } from 'zod';
import { fieldValue, timestamp, day } from '../../platform/response-schemas';
import { completeHouseholdOut } from '../droits/index';
import { FIELD_KEYS, PARTS, type FieldKey } from './fields';
import { ACTIVITIES, CHILD_CUSTODY, HOUSING_STATUSES, OTHER_PARENT_CUSTODY } from './household';
import { PURPOSE_IDS } from './purposes';
import { DOCUMENT_KINDS } from './document-kinds';

export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ.');
const cents = z.number().int().min(0).max(100_000_000);
const text = (max: number) => z.string().trim().min(1, 'Ce champ ne peut pas être vide.').max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable();
export const uuid = z.uuid('Identifiant invalide.');

export const parentSchema = z
  .object({
    firstName: optText(80),
    lastName: optText(80),
    birthDate: date.nullable(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{6,20}$/, 'Numéro de téléphone invalide.')
      .nullable(),
    email: z.email('Adresse e-mail invalide.').nullable(),
  })
  .partial()
  .strict();

export const otherParentSchema = z
  .object({
    firstName: optText(80),
    lastName: optText(80),
    custody: z.enum(OTHER_PARENT_CUSTODY).nullable(),
    alimonyDueMonthlyCents: cents.nullable(),
    alimonyPaidRegularly: z.boolean().nullable(),
  })
  .partial()
  .strict();

export const childSchema = z
  .object({
    id: uuid.optional(),
    firstName: text(80),
    lastName: optText(80).optional(),
    birthDate: date,
    custody: z.enum(CHILD_CUSTODY).optional(),
    schoolName: optText(120).optional(),
    schoolLevel: optText(40).optional(),
  })
  .strict();

export const patchSchema = z
  .object({
    parent: parentSchema.optional(),
    otherParent: otherParentSchema.nullable().optional(),
    children: z.array(childSchema).max(15).optional(),
    address: z
      .object({
        line: optText(200),
        postalCode: z
          .string()
          .regex(/^\d{5}$/, 'Code postal à 5 chiffres.')
          .nullable(),
        city: optText(100),
        inseeCode: z
          .string()
          .regex(/^\d[\dAB]\d{3}$/, 'Code INSEE à 5 caractères.')
          .nullable(),
        neighbourhoodId: z.string().max(60).nullable(),
      })
      .partial()
      .strict()
      .optional(),
    situation: z
      .object({
        activity: z.enum(ACTIVITIES).nullable(),
        unemploymentSince: date.nullable(),
        salaryNetMonthlyCents: cents.nullable(),
        unemploymentNetMonthlyCents: cents.nullable(),
        otherIncomeMonthlyCents: cents.nullable(),
        alimonyReceivedMonthlyCents: cents.nullable(),
        familyBenefitsMonthlyCents: cents.nullable(),
        annualIncomeCents: cents.nullable(),
        recentlySeparated: z.boolean().nullable(),
      })
      .partial()
      .strict()
      .optional(),
    housing: z
      .object({ status: z.enum(HOUSING_STATUSES).nullable(), rentMonthlyCents: cents.nullable(), chargesMonthlyCents: cents.nullable() })
      .partial()
      .strict()
      .optional(),
    quotient: z
      .object({ entered: z.number().int().min(0).max(100_000).nullable() })
      .strict()
      .optional(),
  })
  .strict();

export const documentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    label: optText(120).optional(),
    validFrom: date.nullable().optional(),
    validUntil: date.nullable().optional(),
    file: z
      .object({ name: z.string().max(200), mimeType: z.string().max(100), base64: z.string().max(4_500_000) })
      .nullable()
      .optional(),
  })
  .strict();

export const documentPatchSchema = z
  .object({ label: optText(120).optional(), validFrom: date.nullable().optional(), validUntil: date.nullable().optional() })
  .strict();

export const consentSchema = z
  .object({
    structureId: uuid,
    purpose: z.enum(PURPOSE_IDS as [string, ...string[]]),
    parts: z.array(z.enum(PARTS)).min(1, 'Choisissez au moins une partie du dossier.'),
    // The last day the consent holds, as the family picks it; the server makes it the end of that day in Paris.
    until: date.nullable().optional(),
  })
  .strict();

export const idParams = z.object({ id: uuid });
export const householdDocParams = z.object({ id: uuid, documentId: uuid });
export const householdConsentParams = z.object({ id: uuid, consentId: uuid });
export const documentParams = z.object({ documentId: uuid });
export const consentParams = z.object({ consentId: uuid });
export const formParams = z.object({ formId: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'Formulaire inconnu.') });
export const householdFormParams = formParams.extend({ id: uuid });
export const periodQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format AAAA-MM.')
    .optional(),
});

// ---------------------------------------------------------------- responses
// What leaves the server: the serializer parses every reply through these schemas (keys
// they do not name are dropped). The web's types are inferred from them (index.ts).

const str = z.string();
const nstr = z.string().nullable();
const ncents = z.number().nullable();

export const parentOut = z.object({ firstName: nstr, lastName: nstr, birthDate: nstr, phone: nstr, email: nstr });
export const otherParentOut = z.object({
  firstName: nstr,
  lastName: nstr,
  custody: z.enum(OTHER_PARENT_CUSTODY).nullable(),
  alimonyDueMonthlyCents: ncents,
  alimonyPaidRegularly: z.boolean().nullable(),
});
export const childOut = z.object({
  id: str,
  firstName: str,
  lastName: nstr,
  birthDate: str,
  custody: z.enum(CHILD_CUSTODY),
  schoolName: nstr,
  schoolLevel: nstr,
});
export const addressOut = z.object({ line: nstr, postalCode: nstr, city: nstr, inseeCode: nstr, neighbourhoodId: nstr });
export const situationOut = z.object({
  activity: z.enum(ACTIVITIES).nullable(),
  unemploymentSince: nstr,
  salaryNetMonthlyCents: ncents,
  unemploymentNetMonthlyCents: ncents,
  otherIncomeMonthlyCents: ncents,
  alimonyReceivedMonthlyCents: ncents,
  familyBenefitsMonthlyCents: ncents,
  annualIncomeCents: ncents,
  recentlySeparated: z.boolean().nullable(),
});
export const housingOut = z.object({
  status: z.enum(HOUSING_STATUSES).nullable(),
  rentMonthlyCents: ncents,
  chargesMonthlyCents: ncents,
  rentWithChargesFormerCents: ncents,
});
export const quotientOut = z.object({ value: z.number().nullable(), source: z.enum(['entered', 'computed']).nullable(), entered: z.number().nullable() });
export const documentOut = z.object({
  id: str,
  kind: str,
  label: nstr,
  validFrom: nstr,
  validUntil: nstr,
  hasFile: z.boolean(),
  originalName: nstr,
  mimeType: nstr,
  sizeBytes: z.number().nullable(),
  expired: z.boolean(),
});

/** The whole file: the family's own view and the staff's (opened with a reason). */
export const householdOut = z.object({
  id: str,
  status: z.enum(['active', 'erased']),
  version: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastConfirmedAt: timestamp.nullable(),
  referentAgentId: nstr,
  parentUserId: nstr,
  parent: parentOut,
  /** Set: the parent's names and birth date come from FranceConnect and cannot be edited. */
  identityCertification: z
    .object({ by: z.enum(['franceconnect']), at: timestamp })
    .nullable()
    .optional(),
  otherParent: otherParentOut.nullable(),
  children: z.array(childOut),
  address: addressOut,
  situation: situationOut,
  housing: housingOut,
  quotient: quotientOut,
  documents: z.array(documentOut),
});

/**
 * A projection of the file (fields.ts projectHousehold): what a partner, or a form,
 * may read. Every group and field is optional (only those consented or declared are
 * there); nothing else of the file can pass: the serializer drops what is not named here.
 */
export const projectedHouseholdOut = z.object({
  id: str,
  parent: parentOut.partial().optional(),
  otherParent: otherParentOut.partial().nullable().optional(),
  children: z.array(childOut.partial().extend({ id: str })).optional(),
  address: addressOut.partial().optional(),
  situation: situationOut.partial().optional(),
  housing: housingOut.partial().optional(),
  quotient: z.object({ value: z.number().nullable() }).partial().optional(),
  documents: z.array(z.object({ id: str, kind: str.optional(), label: nstr.optional(), validUntil: nstr.optional() })).optional(),
});

const fieldKey = z.enum(FIELD_KEYS as [FieldKey, ...FieldKey[]]);
const part = z.enum(PARTS);

export const fieldsInfoOut = z.object({
  fields: z.array(z.object({ key: fieldKey, label: str, part: str, usedBy: z.array(z.object({ formId: str, module: str, title: str, purpose: str })) })),
  parts: z.array(z.object({ id: part, label: str })),
  purposes: z.array(z.object({ id: str, label: str })),
});
export const structuresOut = z.array(z.object({ structureId: str, name: str }));
export const myFileOut = z.object({ household: householdOut.nullable(), missingForDroits: z.array(fieldKey) });
export const householdWrapOut = z.object({ household: householdOut });
export const householdChangedOut = z.object({ household: householdOut, changed: z.number() });
export const historyOut = z.array(
  z.object({
    id: z.number(),
    version: z.number(),
    at: timestamp,
    actorRole: nstr,
    actorName: nstr,
    source: str,
    field: str,
    oldValue: fieldValue,
    newValue: fieldValue,
  }),
);
export const auditTrailOut = z.array(z.object({ id: z.number(), at: timestamp, action: str, label: str, actorRole: nstr, actorName: nstr, reason: nstr }));
export const prefillOut = z.object({ formId: str, householdId: str, fields: z.array(fieldKey), missing: z.array(fieldKey), values: projectedHouseholdOut });

/** The rights simulator's household (droits' own shape, every field written out), built from the file. */
export const droitsInputOut = z.object({ input: completeHouseholdOut, missing: z.array(fieldKey) });

export const consentOut = z.object({
  id: str,
  householdId: str,
  structureId: str,
  structureName: str,
  purpose: str,
  purposeLabel: str,
  parts: z.array(part),
  partLabels: z.array(str),
  grantedAt: timestamp,
  recordedAtDesk: z.boolean(),
  expiresAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
  live: z.boolean(),
});
export const consentsOut = z.array(consentOut);

const renewalOut = z.object({ id: str, campaignYear: z.number(), openedAt: timestamp, confirmedAt: timestamp.nullable() });
export const myRenewalOut = z.object({ renewal: renewalOut.nullable(), household: householdOut.nullable(), expiredDocuments: z.array(documentOut) });
export const renewalConfirmedOut = z.object({ campaignYear: z.number(), changes: z.number(), household: householdOut });
export const renewalDateOut = z.object({ month: z.number(), day: z.number() });
export const erasedOut = z.object({ erased: z.boolean(), retained: z.number() });

/** The family's export (right of access and portability): the file, its history, who read it, and every stored row. */
export const exportOut = z.object({
  exportedAt: timestamp,
  controller: str,
  account: z
    .object({ displayName: fieldValue, email: fieldValue, phone: fieldValue, locale: fieldValue, easyRead: fieldValue, createdAt: fieldValue })
    .nullable(),
  /** null for a parent's account without a household file (its account's rows only). */
  file: householdOut.nullable(),
  history: historyOut,
  accessLog: auditTrailOut,
  formsUsingYourData: fieldsInfoOut.shape.fields,
  stored: z.record(z.string(), z.array(z.record(z.string(), fieldValue))).meta({ description: 'Chaque ligne enregistrée, table par table' }),
});

export const caseloadOut = z.object({
  families: z.array(
    z.object({
      id: str,
      firstName: nstr,
      lastName: nstr,
      neighbourhoodId: nstr,
      updatedAt: timestamp,
      lastConfirmedAt: timestamp.nullable(),
      childrenCount: z.number(),
      openTasks: z.number(),
      pendingOrientations: z.number(),
      renewalOpen: z.boolean(),
    }),
  ),
  tasks: z.array(
    z.object({ id: str, householdId: str, kind: str, label: str, note: nstr, createdAt: timestamp, assignedTo: nstr, firstName: nstr, lastName: nstr }),
  ),
});
export const searchOut = z.array(z.object({ id: str, firstName: nstr, lastName: nstr, neighbourhoodId: nstr, children: nstr }));
export const timelineOut = z.array(z.object({ at: timestamp, kind: str, title: str, detail: nstr.optional(), module: str, subjectId: str.optional() }));
export const retentionOut = z.array(
  z.object({
    id: str,
    householdId: str,
    category: str,
    reference: str,
    legalBasis: str,
    retainUntil: day,
    createdAt: timestamp,
    keptFields: z.array(str).nullable(),
  }),
);
export const taskCreatedOut = z.object({ taskId: str });
export const statusOut = z.object({ status: str });

const orientationBase = z.object({
  id: str,
  householdId: str,
  note: str,
  status: str,
  createdAt: timestamp,
  acceptedAt: timestamp.nullable(),
  outcome: nstr,
  outcomeNote: nstr,
  outcomeAt: timestamp.nullable(),
});
export const partnerOrientationsOut = z.array(orientationBase.extend({ agentName: nstr, hasConsent: z.boolean() }));
export const partnerOrientationOut = orientationBase.extend({ household: projectedHouseholdOut.nullable(), parts: z.array(part), partLabels: z.array(str) });
export const partnerHouseholdsOut = z.array(
  z.object({ householdId: str, purpose: str, purposeLabel: str, parts: z.array(part), grantedAt: timestamp, expiresAt: timestamp.nullable() }),
);
/** What a partner reads of a family's file: the consented parts only. */
export const partnerHouseholdOut = z.object({ parts: z.array(part), partLabels: z.array(str), household: projectedHouseholdOut });

export type HouseholdOut = z.infer<typeof householdOut>;
export type ProjectedHouseholdOut = z.infer<typeof projectedHouseholdOut>;
export type FieldsInfo = z.infer<typeof fieldsInfoOut>;
export type MyFile = z.infer<typeof myFileOut>;
export type HistoryEntry = z.infer<typeof historyOut>[number];
export type AuditTrailEntry = z.infer<typeof auditTrailOut>[number];
export type PrefillOut = z.infer<typeof prefillOut>;
export type DroitsInputOut = z.infer<typeof droitsInputOut>;
export type ConsentOut = z.infer<typeof consentOut>;
export type MyRenewal = z.infer<typeof myRenewalOut>;
export type RenewalConfirmed = z.infer<typeof renewalConfirmedOut>;
export type HouseholdExport = z.infer<typeof exportOut>;
export type Caseload = z.infer<typeof caseloadOut>;
export type SearchResult = z.infer<typeof searchOut>[number];
export type TimelineEntry = z.infer<typeof timelineOut>[number];
export type RetentionEntry = z.infer<typeof retentionOut>[number];
export type PartnerOrientationListItem = z.infer<typeof partnerOrientationsOut>[number];
export type PartnerOrientation = z.infer<typeof partnerOrientationOut>;
export type PartnerHouseholdListItem = z.infer<typeof partnerHouseholdsOut>[number];
export type PartnerHousehold = z.infer<typeof partnerHouseholdOut>;
/** A child as a form sends it (the request's shape). */
export type ChildInput = z.input<typeof childSchema>;
