/** Shapes of the diagnostic API, as the pages use them. */
import type { Answers, Questionnaire } from '../../../src/modules/diagnostic/model';

export type { Answers, AnswerValue, Condition, Question, Questionnaire, QuestionType } from '../../../src/modules/diagnostic/model';

export type Status = 'draft' | 'published' | 'closed';
export type Access = 'links' | 'open';

export interface QuestionnaireSummary {
  id: string;
  title: string;
  access: Access;
  status: Status;
  responses: number;
  drafts: number;
  isDemo: boolean;
  source: string | null;
}

export interface QuestionnaireView {
  id: string;
  title: string;
  access: Access;
  status: Status;
  publishedVersion: number | null;
  draftVersion: number | null;
  definition: Questionnaire;
  published: Questionnaire | null;
  source: string | null;
  isDemo: boolean;
}

export interface AnsweringSession {
  token: string;
  questionnaireId: string;
  title: string;
  questionnaire: Questionnaire;
  answers: Answers;
  channel: string;
}

export interface QuestionAnalysis {
  type: string;
  answered: number;
  counts: Record<string, number>;
  percent: Record<string, number>;
  percent_of_respondents?: Record<string, number>;
  mentions?: number;
  mean?: number | null;
  median?: number | null;
  distribution?: Record<string, number>;
  answers?: string[];
}

export interface GroupAnalysis {
  n_respondents: number;
  questions: Record<string, QuestionAnalysis>;
}

export interface Analysis extends GroupAnalysis {
  by_question?: string;
  by?: Record<string, GroupAnalysis>;
}

export interface Results {
  questionnaire: { id: string; title: string; source: string | null; definition: Questionnaire };
  analysis: Analysis;
}
