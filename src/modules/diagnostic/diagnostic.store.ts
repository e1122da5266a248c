/** SQL of the diagnostic tables only. */
import { BinaryRows, copyBinary, orderedIds } from '../../platform/db/copy';
import { cursorBatches, readBatches } from '../../platform/db/cursor';
import type { Queryable, Tx } from '../../platform/db/pool';
import type { Answers, Questionnaire } from './questionnaire';
import type { SubmittedRow } from './responses-copy';

export type Access = 'links' | 'open';
export type Channel = 'link' | 'open' | 'kiosk' | 'import' | 'demo';

export interface QuestionnaireRow {
  id: string;
  title: string;
  access: Access;
  publishedVersion: number | null;
  draftVersion: number | null;
  closedAt: Date | null;
  source: string | null;
  createdAt: Date;
  updatedAt: Date;
  isDemo: boolean;
  published: Questionnaire | null;
  draft: Questionnaire | null;
}

const QUESTIONNAIRE_SELECT = `
  SELECT q.id, q.title, q.access, q.published_version, q.draft_version, q.closed_at, q.source,
         q.created_at, q.updated_at, q.is_demo,
         pv.definition AS published, dv.definition AS draft
    FROM diagnostic_questionnaires q
    LEFT JOIN diagnostic_questionnaire_versions pv ON pv.questionnaire_id = q.id AND pv.version = q.published_version
    LEFT JOIN diagnostic_questionnaire_versions dv ON dv.questionnaire_id = q.id AND dv.version = q.draft_version`;

function toQuestionnaire(r: Record<string, unknown>): QuestionnaireRow {
  return {
    id: r.id as string,
    title: r.title as string,
    access: r.access as Access,
    publishedVersion: (r.published_version as number | null) ?? null,
    draftVersion: (r.draft_version as number | null) ?? null,
    closedAt: (r.closed_at as Date | null) ?? null,
    source: (r.source as string | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    isDemo: r.is_demo as boolean,
    published: (r.published as Questionnaire | null) ?? null,
    draft: (r.draft as Questionnaire | null) ?? null,
  };
}

export async function insertQuestionnaire(
  q: Queryable,
  v: {
    title: string;
    access: Access;
    definition: Questionnaire;
    publish: boolean;
    source?: string | null;
    createdBy: string | null;
    now: Date;
    isDemo?: boolean;
  },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_questionnaires (title, access, published_version, draft_version, source, created_by, created_at, updated_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id`,
    [v.title, v.access, v.publish ? 1 : null, v.publish ? null : 1, v.source ?? null, v.createdBy, v.now, v.isDemo ?? false],
  );
  const id = rows[0].id as string;
  await q.query(`INSERT INTO diagnostic_questionnaire_versions (questionnaire_id, version, definition, created_at, published_at) VALUES ($1, 1, $2, $3, $4)`, [
    id,
    JSON.stringify(v.definition),
    v.now,
    v.publish ? v.now : null,
  ]);
  return id;
}

export async function getQuestionnaire(q: Queryable, id: string, lock = false): Promise<QuestionnaireRow | null> {
  if (lock) await q.query(`SELECT 1 FROM diagnostic_questionnaires WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await q.query(`${QUESTIONNAIRE_SELECT} WHERE q.id = $1`, [id]);
  return rows[0] ? toQuestionnaire(rows[0]) : null;
}

export interface QuestionnaireSummary {
  id: string;
  title: string;
  access: Access;
  status: 'draft' | 'published' | 'closed';
  publishedVersion: number | null;
  draftVersion: number | null;
  responses: number;
  drafts: number;
  updatedAt: Date;
  isDemo: boolean;
  source: string | null;
}

export async function listQuestionnaires(q: Queryable): Promise<QuestionnaireSummary[]> {
  const { rows } = await q.query(
    `SELECT q.id, q.title, q.access, q.published_version, q.draft_version, q.closed_at, q.updated_at, q.is_demo, q.source,
            count(r.id) FILTER (WHERE r.status = 'submitted') AS responses,
            count(r.id) FILTER (WHERE r.status = 'draft') AS drafts
       FROM diagnostic_questionnaires q
       LEFT JOIN diagnostic_responses r ON r.questionnaire_id = q.id
      GROUP BY q.id
      ORDER BY q.updated_at DESC, q.title`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    access: r.access,
    status: r.closed_at ? 'closed' : r.published_version ? 'published' : 'draft',
    publishedVersion: r.published_version,
    draftVersion: r.draft_version,
    responses: r.responses,
    drafts: r.drafts,
    updatedAt: r.updated_at,
    isDemo: r.is_demo,
    source: r.source,
  }));
}

export async function saveVersion(q: Queryable, id: string, version: number, definition: Questionnaire, now: Date): Promise<void> {
  await q.query(
    `INSERT INTO diagnostic_questionnaire_versions (questionnaire_id, version, definition, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (questionnaire_id, version) DO UPDATE SET definition = EXCLUDED.definition
     WHERE diagnostic_questionnaire_versions.published_at IS NULL`,
    [id, version, JSON.stringify(definition), now],
  );
  await q.query(`UPDATE diagnostic_questionnaires SET title = $2, draft_version = $3, updated_at = $4 WHERE id = $1`, [id, definition.title, version, now]);
}

export async function setAccess(q: Queryable, id: string, access: Access, now: Date): Promise<void> {
  await q.query(`UPDATE diagnostic_questionnaires SET access = $2, updated_at = $3 WHERE id = $1`, [id, access, now]);
}

export async function publishDraft(q: Queryable, id: string, version: number, now: Date): Promise<void> {
  await q.query(`UPDATE diagnostic_questionnaire_versions SET published_at = $3 WHERE questionnaire_id = $1 AND version = $2`, [id, version, now]);
  await q.query(`UPDATE diagnostic_questionnaires SET published_version = $2, draft_version = NULL, closed_at = NULL, updated_at = $3 WHERE id = $1`, [
    id,
    version,
    now,
  ]);
}

export async function setClosed(q: Queryable, id: string, closedAt: Date | null, now: Date): Promise<void> {
  await q.query(`UPDATE diagnostic_questionnaires SET closed_at = $2, updated_at = $3 WHERE id = $1`, [id, closedAt, now]);
}

export async function versionDefinition(q: Queryable, id: string, version: number): Promise<Questionnaire | null> {
  const { rows } = await q.query(`SELECT definition FROM diagnostic_questionnaire_versions WHERE questionnaire_id = $1 AND version = $2`, [id, version]);
  return rows[0]?.definition ?? null;
}

// ---------------------------------------------------------------- links

export async function insertLinks(
  q: Queryable,
  questionnaireId: string,
  hashes: string[],
  label: string | null,
  by: string | null,
  now: Date,
): Promise<string[]> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_links (questionnaire_id, token_hash, label, created_by, created_at)
     SELECT $1, h, $3, $4, $5 FROM unnest($2::text[]) AS h RETURNING id`,
    [questionnaireId, hashes, label, by, now],
  );
  return rows.map((r) => r.id);
}

export interface LinkRow {
  id: string;
  questionnaireId: string;
  label: string | null;
  createdAt: Date;
  usedAt: Date | null;
}

export async function listLinks(q: Queryable, questionnaireId: string): Promise<LinkRow[]> {
  const { rows } = await q.query(
    `SELECT id, questionnaire_id, label, created_at, used_at FROM diagnostic_links WHERE questionnaire_id = $1 ORDER BY created_at DESC, id`,
    [questionnaireId],
  );
  return rows.map((r) => ({ id: r.id, questionnaireId: r.questionnaire_id, label: r.label, createdAt: r.created_at, usedAt: r.used_at }));
}

export async function lockLinkByHash(q: Queryable, hash: string): Promise<LinkRow | null> {
  const { rows } = await q.query(`SELECT id, questionnaire_id, label, created_at, used_at FROM diagnostic_links WHERE token_hash = $1 FOR UPDATE`, [hash]);
  const r = rows[0];
  return r ? { id: r.id, questionnaireId: r.questionnaire_id, label: r.label, createdAt: r.created_at, usedAt: r.used_at } : null;
}

/** Marks a link used; false when it already was (the single use is held by the row, not by JavaScript). */
export async function useLink(q: Queryable, linkId: string, now: Date): Promise<boolean> {
  const { rowCount } = await q.query(`UPDATE diagnostic_links SET used_at = $2 WHERE id = $1 AND used_at IS NULL`, [linkId, now]);
  return rowCount === 1;
}

// ---------------------------------------------------------------- responses

export interface ResponseRow {
  id: string;
  questionnaireId: string;
  version: number;
  status: 'draft' | 'submitted';
  channel: Channel;
  answers: Answers;
  linkId: string | null;
}

const RESPONSE_COLUMNS = `id, questionnaire_id, version, status, channel, answers, link_id`;
function toResponse(r: Record<string, unknown>): ResponseRow {
  return {
    id: r.id as string,
    questionnaireId: r.questionnaire_id as string,
    version: r.version as number,
    status: r.status as ResponseRow['status'],
    channel: r.channel as Channel,
    answers: r.answers as Answers,
    linkId: (r.link_id as string | null) ?? null,
  };
}

export async function insertDraft(
  q: Queryable,
  v: { questionnaireId: string; version: number; channel: Channel; tokenHash: string; linkId?: string | null; collectedBy?: string | null; now: Date },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_responses (questionnaire_id, version, status, channel, resume_token_hash, link_id, collected_by, started_at, updated_at)
     VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $7) RETURNING id`,
    [v.questionnaireId, v.version, v.channel, v.tokenHash, v.linkId ?? null, v.collectedBy ?? null, v.now],
  );
  return rows[0].id;
}

export async function draftOfLink(q: Queryable, linkId: string): Promise<ResponseRow | null> {
  const { rows } = await q.query(`SELECT ${RESPONSE_COLUMNS} FROM diagnostic_responses WHERE link_id = $1 FOR UPDATE`, [linkId]);
  return rows[0] ? toResponse(rows[0]) : null;
}

export async function lockDraftByToken(q: Queryable, tokenHash: string): Promise<ResponseRow | null> {
  const { rows } = await q.query(`SELECT ${RESPONSE_COLUMNS} FROM diagnostic_responses WHERE resume_token_hash = $1 FOR UPDATE`, [tokenHash]);
  return rows[0] ? toResponse(rows[0]) : null;
}

export async function setResumeToken(q: Queryable, responseId: string, tokenHash: string, now: Date): Promise<void> {
  await q.query(`UPDATE diagnostic_responses SET resume_token_hash = $2, updated_at = $3 WHERE id = $1 AND status = 'draft'`, [responseId, tokenHash, now]);
}

export async function saveDraftAnswers(q: Queryable, responseId: string, answers: Answers, now: Date): Promise<void> {
  await q.query(`UPDATE diagnostic_responses SET answers = $2, updated_at = $3 WHERE id = $1 AND status = 'draft'`, [responseId, JSON.stringify(answers), now]);
}

export async function submitResponse(q: Queryable, responseId: string, answers: Answers, neighbourhoodId: string | null, now: Date): Promise<void> {
  await q.query(
    `UPDATE diagnostic_responses
        SET answers = $2, neighbourhood_id = $3, status = 'submitted', submitted_at = $4, updated_at = $4, resume_token_hash = NULL
      WHERE id = $1 AND status = 'draft'`,
    [responseId, JSON.stringify(answers), neighbourhoodId, now],
  );
}

export async function insertImport(
  q: Queryable,
  v: { questionnaireId: string; version: number; fileName: string | null; rows: number; by: string | null; now: Date },
): Promise<string> {
  const { rows } = await q.query(
    `INSERT INTO diagnostic_imports (questionnaire_id, version, file_name, rows_imported, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [v.questionnaireId, v.version, v.fileName, v.rows, v.by, v.now],
  );
  return rows[0].id;
}

/** The rows an import wrote, once they are all read (the import's row is written first: the answers refer to it). */
export async function setImportRows(q: Queryable, importId: string, rows: number): Promise<void> {
  await q.query(`UPDATE diagnostic_imports SET rows_imported = $2 WHERE id = $1`, [importId, rows]);
}

/**
 * Writes submitted responses through a binary COPY (an import, the demo): the fixed columns
 * encoded once, each row's answers as the JSON text responses-copy.ts builds, ids in the
 * rows' order (orderedIds: the primary key's index is appended to). On the caller's
 * transaction: a duplicate external id aborts it whole (diagnostic_responses_external_uq).
 */
/** Rows per COPY statement of an import (copyBinary's statementRows). */
export const ANSWERS_PER_STATEMENT = 10_000;

export async function insertSubmitted(
  t: Tx,
  v: { questionnaireId: string; version: number; channel: Channel; importId: string | null; now: Date; isDemo?: boolean },
  rows: Iterable<SubmittedRow>,
): Promise<void> {
  const fixed = BinaryRows.encode((w) =>
    w
      .uuid(v.questionnaireId)
      .int4(v.version)
      .text('submitted')
      .text(v.channel)
      .uuid(v.importId)
      .timestamptz(v.now)
      .timestamptz(v.now)
      .timestamptz(v.now)
      .bool(v.isDemo ?? false),
  );
  const nextId = orderedIds(v.now);
  await copyBinary(
    t,
    'diagnostic_responses',
    [
      'id',
      'questionnaire_id',
      'version',
      'status',
      'channel',
      'import_id',
      'started_at',
      'updated_at',
      'submitted_at',
      'is_demo',
      'answers',
      'external_id',
      'neighbourhood_id',
    ],
    rows,
    (w, r) => w.row(13).uuidBytes(nextId()).bytes(fixed).written(r.json.most(r.row), r.json.write, r.row).text(r.externalId).text(r.neighbourhoodId),
    // Statements of 10,000 rows: the server checks one's foreign key while the next is encoded.
    { statementRows: ANSWERS_PER_STATEMENT },
  );
}

/**
 * A questionnaire holding reference answers (the demo's 86 answers of Amiens, is_demo) is read
 * on those only: answers given since to try it (link, kiosk, import) never merge into the reference.
 */
const REFERENCE_ONLY = `(is_demo OR NOT EXISTS (SELECT 1 FROM diagnostic_responses r WHERE r.questionnaire_id = $1 AND r.is_demo))`;

/** Answers sent to try a questionnaire that holds reference answers: counted apart, never analysed with them. */
export async function trialAnswersCount(q: Queryable, questionnaireId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM diagnostic_responses
      WHERE questionnaire_id = $1 AND status = 'submitted' AND NOT is_demo
        AND EXISTS (SELECT 1 FROM diagnostic_responses r WHERE r.questionnaire_id = $1 AND r.is_demo)`,
    [questionnaireId],
  );
  return rows[0]?.n ?? 0;
}

const SUBMITTED_ANSWERS = `SELECT id, external_id, answers FROM diagnostic_responses
      WHERE questionnaire_id = $1 AND status = 'submitted' AND ${REFERENCE_ONLY}
        AND ($2::timestamptz IS NULL OR submitted_at >= $2) AND ($3::timestamptz IS NULL OR submitted_at < $3)
      ORDER BY submitted_at, external_id NULLS LAST, id`;

export type SubmittedAnswer = { id: string; externalId: string | null; answers: Answers };

/** The same answers, a batch at a time (from the pool: a cursor in a read-only snapshot; on `Tx`: that transaction's cursor). */
export async function* submittedAnswerBatches(
  q: Queryable | Tx,
  questionnaireId: string,
  period: { from?: Date; to?: Date } = {},
  opts: { inTransaction?: boolean } = {},
): AsyncGenerator<SubmittedAnswer[]> {
  const params = [questionnaireId, period.from ?? null, period.to ?? null];
  const batches = opts.inTransaction ? cursorBatches<Row>(q as Tx, SUBMITTED_ANSWERS, params, 2000) : readBatches<Row>(q, SUBMITTED_ANSWERS, params, 2000);
  for await (const rows of batches) yield rows.map((r) => ({ id: r.id, externalId: r.external_id, answers: r.answers }));
}
type Row = { id: string; external_id: string | null; answers: Answers };

/** Changes whenever the submitted answers of the questionnaire (in the period) change. */
export async function answersFingerprint(q: Queryable, questionnaireId: string, period: { from?: Date; to?: Date } = {}): Promise<string> {
  const { rows } = await q.query(
    `SELECT count(*) AS n, max(updated_at) AS last, sum(hashtext(id::text)) AS ids FROM diagnostic_responses
      WHERE questionnaire_id = $1 AND status = 'submitted' AND ${REFERENCE_ONLY}
        AND ($2::timestamptz IS NULL OR submitted_at >= $2) AND ($3::timestamptz IS NULL OR submitted_at < $3)`,
    [questionnaireId, period.from ?? null, period.to ?? null],
  );
  const r = rows[0];
  return `${r.n}|${r.last ? new Date(r.last).toISOString() : ''}|${r.ids ?? ''}`;
}

export async function existingExternalIds(q: Queryable, questionnaireId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const { rows } = await q.query(`SELECT external_id FROM diagnostic_responses WHERE questionnaire_id = $1 AND external_id = ANY($2::text[])`, [
    questionnaireId,
    ids,
  ]);
  return rows.map((r) => r.external_id);
}

/** Submitted responses per town neighbourhood in a period (the "participation" indicator). */
export async function responsesByNeighbourhood(
  q: Queryable,
  from: Date,
  to: Date,
  questionnaireId?: string,
): Promise<Array<{ neighbourhood: string | null; value: number }>> {
  const { rows } = await q.query(
    `SELECT neighbourhood_id AS neighbourhood, count(*) AS value FROM diagnostic_responses
      WHERE status = 'submitted' AND submitted_at >= $1 AND submitted_at < $2 AND ($3::uuid IS NULL OR questionnaire_id = $3)
      GROUP BY neighbourhood_id ORDER BY neighbourhood_id NULLS LAST`,
    [from, to, questionnaireId ?? null],
  );
  return rows.map((r) => ({ neighbourhood: r.neighbourhood, value: r.value }));
}

/** Answers started and never sent, last touched before `cutoff` (purge-drafts.job.ts). */
export async function deleteDraftsBefore(q: Queryable, cutoff: Date): Promise<number> {
  return (await q.query(`DELETE FROM diagnostic_responses WHERE status = 'draft' AND updated_at < $1`, [cutoff])).rowCount ?? 0;
}
