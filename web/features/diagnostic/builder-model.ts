/** The builder's editing state and its translation to and from the questionnaire format. */
import type { Condition, Question, Questionnaire, QuestionType } from './types';

export interface DraftQuestion {
  /** Stable React key. */
  key: string;
  id: string;
  /** The id was typed by hand: stop deriving it from the label. */
  idEdited: boolean;
  type: QuestionType;
  label: string;
  optionsText: string;
  required: boolean;
  theme: string;
  minLabel: string;
  maxLabel: string;
  unit: string;
  condQuestion: string;
  condValue: string;
}

export interface DraftSurvey {
  title: string;
  description: string;
  questions: DraftQuestion[];
}

let counter = 0;
export const newKey = () => `k${Date.now().toString(36)}${(counter++).toString(36)}`;

export function slugId(label: string): string {
  return (
    label
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .split('_')
      .slice(0, 5)
      .join('_')
      .slice(0, 40) || 'question'
  );
}

/** An id derived from the label, unique among the other questions. */
export function uniqueId(base: string, others: string[]): string {
  let id = base === 'id' ? 'id_question' : base;
  for (let n = 2; others.includes(id); n++) id = `${base}_${n}`;
  return id;
}

/** The answers a question of this type starts with: « Oui / Non », or the town's neighbourhoods for a neighbourhood question. */
export function defaultOptions(type: QuestionType, neighbourhoods: readonly string[]): string {
  if (type === 'single') return 'Oui\nNon';
  if (type === 'neighbourhood') return neighbourhoods.join('\n');
  return '';
}

export function emptyQuestion(type: QuestionType, others: string[], neighbourhoods: readonly string[] = []): DraftQuestion {
  return {
    key: newKey(),
    id: uniqueId('question', others),
    idEdited: false,
    type,
    label: '',
    optionsText: defaultOptions(type, neighbourhoods),
    required: false,
    theme: '',
    minLabel: '',
    maxLabel: '',
    unit: '',
    condQuestion: '',
    condValue: '',
  };
}

export const options = (d: DraftQuestion) =>
  d.optionsText
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);

export function hasChoices(type: QuestionType): boolean {
  return type === 'single' || type === 'multi' || type === 'neighbourhood';
}

function condition(d: DraftQuestion, all: DraftQuestion[]): Condition | undefined {
  if (!d.condQuestion || d.condValue === '') return undefined;
  const target = all.find((x) => x.id === d.condQuestion);
  if (!target) return undefined;
  if (target.type === 'scale') return { question: target.id, gte: Number(d.condValue) };
  return { question: target.id, equals: d.condValue };
}

export function toDefinition(s: DraftSurvey): Questionnaire {
  return {
    title: s.title.trim(),
    ...(s.description.trim() ? { description: s.description.trim() } : {}),
    questions: s.questions.map((d) => {
      const base = {
        id: d.id.trim(),
        label: d.label.trim(),
        ...(d.required ? { required: true } : {}),
        ...(d.theme.trim() ? { theme: d.theme.trim() } : {}),
        ...(condition(d, s.questions) ? { show_if: condition(d, s.questions) } : {}),
      };
      switch (d.type) {
        case 'single':
        case 'neighbourhood':
        case 'multi':
          return { ...base, type: d.type, options: options(d) } as Question;
        case 'scale':
          return {
            ...base,
            type: 'scale',
            min: 1,
            max: 10,
            ...(d.minLabel.trim() ? { min_label: d.minLabel.trim() } : {}),
            ...(d.maxLabel.trim() ? { max_label: d.maxLabel.trim() } : {}),
          };
        case 'number':
          return { ...base, type: 'number', ...(d.unit.trim() ? { unit: d.unit.trim() } : {}) };
        case 'text':
          return { ...base, type: 'text' };
      }
    }),
  };
}

export function fromDefinition(q: Questionnaire): DraftSurvey {
  return {
    title: q.title,
    description: q.description ?? '',
    questions: q.questions.map((x) => {
      const c = Array.isArray(x.show_if) ? x.show_if[0] : x.show_if;
      return {
        key: newKey(),
        id: x.id,
        idEdited: true,
        type: x.type,
        label: x.label,
        optionsText: 'options' in x ? x.options.join('\n') : '',
        required: Boolean(x.required),
        theme: x.theme ?? '',
        minLabel: x.type === 'scale' ? (x.min_label ?? '') : '',
        maxLabel: x.type === 'scale' ? (x.max_label ?? '') : '',
        unit: x.type === 'number' ? (x.unit ?? '') : '',
        condQuestion: c?.question ?? '',
        condValue: c ? String(c.equals ?? c.gte ?? (c.in ? c.in[0] : '') ?? '') : '',
      };
    }),
  };
}

/** A question a respondent could answer: a label, and answers for a choice. */
export const complete = (q: Question) => Boolean(q.label) && (!('options' in q) || q.options.length > 0);

/** What the preview can show: the complete questions (`left` counts those still missing a label or answers). */
export function previewable(def: Questionnaire): Questionnaire & { left: number } {
  const questions = def.questions.filter(complete);
  return { ...def, title: def.title || '…', questions, left: def.questions.length - questions.length };
}
