/**
 * Answering, without an account: through a single-use link, through the public address
 * of an "open" questionnaire, or at an agent's kiosk. Each start gives a draft token;
 * whoever holds it can resume, save and send. Answers keep no name: a kiosk answer only
 * records which agent collected it.
 */
import type { Ctx } from '../../platform/context';
import { audit } from '../../platform/audit';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { findNeighbourhood, type Town } from '../../platform/town';
import * as store from './diagnostic.store';
import { refreshPlanIndicators } from './plan-refresh';
import { neighbourhoodQuestion, pruneHidden, type Answers, type Questionnaire } from './questionnaire';
import { checkAnswers, checkDraftAnswers, rowAnswers, tableFromAnswers } from './response-table';
import { BUILDERS, loadQuestionnaire } from './questionnaires.service';
import { hashToken, newToken } from './tokens';

export interface AnsweringSession {
  /** Keep it to resume later; it stops working once the answers are sent. */
  token: string;
  questionnaireId: string;
  title: string;
  questionnaire: Questionnaire;
  answers: Answers;
  channel: store.Channel;
}

function openForAnswers(row: store.QuestionnaireRow): { version: number; definition: Questionnaire } {
  if (!row.publishedVersion || !row.published) throw new AppError('diagnostic/not-published');
  if (row.closedAt) throw new AppError('diagnostic/closed');
  return { version: row.publishedVersion, definition: row.published };
}

/** The public face of an open questionnaire (title and questions), before starting. */
export async function publicQuestionnaire(ctx: Ctx, id: string): Promise<{ id: string; title: string; access: store.Access; questionnaire: Questionnaire }> {
  const row = await loadQuestionnaire(ctx.db, id);
  const { definition } = openForAnswers(row);
  return { id, title: row.title, access: row.access, questionnaire: definition };
}

/** Starts (or, for a link, takes up again) a response. Public. */
export async function startAnswering(ctx: Ctx, input: { questionnaireId?: string; linkToken?: string }): Promise<AnsweringSession> {
  return tx(ctx.db, async (t) => {
    const token = newToken();
    if (input.linkToken) {
      const link = await store.lockLinkByHash(t, hashToken(input.linkToken));
      if (!link) throw new AppError('diagnostic/link-invalid');
      if (link.usedAt) throw new AppError('diagnostic/link-used');
      const row = await loadQuestionnaire(t, link.questionnaireId);
      const { version, definition } = openForAnswers(row);
      const existing = await store.draftOfLink(t, link.id);
      if (existing) {
        // The link holder comes back: same draft, a fresh token (the old one may be lost).
        await store.setResumeToken(t, existing.id, hashToken(token), ctx.now());
        const def = existing.version === version ? definition : ((await store.versionDefinition(t, row.id, existing.version)) ?? definition);
        return { token, questionnaireId: row.id, title: def.title, questionnaire: def, answers: existing.answers, channel: 'link' };
      }
      const responseId = await store.insertDraft(t, {
        questionnaireId: row.id,
        version,
        channel: 'link',
        tokenHash: hashToken(token),
        linkId: link.id,
        now: ctx.now(),
      });
      await audit(t, ctx, 'diagnostic/answering-started', {
        subjectType: 'diagnostic_response',
        subjectId: responseId,
        details: { channel: 'link' },
        anonymous: true,
      });
      return { token, questionnaireId: row.id, title: definition.title, questionnaire: definition, answers: {}, channel: 'link' };
    }
    if (!input.questionnaireId) throw new AppError('diagnostic/link-invalid');
    const row = await loadQuestionnaire(t, input.questionnaireId);
    const { version, definition } = openForAnswers(row);
    if (row.access !== 'open') throw new AppError('diagnostic/link-required');
    const responseId = await store.insertDraft(t, { questionnaireId: row.id, version, channel: 'open', tokenHash: hashToken(token), now: ctx.now() });
    await audit(t, ctx, 'diagnostic/answering-started', {
      subjectType: 'diagnostic_response',
      subjectId: responseId,
      details: { channel: 'open' },
      anonymous: true,
    });
    return { token, questionnaireId: row.id, title: definition.title, questionnaire: definition, answers: {}, channel: 'open' };
  });
}

/** Kiosk mode: an agent starts a response for the person in front of them. */
export async function startKioskResponse(ctx: Ctx, questionnaireId: string): Promise<AnsweringSession> {
  const agent = requireRole(ctx, 'agent', ...BUILDERS);
  return tx(ctx.db, async (t) => {
    const row = await loadQuestionnaire(t, questionnaireId);
    const { version, definition } = openForAnswers(row);
    const token = newToken();
    const responseId = await store.insertDraft(t, {
      questionnaireId,
      version,
      channel: 'kiosk',
      tokenHash: hashToken(token),
      collectedBy: agent.id,
      now: ctx.now(),
    });
    await audit(t, ctx, 'diagnostic/answering-started', { subjectType: 'diagnostic_response', subjectId: responseId, details: { channel: 'kiosk' } });
    return { token, questionnaireId, title: definition.title, questionnaire: definition, answers: {}, channel: 'kiosk' };
  });
}

async function draftContext(t: Queryable, token: string) {
  const draft = await store.lockDraftByToken(t, hashToken(token));
  if (!draft || draft.status !== 'draft') throw new AppError('diagnostic/draft-not-found');
  const row = await loadQuestionnaire(t, draft.questionnaireId);
  const definition = (await store.versionDefinition(t, draft.questionnaireId, draft.version))!;
  return { draft, row, definition };
}

export async function resumeAnswering(ctx: Ctx, token: string): Promise<AnsweringSession> {
  return tx(ctx.db, async (t) => {
    const { draft, row, definition } = await draftContext(t, token);
    if (row.closedAt) throw new AppError('diagnostic/closed');
    return { token, questionnaireId: row.id, title: definition.title, questionnaire: definition, answers: draft.answers, channel: draft.channel };
  });
}

function answerErrors(problems: Array<{ question: string; message: string }>): never {
  throw new AppError('diagnostic/invalid-answers', { fields: problems.map((p) => ({ path: `answers.${p.question}`, message: p.message })) });
}

/** Saves the answers given so far (each one checked alone), to resume later. */
export async function saveAnswers(ctx: Ctx, token: string, answers: Record<string, unknown>): Promise<{ saved: true }> {
  return tx(ctx.db, async (t) => {
    const { draft, row, definition } = await draftContext(t, token);
    if (row.closedAt) throw new AppError('diagnostic/closed');
    const problems = checkDraftAnswers(definition, answers);
    if (problems.length) answerErrors(problems);
    await store.saveDraftAnswers(t, draft.id, pruneHidden(definition, answers as Answers), ctx.now());
    return { saved: true };
  });
}

export function neighbourhoodIdOf(town: Town, definition: Questionnaire, answers: Answers): string | null {
  const q = neighbourhoodQuestion(definition);
  const v = q ? answers[q.id] : undefined;
  return typeof v === 'string' ? (findNeighbourhood(town, v)?.id ?? null) : null;
}

/** Sends the answers: checked as a whole, then the draft token and the link stop working. */
export async function submitAnswers(ctx: Ctx, token: string, answers: Record<string, unknown>): Promise<{ submitted: true }> {
  return tx(ctx.db, async (t) => {
    const { draft, row, definition } = await draftContext(t, token);
    if (row.closedAt) throw new AppError('diagnostic/closed');
    const itemProblems = checkDraftAnswers(definition, answers);
    if (itemProblems.length) answerErrors(itemProblems);
    const shown = pruneHidden(definition, answers as Answers);
    const problems = checkAnswers(definition, shown);
    if (problems.length) answerErrors(problems);
    if (!Object.keys(shown).length) throw new AppError('diagnostic/empty-response');
    const canonical = rowAnswers(tableFromAnswers(definition, [{ answers: shown }]).table, 0);
    if (draft.linkId && !(await store.useLink(t, draft.linkId, ctx.now()))) throw new AppError('diagnostic/link-used');
    await store.submitResponse(t, draft.id, canonical, neighbourhoodIdOf(ctx.town, definition, canonical), ctx.now());
    await refreshPlanIndicators(ctx, t, row.id);
    await audit(t, ctx, 'diagnostic/response-submitted', {
      subjectType: 'diagnostic_response',
      subjectId: draft.id,
      details: { questionnaireId: row.id, channel: draft.channel },
      // « Vos réponses sont anonymes »: neither the account nor the address of whoever answered
      // online is kept beside the response (kiosk answers are collected by a named agent).
      anonymous: draft.channel !== 'kiosk',
    });
    return { submitted: true };
  });
}
