/** Requests and answers of the ambassadors' meetings and the neighbourhood's follow-up (zod; French messages). */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';

/** With its offset, or Paris wall-clock time as the page's date-and-time field gives it (`2026-03-12T18:00`): read by `momentInParis`. */
const isoMoment = z.iso.datetime({ offset: true, local: true, message: 'Date et heure invalides.' });

export const meetingInput = z.strictObject({
  title: z.string({ message: 'Donnez un titre.' }).trim().min(3, 'Le titre fait au moins 3 caractères.').max(120, 'Le titre fait au plus 120 caractères.'),
  description: z.string().trim().max(2000, 'La description fait au plus 2 000 caractères.').default(''),
  place: z.string({ message: 'Indiquez le lieu.' }).trim().min(3, 'Indiquez le lieu.').max(200, 'Le lieu fait au plus 200 caractères.'),
  startsAt: isoMoment,
  endsAt: isoMoment.nullish(),
  capacity: z.int({ message: 'Un nombre de places.' }).min(1, 'Au moins 1 place.').max(500, 'Au plus 500 places.'),
  /** Agents choose the neighbourhood; an ambassador's is its own. */
  neighbourhoodId: z.string().min(1, 'Choisissez le quartier.').max(60).optional(),
});
export type MeetingInput = z.output<typeof meetingInput>;

export const registerInput = z.strictObject({
  people: z.int({ message: 'Combien de personnes viennent ?' }).min(1, 'Au moins 1 personne.').max(10, 'Au plus 10 personnes par famille.').default(1),
});

export const neighbourhoodQuery = z.object({ neighbourhoodId: z.string().min(1).max(60).optional() });

const meetingOut = z.object({
  id: z.string(),
  neighbourhoodId: z.string(),
  title: z.string(),
  description: z.string(),
  place: z.string(),
  startsAt: timestamp,
  endsAt: timestamp.nullable(),
  capacity: z.number().int(),
  registered: z.number().int(),
  placesLeft: z.number().int(),
  cancelled: z.boolean(),
  isDemo: z.boolean(),
});

export const upcomingMeetingsOut = z.object({
  neighbourhoodId: z.string().nullable(),
  /** The neighbourhood the reader is the ambassador of (null: not an ambassador). */
  ambassadorOf: z.string().nullable(),
  meetings: z.array(meetingOut.extend({ myPeople: z.number().int() })),
});

export const neighbourhoodActivityOut = z.object({
  neighbourhoodId: z.string(),
  counts: z.object({
    offers: z.number().int(),
    requests: z.number().int(),
    unanswered: z.number().int(),
    newcomers: z.number().int(),
    meetings: z.number().int(),
  }),
  newcomers: z.array(z.object({ householdId: z.string(), name: z.string(), firstAt: timestamp, validated: z.boolean() })),
  meetings: z.array(meetingOut),
});

export const registrationsOut = z.object({
  meetingId: z.string(),
  title: z.string(),
  capacity: z.number().int(),
  registered: z.number().int(),
  families: z.array(z.object({ name: z.string(), people: z.number().int(), registeredAt: timestamp })),
});

export type UpcomingMeetings = z.infer<typeof upcomingMeetingsOut>;
export type NeighbourhoodActivity = z.infer<typeof neighbourhoodActivityOut>;
export type MeetingRegistrations = z.infer<typeof registrationsOut>;
