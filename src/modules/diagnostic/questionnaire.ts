/**
 * The questionnaire format: the JSON of the Amiens "Parents solo" survey
 * (`{ title, note?, questions: [{ id, type, label, options?, min?, max? }] }`), extended
 * with conditional questions (`show_if`), themes and a few per-type settings; read and
 * checked here (the types and conditions are in model.ts). Pure: no I/O.
 */
import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors';
import {
  conditionsOf,
  hasOptions,
  MAX_MULTI_OPTIONS,
  MULTI_SEPARATOR,
  QUESTION_TYPES,
  RESPONDENT_ID_COLUMN,
  type Condition,
  type Question,
  type QuestionType,
  type Questionnaire,
} from './model';

export * from './model';

// ---------------------------------------------------------------- schema

const text = (max: number) => z.string().trim().min(1).max(max);
const conditionSchema = z
  .object({
    question: z.string().min(1),
    equals: z.union([z.string(), z.number()]).optional(),
    not_equals: z.union([z.string(), z.number()]).optional(),
    in: z
      .array(z.union([z.string(), z.number()]))
      .min(1)
      .optional(),
    gte: z.number().optional(),
    lte: z.number().optional(),
    answered: z.boolean().optional(),
  })
  .strict();
const base = {
  id: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}$/),
  label: text(500),
  help: z.string().max(1000).optional(),
  required: z.boolean().optional(),
  theme: z.string().trim().min(1).max(120).optional(),
  profile: z.boolean().optional(),
  show_if: z.union([conditionSchema, z.array(conditionSchema).min(1)]).optional(),
};
const options = z.array(text(200)).min(1).max(200);
const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.enum(['single', 'neighbourhood']), options }).strict(),
  z.object({ ...base, type: z.literal('multi'), options: options.max(MAX_MULTI_OPTIONS), max_choices: z.number().int().min(1).optional() }).strict(),
  z
    .object({
      ...base,
      type: z.literal('scale'),
      min: z.number().int().default(1),
      max: z.number().int().default(10),
      min_label: z.string().max(100).optional(),
      max_label: z.string().max(100).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
      unit: z.string().max(30).optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('text'), max_length: z.number().int().min(1).max(10_000).optional() }).strict(),
]);
const questionnaireSchema = z
  .object({
    title: text(300),
    note: z.string().max(5000).optional(),
    description: z.string().max(5000).optional(),
    questions: z.array(questionSchema).min(1).max(500),
  })
  .strict();

const TYPE_ALIASES: Record<string, QuestionType> = { multiple: 'multi', quartier: 'neighbourhood' };

function frenchIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Ce champ est obligatoire.' : "Cette valeur n'a pas le bon type.";
    case 'too_small':
      return issue.origin === 'array'
        ? `Il faut au moins ${issue.minimum} élément(s).`
        : issue.origin === 'string'
          ? 'Ce texte ne peut pas être vide.'
          : `La valeur doit être au moins ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'array'
        ? `Il faut au plus ${issue.maximum} élément(s).`
        : issue.origin === 'string'
          ? `Ce texte est trop long (${issue.maximum} caractères au plus).`
          : `La valeur doit être au plus ${issue.maximum}.`;
    case 'invalid_format':
      return 'Identifiant invalide : lettres, chiffres, « _ » ou « - » seulement, sans espace.';
    case 'invalid_union':
      return issue.path.at(-1) === 'type' || (issue as { note?: string }).note?.includes('discriminator')
        ? `Type de question inconnu. Types possibles : ${QUESTION_TYPES.join(', ')}.`
        : "Cette valeur n'a pas la bonne forme.";
    case 'invalid_value':
      return `Valeur non reconnue. Valeurs possibles : ${issue.values.join(', ')}.`;
    case 'unrecognized_keys':
      return `Champ(s) inconnu(s) : ${issue.keys.join(', ')}.`;
    default:
      return "Cette valeur n'est pas valable.";
  }
}

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fr');

/**
 * Reads and checks a questionnaire (the Amiens JSON format). Returns every problem
 * found, each with its path (`questions.3.options.1`) and a French message.
 */
export function checkQuestionnaire(input: unknown): { ok: true; questionnaire: Questionnaire } | { ok: false; errors: FieldError[] } {
  const normalized = normalizeTypes(input);
  const parsed = questionnaireSchema.safeParse(normalized);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: frenchIssue(i) })),
    };
  }
  const questionnaire = parsed.data as Questionnaire;
  const errors = semanticErrors(questionnaire);
  return errors.length ? { ok: false, errors } : { ok: true, questionnaire };
}

/** Like checkQuestionnaire, but throws `diagnostic/invalid-questionnaire` with every field. */
export function parseQuestionnaire(input: unknown): Questionnaire {
  const result = checkQuestionnaire(input);
  if (!result.ok) throw new AppError('diagnostic/invalid-questionnaire', { fields: result.errors });
  return result.questionnaire;
}

function normalizeTypes(input: unknown): unknown {
  if (!input || typeof input !== 'object' || !Array.isArray((input as { questions?: unknown }).questions)) return input;
  const q = input as { questions: unknown[] };
  return {
    ...q,
    questions: q.questions.map((question) => {
      if (!question || typeof question !== 'object') return question;
      const t = (question as { type?: unknown }).type;
      return typeof t === 'string' && TYPE_ALIASES[t] ? { ...question, type: TYPE_ALIASES[t] } : question;
    }),
  };
}

function semanticErrors(qn: Questionnaire): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  qn.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (q.id === RESPONDENT_ID_COLUMN) {
      errors.push({ path: `${at}.id`, message: `« ${RESPONDENT_ID_COLUMN} » est réservé à l'identifiant du répondant.` });
    }
    if (seen.has(q.id)) {
      errors.push({ path: `${at}.id`, message: `L'identifiant « ${q.id} » est déjà utilisé par la question ${seen.get(q.id)! + 1}.` });
    } else seen.set(q.id, i);

    if (hasOptions(q)) {
      const opts = new Map<string, number>();
      q.options.forEach((o, j) => {
        const k = norm(o);
        if (opts.has(k)) errors.push({ path: `${at}.options.${j}`, message: `L'option « ${o} » apparaît deux fois.` });
        opts.set(k, j);
        if (q.type === 'multi' && o.includes(MULTI_SEPARATOR)) {
          errors.push({ path: `${at}.options.${j}`, message: `Une option de choix multiple ne peut pas contenir « ${MULTI_SEPARATOR} ».` });
        }
      });
      if (q.type === 'multi' && q.max_choices !== undefined && q.max_choices > q.options.length) {
        errors.push({ path: `${at}.max_choices`, message: 'Le nombre maximal de choix dépasse le nombre d’options.' });
      }
    }
    if (q.type === 'scale') {
      if (q.min >= q.max) errors.push({ path: `${at}.max`, message: "Le maximum de l'échelle doit dépasser son minimum." });
      if (q.max - q.min > 100) errors.push({ path: `${at}.max`, message: "L'échelle compte au plus 101 valeurs." });
    }
    if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) {
      errors.push({ path: `${at}.max`, message: 'Le maximum doit être supérieur ou égal au minimum.' });
    }

    conditionsOf(q).forEach((c, k) => {
      const cPath = Array.isArray(q.show_if) ? `${at}.show_if.${k}` : `${at}.show_if`;
      const target = seen.get(c.question) !== undefined && c.question !== q.id ? qn.questions[seen.get(c.question)!] : undefined;
      if (!target || seen.get(c.question)! >= i) {
        errors.push({ path: `${cPath}.question`, message: `La condition doit porter sur une question posée avant celle-ci (« ${c.question} » introuvable).` });
        return;
      }
      errors.push(...conditionErrors(c, target, cPath));
    });
  });
  return errors;
}

function conditionErrors(c: Condition, target: Question, path: string): FieldError[] {
  const ops = (['equals', 'not_equals', 'in', 'answered'] as const).filter((k) => c[k] !== undefined);
  const range = c.gte !== undefined || c.lte !== undefined;
  if (ops.length + (range ? 1 : 0) !== 1) {
    return [{ path, message: 'Une condition porte sur un seul test : equals, not_equals, in, answered, ou gte/lte.' }];
  }
  if (target.type === 'text' && !(ops[0] === 'answered')) {
    return [{ path, message: 'Sur une réponse libre, seule la condition « answered » est possible.' }];
  }
  if (range && !(target.type === 'scale' || target.type === 'number')) {
    return [{ path, message: 'gte / lte ne s’appliquent qu’à une échelle ou un nombre.' }];
  }
  const values = c.in ?? (c.equals !== undefined ? [c.equals] : c.not_equals !== undefined ? [c.not_equals] : []);
  const errors: FieldError[] = [];
  for (const v of values) {
    if (hasOptions(target)) {
      if (!target.options.some((o) => norm(o) === norm(String(v)))) {
        errors.push({ path, message: `« ${v} » n'est pas une option de la question « ${target.id} ».` });
      }
    } else if (target.type === 'scale' || target.type === 'number') {
      if (typeof v !== 'number') errors.push({ path, message: `La question « ${target.id} » attend un nombre.` });
    }
  }
  return errors;
}
