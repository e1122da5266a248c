/** zod schemas of the dossiers API (French messages come from the platform's zod locale). */
import { z } from 'zod';
import { PARTS } from './fields';
import { ACTIVITIES, CHILD_CUSTODY, HOUSING_STATUSES, OTHER_PARENT_CUSTODY } from './household';
import { PURPOSE_IDS } from './purposes';

export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ.');
const cents = z.number().int().min(0).max(100_000_000);
const text = (max: number) => z.string().trim().min(1, 'Ce champ ne peut pas être vide.').max(max);
const optText = (max: number) => z.string().trim().max(max).transform((s) => (s === '' ? null : s)).nullable();
export const uuid = z.uuid('Identifiant invalide.');

export const parentSchema = z
  .object({
    firstName: optText(80),
    lastName: optText(80),
    birthDate: date.nullable(),
    phone: z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/, 'Numéro de téléphone invalide.').nullable(),
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
        postalCode: z.string().regex(/^\d{5}$/, 'Code postal à 5 chiffres.').nullable(),
        city: optText(100),
        inseeCode: z.string().regex(/^\d[\dAB]\d{3}$/, 'Code INSEE à 5 caractères.').nullable(),
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
    housing: z.object({ status: z.enum(HOUSING_STATUSES).nullable(), rentMonthlyCents: cents.nullable() }).partial().strict().optional(),
    quotient: z.object({ entered: z.number().int().min(0).max(100_000).nullable() }).strict().optional(),
  })
  .strict();

export const documentSchema = z
  .object({
    kind: z.enum(['avis-imposition', 'attestation-caf', 'justificatif-domicile', 'piece-identite', 'jugement-garde', 'bulletin-salaire', 'attestation-pole-emploi', 'autre']),
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
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();

export const idParams = z.object({ id: uuid });
export const householdDocParams = z.object({ id: uuid, documentId: uuid });
export const householdConsentParams = z.object({ id: uuid, consentId: uuid });
export const documentParams = z.object({ documentId: uuid });
export const consentParams = z.object({ consentId: uuid });
export const formParams = z.object({ formId: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'Formulaire inconnu.') });
export const householdFormParams = formParams.extend({ id: uuid });
export const periodQuery = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format AAAA-MM.').optional() });
