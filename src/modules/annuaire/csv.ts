/**
 * RFC 4180 CSV: quoted fields with doubled quotes, newlines inside quotes, CRLF or LF,
 * a UTF-8 BOM, and the `;` separator French spreadsheets write (detected on the header).
 * Each row keeps the physical line it starts on, so errors can point at it.
 */
export interface CsvRow {
  /** 1-based physical line where the row starts. */
  line: number;
  cells: string[];
}

export interface CsvParseError {
  line: number;
  message: string;
}

export interface CsvParseResult {
  rows: CsvRow[];
  errors: CsvParseError[];
  delimiter: string;
}

/** Guess `,` or `;` (or tab) from the first line, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && c in counts) counts[c]++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][1] > 0
    ? Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0]
    : ',';
}

export function parseCsv(input: string, opts: { delimiter?: string } = {}): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const rows: CsvRow[] = [];
  const errors: CsvParseError[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // current field started with a quote
  let i = 0;
  const n = text.length;

  const endField = () => {
    cells.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    // A blank line is not a row.
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
  };

  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
          errors.push({ line, message: 'Caractère inattendu après un guillemet fermant.' });
        }
        continue;
      }
      if (c === '\n') line++;
      else if (c === '\r' && text[i + 1] !== '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      i++;
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) errors.push({ line: rowLine, message: 'Guillemet ouvert jamais refermé.' });
  if (field !== '' || cells.length > 0 || wasQuoted) endRow();
  return { rows, errors, delimiter };
}

function quoteCell(value: string, delimiter: string): string {
  if (value === '') return '';
  if (value.includes('"') || value.includes(delimiter) || value.includes('\n') || value.includes('\r') || /^\s|\s$/.test(value)) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** CSV text with CRLF line ends (RFC 4180); `bom` for spreadsheets that need it. */
export function writeCsv(rows: readonly (readonly string[])[], opts: { delimiter?: string; bom?: boolean } = {}): string {
  const d = opts.delimiter ?? ',';
  const body = rows.map((r) => r.map((c) => quoteCell(c, d)).join(d)).join('\r\n');
  return (opts.bom ? '\ufeff' : '') + body + (rows.length ? '\r\n' : '');
}
