/**
 * zod schemas of the listening sessions' and personas' requests and answers (French messages).
 * What leaves the server is what these name: a speaker's name or profile only as consented.
 */
import { z } from 'zod';
import { day, timestamp } from '../../platform/response-schemas';
import { AGE_BANDS, QUOTE_CONSENTS, SESSION_KINDS } from './listening';

const str = z.string();
const nstr = z.string().nullable();
const id = z.uuid({ message: 'Identifiant invalide.' });
const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const kind = z.enum(keys(SESSION_KINDS), { message: 'Choisissez : focus group ou entretien individuel.' });
export const quoteConsent = z.enum(keys(QUOTE_CONSENTS), { message: 'Choisissez comment la personne accepte d’être citée.' });
export const ageBand = z.enum(keys(AGE_BANDS), { message: 'Tranche d’âge inconnue.' });

const optText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .nullish()
    .transform((v) => (v ? v : null));

// ------------------------------------------------------------------ requests

export const idParams = z.object({ id });

export const sessionIn = z.object({
  kind,
  title: z.string().trim().min(3, { message: 'Donnez un titre (3 caractères au moins).' }).max(200, { message: '200 caractères au plus.' }),
  theme: z.string().trim().min(1, { message: 'Choisissez un thème.' }).max(40),
  structureId: id.nullish(),
  neighbourhoodId: z.string().max(40).nullish(),
  date: z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Heure attendue (HH:MM).' }),
  durationMinutes: z.number().int().min(10, { message: '10 minutes au moins.' }).max(600, { message: '10 heures au plus.' }).optional(),
  facilitator: z.string().trim().min(2, { message: 'Qui anime la séance ?' }).max(200),
  place: optText(300, '300 caractères au plus.'),
});
export const sessionUpdateIn = sessionIn.extend({ notes: z.string().max(20_000, { message: '20 000 caractères au plus.' }).optional() });
export const cancelIn = z.object({ reason: z.string().trim().min(3, { message: 'Dites pourquoi la séance est annulée.' }).max(500) });
export const structuresQuery = z.object({ q: z.string().trim().min(2, { message: '2 caractères au moins.' }).max(100) });

export const participantIn = z.object({
  firstName: optText(60, '60 caractères au plus.'),
  pseudonym: optText(60, '60 caractères au plus.'),
  age: z.number().int().min(14, { message: 'Entre 14 et 110 ans.' }).max(110, { message: 'Entre 14 et 110 ans.' }).nullish(),
  ageBand: ageBand.nullish(),
  neighbourhoodId: z.string().max(40).nullish(),
  childrenCount: z.number().int().min(0, { message: 'Entre 0 et 20.' }).max(20, { message: 'Entre 0 et 20.' }).nullish(),
  quoteConsent,
  profileConsent: z.boolean(),
  recordConsent: z.boolean(),
  consentDate: z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' }),
  attended: z.boolean().nullish(),
});
export const attendanceIn = z.object({ attended: z.boolean().nullable() });

const themesIn = z.array(z.string().trim().min(1).max(40)).min(1, { message: 'Choisissez au moins un thème.' }).max(12, { message: '12 thèmes au plus.' });
const verbatimText = z.string().trim().min(2, { message: 'Écrivez les paroles citées.' }).max(2000, { message: '2 000 caractères au plus.' });
export const verbatimIn = z.object({ participantId: id, text: verbatimText, themes: themesIn, inReport: z.boolean().optional() });
export const verbatimPatchIn = z.object({ text: verbatimText.optional(), themes: themesIn.optional(), inReport: z.boolean().optional() });

export const personaIn = z.object({
  name: z.string().trim().min(2, { message: 'Donnez un nom au persona.' }).max(120),
  situation: z.string().trim().max(4000, { message: '4 000 caractères au plus.' }),
  needs: z.string().trim().max(4000, { message: '4 000 caractères au plus.' }),
  quote: optText(500, '500 caractères au plus.'),
  figures: z
    .array(z.object({ questionnaireId: id, questionId: z.string().min(1).max(100), answer: z.string().max(300).default('') }))
    .max(12, { message: '12 chiffres au plus.' })
    .default([]),
  verbatimIds: z.array(id).max(20, { message: '20 verbatims au plus.' }).default([]),
});

// ------------------------------------------------------------------ answers

export const themesOut = z.object({ themes: z.array(z.object({ id: str, label: str, sections: z.array(str) })) });
export const structuresOut = z.object({ structures: z.array(z.object({ id: str, nom: str, commune: nstr })) });

const sessionSummary = z.object({
  id: str,
  kind,
  title: str,
  theme: str,
  themeLabel: str,
  structureId: nstr,
  partnerName: nstr,
  neighbourhoodId: nstr,
  neighbourhood: nstr,
  startsAt: timestamp,
  /** The day and the time in Paris, as the form edits them. */
  date: day,
  time: str,
  durationMinutes: z.number(),
  facilitator: str,
  place: nstr,
  cancelled: z.boolean(),
  /** 'planned' (to come), 'past' (its time has come), 'cancelled'. */
  state: z.enum(['planned', 'past', 'cancelled']),
  cancelReason: nstr,
  participants: z.number(),
  attended: z.number(),
  verbatims: z.number(),
  isDemo: z.boolean(),
});
export const sessionsOut = z.object({ sessions: z.array(sessionSummary) });

export const participantOut = z.object({
  id: str,
  firstName: nstr,
  pseudonym: nstr,
  age: z.number().nullable(),
  ageBand: ageBand.nullable(),
  neighbourhoodId: nstr,
  neighbourhood: nstr,
  childrenCount: z.number().nullable(),
  fromHousehold: z.boolean(),
  quoteConsent,
  profileConsent: z.boolean(),
  recordConsent: z.boolean(),
  consentDate: day,
  consentRecordedBy: nstr,
  withdrawnAt: timestamp.nullable(),
  attended: z.boolean().nullable(),
  /** How a quote of this person is signed; null when they may not be quoted. */
  attribution: nstr,
  isDemo: z.boolean(),
});

export const verbatimOut = z.object({
  id: str,
  sessionId: str,
  sessionTitle: str,
  sessionKind: kind,
  sessionDate: day,
  participantId: str,
  text: str,
  themes: z.array(str),
  inReport: z.boolean(),
  attribution: str,
  /** The speaker's neighbourhood, only when they consented to their profile being shown. */
  neighbourhood: nstr,
  isDemo: z.boolean(),
});

export const sessionOut = sessionSummary.extend({
  notes: str,
  /** Families invited from their files, by answer: counts only (which family is never shown). */
  invitations: z.object({ pending: z.number(), accepted: z.number(), declined: z.number() }),
  participantList: z.array(participantOut),
  verbatimList: z.array(verbatimOut),
});

const count = z.object({ id: str, label: str, count: z.number() });
export const analysisOut = z.object({
  totals: z.object({
    sessions: z.number(),
    focusGroups: z.number(),
    interviews: z.number(),
    participants: z.number(),
    attended: z.number(),
    verbatims: z.number(),
  }),
  byTheme: z.array(count.extend({ verbatims: z.array(verbatimOut) })),
  byNeighbourhood: z.array(count),
  /** Verbatims per theme and neighbourhood (only the neighbourhoods speakers agreed to show). */
  cross: z.array(z.object({ theme: str, neighbourhood: str, count: z.number() })),
});

export const besideOut = z.object({
  sections: z.array(z.object({ section: str, themes: z.array(z.object({ id: str, label: str })), verbatims: z.array(verbatimOut) })),
});

const figureOut = z.object({
  questionnaireId: str,
  questionnaireTitle: str,
  questionId: str,
  questionLabel: str,
  answer: str,
  /** 'share': percent of the question's respondents who gave the answer; 'mean': the mean of a scale or number. */
  kind: z.enum(['share', 'mean']),
  value: z.number().nullable(),
  count: z.number().nullable(),
  answered: z.number(),
  scaleMax: z.number().nullable(),
});
export const personaOut = z.object({
  id: str,
  name: str,
  situation: str,
  needs: str,
  quote: nstr,
  isDemo: z.boolean(),
  updatedAt: timestamp,
  figures: z.array(figureOut),
  verbatims: z.array(verbatimOut),
});
export const personasOut = z.object({
  personas: z.array(z.object({ id: str, name: str, situation: str, isDemo: z.boolean(), figures: z.number(), verbatims: z.number() })),
});

export type ListeningThemesOut = z.infer<typeof themesOut>;
export type SessionSummary = z.infer<typeof sessionSummary>;
export type SessionView = z.infer<typeof sessionOut>;
export type ParticipantView = z.infer<typeof participantOut>;
export type VerbatimView = z.infer<typeof verbatimOut>;
export type ListeningAnalysis = z.infer<typeof analysisOut>;
export type Beside = z.infer<typeof besideOut>;
export type PersonaView = z.infer<typeof personaOut>;
export type PersonaSummary = z.infer<typeof personasOut>['personas'][number];
/** What the use cases return (before serialization: moments as Date). */
export type SessionSummaryData = z.input<typeof sessionSummary>;
export type SessionData = z.input<typeof sessionOut>;
export type VerbatimData = z.input<typeof verbatimOut>;
export type SessionInput = z.infer<typeof sessionIn>;
export type ParticipantInput = z.infer<typeof participantIn>;
export type PersonaInput = z.infer<typeof personaIn>;
