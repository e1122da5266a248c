/**
 * The questionnaire model without its validation: types, conditional display, helpers.
 * No dependency at all, so that the answering page in the browser shares it.
 */
export const QUESTION_TYPES = ['single', 'multi', 'scale', 'number', 'text', 'neighbourhood'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** French names of the types, for the builder and the reports. */
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: 'Choix unique',
  multi: 'Choix multiple',
  scale: 'Échelle de 1 à 10',
  number: 'Nombre',
  text: 'Texte libre',
  neighbourhood: 'Quartier',
};

/** Separator of the options of a multiple choice inside one CSV cell. */
export const MULTI_SEPARATOR = '|';
/** A multiple-choice answer is stored as a 32-bit mask. */
export const MAX_MULTI_OPTIONS = 32;
/** The CSV column that carries the respondent's identifier; no question may use it. */
export const RESPONDENT_ID_COLUMN = 'id';

/**
 * Shows a question only when an earlier answer matches. Exactly one test among
 * `equals`, `not_equals`, `in`, `answered`, or a range (`gte` and/or `lte`).
 * For a multiple choice, `equals` means "this option was ticked".
 */
export interface Condition {
  question: string;
  equals?: string | number;
  not_equals?: string | number;
  in?: Array<string | number>;
  gte?: number;
  lte?: number;
  answered?: boolean;
}

interface QuestionBase {
  id: string;
  label: string;
  help?: string;
  required?: boolean;
  /** Section of the report ("Budget et précarité"…). */
  theme?: string;
  /** Shown in the "profil des répondants" part of the report. */
  profile?: boolean;
  /** Every condition must hold (an array is an AND). */
  show_if?: Condition | Condition[];
}
export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'neighbourhood';
  options: string[];
}
export interface MultiQuestion extends QuestionBase {
  type: 'multi';
  options: string[];
  max_choices?: number;
}
export interface ScaleQuestion extends QuestionBase {
  type: 'scale';
  min: number;
  max: number;
  min_label?: string;
  max_label?: string;
}
export interface NumberQuestion extends QuestionBase {
  type: 'number';
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
}
export interface TextQuestion extends QuestionBase {
  type: 'text';
  max_length?: number;
}
export type Question = ChoiceQuestion | MultiQuestion | ScaleQuestion | NumberQuestion | TextQuestion;

export interface Questionnaire {
  title: string;
  note?: string;
  description?: string;
  questions: Question[];
}

/** One respondent's answer to one question, as the answering page and the API carry it. */
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue | null | undefined>;

export function hasOptions(q: Question): q is ChoiceQuestion | MultiQuestion {
  return q.type === 'single' || q.type === 'neighbourhood' || q.type === 'multi';
}

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fr');

export function conditionsOf(q: Question): Condition[] {
  return q.show_if === undefined ? [] : Array.isArray(q.show_if) ? q.show_if : [q.show_if];
}

// ---------------------------------------------------------------- conditions

/** How a condition reads an answer: from a record (one respondent) or a table column. */
export type AnswerLookup = (questionId: string) => AnswerValue | null | undefined;

function equalsAnswer(answer: AnswerValue, v: string | number): boolean {
  if (Array.isArray(answer)) return answer.some((a) => norm(a) === norm(String(v)));
  if (typeof answer === 'number') return answer === Number(v);
  return norm(answer) === norm(String(v));
}

export function conditionHolds(c: Condition, get: AnswerLookup): boolean {
  const a = get(c.question);
  const answered = a !== null && a !== undefined && !(Array.isArray(a) && a.length === 0) && a !== '';
  if (c.answered !== undefined) return c.answered === answered;
  if (!answered) return false;
  if (c.equals !== undefined) return equalsAnswer(a, c.equals);
  if (c.not_equals !== undefined) return !equalsAnswer(a, c.not_equals);
  if (c.in !== undefined) return c.in.some((v) => equalsAnswer(a, v));
  if (typeof a !== 'number') return false;
  return (c.gte === undefined || a >= c.gte) && (c.lte === undefined || a <= c.lte);
}

/**
 * Whether a question is shown, given the answers so far. A question that depends on a
 * hidden one has no answer to test, so it is hidden too (except `answered: false`).
 */
export function isShown(q: Question, get: AnswerLookup): boolean {
  return conditionsOf(q).every((c) => conditionHolds(c, get));
}

/**
 * Drops the answers to questions that their conditions now hide (a person went back and
 * changed an earlier answer), in question order, so that chains of conditions hold.
 */
export function pruneHidden(qn: Questionnaire, answers: Answers): Answers {
  const kept: Answers = {};
  for (const q of qn.questions) {
    const v = answers[q.id];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (isShown(q, (id) => kept[id])) kept[q.id] = v;
  }
  return kept;
}

export function findQuestion(qn: Questionnaire, id: string): Question | undefined {
  return qn.questions.find((q) => q.id === id);
}

/** The question a cross-tabulation should use first: the neighbourhood one. */
export function neighbourhoodQuestion(qn: Questionnaire): Question | undefined {
  return qn.questions.find((q) => q.type === 'neighbourhood') ?? qn.questions.find((q) => q.id === 'quartier' && hasOptions(q));
}

/** Themes in order of first appearance; questions without one fall under `fallback`. */
export function themesOf(qn: Questionnaire, fallback = 'Questions'): Array<{ theme: string; questions: Question[] }> {
  const out: Array<{ theme: string; questions: Question[] }> = [];
  for (const q of qn.questions) {
    const t = q.theme ?? fallback;
    let entry = out.find((e) => e.theme === t);
    if (!entry) out.push((entry = { theme: t, questions: [] }));
    entry.questions.push(q);
  }
  return out;
}
