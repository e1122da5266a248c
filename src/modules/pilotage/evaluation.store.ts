/** SQL of the evaluations (bilan de l'expérimentation), one per action. */
import type { Queryable } from '../../platform/db/pool';

export interface EvaluationRow {
  actionId: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  reachedIndicatorId: string | null;
  satisfactionIndicatorId: string | null;
  participationIndicatorId: string | null;
  obstacles: string;
  conclusions: string;
  updatedAt: Date;
}

export async function getEvaluation(q: Queryable, actionId: string): Promise<EvaluationRow | null> {
  const { rows } = await q.query(
    `SELECT action_id AS "actionId", title, period_from AS "periodFrom", period_to AS "periodTo", reached_indicator_id AS "reachedIndicatorId",
            satisfaction_indicator_id AS "satisfactionIndicatorId", participation_indicator_id AS "participationIndicatorId",
            obstacles, conclusions, updated_at AS "updatedAt"
       FROM pilotage_evaluations WHERE action_id = $1`,
    [actionId],
  );
  return rows[0] ?? null;
}

export async function upsertEvaluation(q: Queryable, e: Omit<EvaluationRow, 'updatedAt'>, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO pilotage_evaluations (action_id, title, period_from, period_to, reached_indicator_id, satisfaction_indicator_id, participation_indicator_id, obstacles, conclusions, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
     ON CONFLICT (action_id) DO UPDATE SET title = EXCLUDED.title, period_from = EXCLUDED.period_from, period_to = EXCLUDED.period_to,
       reached_indicator_id = EXCLUDED.reached_indicator_id, satisfaction_indicator_id = EXCLUDED.satisfaction_indicator_id,
       participation_indicator_id = EXCLUDED.participation_indicator_id, obstacles = EXCLUDED.obstacles, conclusions = EXCLUDED.conclusions,
       updated_at = EXCLUDED.updated_at`,
    [
      e.actionId,
      e.title,
      e.periodFrom,
      e.periodTo,
      e.reachedIndicatorId,
      e.satisfactionIndicatorId,
      e.participationIndicatorId,
      e.obstacles,
      e.conclusions,
      now,
    ],
  );
}
