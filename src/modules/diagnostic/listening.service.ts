/**
 * Use cases of the listening sessions (focus groups, individual interviews): plan, edit,
 * cancel; register participants with their consents; attendance; verbatims tagged with the
 * town's themes; withdrawal of consent (the person's quotes go everywhere at once).
 * Coordination only (coordinator, admin): verbatims are people's own words, agents do not
 * read them here (they read the published report when a coordinator shares it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { audit } from '../../platform/audit';
import { parisDate, parisInstant, parisParts } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { findNeighbourhood } from '../../platform/town';
import { findStructures, getStructure } from '../annuaire/index';
import { attribution, type ListeningTheme } from './listening';
import type {
  ParticipantInput,
  SessionData as SessionView,
  SessionInput,
  SessionSummaryData as SessionSummary,
  VerbatimData as VerbatimView,
} from './listening.schemas';
import { invitationCounts } from './listening-invitations.store';
import * as store from './listening.store';

export const LISTENERS = ['coordinator', 'admin'] as const;

export const LISTENING_THEMES_FILE = path.resolve(import.meta.dirname, '../../../rules/diagnostic/listening-themes.json');

const themesFile = z.object({
  $comment: z.string().optional(),
  themes: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1).max(80), sections: z.array(z.string().min(1).max(120)) }).strict())
    .min(1),
});

/** The town's list of themes, read at each use so that an edit of the file applies at once. */
export function listeningThemes(file = LISTENING_THEMES_FILE): ListeningTheme[] {
  const r = themesFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!r.success)
    throw new Error(`rules/diagnostic/listening-themes.json invalide : ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(' ; ')}`);
  return r.data.themes;
}

const invalid = (fields: { path: string; message: string }[]) => new AppError('diagnostic/invalid-listening', { fields });

function checkThemes(ids: string[], themes: ListeningTheme[], field: string): string[] {
  const known = new Set(themes.map((t) => t.id));
  const bad = ids.filter((x) => !known.has(x));
  if (bad.length) throw invalid([{ path: field, message: `Thème inconnu de la liste de la ville : ${bad.join(', ')}.` }]);
  return [...new Set(ids)];
}

function checkNeighbourhood(ctx: Ctx, idOrNull: string | null | undefined, field: string): string | null {
  if (!idOrNull) return null;
  const n = findNeighbourhood(ctx.town, idOrNull);
  if (!n) throw invalid([{ path: field, message: 'Ce quartier n’est pas un quartier de la ville.' }]);
  return n.id;
}

const hoodName = (ctx: Ctx, id: string | null) => (id ? (findNeighbourhood(ctx.town, id)?.name ?? null) : null);

// ------------------------------------------------------------------ views

function hhmm(d: Date): string {
  const p = parisParts(d);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

function summary(ctx: Ctx, s: store.SessionRow, themes: ListeningTheme[]): SessionSummary {
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    theme: s.theme,
    themeLabel: themes.find((t) => t.id === s.theme)?.label ?? 'Thème retiré de la liste',
    structureId: s.structureId,
    partnerName: s.partnerName,
    neighbourhoodId: s.neighbourhoodId,
    neighbourhood: hoodName(ctx, s.neighbourhoodId),
    startsAt: s.startsAt,
    date: parisDate(s.startsAt),
    time: hhmm(s.startsAt),
    durationMinutes: s.durationMinutes,
    facilitator: s.facilitator,
    place: s.place,
    cancelled: s.cancelledAt !== null,
    state: s.cancelledAt ? 'cancelled' : s.startsAt.getTime() <= ctx.now().getTime() ? 'past' : 'planned',
    cancelReason: s.cancelReason,
    participants: s.participants,
    attended: s.attended,
    verbatims: s.verbatims,
    isDemo: s.isDemo,
  };
}

function speakerOf(ctx: Ctx, p: Omit<store.VerbatimRow, 'id'> | store.ParticipantRow) {
  return {
    quoteConsent: p.quoteConsent,
    profileConsent: p.profileConsent,
    firstName: p.firstName,
    pseudonym: p.pseudonym,
    age: p.age,
    ageBand: p.ageBand,
    neighbourhood: hoodName(ctx, p.neighbourhoodId),
    childrenCount: p.childrenCount,
  };
}

/** A verbatim as it may be shown: signed only with what its speaker consented to. */
export function verbatimView(ctx: Ctx, v: store.VerbatimRow): VerbatimView | null {
  const line = attribution(speakerOf(ctx, v));
  if (line === null) return null;
  return {
    id: v.id,
    sessionId: v.sessionId,
    sessionTitle: v.sessionTitle,
    sessionKind: v.sessionKind,
    sessionDate: parisDate(v.sessionStartsAt),
    participantId: v.participantId,
    text: v.text,
    themes: v.themes,
    inReport: v.inReport,
    attribution: line,
    neighbourhood: v.profileConsent ? hoodName(ctx, v.neighbourhoodId) : null,
    isDemo: v.isDemo,
  };
}

/** Every verbatim that may be shown (consent checked by the schema, the query and here). */
export async function shownVerbatims(ctx: Ctx, q: Queryable, filter: Parameters<typeof store.verbatims>[1] = {}): Promise<VerbatimView[]> {
  return (await store.verbatims(q, filter)).map((v) => verbatimView(ctx, v)).filter((v): v is VerbatimView => v !== null);
}

export function getThemes(ctx: Ctx) {
  requireRole(ctx, ...LISTENERS);
  return { themes: listeningThemes() };
}

export async function searchPartners(ctx: Ctx, text: string) {
  requireRole(ctx, ...LISTENERS);
  return { structures: (await findStructures(ctx, text)).map((s) => ({ id: s.id, nom: s.nom, commune: s.commune })) };
}

export async function listSessions(ctx: Ctx): Promise<{ sessions: SessionSummary[] }> {
  requireRole(ctx, ...LISTENERS);
  const themes = listeningThemes();
  return { sessions: (await store.listSessions(ctx.db)).map((s) => summary(ctx, s, themes)) };
}

export async function getSession(ctx: Ctx, id: string, q: Queryable = ctx.db): Promise<SessionView> {
  requireRole(ctx, ...LISTENERS);
  const s = await store.getSession(q, id);
  if (!s) throw new AppError('diagnostic/session-not-found');
  const participants = await store.participantsOf(q, id);
  return {
    ...summary(ctx, s, listeningThemes()),
    notes: s.notes,
    invitations: await invitationCounts(q, id),
    participantList: participants.map((p) => ({
      id: p.id,
      firstName: p.firstName,
      pseudonym: p.pseudonym,
      age: p.age,
      ageBand: p.ageBand,
      neighbourhoodId: p.neighbourhoodId,
      neighbourhood: hoodName(ctx, p.neighbourhoodId),
      childrenCount: p.childrenCount,
      fromHousehold: p.householdId !== null,
      quoteConsent: p.quoteConsent,
      profileConsent: p.profileConsent,
      recordConsent: p.recordConsent,
      consentDate: parisDate(p.consentAt),
      // A family invited from its file gave its consent itself, from its account.
      consentRecordedBy: p.householdId ? 'La famille, depuis son compte' : p.consentRecordedBy,
      withdrawnAt: p.withdrawnAt,
      attended: p.attended,
      attribution: attribution(speakerOf(ctx, p)),
      isDemo: p.isDemo,
    })),
    verbatimList: await shownVerbatims(ctx, q, { sessionId: id }),
  };
}

// ------------------------------------------------------------------ sessions

async function sessionFields(ctx: Ctx, input: SessionInput): Promise<store.SessionInput> {
  const themes = listeningThemes();
  checkThemes([input.theme], themes, 'theme');
  let partnerName: string | null = null;
  if (input.structureId) {
    try {
      partnerName = (await getStructure(ctx, input.structureId)).nom;
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw invalid([{ path: 'structureId', message: 'Cette structure n’est pas dans l’annuaire.' }]);
      throw err;
    }
  }
  return {
    kind: input.kind,
    title: input.title,
    theme: input.theme,
    structureId: input.structureId ?? null,
    partnerName,
    neighbourhoodId: checkNeighbourhood(ctx, input.neighbourhoodId, 'neighbourhoodId'),
    startsAt: parisInstant(input.date, input.time),
    durationMinutes: input.durationMinutes ?? (input.kind === 'interview' ? 60 : 120),
    facilitator: input.facilitator,
    place: input.place ?? null,
  };
}

export async function planSession(ctx: Ctx, input: SessionInput): Promise<SessionView> {
  const user = requireRole(ctx, ...LISTENERS);
  const fields = await sessionFields(ctx, input);
  return tx(ctx.db, async (t) => {
    const id = await store.insertSession(t, { ...fields, by: user.id, now: ctx.now() });
    await audit(t, ctx, 'diagnostic/listening-session-planned', {
      subjectType: 'listening_session',
      subjectId: id,
      details: { kind: fields.kind, theme: fields.theme },
    });
    return getSession(ctx, id, t);
  });
}

async function lockOpenSession(t: Queryable, id: string): Promise<store.SessionRow> {
  const s = await store.getSession(t, id, true);
  if (!s) throw new AppError('diagnostic/session-not-found');
  if (s.cancelledAt) throw new AppError('diagnostic/session-cancelled');
  return s;
}

export async function updateSession(ctx: Ctx, id: string, input: SessionInput & { notes?: string }): Promise<SessionView> {
  requireRole(ctx, ...LISTENERS);
  const fields = await sessionFields(ctx, input);
  return tx(ctx.db, async (t) => {
    const s = await lockOpenSession(t, id);
    await store.updateSession(t, id, { ...fields, notes: input.notes ?? s.notes, now: ctx.now() });
    await audit(t, ctx, 'diagnostic/listening-session-updated', {
      subjectType: 'listening_session',
      subjectId: id,
      details: { notesChanged: input.notes !== undefined && input.notes !== s.notes },
    });
    return getSession(ctx, id, t);
  });
}

export async function cancelSession(ctx: Ctx, id: string, reason: string): Promise<SessionView> {
  requireRole(ctx, ...LISTENERS);
  return tx(ctx.db, async (t) => {
    await lockOpenSession(t, id);
    await store.cancelSession(t, id, reason, ctx.now());
    await audit(t, ctx, 'diagnostic/listening-session-cancelled', { subjectType: 'listening_session', subjectId: id });
    return getSession(ctx, id, t);
  });
}

// ------------------------------------------------------------------ participants

export function participantFields(ctx: Ctx, input: ParticipantInput, householdId: string | null = null): store.ParticipantInput {
  const problems: { path: string; message: string }[] = [];
  if (input.quoteConsent === 'first_name' && !input.firstName)
    problems.push({ path: 'firstName', message: 'Pour citer la personne par son prénom, écrivez son prénom.' });
  if (input.quoteConsent === 'pseudonym' && !input.pseudonym)
    problems.push({ path: 'pseudonym', message: 'Pour la citer sous un pseudonyme, écrivez le pseudonyme.' });
  if (input.consentDate > parisDate(ctx.now()))
    problems.push({ path: 'consentDate', message: 'Le consentement ne peut pas être daté de demain ou plus tard.' });
  if (problems.length) throw invalid(problems);
  return {
    firstName: input.firstName ?? null,
    pseudonym: input.pseudonym ?? null,
    age: input.age ?? null,
    ageBand: input.ageBand ?? null,
    neighbourhoodId: checkNeighbourhood(ctx, input.neighbourhoodId, 'neighbourhoodId'),
    childrenCount: input.childrenCount ?? null,
    householdId,
    quoteConsent: input.quoteConsent,
    profileConsent: input.profileConsent,
    recordConsent: input.recordConsent,
    consentAt: parisInstant(input.consentDate, '12:00'),
    attended: input.attended ?? null,
  };
}

export async function registerParticipant(ctx: Ctx, sessionId: string, input: ParticipantInput): Promise<SessionView> {
  const user = requireRole(ctx, ...LISTENERS);
  const fields = participantFields(ctx, input);
  return tx(ctx.db, async (t) => {
    await lockOpenSession(t, sessionId);
    const id = await store.insertParticipant(t, sessionId, { ...fields, by: user.id, now: ctx.now() });
    await audit(t, ctx, 'diagnostic/listening-participant-registered', {
      subjectType: 'listening_participant',
      subjectId: id,
      details: { sessionId, quoteConsent: fields.quoteConsent, profileConsent: fields.profileConsent, recordConsent: fields.recordConsent },
    });
    return getSession(ctx, sessionId, t);
  });
}

async function lockParticipant(t: Queryable, id: string): Promise<store.ParticipantRow> {
  const p = await store.getParticipant(t, id, true);
  if (!p) throw new AppError('diagnostic/participant-not-found');
  return p;
}

export async function setAttendance(ctx: Ctx, participantId: string, attended: boolean | null): Promise<SessionView> {
  requireRole(ctx, ...LISTENERS);
  return tx(ctx.db, async (t) => {
    const p = await lockParticipant(t, participantId);
    await lockOpenSession(t, p.sessionId);
    await store.setAttendance(t, participantId, attended);
    await audit(t, ctx, 'diagnostic/listening-attendance-recorded', { subjectType: 'listening_participant', subjectId: participantId, details: { attended } });
    return getSession(ctx, p.sessionId, t);
  });
}

/**
 * The person withdraws their consent: they are no longer quoted anywhere (their verbatims
 * are deleted, so the lists, the analysis, the personas and the next report no longer hold
 * them; the report is rendered from the data at each download, nothing is cached).
 */
export async function withdrawConsent(ctx: Ctx, participantId: string): Promise<SessionView> {
  const user = requireRole(ctx, ...LISTENERS);
  return tx(ctx.db, async (t) => {
    const p = await lockParticipant(t, participantId);
    if (p.withdrawnAt) throw new AppError('diagnostic/consent-withdrawn');
    const removed = await store.withdrawParticipant(t, participantId, user.id, ctx.now());
    await audit(t, ctx, 'diagnostic/listening-consent-withdrawn', {
      subjectType: 'listening_participant',
      subjectId: participantId,
      details: { sessionId: p.sessionId, verbatimsRemoved: removed },
    });
    return getSession(ctx, p.sessionId, t);
  });
}

// ------------------------------------------------------------------ verbatims

export async function recordVerbatim(ctx: Ctx, sessionId: string, input: { participantId: string; text: string; themes: string[]; inReport?: boolean }) {
  const user = requireRole(ctx, ...LISTENERS);
  const themes = checkThemes(input.themes, listeningThemes(), 'themes');
  return tx(ctx.db, async (t) => {
    await lockOpenSession(t, sessionId);
    const p = await lockParticipant(t, input.participantId);
    if (p.sessionId !== sessionId) throw invalid([{ path: 'participantId', message: 'Cette personne n’est pas inscrite à cette séance.' }]);
    if (p.withdrawnAt) throw new AppError('diagnostic/consent-withdrawn');
    if (p.quoteConsent === 'none') throw new AppError('diagnostic/not-quotable');
    const id = await store
      .insertVerbatim(t, {
        sessionId,
        participantId: p.id,
        quoteConsent: p.quoteConsent,
        text: input.text,
        themes,
        inReport: input.inReport ?? false,
        by: user.id,
        now: ctx.now(),
      })
      .catch((err) =>
        onConstraint(err, {
          diagnostic_verbatims_quotable: new AppError('diagnostic/not-quotable'),
          diagnostic_verbatims_speaker_fk: new AppError('diagnostic/not-quotable'),
        }),
      );
    await audit(t, ctx, 'diagnostic/listening-verbatim-recorded', {
      subjectType: 'verbatim',
      subjectId: id,
      details: { sessionId, themes, inReport: input.inReport ?? false },
    });
    return getSession(ctx, sessionId, t);
  });
}

export async function updateVerbatim(ctx: Ctx, id: string, patch: { text?: string; themes?: string[]; inReport?: boolean }) {
  requireRole(ctx, ...LISTENERS);
  const themes = patch.themes ? checkThemes(patch.themes, listeningThemes(), 'themes') : undefined;
  return tx(ctx.db, async (t) => {
    const v = await store.lockVerbatim(t, id);
    if (!v) throw new AppError('diagnostic/verbatim-not-found');
    const next = { text: patch.text ?? v.text, themes: themes ?? v.themes, inReport: patch.inReport ?? v.inReport };
    await store.updateVerbatim(t, id, { ...next, now: ctx.now() });
    await audit(t, ctx, 'diagnostic/listening-verbatim-updated', {
      subjectType: 'verbatim',
      subjectId: id,
      details: { themes: next.themes, inReport: next.inReport, textChanged: next.text !== v.text },
    });
    return getSession(ctx, v.sessionId, t);
  });
}

export async function deleteVerbatim(ctx: Ctx, id: string) {
  requireRole(ctx, ...LISTENERS);
  return tx(ctx.db, async (t) => {
    const v = await store.lockVerbatim(t, id);
    if (!v) throw new AppError('diagnostic/verbatim-not-found');
    await store.deleteVerbatim(t, id);
    await audit(t, ctx, 'diagnostic/listening-verbatim-deleted', { subjectType: 'verbatim', subjectId: id, details: { sessionId: v.sessionId } });
    return getSession(ctx, v.sessionId, t);
  });
}
