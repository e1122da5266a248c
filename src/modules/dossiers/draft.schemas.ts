/**
 * zod schemas of the household file's drafts (/api/dossiers/me/brouillons/:form). A draft is
 * what the family typed, not yet checked: every field may be empty or half-typed, but
 * each one is bounded, and the whole is the form's own shape (nothing else is kept).
 */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';
import { ACTIVITIES, CHILD_CUSTODY, HOUSING_STATUSES, OTHER_PARENT_CUSTODY } from './household';

const typed = (max: number) => z.string().max(max).nullable().optional();
const cents = z.number().int().min(0).max(100_000_000).nullable().optional();
const flag = z.boolean().nullable().optional();

export const draftDataSchema = z.object({
  parent: z.object({ firstName: typed(80), lastName: typed(80), birthDate: typed(10), phone: typed(30), email: typed(254) }).optional(),
  otherParent: z
    .object({
      firstName: typed(80),
      lastName: typed(80),
      custody: z.enum(OTHER_PARENT_CUSTODY).nullable().optional(),
      alimonyDueMonthlyCents: cents,
      alimonyPaidRegularly: flag,
    })
    .nullable()
    .optional(),
  children: z
    .array(
      z.object({
        id: z.uuid('Identifiant invalide.').optional(),
        firstName: z.string().max(80),
        lastName: typed(80),
        birthDate: z.string().max(10),
        custody: z.enum(CHILD_CUSTODY).optional(),
        schoolName: typed(120),
        schoolLevel: typed(40),
      }),
    )
    .max(15)
    .optional(),
  address: z.object({ line: typed(200), postalCode: typed(10), city: typed(100), inseeCode: typed(5), neighbourhoodId: typed(60) }).optional(),
  situation: z
    .object({
      activity: z.enum(ACTIVITIES).nullable().optional(),
      unemploymentSince: typed(10),
      salaryNetMonthlyCents: cents,
      unemploymentNetMonthlyCents: cents,
      otherIncomeMonthlyCents: cents,
      alimonyReceivedMonthlyCents: cents,
      familyBenefitsMonthlyCents: cents,
      annualIncomeCents: cents,
      recentlySeparated: flag,
    })
    .optional(),
  housing: z
    .object({ status: z.enum(HOUSING_STATUSES).nullable().optional(), rentMonthlyCents: cents, chargesMonthlyCents: cents, rentWithChargesFormerCents: cents })
    .optional(),
  quotient: z.object({ entered: z.number().int().min(0).max(100_000).nullable().optional() }).optional(),
});

export const DRAFT_FORMS = ['remplir', 'renouvellement'] as const;
export const draftParams = z.object({ form: z.enum(DRAFT_FORMS, 'Formulaire inconnu.') });
export const draftBody = z
  .object({
    step: z.number().int().min(0).max(20),
    data: draftDataSchema,
    savedAt: z.iso.datetime({ offset: true, message: 'Date et heure attendues.' }),
  })
  .strict();

const draftOut = z.object({ form: z.enum(DRAFT_FORMS), step: z.number(), data: draftDataSchema, savedAt: timestamp, updatedAt: timestamp });
export const draftWrapOut = z.object({ draft: draftOut.nullable() });
export const draftSavedOut = z.object({ draft: draftOut, applied: z.boolean() });

export type DraftData = z.infer<typeof draftDataSchema>;
export type DraftOut = z.infer<typeof draftOut>;
export type DraftSaved = z.infer<typeof draftSavedOut>;
