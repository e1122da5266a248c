/**
 * Migrations 0405 and 0406: an imported answer refers to its import by (id, questionnaire,
 * version) and the import to the version, checked once per statement for all the rows it
 * wrote (0406's triggers, under the foreign key's name) — with the same guarantees: no
 * answer names a version that does not exist, nor another version than its import's, nor an
 * import that does not exist, even one deleted meanwhile by another transaction; deleting
 * an import or a version deletes their answers.
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

const INSERT_IMPORTED = `INSERT INTO diagnostic_responses (questionnaire_id, version, status, channel, import_id, external_id, started_at, updated_at, submitted_at)
  VALUES ($1, 1, 'submitted', 'import', $2, $3, now(), now(), now())`;

it('refuses answers written with an import that does not exist, the whole statement (INSERT or COPY)', async () => {
  const { id, importId } = await importedQuestionnaire();
  const answers = `SELECT count(*)::int AS n FROM diagnostic_responses WHERE questionnaire_id = $1`;
  await expect(
    db().query(
      `INSERT INTO diagnostic_responses (questionnaire_id, version, status, channel, import_id, external_id, started_at, updated_at, submitted_at)
       VALUES ($1, 1, 'submitted', 'import', $2, 'B1', now(), now(), now()), ($1, 1, 'submitted', 'import', gen_random_uuid(), 'B2', now(), now(), now())`,
      [id, importId],
    ),
  ).rejects.toMatchObject({ code: '23503', constraint: 'diagnostic_responses_import_fk' });
  // An import of another questionnaire does not do either.
  const other = await importedQuestionnaire();
  await expect(db().query(INSERT_IMPORTED, [id, other.importId, 'B3'])).rejects.toMatchObject({ code: '23503', constraint: 'diagnostic_responses_import_fk' });
  expect(await count(answers, [id])).toBe(3);
  // The import of the file itself goes through COPY: a row naming another import stops it whole.
  const client = await env.rt.deps.db.connect();
  try {
    const { from } = await import('pg-copy-streams');
    const { pipeline } = await import('node:stream/promises');
    const { Readable } = await import('node:stream');
    const copy = client.query(
      from(`COPY diagnostic_responses (questionnaire_id, version, status, channel, import_id, external_id, started_at, updated_at, submitted_at) FROM STDIN`),
    );
    const now = new Date().toISOString();
    const lines = [importId, importId, other.importId].map((imp, i) => `${id}\t1\tsubmitted\timport\t${imp}\tC${i}\t${now}\t${now}\t${now}\n`);
    await expect(pipeline(Readable.from(lines), copy)).rejects.toMatchObject({ code: '23503', constraint: 'diagnostic_responses_import_fk' });
  } finally {
    client.release();
  }
  expect(await count(answers, [id])).toBe(3);
  // An import's keys never change.
  await expect(db().query(`UPDATE diagnostic_imports SET questionnaire_id = $2 WHERE id = $1`, [importId, other.id])).rejects.toMatchObject({ code: '23503' });
});

it("empties the imports' answers with the imports, and keeps the answers collected here", async () => {
  const { id } = await importedQuestionnaire();
  await db().query(
    `INSERT INTO diagnostic_responses (questionnaire_id, version, status, channel, started_at, updated_at, submitted_at)
     VALUES ($1, 1, 'submitted', 'kiosk', now(), now(), now())`,
    [id],
  );
  await db().query(`TRUNCATE diagnostic_imports`);
  expect(await count(`SELECT count(*)::int AS n FROM diagnostic_responses WHERE import_id IS NOT NULL`, [])).toBe(0);
  expect(await count(`SELECT count(*)::int AS n FROM diagnostic_responses WHERE questionnaire_id = $1`, [id])).toBe(1);
});

/** Runs `sql` in a transaction of its own connection, left open: commit or roll back with what it returns. */
async function open(sql: string, params: unknown[]) {
  const client = await env.rt.deps.db.connect();
  await client.query('BEGIN');
  const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
  const done = client.query(sql, params).then(
    () => null,
    (err: unknown) => err,
  );
  return {
    pid,
    done,
    end: async (how: 'COMMIT' | 'ROLLBACK') => {
      await client.query(how).catch(() => undefined);
      client.release();
    },
  };
}
const waitsForLock = (pid: number) =>
  expect
    .poll(async () => (await db().query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0]?.wait_event_type, { timeout: 30_000 })
    .toBe('Lock');

it('refuses answers whose import another transaction deletes meanwhile, and deletes answers written while it waited', async () => {
  // The import is deleted first: the answers wait for that transaction, then find it gone.
  const a = await importedQuestionnaire();
  const deleting = await open(`DELETE FROM diagnostic_imports WHERE id = $1`, [a.importId]);
  expect(await deleting.done).toBeNull();
  const writing = await open(INSERT_IMPORTED, [a.id, a.importId, 'D1']);
  await waitsForLock(writing.pid);
  await deleting.end('COMMIT');
  expect(await writing.done).toMatchObject({ code: '23503', constraint: 'diagnostic_responses_import_fk' });
  await writing.end('ROLLBACK');

  // The answers are written first: the deletion waits for them, then deletes them with the import.
  const b = await importedQuestionnaire();
  const written = await open(INSERT_IMPORTED, [b.id, b.importId, 'D2']);
  expect(await written.done).toBeNull();
  const deletion = await open(`DELETE FROM diagnostic_imports WHERE id = $1`, [b.importId]);
  await waitsForLock(deletion.pid);
  await written.end('COMMIT');
  expect(await deletion.done).toBeNull();
  await deletion.end('COMMIT');
  expect(await count(`SELECT count(*)::int AS n FROM diagnostic_responses WHERE questionnaire_id = $1`, [b.id])).toBe(0);
});
