/**
 * zod schemas of the diagnostic API's answers: what leaves the server (the serializer drops
 * keys these schemas do not name). The web's types are inferred from them (index.ts).
 */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';

const str = z.string();
const nstr = z.string().nullable();
const nnum = z.number().nullable();
const scalar = z.union([z.string(), z.number()]);

const conditionOut = z.object({
  question: str,
  equals: scalar.optional(),
  not_equals: scalar.optional(),
  in: z.array(scalar).optional(),
  gte: z.number().optional(),
  lte: z.number().optional(),
  answered: z.boolean().optional(),
});
const base = {
  id: str,
  label: str,
  help: str.optional(),
  required: z.boolean().optional(),
  theme: str.optional(),
  profile: z.boolean().optional(),
  show_if: z.union([conditionOut, z.array(conditionOut)]).optional(),
};
const questionOut = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.enum(['single', 'neighbourhood']), options: z.array(str) }),
  z.object({ ...base, type: z.literal('multi'), options: z.array(str), max_choices: z.number().optional() }),
  z.object({ ...base, type: z.literal('scale'), min: z.number(), max: z.number(), min_label: str.optional(), max_label: str.optional() }),
  z.object({
    ...base,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    unit: str.optional(),
  }),
  z.object({ ...base, type: z.literal('text'), max_length: z.number().optional() }),
]);
/** A questionnaire's definition (model.ts Questionnaire). */
export const questionnaireOut = z.object({ title: str, note: str.optional(), description: str.optional(), questions: z.array(questionOut) });

const accessOut = z.enum(['links', 'open']);
const statusOut = z.enum(['draft', 'published', 'closed']);

export const questionnairesOut = z.object({
  questionnaires: z.array(
    z.object({
      id: str,
      title: str,
      access: accessOut,
      status: statusOut,
      publishedVersion: nnum,
      draftVersion: nnum,
      responses: z.number(),
      drafts: z.number(),
      updatedAt: timestamp,
      isDemo: z.boolean(),
      source: nstr,
    }),
  ),
});
export const questionnaireViewOut = z.object({
  id: str,
  title: str,
  access: accessOut,
  status: statusOut,
  publishedVersion: nnum,
  draftVersion: nnum,
  definition: questionnaireOut,
  published: questionnaireOut.nullable(),
  source: nstr,
  isDemo: z.boolean(),
  updatedAt: timestamp,
});
export const checkOut = z.object({ ok: z.boolean(), errors: z.array(z.object({ path: str, message: str })) });
export const createdLinksOut = z.object({ links: z.array(z.object({ id: str, token: str, path: str })) });
export const linksOut = z.object({
  links: z.array(z.object({ id: str, questionnaireId: str, label: nstr, createdAt: timestamp, usedAt: timestamp.nullable() })),
});
export const capabilitiesOut = z.object({ pdf: z.boolean() });

const counts = z.record(z.string(), z.number());
const questionAnalysisOut = z.object({
  type: z.enum(['single', 'multi', 'scale', 'number', 'text', 'neighbourhood']),
  answered: z.number(),
  counts,
  percent: counts,
  percent_of_respondents: counts.optional(),
  mentions: z.number().optional(),
  mean: nnum.optional(),
  median: nnum.optional(),
  min: nnum.optional(),
  max: nnum.optional(),
  distribution: counts.optional(),
  answers: z.array(str).optional(),
});
const groupAnalysisOut = z.object({ n_respondents: z.number(), questions: z.record(z.string(), questionAnalysisOut) });
export const resultsOut = z.object({
  questionnaire: z.object({ id: str, title: str, source: nstr, definition: questionnaireOut }),
  analysis: groupAnalysisOut.extend({ by_question: str.optional(), by: z.record(z.string(), groupAnalysisOut).optional() }),
  /** Answers sent to try a questionnaire holding reference answers: counted apart, not analysed with them. */
  trialAnswers: z.number(),
});
export const importedOut = z.object({ imported: z.number(), warnings: z.array(str) });
export const publicQuestionnaireOut = z.object({ id: str, title: str, access: accessOut, questionnaire: questionnaireOut });

const answerValue = z
  .union([z.string(), z.array(z.string()), z.number()])
  .nullable()
  .optional();
/** An answering session: its token is the respondent's own (kept in the page to resume). */
export const sessionOut = z.object({
  token: str,
  questionnaireId: str,
  title: str,
  questionnaire: questionnaireOut,
  answers: z.record(z.string(), answerValue),
  channel: z.enum(['link', 'open', 'kiosk', 'import', 'demo']),
});
export const savedOut = z.object({ saved: z.literal(true) });
export const submittedOut = z.object({ submitted: z.literal(true) });

export type QuestionnaireSummary = z.infer<typeof questionnairesOut>['questionnaires'][number];
export type QuestionnaireView = z.infer<typeof questionnaireViewOut>;
export type Results = z.infer<typeof resultsOut>;
export type AnalysisOut = Results['analysis'];
export type LinkView = z.infer<typeof linksOut>['links'][number];
export type CreatedLink = z.infer<typeof createdLinksOut>['links'][number];
export type PublicQuestionnaire = z.infer<typeof publicQuestionnaireOut>;
export type AnsweringSessionOut = z.infer<typeof sessionOut>;
