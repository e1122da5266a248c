/** Requests and answers of the entraide API (zod; French messages). The web's types are inferred from these. */
import { z } from 'zod';
import { day, timestamp } from '../../platform/response-schemas';

export const idParams = z.object({ id: z.uuid({ message: 'Identifiant invalide.' }) });
export const neighbourhoodParams = z.object({ neighbourhoodId: z.string().min(1).max(60) });

export const POST_KINDS = ['offer', 'request'] as const;
export const POST_CATEGORIES = ['garde', 'trajet', 'courses', 'pret', 'ecoute'] as const;
export const ITEM_CATEGORIES = ['poussette', 'lit', 'siege-auto', 'cartable', 'fournitures', 'electromenager', 'meuble', 'autre'] as const;
export const ITEM_CONDITIONS = ['neuf', 'tres-bon', 'bon', 'usage'] as const;

/** With its offset, or Paris wall-clock time as the page's date-and-time field gives it (`2026-03-12T18:00`): read by `momentInParis`. */
const isoMoment = z.iso.datetime({ offset: true, local: true, message: 'Date et heure invalides.' });

export const postInput = z.strictObject({
  kind: z.enum(POST_KINDS, { message: 'Choisissez : je propose ou je demande.' }),
  category: z.enum(POST_CATEGORIES, { message: "Choisissez le type d'entraide." }),
  neighbourhoodId: z.string({ message: 'Choisissez le quartier.' }).min(1, 'Choisissez le quartier.').max(60),
  title: z.string({ message: 'Donnez un titre.' }).trim().min(3, 'Le titre fait au moins 3 caractères.').max(120, 'Le titre fait au plus 120 caractères.'),
  description: z.string().trim().max(2000, 'La description fait au plus 2 000 caractères.').default(''),
  startsAt: isoMoment,
  endsAt: isoMoment.nullish(),
  // Mutual help is free: a price field is refused outright.
  price: z.never({ message: "L'entraide entre parents est gratuite : pas de prix." }).optional(),
  priceCents: z.never({ message: "L'entraide entre parents est gratuite : pas de prix." }).optional(),
});

export const messageInput = z.strictObject({
  message: z.string({ message: 'Écrivez un message.' }).trim().min(1, 'Écrivez un message.').max(2000, 'Le message fait au plus 2 000 caractères.'),
});
export const bodyInput = z.strictObject({
  body: z.string({ message: 'Écrivez un message.' }).trim().min(1, 'Écrivez un message.').max(2000, 'Le message fait au plus 2 000 caractères.'),
});
export const blockInput = z.strictObject({
  answerId: z.uuid({ message: 'Identifiant invalide.' }).optional(),
  postId: z.uuid({ message: 'Identifiant invalide.' }).optional(),
});
export const reportInput = z.strictObject({
  answerId: z.uuid({ message: 'Identifiant invalide.' }).optional(),
  postId: z.uuid({ message: 'Identifiant invalide.' }).optional(),
  reason: z.string({ message: 'Dites ce qui pose problème.' }).trim().min(3, 'Dites ce qui pose problème.').max(1000),
});
export const resolveInput = z.strictObject({ decision: z.enum(['dismiss', 'remove-post'], { message: 'Choisissez une décision.' }) });
export const ambassadorInput = z.strictObject({ userId: z.uuid({ message: 'Identifiant invalide.' }), neighbourhoodId: z.string().min(1).max(60) });

export const itemInput = z.strictObject({
  title: z.string({ message: "Nommez l'objet." }).trim().min(2, "Nommez l'objet.").max(120),
  category: z.enum(ITEM_CATEGORIES, { message: 'Choisissez une catégorie.' }),
  condition: z.enum(ITEM_CONDITIONS, { message: "Choisissez l'état." }),
  mode: z.enum(['pret', 'don'], { message: 'Prêt ou don ?' }),
  donorKind: z.enum(['partenaire', 'entreprise', 'famille'], { message: 'Qui donne cet objet ?' }),
  donorLabel: z.string().trim().max(120).nullish(),
  description: z.string().trim().max(2000).optional(),
  neighbourhoodId: z.string().min(1).max(60).nullish(),
  loanDays: z.int({ message: 'Un nombre de jours.' }).min(1, 'Au moins 1 jour.').max(365, 'Au plus 365 jours.').optional(),
});
export const catalogueQuery = z.object({ category: z.enum(ITEM_CATEGORIES).optional() });

// ------------------------------------------------------------------ answers
export const postOut = z.object({
  id: z.string(),
  kind: z.enum(POST_KINDS),
  category: z.enum(POST_CATEGORIES),
  neighbourhoodId: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: timestamp,
  endsAt: timestamp.nullable(),
  isDemo: z.boolean(),
  answers: z.number().int(),
  mine: z.boolean(),
});
export const boardOut = z.object({ posts: z.array(postOut) });

export const conversationOut = z.object({
  id: z.string(),
  postId: z.string(),
  postTitle: z.string(),
  side: z.enum(['author', 'helper']),
  iShare: z.boolean(),
  theyShare: z.boolean(),
  blocked: z.boolean(),
  contact: z.object({ firstName: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable() }).nullable(),
  messages: z.array(z.object({ id: z.string(), mine: z.boolean(), body: z.string(), createdAt: timestamp })),
});
export const conversationsOut = z.object({
  conversations: z.array(
    z.object({
      id: z.string(),
      postId: z.string(),
      postTitle: z.string(),
      side: z.enum(['author', 'helper']),
      lastMessageAt: timestamp.nullable(),
      contactShared: z.boolean(),
    }),
  ),
});
export const reportsOut = z.object({
  reports: z.array(z.object({ id: z.string(), postId: z.string().nullable(), postTitle: z.string().nullable(), reason: z.string(), createdAt: timestamp })),
});

export const itemOut = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(ITEM_CATEGORIES),
  condition: z.enum(ITEM_CONDITIONS),
  mode: z.enum(['pret', 'don']),
  donorKind: z.enum(['partenaire', 'entreprise', 'famille']),
  donorLabel: z.string().nullable(),
  description: z.string(),
  neighbourhoodId: z.string().nullable(),
  loanDays: z.number().int(),
  isDemo: z.boolean(),
  available: z.boolean(),
  hasPhoto: z.boolean(),
});
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const photoInput = z.strictObject({
  // 2 MB of content is about 2.8 MB in base64.
  base64: z.string({ message: 'Choisissez une photo.' }).min(1, 'Choisissez une photo.').max(2_800_000, 'La photo dépasse 2 Mo.'),
});
export const catalogueOut = z.object({ items: z.array(itemOut) });

export const loanOut = z.object({
  id: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  itemMode: z.enum(['pret', 'don']),
  status: z.enum(['reserved', 'active', 'overdue', 'returned', 'given', 'refused', 'cancelled']),
  dueOn: day.nullable(),
  reservedAt: timestamp,
  startedAt: timestamp.nullable(),
  endedAt: timestamp.nullable(),
});
export const loansOut = z.object({ loans: z.array(loanOut) });

const hhmm = (message: string) => z.string({ message }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Une heure, par exemple 17:00.');

// ------------------------------------------------------------------ cooperatives
/** Hours of a garde: weekdays (0 = Sunday … 6) and a time range the same each of these days. */
const gardeHours = {
  weekdays: z
    .array(z.int({ message: 'Un jour de la semaine.' }).min(0).max(6), { message: 'Les jours de garde.' })
    .min(1, 'Au moins un jour.')
    .max(7)
    .refine((d) => new Set(d).size === d.length, 'Chaque jour une seule fois.'),
  from: hhmm('Heure de début.'),
  to: hhmm('Heure de fin.'),
};
const endAfterStart = { path: ['to'], message: 'La fin doit être après le début.' };
const custody = z.enum(['all', 'even', 'odd'], { message: 'Toutes les semaines, ou une semaine sur deux (paires ou impaires) ?' });
const minutesPerWeek = z.int({ message: 'Un nombre de minutes.' }).min(0, 'Pas de nombre négatif.').max(3600, 'Au plus 60 heures par semaine.');
export const coopInput = z
  .strictObject({
    name: z.string({ message: 'Donnez un nom.' }).trim().min(2, 'Donnez un nom.').max(80),
    hourlyCostCents: z.int({ message: 'Un coût horaire en centimes.' }).min(100, 'Au moins 1 € de l’heure.').max(10000, 'Au plus 100 € de l’heure.'),
    minutesPerWeek,
    custody: custody.default('all'),
    ...gardeHours,
  })
  .refine((c) => c.to > c.from, endAfterStart);
export const joinInput = z.strictObject({ minutesPerWeek, custody: custody.default('all'), ...gardeHours }).refine((c) => c.to > c.from, endAfterStart);
export const weekParams = z.object({ id: z.uuid({ message: 'Identifiant invalide.' }), monday: z.iso.date({ message: 'Date invalide.' }) });
export const weekInput = z.strictObject({ minutes: minutesPerWeek });
export const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Le mois au format AAAA-MM.') });
const coopOut = z.object({
  id: z.string(),
  name: z.string(),
  neighbourhoodId: z.string(),
  hourlyCostCents: z.number().int(),
  isDemo: z.boolean(),
  /** The childminder's hours (null: not stated, a cooperative created before they were asked). */
  hours: z.object({ weekdays: z.array(z.number().int()), from: z.string(), to: z.string() }).nullable(),
});
export const myCoopsOut = z.object({ month: z.string(), coops: z.array(coopOut), open: z.array(coopOut.extend({ families: z.number().int() })) });
export const splitOut = z.object({
  coopId: z.string(),
  name: z.string(),
  month: z.string(),
  weeks: z.number().int(),
  hourlyCostCents: z.number().int(),
  childminderMinutes: z.number().int(),
  totalCents: z.number().int(),
  myCents: z.number().int(),
  families: z.array(z.object({ label: z.string(), mine: z.boolean(), minutes: z.number().int(), cents: z.number().int() })),
  roundingRule: z.string(),
});
export type MyCoops = z.infer<typeof myCoopsOut>;
export type CoopSplit = z.infer<typeof splitOut>;
export const cmgQuery = monthQuery.extend({
  resources: z.coerce
    .number({ message: 'Les ressources mensuelles du foyer, en euros.' })
    .int('Les ressources en euros entiers.')
    .min(0, 'Les ressources ne peuvent pas être négatives.')
    .max(100000, 'Les ressources mensuelles semblent trop élevées.'),
  children: z.coerce
    .number({ message: 'Le nombre d’enfants à charge.' })
    .int('Un nombre entier d’enfants.')
    .min(1, 'Au moins un enfant à charge.')
    .max(15, 'Au plus 15 enfants.'),
});
export const cmgOut = z.object({
  month: z.string(),
  minutes: z.number().int(),
  myCents: z.number().int(),
  cmgCents: z.number().int(),
  leftCents: z.number().int(),
  participationPerHourCents: z.number().int(),
  hourlyCostRetainedCents: z.number().int(),
  hourlyCostCapCents: z.number().int(),
  rulesFrom: z.string(),
});
export type CmgEstimateOut = z.infer<typeof cmgOut>;

export type Post = z.infer<typeof postOut>;
export type Board = z.infer<typeof boardOut>;
export type Conversation = z.infer<typeof conversationOut>;
export type Conversations = z.infer<typeof conversationsOut>;
export type Item = z.infer<typeof itemOut>;
export type Catalogue = z.infer<typeof catalogueOut>;
export type Loan = z.infer<typeof loanOut>;
export type Loans = z.infer<typeof loansOut>;
export type Reports = z.infer<typeof reportsOut>;
export type PostInput = z.infer<typeof postInput>;

// ------------------------------------------------------------------ covoiturage
const isoDay = z.iso.date({ message: 'Date invalide.' });
export const rideInput = z
  .strictObject({
    /** Where to: an activity of the directory, or one of the family's bookings (rendezvous) or accepted places (attribution). */
    serviceId: z.uuid({ message: "Choisissez une activité de l'annuaire." }).optional(),
    bookingId: z.uuid({ message: 'Choisissez un de vos rendez-vous.' }).optional(),
    offerId: z.uuid({ message: 'Choisissez une de vos places.' }).optional(),
    weekday: z.int({ message: 'Choisissez le jour.' }).min(0, 'Choisissez le jour.').max(6, 'Choisissez le jour.'),
    arriveAt: z.string({ message: "Indiquez l'heure d'arrivée." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "L'heure d'arrivée, par exemple 14:00."),
    fromDay: isoDay,
    toDay: isoDay,
    role: z.enum(['driver', 'passenger', 'either'], { message: 'Je conduis, je cherche une place, ou les deux ?' }),
    children: z.int({ message: "Un nombre d'enfants." }).min(0, 'Pas de nombre négatif.').max(6, 'Au plus 6 enfants.'),
    seats: z.int({ message: 'Un nombre de places.' }).min(0, 'Pas de nombre négatif.').max(8, 'Au plus 8 places.').default(0),
    hasLicence: z.boolean().default(false),
    detourPercent: z.int({ message: 'Un pourcentage.' }).min(0, 'Pas de nombre négatif.').max(100, 'Au plus 100 %.').default(25),
    custody: z.enum(['all', 'even', 'odd'], { message: 'Toutes les semaines, ou une semaine sur deux ?' }).default('all'),
    home: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).nullish(),
  })
  .refine((r) => [r.serviceId, r.bookingId, r.offerId].filter(Boolean).length === 1, {
    message: "Choisissez une activité de l'annuaire, un de vos rendez-vous ou une de vos places.",
    path: ['serviceId'],
  });
export const rideSourcesOut = z.object({
  sources: z.array(
    z.object({
      kind: z.enum(['booking', 'place']),
      id: z.string(),
      title: z.string(),
      placeName: z.string(),
      address: z.string().nullable(),
      day: day.nullable(),
      weekday: z.number().int().nullable(),
      time: z.string().nullable(),
      period: z.string().nullable(),
      located: z.boolean(),
    }),
  ),
});
export type RideSources = z.infer<typeof rideSourcesOut>;
export const rideRegisteredOut = z.object({ id: z.string(), crewId: z.string().nullable() });
export const myRidesOut = z.object({
  holidaysZone: z.string().nullable(),
  /** A routing service is configured: road distances (else straight line × ROAD_FACTOR, and whenever it fails). */
  roadDistances: z.boolean(),
  rides: z.array(
    z.object({
      id: z.string(),
      placeLabel: z.string(),
      weekday: z.number().int(),
      arriveAt: z.string(),
      fromDay: day,
      toDay: day,
      role: z.enum(['driver', 'passenger', 'either']),
      children: z.number().int(),
      seats: z.number().int(),
      detourPercent: z.number().int(),
      custody: z.enum(['all', 'even', 'odd']),
      state: z.enum(['waiting', 'proposed', 'confirmed']),
      iConfirmed: z.boolean(),
      crew: z
        .object({
          iDrive: z.boolean(),
          routeKm: z.number(),
          detourPercent: z.number().int(),
          members: z.array(
            z.object({
              /** In French, for API clients; pages word it from `mine`, the contact's first name and `number`. */
              label: z.string(),
              /** « Famille 2 »: the family's number in the crew when it is neither the reader's nor named yet. */
              number: z.number().int().nullable(),
              mine: z.boolean(),
              drives: z.boolean(),
              children: z.number().int(),
              confirmed: z.boolean(),
              contact: z.object({ firstName: z.string().nullable(), phone: z.string().nullable() }).nullable(),
            }),
          ),
          /** `driver` in French for API clients; `driverIndex`: the driver's place in `members`. */
          rota: z.array(z.object({ date: day, driver: z.string().nullable(), driverIndex: z.number().int().nullable() })),
        })
        .nullable(),
    }),
  ),
});
export type MyRides = z.infer<typeof myRidesOut>;
export type RideInputBody = z.input<typeof rideInput>;

// ------------------------------------------------------------------ garde de dépannage
export const BACKUP_REASONS = ['enfant-malade', 'entretien', 'rendez-vous', 'autre'] as const;
export const rosterInput = z.strictObject({ answerId: z.uuid({ message: 'Identifiant invalide.' }) });
export const backupInput = z.strictObject({
  reason: z.enum(BACKUP_REASONS, { message: 'Pourquoi avez-vous besoin d’une garde ?' }),
  note: z.string().trim().max(500, 'Au plus 500 caractères.').default(''),
  startsAt: isoMoment,
  endsAt: isoMoment,
});
export const backupCreatedOut = z.object({ id: z.string(), reached: z.number().int() });
const backupContact = z.object({ firstName: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable() });
const backupView = {
  id: z.string(),
  reason: z.enum(BACKUP_REASONS),
  note: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  status: z.enum(['open', 'taken', 'cancelled']),
};
export const myBackupOut = z.object({
  roster: z.array(z.object({ memberId: z.string(), contact: backupContact.nullable() })),
  mine: z.array(z.object({ ...backupView, helper: backupContact.nullable() })),
  incoming: z.array(z.object({ ...backupView, takenByMe: z.boolean(), requester: backupContact.nullable() })),
});
export type MyBackup = z.infer<typeof myBackupOut>;

// ------------------------------------------------------------------ tutorat
export const SUBJECTS = ['francais', 'maths', 'anglais', 'sciences', 'histoire-geo', 'devoirs'] as const;
export const LEVELS = ['primaire', 'college', 'lycee'] as const;
export type Subject = (typeof SUBJECTS)[number];
export type Level = (typeof LEVELS)[number];
export const tutorInput = z.strictObject({
  displayName: z.string({ message: 'Le prénom et ce que fait le tuteur.' }).trim().min(2, 'Le prénom et ce que fait le tuteur.').max(120),
  phone: z.string().trim().max(30).nullish(),
  subjects: z
    .array(z.enum(SUBJECTS, { message: 'Matière inconnue.' }))
    .min(1, 'Au moins une matière.')
    .max(6),
  levels: z
    .array(z.enum(LEVELS, { message: 'Niveau inconnu.' }))
    .min(1, 'Au moins un niveau.')
    .max(3),
  neighbourhoodId: z.string({ message: 'Choisissez le quartier.' }).min(1).max(60),
  weekdays: z.array(z.int().min(0).max(6)).min(1, 'Au moins un jour.').max(7),
  from: hhmm('Heure de début.'),
  to: hhmm('Heure de fin.'),
});
export const tutoringInput = z.strictObject({
  childFirstName: z.string({ message: "Le prénom de l'enfant." }).trim().min(1, "Le prénom de l'enfant.").max(60),
  subject: z.enum(SUBJECTS, { message: 'Choisissez la matière.' }),
  level: z.enum(LEVELS, { message: 'Choisissez le niveau.' }),
  weekday: z.int({ message: 'Choisissez le jour.' }).min(0).max(6),
  from: hhmm('Heure de début.'),
  to: hhmm('Heure de fin.'),
});
export const assignInput = z.strictObject({ tutorId: z.uuid({ message: 'Choisissez un tuteur.' }) });
export const sessionInput = z.strictObject({
  day: z.iso.date({ message: 'La date de la séance.' }),
  minutes: z.int({ message: 'La durée en minutes.' }).min(15, 'Au moins 15 minutes.').max(240, 'Au plus 4 heures.'),
});
const tutoringView = {
  id: z.string(),
  childFirstName: z.string(),
  subject: z.enum(SUBJECTS),
  level: z.enum(LEVELS),
  neighbourhoodId: z.string().nullable(),
  weekday: z.number().int(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['open', 'matched', 'closed']),
  minutesDone: z.number().int(),
};
export const myTutoringOut = z.object({
  requests: z.array(z.object({ ...tutoringView, tutor: z.object({ name: z.string(), phone: z.string().nullable() }).nullable() })),
});
export const tutorsOut = z.object({
  tutors: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      phone: z.string().nullable(),
      subjects: z.array(z.enum(SUBJECTS)),
      levels: z.array(z.enum(LEVELS)),
      neighbourhoodId: z.string(),
      weekdays: z.array(z.number().int()),
      from: z.string(),
      to: z.string(),
      isDemo: z.boolean(),
    }),
  ),
});
export const tutoringQueueOut = z.object({
  requests: z.array(
    z.object({
      ...tutoringView,
      proposals: z.array(z.object({ tutorId: z.string(), name: z.string(), km: z.number().nullable(), overlapMinutes: z.number().int() })),
    }),
  ),
});
export type MyTutoring = z.infer<typeof myTutoringOut>;
export type Tutors = z.infer<typeof tutorsOut>;
export type TutoringQueue = z.infer<typeof tutoringQueueOut>;
