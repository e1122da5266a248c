/**
 * The answers' CSV streams from a cursor, batch by batch, and gives the very text the whole
 * table written at once gave; results and report read the answers a batch at a time too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { parseQuestionnaire } from './questionnaire';
import { tableFromAnswers } from './response-table';
import { responsesToCsv } from './responses-csv';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00', jobs: 'none' });
});
afterAll(() => env.close());

const survey = {
  title: 'Garde des enfants',
  questions: [
    { id: 'garde', type: 'single', label: 'Avez-vous une solution de garde ?', options: ['Oui', 'Non'], required: true },
    { id: 'freins', type: 'multi', label: 'Freins', options: ['Coût', 'Horaires', 'Places'] },
    { id: 'enfants', type: 'number', label: 'Enfants', min: 0, max: 12, integer: true },
    { id: 'avis', type: 'text', label: 'Une idée ?' },
  ],
};
const ROWS = 4_500; // more than two batches of the cursor

it('streams the answers as CSV, batch by batch, with the same text as the whole table written at once', async () => {
  const coord = await env.as('coordinator');
  const created = await coord.post('/api/diagnostic/questionnaires', { definition: survey, access: 'links' });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  expect((await coord.post(`/api/diagnostic/questionnaires/${id}/publish`)).statusCode).toBe(200);
  const lines = ['id,garde,freins,enfants,avis'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `P${i},${i % 3 ? 'Oui' : 'Non'},${['Coût', 'Coût|Places', ''][i % 3]},${i % 5},${i % 7 ? '' : `"idée n° ${i}, avec ""guillemets""\nsur deux lignes"`}`,
    );
  }
  const imported = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, { csv: lines.join('\n') + '\n' });
  expect(imported.statusCode, imported.body).toBe(200);

  const csv = await coord.get(`/api/diagnostic/questionnaires/${id}/responses.csv`);
  expect(csv.statusCode).toBe(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  expect(csv.headers['content-disposition']).toContain('reponses-garde-des-enfants.csv');
  // What the export wrote before it streamed: every answer read at once, one table, one text.
  const { rows } = await env.rt.deps.db.query(
    `SELECT coalesce(external_id, id::text) AS id, answers FROM diagnostic_responses WHERE questionnaire_id = $1
      ORDER BY submitted_at, external_id NULLS LAST, id`,
    [id],
  );
  expect(rows).toHaveLength(ROWS);
  const whole = responsesToCsv(tableFromAnswers(parseQuestionnaire(survey), rows, { lenient: true }).table);
  expect(csv.body).toBe(`\uFEFF${whole}`);
  expect(csv.body).toContain('\r\nP1,Oui,Coût|Places,1,\r\n');
  expect(csv.body).toContain('""guillemets""');

  // Results read by batches too: every respondent counted.
  const results = (await coord.get(`/api/diagnostic/questionnaires/${id}/results?by=garde`)).json();
  expect(results.analysis.n_respondents).toBe(ROWS);
  expect(results.analysis.by.Non.n_respondents).toBe(ROWS / 3);
  const md = await coord.get(`/api/diagnostic/questionnaires/${id}/report?format=md`);
  expect(md.statusCode).toBe(200);
  expect(md.body).toContain('# Garde des enfants');
});

it('refuses the CSV before its first byte: to an agent, and for a questionnaire that does not exist', async () => {
  const agent = await env.as('agent');
  const coord = await env.as('coordinator');
  const { rows } = await env.rt.deps.db.query(`SELECT id FROM diagnostic_questionnaires LIMIT 1`);
  const refused = await agent.get(`/api/diagnostic/questionnaires/${rows[0].id}/responses.csv`);
  expect(refused.statusCode).toBe(403);
  expect(refused.body).not.toContain('garde');
  const missing = await coord.get(`/api/diagnostic/questionnaires/00000000-0000-4000-8000-000000000000/responses.csv`);
  expect(missing.statusCode).toBe(404);
  expect(missing.json().error.code).toBe('diagnostic/not-found');
});
