/**
 * Answers collected elsewhere, as CSV: the columns of the Amiens `responses.csv`
 * (an optional `id`, then one column per question id; a multiple choice joined by `|`;
 * empty = not answered). Every bad cell is reported by row and column. Pure: no I/O.
 */
import {
  columnLetter,
  CSV_UNTERMINATED_QUOTE,
  detectSeparator,
  scanCsv,
  toCsv,
  type CsvCell,
  type CsvReadOptions,
  type CsvSeparator,
} from '../../platform/csv';
import { RESPONDENT_ID_COLUMN, MULTI_SEPARATOR, type Questionnaire } from './questionnaire';
import { ResponseTableBuilder, rowAnswers, type ResponseTable } from './response-table';

export interface CellError {
  /** Row as a spreadsheet shows it: the header is row 1, the first respondent row 2. */
  row: number;
  /** Physical line of the file where the row starts (differs when a cell holds a line break). */
  line: number;
  /** Column header (question id), or null for a problem with the whole row. */
  column: string | null;
  /** Column as a spreadsheet shows it (A, B, … AA), or null. */
  column_letter: string | null;
  /** The cell's text as read. */
  value: string | null;
  message: string;
}

export interface ResponsesCsvResult {
  table: ResponseTable;
  errors: CellError[];
  /** Things worth knowing that do not stop an import (a question without a column…). */
  warnings: string[];
  separator: CsvSeparator;
}

/** Lines in the text: an upper bound of the rows, so that the columns are sized once. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Physical lines a piece ending with a line break spans (as scanCsv counts them: LF, CRLF or a lone CR). */
function physicalLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/**
 * The text in pieces of about `size` characters, each ending with a line feed outside quotes
 * (an even number of quotes before it: "" inside a quoted cell counts twice), the last one
 * with the end of the text.
 */
function* pieces(text: string, pieceSize: number): Generator<{ text: string; lines: number; last: boolean }> {
  let start = 0;
  let scanned = 0;
  let inQuotes = false;
  // The first piece a quarter as long: the writing of the first rows starts sooner.
  let size = pieceSize === Infinity ? pieceSize : Math.max(1, Math.floor(pieceSize / 4));
  const flipUpTo = (end: number) => {
    for (let q = text.indexOf('"', scanned); q !== -1 && q < end; q = text.indexOf('"', q + 1)) inQuotes = !inQuotes;
    scanned = end;
  };
  while (start + size < text.length) {
    flipUpTo(start + size);
    let lf = text.indexOf('\n', scanned);
    while (lf !== -1) {
      flipUpTo(lf);
      if (!inQuotes) break;
      lf = text.indexOf('\n', lf + 1);
    }
    if (lf === -1 || lf === text.length - 1) break;
    const piece = text.slice(start, lf + 1);
    yield { text: piece, lines: physicalLines(piece), last: false };
    start = lf + 1;
    size = pieceSize;
  }
  yield { text: start ? text.slice(start) : text, lines: 0, last: true };
}

/**
 * Reads a responses CSV. Rows with an error are left out of `table`; an import that must
 * be all or nothing refuses the file when `errors` is not empty.
 */
export function readResponsesCsv(questionnaire: Questionnaire, text: string, options: CsvReadOptions = {}): ResponsesCsvResult {
  const steps = readResponsesCsvSteps(questionnaire, text, options, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The rows read so far (a view of the table being built: rows are final once read) and how many problems were found. */
export interface ReadStep {
  table: ResponseTable;
  problems: number;
}

/** A piece boundary fell inside a quoted cell (a stray quote misled the split): read the file whole instead. */
export class SplitInsideQuotes extends Error {}

/**
 * `readResponsesCsv` a piece of about `pieceSize` characters at a time: yields after each
 * piece, so that an import writes the rows read while the rest is read; returns the same
 * result as `readResponsesCsv`. Pieces end at a line break outside quotes (counted); a file
 * whose stray quotes mislead that count throws SplitInsideQuotes, never a different reading.
 */
export function* readResponsesCsvSteps(
  questionnaire: Questionnaire,
  text: string,
  options: CsvReadOptions = {},
  pieceSize = 1 << 20,
): Generator<ReadStep, ResponsesCsvResult> {
  const errors: CellError[] = [];
  const warnings: string[] = [];
  const questionIds = new Set(questionnaire.questions.map((q) => q.id));
  const builder = new ResponseTableBuilder(questionnaire, lineCount(text));
  let header: string[] | null = null;
  /** For each CSV column: the question id, RESPONDENT_ID_COLUMN, or null (ignored). */
  let mapping: (string | null)[] = [];
  /** For each CSV column mapped to a question: its cell setter. */
  let setters: (((raw: string) => string | null) | null)[] = [];
  let idColumn = -1;
  const seenIds = new Map<string, number>();
  let blankRows = 0;

  const onRecord = (fields: string[], line: number, record: number): void => {
    if (!header) {
      header = fields.map((f) => f.trim());
      mapping = header.map((name, i) => {
        const col = columnLetter(i + 1);
        if (name === '') {
          errors.push({ row: 1, line, column: null, column_letter: col, value: name, message: "Colonne sans nom dans l'en-tête." });
          return null;
        }
        if (header!.indexOf(name) !== i) {
          errors.push({ row: 1, line, column: name, column_letter: col, value: name, message: `La colonne « ${name} » apparaît deux fois.` });
          return null;
        }
        if (name === RESPONDENT_ID_COLUMN) {
          idColumn = i;
          return RESPONDENT_ID_COLUMN;
        }
        if (!questionIds.has(name)) {
          errors.push({
            row: 1,
            line,
            column: name,
            column_letter: col,
            value: name,
            message: `La colonne « ${name} » ne correspond à aucune question du questionnaire.`,
          });
          return null;
        }
        return name;
      });
      setters = mapping.map((qid) => (qid === null || qid === RESPONDENT_ID_COLUMN ? null : builder.cellSetter(qid)));
      const missing = questionnaire.questions.filter((q) => !header!.includes(q.id)).map((q) => q.id);
      if (missing.length) warnings.push(`Questions sans colonne dans le fichier (considérées sans réponse) : ${missing.join(', ')}.`);
      return;
    }
    if (fields.every((f) => f.trim() === '')) {
      blankRows++;
      return;
    }
    const row = record;
    const before = errors.length;
    if (fields.length !== header.length) {
      errors.push({
        row,
        line,
        column: null,
        column_letter: null,
        value: null,
        message: `Cette ligne compte ${fields.length} cellule(s) alors que l'en-tête en compte ${header.length}.`,
      });
    }
    const id = idColumn >= 0 ? (fields[idColumn] ?? '').trim() || null : null;
    if (id !== null) {
      const first = seenIds.get(id);
      if (first !== undefined) {
        errors.push({
          row,
          line,
          column: RESPONDENT_ID_COLUMN,
          column_letter: columnLetter(idColumn + 1),
          value: id,
          message: `Identifiant déjà utilisé à la ligne ${first}.`,
        });
      } else seenIds.set(id, row);
    }
    builder.beginRow(id);
    let wrong: Set<string> | undefined;
    const n = Math.min(fields.length, mapping.length);
    for (let c = 0; c < n; c++) {
      const set = setters[c];
      if (!set) continue;
      const raw = fields[c]!;
      const message = set(raw);
      if (message) {
        const qid = mapping[c]!;
        errors.push({ row, line, column: qid, column_letter: columnLetter(c + 1), value: raw, message });
        (wrong ??= new Set()).add(qid);
      }
    }
    for (const p of builder.checkRow(wrong)) {
      const c = mapping.indexOf(p.question);
      errors.push({
        row,
        line,
        column: p.question,
        column_letter: c >= 0 ? columnLetter(c + 1) : null,
        value: c >= 0 ? (fields[c] ?? null) : null,
        message: p.message,
      });
    }
    if (errors.length > before) builder.dropLastRow();
  };

  // Our own exports neutralise formulas ('=…): read back, the answer is the original text.
  const scanOptions = { restoreFormulas: true, ...options, separator: options.separator ?? detectSeparator(text) };
  let lines = 0;
  let records = 0;
  for (const piece of pieces(text, pieceSize)) {
    const scan = scanCsv(piece.text, (fields, line, record) => onRecord(fields, line + lines, record + records), scanOptions);
    for (const p of scan.problems) {
      if (p.message === CSV_UNTERMINATED_QUOTE && !piece.last) throw new SplitInsideQuotes();
      errors.push({ row: p.record + records, line: p.line + lines, column: null, column_letter: null, value: null, message: p.message });
    }
    lines += piece.lines;
    records += scan.records;
    if (!piece.last) yield { table: builder.build(), problems: errors.length };
  }
  if (!header)
    errors.push({ row: 1, line: 1, column: null, column_letter: null, value: null, message: 'Le fichier est vide : il faut au moins la ligne des en-têtes.' });
  if (blankRows) warnings.push(`${blankRows} ligne(s) vide(s) ignorée(s).`);
  errors.sort(
    (a, b) => a.row - b.row || (a.column_letter ?? '').length - (b.column_letter ?? '').length || (a.column_letter ?? '').localeCompare(b.column_letter ?? ''),
  );
  return { table: builder.build(), errors, warnings, separator: scanOptions.separator };
}

/** Writes a table back as a responses CSV (same columns as the Amiens file). */
export function responsesToCsv(table: ResponseTable, separator: CsvSeparator = ','): string {
  return responsesCsvHeader(table.questionnaire, separator) + responsesCsvRows(table, separator);
}

/** The header line of a responses CSV (then `responsesCsvRows`, a table at a time). */
export function responsesCsvHeader(questionnaire: Questionnaire, separator: CsvSeparator = ','): string {
  return toCsv([[RESPONDENT_ID_COLUMN, ...questionnaire.questions.map((q) => q.id)]], { separator });
}

/**
 * The rows of a table as responses CSV lines, without the header: tables read one after the
 * other (an export by batches) give the lines of the whole. `before`: rows written before
 * this table (a row without id is numbered after them).
 */
export function responsesCsvRows(table: ResponseTable, separator: CsvSeparator = ',', before = 0): string {
  const qs = table.questionnaire.questions;
  const rows: CsvCell[][] = [];
  for (let r = 0; r < table.size; r++) {
    const a = rowAnswers(table, r);
    rows.push([
      table.ids[r] ?? String(before + r + 1),
      ...qs.map((q) => {
        const v = a[q.id];
        if (v === undefined || v === null) return '';
        if (Array.isArray(v)) return v.join(MULTI_SEPARATOR);
        // A number stays a number (a negative one is no formula); text is neutralised by toCsv.
        return v;
      }),
    ]);
  }
  return toCsv(rows, { separator });
}
