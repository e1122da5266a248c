/**
 * Personas: profiles a coordinator writes from the answers and the listening sessions. Each
 * rests on figures of the answers (the share of one answer to one question, or the mean of a
 * scale), computed live at each reading, and on verbatims (shown only while their speakers
 * consent: a withdrawn consent removes the verbatim from the persona too).
 */
import type { z } from 'zod';
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { analyse, type QuestionAnalysis } from './analysis';
import type { PersonaInput, personaOut, personasOut } from './listening.schemas';
import { LISTENERS, shownVerbatims } from './listening.service';
import * as store from './personas.store';
import { findQuestion, hasOptions } from './questionnaire';
import { loadResponseTable } from './results.service';

type Figure = z.input<typeof personaOut>['figures'][number];

const invalid = (fields: { path: string; message: string }[]) => new AppError('diagnostic/invalid-listening', { fields });

/** The live value of each figure: answers are read again (the results' table cache keeps it cheap). */
async function figuresOf(q: Queryable, refs: store.FigureRef[]): Promise<Figure[]> {
  const out: Figure[] = [];
  const loaded = new Map<string, Awaited<ReturnType<typeof loadResponseTable>>>();
  for (const f of refs) {
    if (!loaded.has(f.questionnaireId)) loaded.set(f.questionnaireId, await loadResponseTable(q, f.questionnaireId));
    const { row, definition, table } = loaded.get(f.questionnaireId)!;
    const question = findQuestion(definition, f.questionId);
    if (!question) continue;
    const r: QuestionAnalysis | undefined = analyse(table).questions[f.questionId];
    const base = {
      questionnaireId: f.questionnaireId,
      questionnaireTitle: row.title,
      questionId: f.questionId,
      questionLabel: question.label,
      answered: r?.answered ?? 0,
    };
    if (hasOptions(question)) {
      const share = question.type === 'multi' ? r?.percent_of_respondents?.[f.answer] : r?.percent[f.answer];
      out.push({ ...base, answer: f.answer, kind: 'share', value: r?.answered ? (share ?? 0) : null, count: r?.counts[f.answer] ?? 0, scaleMax: null });
    } else {
      out.push({ ...base, answer: '', kind: 'mean', value: r?.mean ?? null, count: null, scaleMax: question.type === 'scale' ? question.max : null });
    }
  }
  return out;
}

async function checkBasis(ctx: Ctx, q: Queryable, input: PersonaInput): Promise<{ figures: store.FigureRef[]; verbatimIds: string[] }> {
  const problems: { path: string; message: string }[] = [];
  const figures: store.FigureRef[] = [];
  for (const [i, f] of input.figures.entries()) {
    let definition;
    try {
      definition = (await loadResponseTable(q, f.questionnaireId)).definition;
    } catch (err) {
      if (err instanceof AppError && err.status === 404) {
        problems.push({ path: `figures.${i}.questionnaireId`, message: 'Ce questionnaire n’existe pas.' });
        continue;
      }
      throw err;
    }
    const question = findQuestion(definition, f.questionId);
    if (!question) problems.push({ path: `figures.${i}.questionId`, message: 'Cette question n’est pas dans le questionnaire.' });
    else if (hasOptions(question) && !question.options.includes(f.answer))
      problems.push({ path: `figures.${i}.answer`, message: 'Cette réponse n’est pas une réponse possible de la question.' });
    else if (!hasOptions(question) && question.type !== 'scale' && question.type !== 'number')
      problems.push({ path: `figures.${i}.questionId`, message: 'Une réponse libre ne donne pas de chiffre.' });
    else figures.push({ questionnaireId: f.questionnaireId, questionId: f.questionId, answer: hasOptions(question) ? f.answer : '' });
  }
  const verbatimIds = [...new Set(input.verbatimIds)];
  const found = new Set((await shownVerbatims(ctx, q, { ids: verbatimIds })).map((v) => v.id));
  verbatimIds.forEach((id, i) => {
    if (!found.has(id)) problems.push({ path: `verbatimIds.${i}`, message: 'Ce verbatim n’existe pas ou a été retiré.' });
  });
  const seen = new Set<string>();
  figures.forEach((f, i) => {
    const k = `${f.questionnaireId}|${f.questionId}|${f.answer}`;
    if (seen.has(k)) problems.push({ path: `figures.${i}`, message: 'Ce chiffre est déjà dans la liste.' });
    seen.add(k);
  });
  if (problems.length) throw invalid(problems);
  return { figures, verbatimIds };
}

export async function listPersonas(ctx: Ctx): Promise<z.input<typeof personasOut>> {
  requireRole(ctx, ...LISTENERS);
  return {
    personas: (await store.listPersonas(ctx.db)).map((p) => ({
      id: p.id,
      name: p.name,
      situation: p.situation,
      isDemo: p.isDemo,
      figures: p.figures,
      verbatims: p.verbatims,
    })),
  };
}

export async function getPersona(ctx: Ctx, id: string, q: Queryable = ctx.db): Promise<z.input<typeof personaOut>> {
  requireRole(ctx, ...LISTENERS);
  const p = await store.getPersona(q, id);
  if (!p) throw new AppError('diagnostic/persona-not-found');
  const ids = await store.verbatimIdsOf(q, id);
  return {
    ...p,
    figures: await figuresOf(q, await store.figuresOf(q, id)),
    verbatims: ids.length ? await shownVerbatims(ctx, q, { ids }) : [],
  };
}

export async function createPersona(ctx: Ctx, input: PersonaInput) {
  const user = requireRole(ctx, ...LISTENERS);
  return tx(ctx.db, async (t) => {
    const basis = await checkBasis(ctx, t, input);
    const id = await store.insertPersona(t, {
      name: input.name,
      situation: input.situation,
      needs: input.needs,
      quote: input.quote ?? null,
      by: user.id,
      now: ctx.now(),
    });
    await store.setBasis(t, id, basis.figures, basis.verbatimIds);
    await audit(t, ctx, 'diagnostic/persona-created', {
      subjectType: 'persona',
      subjectId: id,
      details: { figures: basis.figures.length, verbatims: basis.verbatimIds.length },
    });
    return getPersona(ctx, id, t);
  });
}

export async function updatePersona(ctx: Ctx, id: string, input: PersonaInput) {
  requireRole(ctx, ...LISTENERS);
  return tx(ctx.db, async (t) => {
    if (!(await store.getPersona(t, id, true))) throw new AppError('diagnostic/persona-not-found');
    const basis = await checkBasis(ctx, t, input);
    await store.updatePersona(t, id, { name: input.name, situation: input.situation, needs: input.needs, quote: input.quote ?? null, now: ctx.now() });
    await store.setBasis(t, id, basis.figures, basis.verbatimIds);
    await audit(t, ctx, 'diagnostic/persona-updated', {
      subjectType: 'persona',
      subjectId: id,
      details: { figures: basis.figures.length, verbatims: basis.verbatimIds.length },
    });
    return getPersona(ctx, id, t);
  });
}

export async function deletePersona(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx, ...LISTENERS);
  await tx(ctx.db, async (t) => {
    if (!(await store.getPersona(t, id, true))) throw new AppError('diagnostic/persona-not-found');
    await store.deletePersona(t, id);
    await audit(t, ctx, 'diagnostic/persona-deleted', { subjectType: 'persona', subjectId: id });
  });
}
