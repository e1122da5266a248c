/**
 * Results of a questionnaire for the coordinator: the analysis (filters, cross-tab),
 * the exported report (HTML, Markdown, PDF), the answers as CSV, and the import of
 * answers collected elsewhere (all or nothing).
 */
import type { Ctx } from '../../platform/context';
import { audit } from '../../platform/audit';
import { inSnapshot } from '../../platform/db/cursor';
import { onConstraint, tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { describeCellError, describeFilters } from './analyse-survey';
import { analyse, type Analysis, type GroupAnalysis } from './analysis';
import * as store from './diagnostic.store';
import { refreshPlanIndicators } from './plan-refresh';
import { reportQuotes } from './listening-analysis.service';
import type { Condition, Questionnaire } from './questionnaire';
import { renderReport } from './report';
import { htmlToPdf, pdfAvailable } from './report-pdf';
import { tableFromAnswerBatches, tableFromAnswers, type ResponseTable } from './response-table';
import { submittedRows, type SubmittedRow } from './responses-copy';
import {
  readResponsesCsvSteps,
  responsesCsvHeader,
  responsesCsvRows,
  SplitInsideQuotes,
  type CellError,
  type ReadStep,
  type ResponsesCsvResult,
} from './responses-csv';
import { BUILDERS, loadQuestionnaire } from './questionnaires.service';

export interface ResultsQuery {
  by?: string;
  filters?: Condition[];
  from?: Date;
  to?: Date;
}

/** Every bad cell is reported; past this many the answer says how many more there are. */
const MAX_REPORTED_CELLS = 2000;

/**
 * Tables recently read, so that changing a filter or the cross-tab on the results page
 * does not read 100,000 answers again. An entry is used only while the answers it was
 * built from are unchanged (same count, same last change, same version).
 */
const tableCache = new Map<string, { fingerprint: string; table: ResponseTable }>();
const TABLE_CACHE_SIZE = 4;

/** The answers of a questionnaire as a table, read against the version people answer. */
export async function loadResponseTable(q: Queryable, id: string, period: { from?: Date; to?: Date } = {}) {
  const row = await loadQuestionnaire(q, id);
  const definition = (row.published ?? row.draft)!;
  const fp = await store.answersFingerprint(q, id, period);
  const key = `${id}|${period.from?.toISOString() ?? ''}|${period.to?.toISOString() ?? ''}`;
  const fingerprint = `${row.publishedVersion}|${row.draftVersion}|${fp}`;
  const cached = tableCache.get(key);
  if (cached && cached.fingerprint === fingerprint) return { row, definition, table: cached.table };
  // Answers given to an earlier version count for the questions that still fit. Read a batch
  // at a time: only the compact table is kept, not 100,000 answer objects.
  const table = await tableFromAnswerBatches(definition, respondents(store.submittedAnswerBatches(q, id, period)));
  tableCache.delete(key);
  tableCache.set(key, { fingerprint, table });
  while (tableCache.size > TABLE_CACHE_SIZE) tableCache.delete(tableCache.keys().next().value!);
  return { row, definition, table };
}

export async function getResults(
  ctx: Ctx,
  id: string,
  query: ResultsQuery,
): Promise<{ questionnaire: { id: string; title: string; source: string | null; definition: Questionnaire }; analysis: Analysis; trialAnswers: number }> {
  requireRole(ctx, ...BUILDERS);
  const { row, definition, table } = await loadResponseTable(ctx.db, id, query);
  const analysis = analyse(table, { by: query.by, filters: query.filters });
  const trialAnswers = await store.trialAnswersCount(ctx.db, id);
  return { questionnaire: { id: row.id, title: row.title, source: row.source, definition }, analysis: withFewerTexts(analysis), trialAnswers };
}

/** Free-text answers shown on the results page, per question and group (all are in the CSV export). */
export const MAX_TEXT_ANSWERS = 100;

function withFewerTexts(a: Analysis): Analysis {
  const trim = (g: GroupAnalysis): GroupAnalysis => ({
    ...g,
    questions: Object.fromEntries(
      Object.entries(g.questions).map(([k, q]) => [
        k,
        q.answers && q.answers.length > MAX_TEXT_ANSWERS ? { ...q, answers: q.answers.slice(0, MAX_TEXT_ANSWERS) } : q,
      ]),
    ),
  });
  return {
    ...trim(a),
    ...(a.by_question ? { by_question: a.by_question } : {}),
    ...(a.by ? { by: Object.fromEntries(Object.entries(a.by).map(([k, g]) => [k, trim(g)])) } : {}),
  };
}

export function capabilities() {
  return { pdf: pdfAvailable() };
}

export async function getReport(
  ctx: Ctx,
  id: string,
  query: ResultsQuery & { format: 'html' | 'md' | 'pdf' },
  /** Aborted when the client leaves: the PDF render stops. */
  signal?: AbortSignal,
): Promise<{ contentType: string; fileName: string; body: string | Buffer }> {
  requireRole(ctx, ...BUILDERS);
  if (query.format === 'pdf' && !pdfAvailable()) throw new AppError('diagnostic/pdf-unavailable');
  const { definition, table, row } = await loadResponseTable(ctx.db, id, query);
  const analysis = analyse(table, { by: query.by, filters: query.filters });
  const filtersLabel = query.filters?.length ? describeFilters(query.filters) : undefined;
  // Chosen verbatims, read at each render (never cached): a withdrawn consent is gone from the next report.
  const quotes = await reportQuotes(ctx, ctx.db, definition);
  const opts = { generatedAt: ctx.now(), filtersLabel, color: ctx.town.theme.primary, quotes };
  const withSource: Questionnaire = row.source
    ? { ...definition, description: [definition.description, `Source : ${row.source}.`].filter(Boolean).join(' ') }
    : definition;
  const base = `diagnostic-${slug(row.title)}`;
  if (query.format === 'md')
    return { contentType: 'text/markdown; charset=utf-8', fileName: `${base}.md`, body: renderReport(withSource, analysis, 'md', opts) };
  const html = renderReport(withSource, analysis, 'html', opts);
  if (query.format === 'html') return { contentType: 'text/html; charset=utf-8', fileName: `${base}.html`, body: html };
  return { contentType: 'application/pdf', fileName: `${base}.pdf`, body: await htmlToPdf(html, signal) };
}

function slug(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'questionnaire'
  );
}

/** Respondents as the table names them: the id they came with, else ours. */
async function* respondents(batches: AsyncIterable<store.SubmittedAnswer[]>) {
  for await (const batch of batches) yield batch.map((r) => ({ id: r.externalId ?? r.id, answers: r.answers }));
}

/**
 * The answers as CSV, streamed: the header, then the lines of each batch read through a
 * cursor in one read-only snapshot (the same text as the whole table written at once,
 * without ever holding it). Access and the questionnaire's existence are checked before the
 * first byte; a client that leaves ends the snapshot.
 */
export async function exportResponsesCsv(ctx: Ctx, id: string): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  requireRole(ctx, ...BUILDERS);
  const { title } = await loadQuestionnaire(ctx.db, id);
  const chunks = inSnapshot(ctx.db, async function* (t) {
    const row = await loadQuestionnaire(t, id);
    const definition = (row.published ?? row.draft)!;
    yield responsesCsvHeader(definition);
    let written = 0;
    for await (const batch of respondents(store.submittedAnswerBatches(t, id, {}, { inTransaction: true }))) {
      const { table } = tableFromAnswers(definition, batch, { lenient: true });
      yield responsesCsvRows(table, ',', written);
      written += table.size;
    }
  });
  return { fileName: `reponses-${slug(title)}.csv`, chunks };
}

function refuse(errors: CellError[]): never {
  const shown = errors.slice(0, MAX_REPORTED_CELLS);
  const fields = shown.map((e) => ({ path: `rows.${e.row}.${e.column ?? '_'}`, message: describeCellError(e) }));
  if (errors.length > shown.length) fields.push({ path: 'rows', message: `… et ${errors.length - shown.length} autres erreurs.` });
  throw new AppError('diagnostic/invalid-responses', { fields });
}

/**
 * Imports answers collected elsewhere (same columns as the Amiens responses.csv). Every
 * bad cell is reported by row and column, and then nothing is imported; otherwise every
 * row is, in one transaction.
 */
export async function importResponsesCsv(
  ctx: Ctx,
  id: string,
  input: { csv: string; fileName?: string | null },
): Promise<{ imported: number; warnings: string[] }> {
  const user = requireRole(ctx, ...BUILDERS);
  return importResponses(ctx, id, input, { by: user.id });
}

/**
 * The import itself: for a coordinator over HTTP (importResponsesCsv, roles checked there) or
 * for the town's IT on the command line (`relais diagnostic import`, as the system, `by` null).
 * The file is read a piece at a time while the rows already read are written (COPY): reading
 * and writing run side by side, on two cores. Every cell is still checked before the
 * transaction commits: the first problem stops the writing, the reading goes on to the end to
 * report every problem, and nothing is kept. An id imported before is found by the unique
 * constraint (no lookup of 100,000 ids first), then reported by row after the rollback.
 * `onProgress(done, total)` is told as the rows are written (every 10,000 and at the end;
 * until the end, `total` is the file's lines after the header).
 */
export async function importResponses(
  ctx: Ctx,
  id: string,
  input: { csv: string; fileName?: string | null },
  opts: { by: string | null; onProgress?: (done: number, total: number) => void },
  pieceSize = 1 << 20,
): Promise<{ imported: number; warnings: string[] }> {
  let read: ResponsesCsvResult | null = null;
  try {
    return await tx(ctx.db, async (t) => {
      const row = await loadQuestionnaire(t, id, true);
      if (!row.publishedVersion || !row.published) throw new AppError('diagnostic/not-published');
      const definition = row.published;
      const now = ctx.now();
      const importId = await store.insertImport(t, {
        questionnaireId: id,
        version: row.publishedVersion,
        fileName: input.fileName ?? null,
        rows: 0,
        by: opts.by,
        now,
      });
      const steps = readResponsesCsvSteps(definition, input.csv, {}, pieceSize);
      let misread = false;
      /** Reads what is left of the file; the rows accepted since `written` unless a problem was found. */
      function* readOn(written: number): Generator<SubmittedRow> {
        for (;;) {
          let step: IteratorResult<ReadStep, ResponsesCsvResult>;
          try {
            step = steps.next();
          } catch (err) {
            // Ends the COPY cleanly; the transaction is then rolled back and the file read whole.
            if (!(err instanceof SplitInsideQuotes)) throw err;
            misread = true;
            return;
          }
          if (step.done) {
            read = step.value;
            if (!read.errors.length) yield* submittedRows(ctx.town, definition, read.table, written);
            return;
          }
          // A problem: the file is refused; read on to report every problem, write no more.
          if (step.value.problems) continue;
          yield* submittedRows(ctx.town, definition, step.value.table, written);
          written = step.value.table.size;
        }
      }
      const rows = readOn(0);
      let estimated: number | null = null; // the file's lines, counted once (a scan of the whole text)
      await store
        .insertSubmitted(
          t,
          { questionnaireId: id, version: row.publishedVersion, channel: 'import', importId, now },
          withProgress(rows, () => read?.table.size ?? (estimated ??= estimatedRows(input.csv)), opts.onProgress),
        )
        .catch((err) => {
          // Read to the end: a problem in the file is reported before ids imported before.
          // (A reading that already ended, or failed, gives no more steps: stop there.)
          for (let more = !read && !misread; more;) {
            try {
              const step = steps.next();
              if (step.done) read = step.value ?? null;
              more = !step.done;
            } catch (readErr) {
              misread = readErr instanceof SplitInsideQuotes;
              more = false;
            }
          }
          if (misread) throw new SplitInsideQuotes();
          onConstraint(err, { diagnostic_responses_external_uq: new AppError('diagnostic/duplicate-import') });
        });
      if (misread) throw new SplitInsideQuotes();
      const { table, errors, warnings } = read!;
      if (errors.length) refuse(errors);
      if (table.size === 0) refuse([{ row: 2, line: 2, column: null, column_letter: null, value: null, message: 'Le fichier ne contient aucune réponse.' }]);
      await store.setImportRows(t, importId, table.size);
      await refreshPlanIndicators(ctx, t, id);
      await audit(t, ctx, 'diagnostic/responses-imported', { subjectType: 'questionnaire', subjectId: id, details: { importId, rows: table.size } });
      return { imported: table.size, warnings };
    });
  } catch (err) {
    if (err instanceof SplitInsideQuotes) return importResponses(ctx, id, input, opts, Infinity);
    const done = read as ResponsesCsvResult | null;
    if (err instanceof AppError && err.code === 'diagnostic/duplicate-import' && done) {
      if (done.errors.length) refuse(done.errors);
      await refuseTakenIds(ctx.db, id, done.table.ids);
    }
    throw err;
  }
}

/** Refuses the rows whose id was imported before for this questionnaire, if any. */
async function refuseTakenIds(q: Queryable, id: string, ids: (string | null)[]): Promise<void> {
  const taken = new Set(
    await store.existingExternalIds(
      q,
      id,
      ids.filter((x): x is string => x !== null),
    ),
  );
  if (!taken.size) return;
  refuse(
    ids
      .map((x, i) => ({ x, i }))
      .filter(({ x }) => x !== null && taken.has(x))
      .map(({ x, i }) => ({
        row: i + 2,
        line: i + 2,
        column: 'id',
        column_letter: 'A',
        value: x,
        message: `Identifiant « ${x} » déjà importé pour ce questionnaire.`,
      })),
  );
}

/** The lines after the header: the rows of a file without blank lines or line breaks in cells. */
function estimatedRows(csv: string): number {
  let n = 0;
  for (let i = csv.indexOf('\n'); i !== -1 && i < csv.length - 1; i = csv.indexOf('\n', i + 1)) n++;
  return Math.max(1, n);
}

function* withProgress<T>(rows: Iterable<T>, total: () => number, onProgress?: (done: number, total: number) => void): Generator<T> {
  let done = 0;
  for (const r of rows) {
    yield r;
    if (onProgress && ++done % 10_000 === 0) onProgress(done, total());
  }
  if (onProgress && done % 10_000 !== 0) onProgress(done, total());
}

/** The rows to store for a table of answers, with the town neighbourhood of each respondent. */
export function rowsOf(ctx: Pick<Ctx, 'town'>, definition: Questionnaire, table: ResponseTable): Iterable<SubmittedRow> {
  return submittedRows(ctx.town, definition, table);
}
