/**
 * The one CSV reader and writer (RFC 4180) of the platform, for files made by spreadsheets
 * and other software: quoted fields with embedded separators, quotes ("") and line breaks;
 * CRLF, LF or CR line ends; a UTF-8 BOM; the `,` `;` (French spreadsheets) or tab separator,
 * detected from the header line. Every record keeps the physical line it starts on, so that
 * problems can point at it. Problem messages are in French. Pure: no I/O.
 */

export type CsvSeparator = ',' | ';' | '\t';

export interface CsvProblem {
  /** Physical line (1-based) where the problem was seen. */
  line: number;
  /** Record number (1-based, the header is record 1). */
  record: number;
  message: string;
}

export interface CsvReadOptions {
  /** Detected from the first line when absent. */
  separator?: CsvSeparator;
  /**
   * Removes the quote `toCsv` puts before a text that a spreadsheet would run as a
   * formula (`'=…` → `=…`), for files that went out through our exports and come back.
   */
  restoreFormulas?: boolean;
}

export interface CsvScan {
  separator: CsvSeparator;
  problems: CsvProblem[];
  /** Records seen (blank lines are skipped and not counted). */
  records: number;
}

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

export interface CsvParseResult {
  /** Every record, the header included. */
  records: CsvRecord[];
  separator: CsvSeparator;
  problems: CsvProblem[];
}

export interface CsvWriteOptions {
  /** `,` when absent. */
  separator?: CsvSeparator;
  /** Starts the text with a UTF-8 BOM, for spreadsheets that need one to read accents. */
  bom?: boolean;
  /**
   * `'neutralise'` (the default): a text cell a spreadsheet would run as a formula
   * (starting with `=` `+` `-` `@`, a tab or a CR) gets a leading `'`, as OWASP
   * recommends; numbers stay numbers. `'keep'` writes text as is.
   */
  formulas?: 'neutralise' | 'keep';
}

/** A cell: text, or a number written as such (never neutralised: `-3` stays a number). */
export type CsvCell = string | number;

export const CSV_UNTERMINATED_QUOTE = 'Guillemet ouvrant sans guillemet fermant : la fin du fichier a été atteinte.';

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The separator used most often outside quotes on the first line (ties: `,` then `;`); `,` when none. */
export function detectSeparator(text: string): CsvSeparator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Calls `onRecord(fields, line, record)` for each record, in order, without keeping the
 * file in memory as rows. `line` is the physical line where the record starts.
 * Problems (an unterminated quote, text after a closing quote) are reported, and the
 * record is still delivered with the best reading of its fields.
 */
export function scanCsv(text: string, onRecord: (fields: string[], line: number, record: number) => void, options: CsvReadOptions = {}): CsvScan {
  const separator = options.separator ?? detectSeparator(text);
  const sep = separator.charCodeAt(0);
  const problems: CsvProblem[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let record = 0;

  while (i < n) {
    // Skip blank lines between records.
    const c0 = text.charCodeAt(i);
    if (c0 === LF || c0 === CR) {
      i += c0 === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const startLine = line;
    record++;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text.charCodeAt(i) === QUOTE) {
        // Quoted field: runs to the quote not followed by another quote.
        i++;
        let value = '';
        let chunk = i;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          const segmentEnd = q === -1 ? n : q;
          for (let k = i; k < segmentEnd; k++) {
            const ch = text.charCodeAt(k);
            if (ch === LF) line++;
            else if (ch === CR && text.charCodeAt(k + 1) !== LF) line++;
          }
          if (q === -1) {
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(chunk, q + 1);
            i = q + 2;
            chunk = i;
          } else {
            value += text.slice(chunk, q);
            i = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          value += text.slice(chunk, n);
          problems.push({ line: startLine, record, message: CSV_UNTERMINATED_QUOTE });
          fields.push(value);
          endOfRecord = true;
          break;
        }
        // After the closing quote: a separator, a line end, or the end of the text.
        let stray = i;
        while (stray < n) {
          const ch = text.charCodeAt(stray);
          if (ch === sep || ch === LF || ch === CR) break;
          stray++;
        }
        if (stray > i) {
          const extra = text.slice(i, stray);
          if (extra.trim() !== '') {
            problems.push({ line, record, message: `Texte inattendu après un guillemet fermant : « ${extra.slice(0, 40)} ».` });
          }
          value += extra;
          i = stray;
        }
        fields.push(value);
      } else {
        // Unquoted field: runs to the next separator or line end. A quote inside is kept as is.
        let k = i;
        while (k < n) {
          const ch = text.charCodeAt(k);
          if (ch === sep || ch === LF || ch === CR) break;
          k++;
        }
        fields.push(text.slice(i, k));
        i = k;
      }
      // Now at a separator, a line end, or the end.
      if (i >= n) {
        endOfRecord = true;
      } else {
        const ch = text.charCodeAt(i);
        if (ch === sep) {
          i++;
          if (i >= n) {
            fields.push('');
            endOfRecord = true;
          }
        } else {
          i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          line++;
          endOfRecord = true;
        }
      }
    }
    if (options.restoreFormulas) for (let f = 0; f < fields.length; f++) fields[f] = restoreFormula(fields[f]!);
    onRecord(fields, startLine, record);
  }
  return { separator, problems, records: record };
}

/** Reads a whole CSV text into records (header included). */
export function parseCsv(text: string, options: CsvReadOptions = {}): CsvParseResult {
  const records: CsvRecord[] = [];
  const scan = scanCsv(text, (fields, line) => records.push({ fields, line }), options);
  return { records, separator: scan.separator, problems: scan.problems };
}

/** Any separator, so that a field stays one field whichever separator a spreadsheet picks. */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

/** One CSV field, quoted when it has to be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** What a spreadsheet may read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A text we neutralised, or one that already looked like it (kept apart by one more quote). */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The text a spreadsheet shows as is: `=1+1` → `'=1+1`. Reversed by `restoreFormula`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) || NEUTRALISED.test(text) ? `'${text}` : text;
}

/** The text before `neutraliseFormula`. */
export function restoreFormula(text: string): string {
  // Only a text that starts with a quote can be one (every cell of a file goes through here).
  return text.charCodeAt(0) === 39 && NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** Writes records as CSV with CRLF line ends, as RFC 4180 says ('' for no record). */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ',';
  const neutralise = (options.formulas ?? 'neutralise') === 'neutralise';
  const cell = (v: CsvCell) => csvField(typeof v === 'number' ? String(v) : neutralise ? neutraliseFormula(v) : v);
  const body = rows.map((r) => r.map(cell).join(separator)).join('\r\n');
  return (options.bom ? '\ufeff' : '') + body + (rows.length ? '\r\n' : '');
}

/** Spreadsheet column letter for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
