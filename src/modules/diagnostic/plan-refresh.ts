/**
 * Answers received change what other modules compute on this questionnaire (the action plan's
 * indicators): they are told through their `hooks.diagnostic.answersChanged` (extensions.ts),
 * in the transaction of the answers; pilotage then queues its own snapshot job. The diagnostic
 * names no other module: pilotage reads diagnostic, never the other way round.
 */
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { tellAnswersChanged } from './extensions';

export async function refreshPlanIndicators(ctx: Ctx, t: Queryable, questionnaireId: string): Promise<void> {
  await tellAnswersChanged(ctx, t, questionnaireId);
}
