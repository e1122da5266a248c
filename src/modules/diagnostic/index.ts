/** What other modules may use from the diagnostic. */
/** Its extension point: `hooks: { diagnostic: { answersChanged } }` in a ModuleDef. */
export type { DiagnosticHooks } from './extensions';
export {
  computeQuestionnaireIndicator,
  indicatorFromAnalysis,
  indicatorSources,
  responsesIndicator,
  type IndicatorSource,
  type QuestionnaireIndicatorSpec,
  type QuestionnaireIndicatorResult,
  type IndicatorPoint,
} from './indicators';
export { analyse, type Analysis, type GroupAnalysis, type QuestionAnalysis } from './analysis';
export { barChartSvg, type ChartBar } from './bar-chart-svg';
export { parseQuestionnaire, type Questionnaire, type Question, type Condition } from './questionnaire';
export { listQuestionnaires } from './questionnaires.service';
/** The API's answers, inferred from the response schemas (the web imports these, type-only). */
export type {
  QuestionnaireSummary,
  QuestionnaireView,
  Results,
  LinkView,
  CreatedLink,
  PublicQuestionnaire,
  AnsweringSessionOut as AnsweringSession,
} from './diagnostic.schemas';
/** Listening sessions, verbatims, their analysis and the personas (API answers, type-only for the web). */
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
} from './listening.schemas';
export type { HouseholdSessions, MyInvitations } from './listening-invitations.schemas';
