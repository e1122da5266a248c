/** zod schemas of the groupes de parole API (French messages). */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1);
const uuid = z.uuid({ message: 'Identifiant invalide.' });

export const THEMES = ['separation', 'budget', 'ados', 'petite-enfance', 'sante-mentale', 'premiers-mois', 'quartier', 'autre'] as const;

export const idParams = z.object({ id: uuid });
export const roomMessageParams = z.object({ id: uuid, seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
export const roomUserParams = z.object({ id: uuid, userId: uuid });

export const roomInput = z.object({
  name: required(120),
  description: text(1000).default(''),
  theme: z.enum(THEMES, { message: 'Thème inconnu.' }),
  neighbourhood: z
    .string()
    .regex(/^[a-z0-9-]+$/, { message: 'Quartier inconnu.' })
    .max(60)
    .nullable()
    .default(null),
  kind: z.enum(['discussion', 'announcement'], { message: 'Type de groupe inconnu.' }).default('discussion'),
  /** The creator's pseudonym as its facilitator (required of an agent). */
  pseudonym: z.preprocess((v) => (v === '' ? null : v), pseudonymField().nullable().default(null)),
});

function pseudonymField() {
  return z
    .string()
    .trim()
    .min(2, { message: 'Le pseudonyme doit faire au moins 2 caractères.' })
    .max(40, { message: 'Le pseudonyme est trop long (40 caractères au plus).' })
    .regex(/^[\p{L}\p{N} ._'()-]+$/u, { message: 'Lettres, chiffres, espaces, points, tirets, parenthèses et apostrophes seulement.' });
}
export const pseudonym = pseudonymField();

export const joinInput = z.object({ pseudonym });
/** The facilitator by account id, or by e-mail (the page's form). */
export const facilitatorInput = z.object({
  userId: uuid.optional(),
  email: z.email({ message: 'Adresse e-mail invalide.' }).max(200).optional(),
  pseudonym,
});
export const messageInput = z.object({ body: required(4000) });
export const historyQuery = z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) });
export const reportInput = z.object({ reason: text(500).default('') });
export const hideInput = z.object({ reason: required(500) });
export const muteInput = z.object({
  minutes: z.number().int().min(0, { message: 'Entre 0 et 1440 minutes.' }).max(1440, { message: 'Entre 0 et 1440 minutes.' }),
});
export const slowModeInput = z.object({
  seconds: z.number().int().min(0, { message: 'Entre 0 et 3600 secondes.' }).max(3600, { message: 'Entre 0 et 3600 secondes.' }),
});
export const pinInput = z.object({ seq: z.number().int().min(1).nullable() });
export const purgeInput = z.object({ hours: z.number().int().min(1).max(720).default(24), reason: required(500) });
export const resolveInput = z.object({
  resolution: z.enum(['hidden', 'dismissed'], { message: 'Décision inconnue.' }),
  reason: text(500).default(''),
});
export const wordInput = z.object({
  kind: z.enum(['term', 'whitelist'], { message: 'Type inconnu.' }),
  category: z.enum(['suicide', 'violence', 'enfance'], { message: 'Catégorie inconnue.' }).nullable().default(null),
  pattern: required(120),
});
export const wordCheckInput = z.object({ text: required(4000) });
export const retentionInput = z.object({
  days: z.number().int().min(7, { message: 'Entre 7 et 3650 jours.' }).max(3650, { message: 'Entre 7 et 3650 jours.' }),
});
export const sessionInput = z.object({
  title: required(200),
  /** With its offset, or as the date-and-time field gives it (`2026-03-12T18:00`): Paris time, read by the server. */
  startsAt: z.iso.datetime({ offset: true, local: true, message: 'Date et heure attendues.' }),
  minutes: z.number().int().min(15, { message: 'Entre 15 et 240 minutes.' }).max(240, { message: 'Entre 15 et 240 minutes.' }),
});
export const summaryInput = z.object({ summary: required(4000) });

// ------------------------------------------------------------------ answers
export const messageOut = z.object({
  id: z.string(),
  seq: z.number(),
  pseudonym: z.string(),
  kind: z.enum(['message', 'summary']),
  /** null when hidden by moderation or deleted by its author. */
  body: z.string().nullable(),
  /** The language it is written in (its author's pages when writing: fr, en, ar…). */
  lang: z.string(),
  createdAt: timestamp,
  mine: z.boolean(),
  byFacilitator: z.boolean(),
  hidden: z.boolean(),
  /** Why moderation hid it: shown to its author and to moderators only. */
  hiddenReason: z.string().nullable(),
  deleted: z.boolean(),
});
export type MessageView = z.infer<typeof messageOut>;

export const memberOut = z.object({
  userId: z.string(),
  pseudonym: z.string(),
  role: z.enum(['member', 'facilitator']),
  mutedUntil: timestamp.nullable(),
  /** Removed by a moderator: listed so that a moderator can readmit. */
  removed: z.boolean(),
});

export const sessionOut = z.object({
  id: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  title: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  status: z.enum(['scheduled', 'closed']),
  registered: z.boolean(),
  registrations: z.number(),
  summarySeq: z.number().nullable(),
});

export const roomSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  theme: z.enum(THEMES),
  neighbourhood: z.string().nullable(),
  kind: z.enum(['discussion', 'announcement']),
  members: z.number(),
  joined: z.boolean(),
  pseudonym: z.string().nullable(),
  /** Removed by a moderator (not left by choice): joining again takes a moderator. */
  removed: z.boolean(),
  /** Left by one's own choice: may join again. */
  left: z.boolean(),
});
export const roomsOut = z.object({ rooms: z.array(roomSummaryOut), canCreate: z.boolean() });

export const roomOut = roomSummaryOut.extend({
  myRole: z.enum(['member', 'facilitator']).nullable(),
  moderator: z.boolean(),
  mutedUntil: timestamp.nullable(),
  slowModeSeconds: z.number(),
  pinned: messageOut.nullable(),
  lastSeq: z.number(),
  sessions: z.array(sessionOut),
  /** Moderators only: who is in the room (pseudonyms). */
  roster: z.array(memberOut),
});

export const historyOut = z.object({ messages: z.array(messageOut), lastSeq: z.number() });

export const helpLineOut = z.object({ number: z.string(), label: z.string() });
export const postedOut = z.object({
  message: messageOut,
  /** Shown to the author only, at once, when the message mentions danger. */
  help: z.object({ categories: z.array(z.string()), lines: z.array(helpLineOut) }).nullable(),
});

export const reportOut = z.object({
  id: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  reason: z.string(),
  createdAt: timestamp,
  message: messageOut,
  authorId: z.string().nullable(),
});
export const alertOut = z.object({
  id: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  categories: z.array(z.string()),
  createdAt: timestamp,
  seq: z.number().nullable(),
  pseudonym: z.string().nullable(),
});
export const moderationOut = z.object({ reports: z.array(reportOut), alerts: z.array(alertOut) });

export const wordOut = z.object({ id: z.string(), kind: z.enum(['term', 'whitelist']), category: z.string().nullable(), pattern: z.string() });
export const wordsOut = z.object({ words: z.array(wordOut) });
/** What the list makes of a sentence: the categories it would flag, and the patterns that matched. */
export const wordCheckOut = z.object({ categories: z.array(z.enum(['suicide', 'violence', 'enfance'])), patterns: z.array(z.string()) });
export const settingsOut = z.object({ retentionDays: z.number() });
export const blocksOut = z.object({ blocks: z.array(z.object({ userId: z.string(), pseudonym: z.string().nullable() })) });
export const sessionsOut = z.object({ sessions: z.array(sessionOut) });
export const okOut = z.object({ ok: z.boolean() });
export const createdOut = z.object({ id: z.string() });
export const purgedOut = z.object({ hidden: z.number() });
export const wsInfoOut = z.object({
  protocol: z.literal('relais-groupes-1'),
  description: z.string(),
});

export type RoomSummary = z.infer<typeof roomSummaryOut>;
export type Rooms = z.infer<typeof roomsOut>;
export type Room = z.infer<typeof roomOut>;
export type History = z.infer<typeof historyOut>;
export type Posted = z.infer<typeof postedOut>;
export type Moderation = z.infer<typeof moderationOut>;
export type Words = z.infer<typeof wordsOut>;
export type Session = z.infer<typeof sessionOut>;
export type Blocks = z.infer<typeof blocksOut>;
export type WordCheck = z.infer<typeof wordCheckOut>;
export type Settings = z.infer<typeof settingsOut>;
