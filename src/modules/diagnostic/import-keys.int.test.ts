/**
 * Migration 0405: an imported answer refers to its import by (id, questionnaire, version)
 * and the import to the version — one key checked per imported row instead of two — with
 * the same guarantees: no answer names a version that does not exist, nor another version
 * than its import's; deleting an import or a version deletes their answers.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00', jobs: 'none' });
});
afterAll(() => env.close());

const survey = {
  title: 'Clés des réponses importées',
  questions: [{ id: 'garde', type: 'single', label: 'Avez-vous une solution de garde ?', options: ['Oui', 'Non'] }],
};

async function importedQuestionnaire(): Promise<{ id: string; importId: string }> {
  const coord = await env.as('coordinator');
  const created = await coord.post('/api/diagnostic/questionnaires', { definition: survey, access: 'links' });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  expect((await coord.post(`/api/diagnostic/questionnaires/${id}/publish`)).statusCode).toBe(200);
  const imported = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, { csv: 'id,garde\nA1,Oui\nA2,Non\nA3,\n' });
  expect(imported.statusCode, imported.body).toBe(200);
  const { rows } = await env.rt.deps.db.query(`SELECT id FROM diagnostic_imports WHERE questionnaire_id = $1`, [id]);
  return { id, importId: rows[0].id };
}

const db = () => env.rt.deps.db;
const count = async (sql: string, params: unknown[]) => (await db().query(sql, params)).rows[0].n as number;

it('refuses an imported answer whose version is not its import’s, even a version that exists', async () => {
  const { id, importId } = await importedQuestionnaire();
  await db().query(
    `INSERT INTO diagnostic_questionnaire_versions (questionnaire_id, version, definition, created_at)
     SELECT questionnaire_id, version + 1, definition, created_at FROM diagnostic_questionnaire_versions WHERE questionnaire_id = $1`,
    [id],
  );
  await expect(db().query(`UPDATE diagnostic_responses SET version = version + 1 WHERE import_id = $1`, [importId])).rejects.toMatchObject({
    code: '23503',
    constraint: 'diagnostic_responses_import_fk',
  });
  // Nor an import that does not exist.
  await expect(db().query(`UPDATE diagnostic_responses SET import_id = gen_random_uuid() WHERE import_id = $1`, [importId])).rejects.toMatchObject({
    code: '23503',
    constraint: 'diagnostic_responses_import_fk',
  });
  // Nor an import that names a version that does not exist.
  await expect(db().query(`UPDATE diagnostic_imports SET version = 99 WHERE id = $1`, [importId])).rejects.toMatchObject({ code: '23503' });
});

it('refuses an answer collected here (no import) whose version does not exist', async () => {
  const { id } = await importedQuestionnaire();
  await expect(
    db().query(
      `INSERT INTO diagnostic_responses (questionnaire_id, version, status, channel, started_at, updated_at, submitted_at)
       VALUES ($1, 99, 'submitted', 'kiosk', now(), now(), now())`,
      [id],
    ),
  ).rejects.toMatchObject({ code: '23503', constraint: 'diagnostic_responses_version_fk' });
  // Leaving its import does not free an imported answer from its version.
  await expect(
    db().query(`UPDATE diagnostic_responses SET import_id = NULL, version = 99 WHERE questionnaire_id = $1 AND external_id = 'A1'`, [id]),
  ).rejects.toMatchObject({ code: '23503', constraint: 'diagnostic_responses_version_fk' });
});

it('deletes the answers with their import, and with their version (imported or not)', async () => {
  const { id, importId } = await importedQuestionnaire();
  await db().query(
    `INSERT INTO diagnostic_responses (questionnaire_id, version, status, channel, started_at, updated_at, submitted_at)
     VALUES ($1, 1, 'submitted', 'kiosk', now(), now(), now())`,
    [id],
  );
  const answers = `SELECT count(*)::int AS n FROM diagnostic_responses WHERE questionnaire_id = $1`;
  expect(await count(answers, [id])).toBe(4);
  await db().query(`DELETE FROM diagnostic_imports WHERE id = $1`, [importId]);
  expect(await count(answers, [id])).toBe(1);

  const other = await importedQuestionnaire();
  await db().query(
    `INSERT INTO diagnostic_responses (questionnaire_id, version, status, channel, started_at, updated_at, submitted_at)
     VALUES ($1, 1, 'submitted', 'kiosk', now(), now(), now())`,
    [other.id],
  );
  expect(await count(answers, [other.id])).toBe(4);
  await db().query(`DELETE FROM diagnostic_questionnaire_versions WHERE questionnaire_id = $1`, [other.id]);
  expect(await count(answers, [other.id])).toBe(0);
  expect(await count(`SELECT count(*)::int AS n FROM diagnostic_imports WHERE questionnaire_id = $1`, [other.id])).toBe(0);
});
