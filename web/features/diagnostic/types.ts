/** Shapes of the diagnostic API, as the pages use them: inferred from the module's response schemas (type-only). */
import type { QuestionnaireSummary } from '../../../src/modules/diagnostic/index';

export type { Answers, AnswerValue, Condition, Question, Questionnaire, QuestionType } from '../../../src/modules/diagnostic/shared';
export type {
  Analysis,
  AnsweringSession,
  CreatedLink,
  GroupAnalysis,
  LinkView,
  PublicQuestionnaire,
  QuestionAnalysis,
  QuestionnaireSummary,
  QuestionnaireView,
  Results,
} from '../../../src/modules/diagnostic/index';

export type Status = QuestionnaireSummary['status'];
export type Access = QuestionnaireSummary['access'];
export type {
  Beside,
  ListeningAnalysis,
  ListeningThemesOut,
  ParticipantView,
  PersonaSummary,
  PersonaView,
  SessionSummary,
  SessionView,
  VerbatimView,
} from '../../../src/modules/diagnostic/index';
