/**
 * Shapes of the diagnostic API, as the pages use them: every type the module's index.ts
 * exports (inferred from its response schemas), type-only, and the questionnaire's own
 * types from its shared.ts. Never a list copied here: a name the index adds is here too.
 */
import type { QuestionnaireSummary } from '../../../src/modules/diagnostic/index';

export type * from '../../../src/modules/diagnostic/index';
export type { Answers, AnswerValue, Condition, Question, Questionnaire, QuestionType } from '../../../src/modules/diagnostic/shared';

export type Status = QuestionnaireSummary['status'];
export type Access = QuestionnaireSummary['access'];
