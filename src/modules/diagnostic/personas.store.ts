/** SQL of the personas and what they rest on (figures of the answers, verbatims). */
import type { Queryable } from '../../platform/db/pool';

export interface PersonaRow {
  id: string;
  name: string;
  situation: string;
  needs: string;
  quote: string | null;
  isDemo: boolean;
  updatedAt: Date;
}

export interface FigureRef {
  questionnaireId: string;
  questionId: string;
  answer: string;
}

const PERSONA_SELECT = `SELECT id, name, situation, needs, quote, is_demo AS "isDemo", updated_at AS "updatedAt" FROM diagnostic_personas`;

export async function listPersonas(q: Queryable): Promise<Array<PersonaRow & { figures: number; verbatims: number }>> {
  const { rows } = await q.query(
    `SELECT p.id, p.name, p.situation, p.needs, p.quote, p.is_demo AS "isDemo", p.updated_at AS "updatedAt",
            (SELECT count(*)::int FROM diagnostic_persona_figures f WHERE f.persona_id = p.id) AS figures,
            (SELECT count(*)::int FROM diagnostic_persona_verbatims v WHERE v.persona_id = p.id) AS verbatims
       FROM diagnostic_personas p ORDER BY p.name, p.id LIMIT 200`,
  );
  return rows;
}

export async function getPersona(q: Queryable, id: string, lock = false): Promise<PersonaRow | null> {
  const { rows } = await q.query(`${PERSONA_SELECT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function figuresOf(q: Queryable, personaId: string): Promise<FigureRef[]> {
  const { rows } = await q.query(
    `SELECT questionnaire_id AS "questionnaireId", question_id AS "questionId", answer FROM diagnostic_persona_figures WHERE persona_id = $1 ORDER BY position`,
    [personaId],
  );
  return rows;
}

export async function verbatimIdsOf(q: Queryable, personaId: string): Promise<string[]> {
  const { rows } = await q.query(`SELECT verbatim_id AS id FROM diagnostic_persona_verbatims WHERE persona_id = $1`, [personaId]);
  return rows.map((r: { id: string }) => r.id);
}

export async function insertPersona(
  q: Queryable,
  v: { name: string; situation: string; needs: string; quote: string | null; by: string | null; now: Date; isDemo?: boolean },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_personas (name, situation, needs, quote, created_by, created_at, updated_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`,
    [v.name, v.situation, v.needs, v.quote, v.by, v.now, v.isDemo ?? false],
  );
  return rows[0].id as string;
}

export async function updatePersona(
  q: Queryable,
  id: string,
  v: { name: string; situation: string; needs: string; quote: string | null; now: Date },
): Promise<void> {
  await q.query(`UPDATE diagnostic_personas SET name = $2, situation = $3, needs = $4, quote = $5, updated_at = $6 WHERE id = $1`, [
    id,
    v.name,
    v.situation,
    v.needs,
    v.quote,
    v.now,
  ]);
}

/** Replaces what the persona rests on. */
export async function setBasis(q: Queryable, personaId: string, figures: FigureRef[], verbatimIds: string[]): Promise<void> {
  await q.query(`DELETE FROM diagnostic_persona_figures WHERE persona_id = $1`, [personaId]);
  await q.query(`DELETE FROM diagnostic_persona_verbatims WHERE persona_id = $1`, [personaId]);
  for (const [i, f] of figures.entries()) {
    await q.query(`INSERT INTO diagnostic_persona_figures (persona_id, position, questionnaire_id, question_id, answer) VALUES ($1, $2, $3, $4, $5)`, [
      personaId,
      i,
      f.questionnaireId,
      f.questionId,
      f.answer,
    ]);
  }
  if (verbatimIds.length) {
    await q.query(`INSERT INTO diagnostic_persona_verbatims (persona_id, verbatim_id) SELECT $1, unnest($2::uuid[])`, [personaId, verbatimIds]);
  }
}

export async function deletePersona(q: Queryable, id: string): Promise<void> {
  await q.query(`DELETE FROM diagnostic_personas WHERE id = $1`, [id]);
}

/** The demo questionnaire (the Amiens reference survey), for the demo personas' figures. */
export async function demoQuestionnaireId(q: Queryable): Promise<string | null> {
  const { rows } = await q.query(`SELECT id FROM diagnostic_questionnaires WHERE is_demo ORDER BY created_at, id LIMIT 1`);
  return rows[0]?.id ?? null;
}
