/**
 * zod schemas of the invitations to a listening session sent from a household file: what the
 * inviting agent or coordinator sees (sessions to come and this family's answer, never its
 * consents), what the family sees and answers. French messages.
 */
import { z } from 'zod';
import { day, timestamp } from '../../platform/response-schemas';
import { kind, quoteConsent } from './listening.schemas';

const str = z.string();
const nstr = z.string().nullable();
const id = z.uuid({ message: 'Identifiant invalide.' });

export const householdParams = z.object({ householdId: id });
export const inviteIn = z.object({ householdId: id });

/** The family's answer: no, or yes with the consents it chooses itself. */
export const answerIn = z.discriminatedUnion(
  'accept',
  [
    z.object({ accept: z.literal(false) }),
    z.object({
      accept: z.literal(true),
      quoteConsent,
      pseudonym: z
        .string()
        .trim()
        .max(60, { message: '60 caractères au plus.' })
        .nullish()
        .transform((v) => (v ? v : null)),
      profileConsent: z.boolean(),
      recordConsent: z.boolean(),
    }),
  ],
  { message: 'Dites si vous acceptez l’invitation.' },
);

export const invitationStatus = z.enum(['pending', 'accepted', 'declined']);

const sessionFacts = z.object({
  id: str,
  kind,
  title: str,
  themeLabel: str,
  date: day,
  time: str,
  durationMinutes: z.number(),
  place: nstr,
  neighbourhood: nstr,
  partnerName: nstr,
  cancelled: z.boolean(),
});

/** For the agent or coordinator in the family's file: sessions to come, and whether this family was invited and answered. */
export const householdSessionsOut = z.object({
  hasAccount: z.boolean(),
  sessions: z.array(sessionFacts.extend({ invitation: z.object({ status: invitationStatus, invitedAt: timestamp }).nullable() })),
});

/** For the family: its invitations, what its file would give for each choice, and its answer. */
export const myInvitationsOut = z.object({
  /** What the file holds that an answer may share: shown to the family before it chooses. */
  fromFile: z.object({ firstName: nstr, age: z.number().nullable(), neighbourhood: nstr, childrenCount: z.number() }),
  invitations: z.array(
    z.object({
      id: str,
      status: invitationStatus,
      invitedAt: timestamp,
      answeredAt: timestamp.nullable(),
      session: sessionFacts,
      /** Its consents once accepted (withdrawn: all false, `withdrawn` true). */
      consents: z.object({ quoteConsent, pseudonym: nstr, profileConsent: z.boolean(), recordConsent: z.boolean(), withdrawn: z.boolean() }).nullable(),
    }),
  ),
});

export type HouseholdSessions = z.infer<typeof householdSessionsOut>;
export type MyInvitations = z.infer<typeof myInvitationsOut>;
/** What the use cases return (before serialization: moments as Date). */
export type HouseholdSessionsData = z.input<typeof householdSessionsOut>;
export type MyInvitationsData = z.input<typeof myInvitationsOut>;
export type InvitationAnswer = z.infer<typeof answerIn>;
