/** Shapes of the diagnostic API, as the pages use them. */
import type { Answers, Questionnaire } from '../../../src/modules/diagnostic/model';
import type { Analysis } from '../../../src/modules/diagnostic/index';

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

export type { Analysis, GroupAnalysis, QuestionAnalysis } from '../../../src/modules/diagnostic/index';

export interface Results {
  questionnaire: { id: string; title: string; source: string | null; definition: Questionnaire };
  analysis: Analysis;
}
