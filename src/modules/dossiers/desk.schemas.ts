/** zod schemas of what the desk adds to the file: consents recorded as the family's statement, orientations with consent. */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';
import { PARTS } from './fields';
import { consentOut, consentSchema, uuid } from './dossiers.schemas';

/** How the family gives its consent to an orientation: at the desk now, or later from its own space. */
export const ORIENTATION_CONSENTS = ['at-desk', 'family-confirms'] as const;
export type OrientationConsent = (typeof ORIENTATION_CONSENTS)[number];

const str = z.string();
const nstr = z.string().nullable();

/** The family said it at the desk: an agent records it, never decides it. */
const familyStatement = z.boolean().optional().describe('La famille l’a dit elle-même, au guichet');

export const deskConsentSchema = consentSchema.extend({ familyStatement });
export const deskRevokeSchema = z.object({ familyStatement }).strict();

export const deskConsentsOut = z.object({
  familyName: nstr,
  consents: z.array(
    consentOut.extend({
      recordedByName: nstr,
      revokedAtDesk: z.boolean(),
      revokedByName: nstr,
    }),
  ),
});

export const orientationSchema = z
  .object({
    structureId: uuid,
    serviceId: uuid.nullable().optional(),
    note: z.string().trim().min(3, 'Au moins 3 caractères.').max(1000),
    parts: z.array(z.enum(PARTS)).max(PARTS.length).optional(),
    consent: z.enum(ORIENTATION_CONSENTS).optional(),
  })
  .strict();
export const orientedOut = z.object({ id: str, status: z.enum(['sent', 'awaiting_consent']) });

export const directoryQuery = z.object({ q: z.string().trim().min(2, 'Au moins 2 caractères.').max(100) });
export const directoryOut = z.array(z.object({ id: str, nom: str, commune: nstr, services: z.array(z.object({ id: str, nom: str })) }));

export const orientationRequestsOut = z.array(
  z.object({ id: str, createdAt: timestamp, note: str, agentName: nstr, structureName: str, serviceName: nstr, partLabels: z.array(str) }),
);
export const orientationAnswerSchema = z.object({ accept: z.boolean() }).strict();
export const orientationAnsweredOut = z.object({ status: z.enum(['sent', 'refused_by_family']) });

export const recentFamiliesOut = z.array(z.object({ id: str, firstName: nstr, lastName: nstr, openedAt: timestamp, reason: str }));

export type RecentFamily = z.infer<typeof recentFamiliesOut>[number];
export type DeskConsents = z.infer<typeof deskConsentsOut>;
export type DirectoryStructure = z.infer<typeof directoryOut>[number];
export type OrientationRequest = z.infer<typeof orientationRequestsOut>[number];
