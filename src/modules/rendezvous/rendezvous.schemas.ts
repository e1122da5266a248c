/** zod schemas of the rendez-vous API (French messages). */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';

const uuid = z.uuid({ message: 'Identifiant invalide.' });
const date = z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' });
const instant = z.iso.datetime({ offset: true, message: 'Date et heure attendues (avec fuseau).' });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Heure attendue (HH:MM).' });
const text = (max: number) => z.string().trim().max(max);
const name = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, { message: 'Indiquez un intitulé.' })
    .max(max, { message: `L'intitulé est trop long (${max} caractères au plus).` });

export const idParams = z.object({ id: uuid });
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}(\.ics)?$/, { message: 'Adresse de calendrier invalide.' }) });

const motifKind = z.enum(['permanence', 'atelier', 'creche', 'repit']);
export const motifOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: motifKind,
  description: z.string().nullable(),
  durationMinutes: z.number(),
  bookableBy: z.enum(['family', 'agent', 'referral']),
  minNoticeMinutes: z.number(),
  maxNoticeDays: z.number(),
  cancelNoticeMinutes: z.number(),
  documents: z.array(z.string()),
  collective: z.boolean(),
  capacity: z.number(),
  isDemo: z.boolean(),
});
export const motifsOut = z.object({ motifs: z.array(motifOut) });

export const motifInput = z.object({
  name: name(),
  kind: motifKind,
  description: text(2000).nullable().default(null),
  durationMinutes: z.number().int().min(5, { message: '5 minutes au moins.' }).max(720, { message: '12 heures au plus.' }),
  bookableBy: z.enum(['family', 'agent', 'referral']).default('family'),
  minNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 60)
    .default(0),
  maxNoticeDays: z.number().int().min(1).max(730).default(60),
  cancelNoticeMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .default(240),
  documents: z.array(text(200)).max(20).default([]),
  collective: z.boolean().default(false),
  capacity: z.number().int().min(1).max(500).default(1),
});

export const lieuInput = z.object({
  name: name(),
  address: name(300),
  neighbourhoodId: z
    .string()
    .regex(/^[a-z0-9-]+$/, { message: 'Quartier inconnu.' })
    .nullable()
    .default(null),
  accessibility: text(1000).nullable().default(null),
  singleUseDate: date.nullable().default(null),
});

const weekday = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]);
const recurrence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }),
  z.object({
    kind: z.literal('weekly'),
    weekdays: z.array(weekday).min(1, { message: 'Choisissez au moins un jour.' }).max(7),
    interval: z.number().int().min(1).max(8).optional(),
  }),
  z.object({
    kind: z.literal('monthly'),
    weekday,
    nths: z
      .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(-1)]))
      .min(1)
      .max(5),
  }),
]);
export const plageInput = z.object({
  agentId: uuid.nullable().optional(),
  resourceId: uuid.nullable().default(null),
  lieuId: uuid.nullable().default(null),
  motifIds: z.array(uuid).min(1, { message: 'Choisissez au moins un motif.' }).max(20),
  firstDate: date,
  untilDate: date.nullable().default(null),
  startTime: clock,
  endTime: clock,
  recurrence,
});
export const absenceInput = z.object({
  fromDate: date,
  toDate: date,
  fromTime: clock.nullable().default(null),
  toTime: clock.nullable().default(null),
  label: text(200).nullable().default(null),
  everyone: z.boolean().default(false),
  resourceId: uuid.nullable().default(null),
});

const ageGroup = z.enum(['0-1', '1-3', '3-6', '6-12']);
const seats = z.number().int().min(0, { message: '0 au moins.' }).max(500, { message: '500 au plus.' });
export const capacitiesInput = z.object({ '0-1': seats.optional(), '1-3': seats.optional(), '3-6': seats.optional(), '6-12': seats.optional() });
export const resourceInput = z.object({ name: name(), lieuId: uuid.nullable().default(null), capacities: capacitiesInput });
export const capacitiesBody = z.object({ capacities: capacitiesInput });

export const slotsQuery = z.object({
  motifId: uuid,
  /** Paris day; today (the server's clock) when absent. */
  from: date.optional(),
  days: z.coerce.number().int().min(1, { message: '1 jour au moins.' }).max(62, { message: '62 jours au plus.' }).default(14),
  /** A crèche or respite place: the child it is for (its age group's seats). */
  childId: uuid.optional(),
  /** Staff: the family's file the child belongs to. */
  householdId: uuid.optional(),
});
const lieuOut = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  neighbourhoodId: z.string().nullable(),
  accessibility: z.string().nullable(),
});
export const slotsOut = z.object({
  motif: motifOut,
  fromDate: z.string(),
  today: z.string(),
  slots: z.array(
    z.object({
      start: timestamp,
      end: timestamp,
      ownerId: z.string(),
      ownerName: z.string().nullable(),
      lieu: lieuOut.nullable(),
      seatsLeft: z.number().nullable(),
      full: z.boolean(),
    }),
  ),
});

export const bookInput = z.object({
  motifId: uuid,
  ownerId: uuid,
  start: instant,
  parent: z.boolean().default(false),
  childIds: z.array(uuid).max(10).default([]),
  householdId: uuid.optional(),
  reason: text(500).optional(),
});
export const bookOut = z.object({ bookingIds: z.array(z.string()), sessionId: z.string() });
export const waitOut = z.object({ waitIds: z.array(z.string()) });
export const acceptOut = z.object({ bookingId: z.string() });
export const moveInput = z.object({ ownerId: uuid, start: instant });
export const statusInput = z.object({ status: z.enum(['seen', 'noshow', 'excused', 'revoked'], { message: 'État inconnu.' }) });

const bookingView = z.object({
  id: z.string(),
  sessionId: z.string(),
  householdId: z.string(),
  motif: z.object({ id: z.string(), name: z.string(), kind: motifKind, documents: z.array(z.string()) }),
  start: timestamp,
  end: timestamp,
  status: z.enum(['confirmed', 'seen', 'noshow', 'excused', 'revoked']),
  who: z.string(),
  lieu: z.object({ name: z.string(), address: z.string(), accessibility: z.string().nullable() }).nullable(),
  viaWaitlist: z.boolean(),
  canCancel: z.boolean(),
  proposedBy: z.string().nullable(),
  childId: z.string().nullable(),
});
const waitView = z.object({
  id: z.string(),
  motif: z.object({ id: z.string(), name: z.string() }),
  start: timestamp,
  end: timestamp,
  who: z.string(),
  status: z.enum(['waiting', 'offered']),
  offerExpiresAt: timestamp.nullable(),
  proposedBy: z.string().nullable(),
});
export const myBookingsOut = z.object({
  children: z.array(z.object({ id: z.string(), firstName: z.string() })),
  upcoming: z.array(bookingView),
  past: z.array(bookingView),
  waitlist: z.array(waitView),
});
export const bookingsOut = z.object({ bookings: z.array(bookingView) });
export const householdBookingsOut = bookingsOut.extend({
  family: z.object({ name: z.string(), children: z.array(z.object({ id: z.string(), firstName: z.string() })) }),
});
/** What a partner sees of a family: what it shared with the structure, and the bookings the structure made for it. */
export const partnerHouseholdOut = bookingsOut.extend({
  waitlist: z.array(waitView),
  family: z.object({ name: z.string().nullable(), children: z.array(z.object({ id: z.string(), firstName: z.string() })) }),
});
export const agendaQuery = z.object({
  /** Either a Paris day and a number of days (today by the server's clock when absent)… */
  day: date.optional(),
  days: z.coerce.number().int().min(1).max(31).default(1),
  /** …or two instants. */
  from: instant.optional(),
  to: instant.optional(),
  agentId: uuid.optional(),
});
export const agendaOut = bookingsOut.extend({ day: z.string(), days: z.number(), today: z.string() });
export const sessionChangeInput = z.object({ lieuId: uuid.nullable().optional(), agentId: uuid.optional() });
export const sessionChangeOut = z.object({ told: z.number() });
export const historyQuery = z.object({ reason: text(500).optional() });
export const feedOut = z.object({ token: z.string() });

export const emergencyInput = z.object({ childId: uuid, day: date, fromTime: clock, toTime: clock, reason: name(1000) });
export const emergencyFiled = z.object({ id: z.string(), alerted: z.number() });
export const answerInput = z.object({ status: z.enum(['placed', 'refused']), message: text(1000).nullable().default(null) });
export const answerOut = z.object({ minutes: z.number() });
export const liveInfoOut = z.object({ protocol: z.literal('relais-rendezvous-urgences-1'), description: z.string() });
export const onCallInput = z.object({ on: z.boolean() });
export const onCallOut = z.object({ onCall: z.boolean() });
const emergencyStatus = z.enum(['open', 'placed', 'refused']);
export const inboxOut = z.object({
  onCall: z.boolean(),
  requests: z.array(
    z.object({
      id: z.string(),
      day: z.string(),
      fromTime: z.string(),
      toTime: z.string(),
      reason: z.string(),
      status: emergencyStatus,
      answer: z.string().nullable(),
      createdAt: timestamp,
      answeredAt: timestamp.nullable(),
      family: z.string(),
      childFirstName: z.string(),
      childBirthDate: z.string().nullable(),
      neighbourhoodId: z.string().nullable(),
      minutes: z.number().nullable(),
    }),
  ),
});
export const myEmergenciesOut = z.object({
  requests: z.array(
    z.object({
      id: z.string(),
      day: z.string(),
      fromTime: z.string(),
      toTime: z.string(),
      status: emergencyStatus,
      answer: z.string().nullable(),
      childFirstName: z.string(),
      createdAt: timestamp,
    }),
  ),
});
export const createdOut = z.object({ id: z.string() });
/** An absence, and the confirmed bookings it falls on (they stay: staff move them). */
export const absenceCreatedOut = createdOut.extend({ bookings: z.number() });

const recurrenceOut = z.union([
  z.object({ kind: z.literal('once') }),
  z.object({ kind: z.literal('weekly'), weekdays: z.array(z.number()), interval: z.number().optional() }),
  z.object({ kind: z.literal('monthly'), weekday: z.number(), nths: z.array(z.number()) }),
]);
export const offerOut = z.object({
  motifs: z.array(motifOut),
  lieux: z.array(lieuOut.extend({ singleUseDate: z.string().nullable() })),
  resources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      lieuId: z.string().nullable(),
      isDemo: z.boolean(),
      capacities: z.array(z.object({ ageGroup, capacity: z.number() })),
    }),
  ),
  plages: z.array(
    z.object({
      id: z.string(),
      agentId: z.string().nullable(),
      resourceId: z.string().nullable(),
      ownerName: z.string().nullable(),
      lieuId: z.string().nullable(),
      motifIds: z.array(z.string()),
      firstDate: z.string(),
      untilDate: z.string().nullable(),
      startTime: z.string(),
      endTime: z.string(),
      recurrence: recurrenceOut,
      isDemo: z.boolean(),
    }),
  ),
  absences: z.array(
    z.object({
      id: z.string(),
      agentId: z.string().nullable(),
      resourceId: z.string().nullable(),
      ownerName: z.string().nullable(),
      start: timestamp,
      end: timestamp,
      label: z.string().nullable(),
    }),
  ),
  agents: z.array(z.object({ id: z.string(), name: z.string() })),
});

export type Motif = z.infer<typeof motifOut>;
export type SlotsOut = z.infer<typeof slotsOut>;
export type MyBookings = z.infer<typeof myBookingsOut>;
export type BookingsOut = z.infer<typeof bookingsOut>;
export type Agenda = z.infer<typeof agendaOut>;
export type BookingViewOut = z.infer<typeof bookingView>;
export type Inbox = z.infer<typeof inboxOut>;
export type Offer = z.infer<typeof offerOut>;
export type HouseholdBookings = z.infer<typeof householdBookingsOut>;
export type PartnerHouseholdBookings = z.infer<typeof partnerHouseholdOut>;
export type MyEmergencies = z.infer<typeof myEmergenciesOut>;
