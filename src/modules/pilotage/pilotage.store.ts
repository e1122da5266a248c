/** SQL of the pilotage tables only. */
import type { Queryable } from '../../platform/db/pool';

export type ActionStatus = 'a_lancer' | 'en_cours' | 'realisee' | 'abandonnee';
export type IndicatorSource = 'manual' | 'relais' | 'questionnaire';
export type Direction = 'increase' | 'decrease' | 'maintain';

export interface QuestionnaireRef {
  questionnaireId: string;
  measure: 'share' | 'mean' | 'respondents';
  question?: string;
  option?: string;
}

export interface PlanRow {
  id: string;
  title: string;
  description: string;
  source: string | null;
  isDemo: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface AxisRow {
  id: string;
  planId: string;
  position: number;
  code: string;
  title: string;
  description: string;
  goals: string[];
}

export interface ObjectiveRow {
  id: string;
  axisId: string;
  position: number;
  code: string;
  title: string;
  description: string;
}

export interface ActionRow {
  id: string;
  objectiveId: string;
  position: number;
  title: string;
  description: string;
  leadService: string;
  partners: string[];
  partnerStructureIds: string[];
  neighbourhoods: string[];
  status: ActionStatus;
  budgetPlannedCents: number | null;
  budgetSpentCents: number | null;
  startDate: string | null;
  endDate: string | null;
}

export interface IndicatorRow {
  id: string;
  actionId: string;
  position: number;
  label: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: Direction;
  source: IndicatorSource;
  relaisId: string | null;
  questionnaire: QuestionnaireRef | null;
}

export interface ValueRow {
  indicatorId: string;
  period: string;
  neighbourhood: string;
  value: number;
  base: number | null;
  origin: 'manual' | 'computed';
  recordedAt: Date;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

const PLAN = `id, title, description, source, is_demo AS "isDemo", published_at AS "publishedAt", updated_at AS "updatedAt"`;
const AXIS = `id, plan_id AS "planId", position, code, title, description, goals`;
const objective = (p: string) => `${p}id, ${p}axis_id AS "axisId", ${p}position, ${p}code, ${p}title, ${p}description`;
const action = (p: string) => `${p}id, ${p}objective_id AS "objectiveId", ${p}position, ${p}title, ${p}description, ${p}lead_service AS "leadService",
  ${p}partners, ${p}partner_structure_ids::text[] AS "partnerStructureIds", ${p}neighbourhoods, ${p}status,
  ${p}budget_planned_cents AS "budgetPlannedCents", ${p}budget_spent_cents AS "budgetSpentCents",
  ${p}start_date AS "startDate", ${p}end_date AS "endDate"`;
const ACTION = action('');
const indicator = (p: string) => `${p}id, ${p}action_id AS "actionId", ${p}position, ${p}label, ${p}unit, ${p}baseline::text AS baseline,
  ${p}target::text AS target, ${p}direction, ${p}source, ${p}relais_id AS "relaisId", ${p}questionnaire`;
const INDICATOR = indicator('');

function indicatorOf(r: any): IndicatorRow {
  return { ...r, baseline: num(r.baseline), target: num(r.target) };
}

// ------------------------------------------------------------------ plans
export async function listPlans(q: Queryable): Promise<(PlanRow & { axes: number; actions: number })[]> {
  const { rows } = await q.query(
    `SELECT p.id, p.title, p.description, p.source, p.is_demo AS "isDemo", p.published_at AS "publishedAt", p.updated_at AS "updatedAt",
            (SELECT count(*) FROM pilotage_axes a WHERE a.plan_id = p.id)::int AS axes,
            (SELECT count(*) FROM pilotage_actions x JOIN pilotage_objectives o ON o.id = x.objective_id
               JOIN pilotage_axes a ON a.id = o.axis_id WHERE a.plan_id = p.id)::int AS actions
       FROM pilotage_plans p ORDER BY p.is_demo, p.updated_at DESC, p.title`,
  );
  return rows;
}

export async function insertPlan(
  q: Queryable,
  p: { title: string; description: string; source: string | null; isDemo: boolean; createdBy: string | null; now: Date },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO pilotage_plans (title, description, source, is_demo, created_by, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$6) RETURNING id`,
    [p.title, p.description, p.source, p.isDemo, p.createdBy, p.now],
  );
  return rows[0].id;
}

export async function getPlan(q: Queryable, id: string): Promise<PlanRow | null> {
  const { rows } = await q.query(`SELECT ${PLAN} FROM pilotage_plans WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function updatePlan(q: Queryable, id: string, p: { title?: string; description?: string }, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE pilotage_plans SET title = coalesce($2, title), description = coalesce($3, description), updated_at = $4 WHERE id = $1`,
    [id, p.title ?? null, p.description ?? null, now],
  );
  return Boolean(rowCount);
}

export async function setPublished(q: Queryable, id: string, at: Date | null): Promise<boolean> {
  const { rowCount } = await q.query(`UPDATE pilotage_plans SET published_at = $2 WHERE id = $1`, [id, at]);
  return Boolean(rowCount);
}

export async function publishedPlans(q: Queryable): Promise<PlanRow[]> {
  const { rows } = await q.query(`SELECT ${PLAN} FROM pilotage_plans WHERE published_at IS NOT NULL ORDER BY is_demo, title`);
  return rows;
}

export async function touchPlan(q: Queryable, planId: string, now: Date): Promise<void> {
  await q.query(`UPDATE pilotage_plans SET updated_at = $2 WHERE id = $1`, [planId, now]);
}

export async function deletePlan(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM pilotage_plans WHERE id = $1`, [id]);
  return Boolean(rowCount);
}

// ------------------------------------------------------------------ tree
export async function planTree(q: Queryable, planId: string) {
  const [axes, objectives, actions, indicators] = await Promise.all([
    q.query(`SELECT ${AXIS} FROM pilotage_axes WHERE plan_id = $1 ORDER BY position, id`, [planId]),
    q.query(`SELECT ${objective('o.')} FROM pilotage_objectives o JOIN pilotage_axes a ON a.id = o.axis_id WHERE a.plan_id = $1 ORDER BY o.position, o.id`, [
      planId,
    ]),
    q.query(
      `SELECT ${action('x.')} FROM pilotage_actions x JOIN pilotage_objectives o ON o.id = x.objective_id
         JOIN pilotage_axes a ON a.id = o.axis_id WHERE a.plan_id = $1 ORDER BY x.position, x.id`,
      [planId],
    ),
    q.query(
      `SELECT ${indicator('i.')} FROM pilotage_indicators i JOIN pilotage_actions x ON x.id = i.action_id
         JOIN pilotage_objectives o ON o.id = x.objective_id JOIN pilotage_axes a ON a.id = o.axis_id
        WHERE a.plan_id = $1 ORDER BY i.position, i.id`,
      [planId],
    ),
  ]);
  return {
    axes: axes.rows as AxisRow[],
    objectives: objectives.rows as ObjectiveRow[],
    actions: actions.rows as ActionRow[],
    indicators: indicators.rows.map(indicatorOf),
  };
}

// ------------------------------------------------------------------ axes, objectives
export async function insertAxis(q: Queryable, planId: string, a: { code: string; title: string; description: string; goals: string[] }): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO pilotage_axes (plan_id, position, code, title, description, goals)
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM pilotage_axes WHERE plan_id = $1), $2, $3, $4, $5) RETURNING id`,
    [planId, a.code, a.title, a.description, a.goals],
  );
  return rows[0].id;
}

export async function updateAxis(
  q: Queryable,
  id: string,
  a: { code?: string; title?: string; description?: string; goals?: string[] },
): Promise<string | null> {
  const { rows } = await q.query(
    `UPDATE pilotage_axes SET code = coalesce($2, code), title = coalesce($3, title), description = coalesce($4, description), goals = coalesce($5, goals)
      WHERE id = $1 RETURNING plan_id`,
    [id, a.code ?? null, a.title ?? null, a.description ?? null, a.goals ?? null],
  );
  return rows[0]?.plan_id ?? null;
}

export async function deleteAxis(q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query(`DELETE FROM pilotage_axes WHERE id = $1 RETURNING plan_id`, [id]);
  return rows[0]?.plan_id ?? null;
}

export async function planOfAxis(q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query(`SELECT plan_id FROM pilotage_axes WHERE id = $1`, [id]);
  return rows[0]?.plan_id ?? null;
}

export async function insertObjective(q: Queryable, axisId: string, o: { code: string; title: string; description: string }): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO pilotage_objectives (axis_id, position, code, title, description)
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM pilotage_objectives WHERE axis_id = $1), $2, $3, $4) RETURNING id`,
    [axisId, o.code, o.title, o.description],
  );
  return rows[0].id;
}

export async function updateObjective(q: Queryable, id: string, o: { code?: string; title?: string; description?: string }): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE pilotage_objectives SET code = coalesce($2, code), title = coalesce($3, title), description = coalesce($4, description) WHERE id = $1`,
    [id, o.code ?? null, o.title ?? null, o.description ?? null],
  );
  return Boolean(rowCount);
}

export async function deleteObjective(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM pilotage_objectives WHERE id = $1`, [id]);
  return Boolean(rowCount);
}

/** The plan an objective, action or indicator belongs to. */
export async function planOf(q: Queryable, kind: 'objective' | 'action' | 'indicator', id: string): Promise<string | null> {
  const sql = {
    objective: `SELECT a.plan_id FROM pilotage_objectives o JOIN pilotage_axes a ON a.id = o.axis_id WHERE o.id = $1`,
    action: `SELECT a.plan_id FROM pilotage_actions x JOIN pilotage_objectives o ON o.id = x.objective_id JOIN pilotage_axes a ON a.id = o.axis_id WHERE x.id = $1`,
    indicator: `SELECT a.plan_id FROM pilotage_indicators i JOIN pilotage_actions x ON x.id = i.action_id JOIN pilotage_objectives o ON o.id = x.objective_id
                 JOIN pilotage_axes a ON a.id = o.axis_id WHERE i.id = $1`,
  }[kind];
  const { rows } = await q.query(sql, [id]);
  return rows[0]?.plan_id ?? null;
}

// ------------------------------------------------------------------ actions
export type ActionInput = Partial<Omit<ActionRow, 'id' | 'objectiveId' | 'position'>>;

const ACTION_COLUMNS: Record<keyof ActionInput, string> = {
  title: 'title',
  description: 'description',
  leadService: 'lead_service',
  partners: 'partners',
  partnerStructureIds: 'partner_structure_ids',
  neighbourhoods: 'neighbourhoods',
  status: 'status',
  budgetPlannedCents: 'budget_planned_cents',
  budgetSpentCents: 'budget_spent_cents',
  startDate: 'start_date',
  endDate: 'end_date',
};

export async function insertAction(q: Queryable, objectiveId: string, a: ActionInput & { title: string }, now: Date): Promise<string> {
  const keys = (Object.keys(a) as (keyof ActionInput)[]).filter((k) => a[k] !== undefined && ACTION_COLUMNS[k]);
  const cols = keys.map((k) => ACTION_COLUMNS[k]);
  const { rows } = await q.query(
    `INSERT INTO pilotage_actions (objective_id, position, updated_at${cols.map((c) => `, ${c}`).join('')})
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM pilotage_actions WHERE objective_id = $1), $2${keys.map((_, i) => `, $${i + 3}`).join('')}) RETURNING id`,
    [objectiveId, now, ...keys.map((k) => a[k])],
  );
  return rows[0].id;
}

export async function updateAction(q: Queryable, id: string, a: ActionInput, now: Date): Promise<boolean> {
  const keys = (Object.keys(a) as (keyof ActionInput)[]).filter((k) => a[k] !== undefined && ACTION_COLUMNS[k]);
  const { rowCount } = await q.query(
    `UPDATE pilotage_actions SET updated_at = $2${keys.map((k, i) => `, ${ACTION_COLUMNS[k]} = $${i + 3}`).join('')} WHERE id = $1`,
    [id, now, ...keys.map((k) => a[k])],
  );
  return Boolean(rowCount);
}

export async function getAction(q: Queryable, id: string): Promise<ActionRow | null> {
  const { rows } = await q.query(`SELECT ${ACTION} FROM pilotage_actions WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function deleteAction(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM pilotage_actions WHERE id = $1`, [id]);
  return Boolean(rowCount);
}

/** Actions a partner structure takes part in, with their plan. */
export async function actionsOfStructure(q: Queryable, structureId: string) {
  const { rows } = await q.query(
    `SELECT ${action('x.')}, p.id AS "planId", p.title AS "planTitle", a.code AS "axisCode", a.title AS "axisTitle"
       FROM pilotage_actions x JOIN pilotage_objectives o ON o.id = x.objective_id JOIN pilotage_axes a ON a.id = o.axis_id
       JOIN pilotage_plans p ON p.id = a.plan_id
      WHERE $1::uuid = ANY (x.partner_structure_ids) ORDER BY p.title, a.position, o.position, x.position`,
    [structureId],
  );
  return rows as (ActionRow & { planId: string; planTitle: string; axisCode: string; axisTitle: string })[];
}

// ------------------------------------------------------------------ indicators
export type IndicatorInput = Partial<Omit<IndicatorRow, 'id' | 'actionId' | 'position'>>;

export async function insertIndicator(q: Queryable, actionId: string, i: Omit<IndicatorRow, 'id' | 'actionId' | 'position'>): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO pilotage_indicators (action_id, position, label, unit, baseline, target, direction, source, relais_id, questionnaire)
     VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM pilotage_indicators WHERE action_id = $1), $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [actionId, i.label, i.unit, i.baseline, i.target, i.direction, i.source, i.relaisId, i.questionnaire ? JSON.stringify(i.questionnaire) : null],
  );
  return rows[0].id;
}

export async function updateIndicator(q: Queryable, id: string, i: Omit<IndicatorRow, 'id' | 'actionId' | 'position'>): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE pilotage_indicators SET label = $2, unit = $3, baseline = $4, target = $5, direction = $6, source = $7, relais_id = $8, questionnaire = $9 WHERE id = $1`,
    [id, i.label, i.unit, i.baseline, i.target, i.direction, i.source, i.relaisId, i.questionnaire ? JSON.stringify(i.questionnaire) : null],
  );
  return Boolean(rowCount);
}

export async function getIndicator(q: Queryable, id: string): Promise<IndicatorRow | null> {
  const { rows } = await q.query(`SELECT ${INDICATOR} FROM pilotage_indicators WHERE id = $1`, [id]);
  return rows[0] ? indicatorOf(rows[0]) : null;
}

export async function deleteIndicator(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM pilotage_indicators WHERE id = $1`, [id]);
  return Boolean(rowCount);
}

/** Computed indicators of every plan (or one plan). */
export async function computedIndicators(q: Queryable, planId?: string): Promise<IndicatorRow[]> {
  const { rows } = await q.query(
    `SELECT ${indicator('i.')} FROM pilotage_indicators i JOIN pilotage_actions x ON x.id = i.action_id
       JOIN pilotage_objectives o ON o.id = x.objective_id JOIN pilotage_axes a ON a.id = o.axis_id
      WHERE i.source <> 'manual' AND ($1::uuid IS NULL OR a.plan_id = $1) ORDER BY i.id`,
    [planId ?? null],
  );
  return rows.map(indicatorOf);
}

// ------------------------------------------------------------------ values
export async function upsertValue(q: Queryable, v: Omit<ValueRow, 'recordedAt'> & { recordedBy: string | null; now: Date }): Promise<void> {
  await q.query(
    `INSERT INTO pilotage_values (indicator_id, period, neighbourhood, value, base, origin, recorded_by, recorded_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
     ON CONFLICT (indicator_id, period, neighbourhood) DO UPDATE
       SET value = EXCLUDED.value, base = EXCLUDED.base, origin = EXCLUDED.origin, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [v.indicatorId, v.period, v.neighbourhood, v.value, v.base, v.origin, v.recordedBy, v.now],
  );
}

export async function deleteValue(q: Queryable, indicatorId: string, period: string, neighbourhood: string): Promise<boolean> {
  const { rowCount } = await q.query(`DELETE FROM pilotage_values WHERE indicator_id = $1 AND period = $2 AND neighbourhood = $3`, [
    indicatorId,
    period,
    neighbourhood,
  ]);
  return Boolean(rowCount);
}

/** A computed snapshot replaces the previous one of the period (a neighbourhood may drop out). */
export async function replaceComputed(
  q: Queryable,
  indicatorId: string,
  period: string,
  values: { neighbourhood: string; value: number; base: number | null }[],
  now: Date,
): Promise<void> {
  await q.query(`DELETE FROM pilotage_values WHERE indicator_id = $1 AND period = $2 AND origin = 'computed'`, [indicatorId, period]);
  for (const v of values)
    await upsertValue(q, { indicatorId, period, neighbourhood: v.neighbourhood, value: v.value, base: v.base, origin: 'computed', recordedBy: null, now });
}

export async function valuesOf(q: Queryable, indicatorIds: string[]): Promise<ValueRow[]> {
  if (!indicatorIds.length) return [];
  const { rows } = await q.query(
    `SELECT indicator_id AS "indicatorId", period, neighbourhood, value::float8 AS value, base, origin, recorded_at AS "recordedAt"
       FROM pilotage_values WHERE indicator_id = ANY ($1::uuid[]) ORDER BY period, neighbourhood`,
    [indicatorIds],
  );
  return rows;
}
