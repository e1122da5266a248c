/**
 * Indicators the action plan (pilotage) can compute from a questionnaire: the share of
 * respondents giving an answer, the mean of a scale, the number of respondents, overall
 * and by neighbourhood. `indicatorFromAnalysis` is pure; `computeQuestionnaireIndicator`
 * reads the answers.
 */
import type { Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { defineIndicator, type IndicatorDef } from '../../platform/indicators';
import { findNeighbourhood, type Town } from '../../platform/town';
import { analyse, NO_ANSWER_GROUP, roundRatio, type Analysis, type QuestionAnalysis } from './analysis';
import * as store from './diagnostic.store';
import { findQuestion, neighbourhoodQuestion, type Condition, type Questionnaire } from './questionnaire';
import { loadResponseTable } from './results.service';

export interface QuestionnaireIndicatorSpec {
  questionnaireId: string;
  /**
   * - `share`: % of those who answered `question` who chose `option` (one of `options`);
   *   for a multiple choice, % of those who answered who ticked it;
   * - `mean`: mean of a scale or number question;
   * - `respondents`: number of respondents (who answered `question`, when given).
   */
  measure: 'share' | 'mean' | 'respondents';
  question?: string;
  option?: string | string[];
  filters?: Condition[];
  from?: Date;
  to?: Date;
}

export interface IndicatorPoint {
  value: number | null;
  /** Respondents the value rests on. */
  base: number;
}

export interface QuestionnaireIndicatorResult extends IndicatorPoint {
  unit: '%' | 'moyenne' | 'répondants';
  /** By answer to the neighbourhood question; `neighbourhood` is the town's id when it matches. */
  byNeighbourhood: Array<IndicatorPoint & { label: string; neighbourhood: string | null }>;
}

function measureOf(spec: QuestionnaireIndicatorSpec, n: number, r: QuestionAnalysis | undefined): IndicatorPoint {
  if (spec.measure === 'respondents') return { value: r ? r.answered : n, base: r ? r.answered : n };
  if (!r) return { value: null, base: 0 };
  if (spec.measure === 'mean') return { value: r.mean ?? null, base: r.answered };
  const options = spec.option === undefined ? [] : Array.isArray(spec.option) ? spec.option : [spec.option];
  let chosen = 0;
  for (const o of options) chosen += r.counts[o] ?? 0;
  // A respondent ticking two of the options of a multiple choice counts twice here; the
  // options of one indicator are meant to be alternatives (single choice) or a single one.
  return { value: r.answered ? Math.min(100, roundRatio(100 * chosen, r.answered, 1)) : null, base: r.answered };
}

export function checkIndicatorSpec(qn: Questionnaire, spec: QuestionnaireIndicatorSpec): void {
  const fail = (message: string) => {
    throw new AppError('diagnostic/invalid-indicator', { message: `Indicateur impossible : ${message}`, fields: [{ path: 'question', message }] });
  };
  if (spec.measure === 'respondents' && !spec.question) return;
  const q = spec.question ? findQuestion(qn, spec.question) : undefined;
  if (!q) return fail(`Question « ${spec.question ?? ''} » introuvable.`);
  if (spec.measure === 'mean' && q.type !== 'scale' && q.type !== 'number') fail('Une moyenne se calcule sur une échelle ou un nombre.');
  if (spec.measure === 'share') {
    if (!('options' in q)) return fail('Une part se calcule sur une question à choix.');
    const options = spec.option === undefined ? [] : Array.isArray(spec.option) ? spec.option : [spec.option];
    if (!options.length) fail('Indiquez la réponse dont on calcule la part.');
    for (const o of options) if (!q.options.includes(o)) fail(`« ${o} » n'est pas une réponse de la question « ${q.id} ».`);
  }
}

/** The indicator from an analysis cross-tabulated by the neighbourhood question. Pure. */
export function indicatorFromAnalysis(
  qn: Questionnaire,
  analysis: Analysis,
  spec: QuestionnaireIndicatorSpec,
  town?: Town | null,
): QuestionnaireIndicatorResult {
  checkIndicatorSpec(qn, spec);
  const pick = (a: { n_respondents: number; questions: Record<string, QuestionAnalysis> }) =>
    measureOf(spec, a.n_respondents, spec.question ? a.questions[spec.question] : undefined);
  const unit = spec.measure === 'share' ? '%' : spec.measure === 'mean' ? 'moyenne' : 'répondants';
  const byNeighbourhood = Object.entries(analysis.by ?? {})
    .filter(([label]) => label !== NO_ANSWER_GROUP)
    .map(([label, group]) => ({ label, neighbourhood: town ? (findNeighbourhood(town, label)?.id ?? null) : null, ...pick(group) }));
  return { ...pick(analysis), unit, byNeighbourhood };
}

/** For the pilotage module: computes an indicator from a questionnaire's answers. */
export async function computeQuestionnaireIndicator(q: Queryable, spec: QuestionnaireIndicatorSpec, town?: Town | null): Promise<QuestionnaireIndicatorResult> {
  const { definition, table } = await loadResponseTable(q, spec.questionnaireId, { from: spec.from, to: spec.to });
  checkIndicatorSpec(definition, spec);
  const hood = neighbourhoodQuestion(definition);
  const analysis = analyse(table, { by: hood?.id, filters: spec.filters, questions: spec.question ? [spec.question] : [] });
  return indicatorFromAnalysis(definition, analysis, spec, town);
}

export interface IndicatorSource {
  questionnaireId: string;
  title: string;
  responses: number;
  /** Questions an indicator can use: `share` of an option (choices), `mean` (scales, numbers). */
  questions: Array<{ id: string; label: string; type: string; measures: Array<'share' | 'mean'>; options: string[] }>;
}

/** The questionnaires and questions an action plan can compute indicators from. */
export async function indicatorSources(q: Queryable): Promise<IndicatorSource[]> {
  const list = await store.listQuestionnaires(q);
  const out: IndicatorSource[] = [];
  for (const s of list.filter((x) => x.publishedVersion !== null)) {
    const definition = await store.versionDefinition(q, s.id, s.publishedVersion!);
    if (!definition) continue;
    out.push({
      questionnaireId: s.id,
      title: s.title,
      responses: s.responses,
      questions: definition.questions
        .filter((x) => x.type !== 'text')
        .map((x) => ({
          id: x.id,
          label: x.label,
          type: x.type,
          measures: x.type === 'scale' || x.type === 'number' ? ['mean'] : ['share'],
          options: 'options' in x ? x.options : [],
        })),
    });
  }
  return out;
}

/** Participation: answers received per neighbourhood (every questionnaire). */
export const responsesIndicator: IndicatorDef = defineIndicator({
  id: 'diagnostic.responses',
  label: 'Réponses aux questionnaires',
  unit: 'réponses',
  description: 'Réponses envoyées aux questionnaires de la ville (en ligne, au kiosque ou importées), par quartier du répondant.',
  compute: (q, { from, to }) => store.responsesByNeighbourhood(q, from, to),
});
