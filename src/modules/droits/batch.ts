/**
 * Batch simulation, one household per JSON line (`relais droits simulate --jsonl`): the work
 * of one line, and of a batch of lines, the same in the CLI's thread and in its workers
 * (batch.worker.ts). Results keep the input order; a bad line becomes a failure the caller
 * reports (and, with --keep-going, writes as an error line in its place).
 */
import type { FieldError } from '../../platform/errors';
import { type ReferenceMode, defaultEngine } from './engine';
import { ByteWriter } from './explanations-json';
import type { Household } from './household';

export interface BatchOptions {
  explanations: boolean;
  references: ReferenceMode;
}

/**
 * Consecutive whole lines of the input, as the bytes read (UTF-8, each line ending with "\n"
 * but maybe the last of the input): they cross to a worker as they are (transferred), and
 * only the worker decodes, splits and parses them — the main thread only finds line ends.
 */
export interface PackedBatch {
  bytes: Uint8Array;
  /** 1-based line number in the input of its first line (blank lines count). */
  firstLine: number;
  /** 0-based index among the households (blank lines left out) of its first household: what default ids count from. */
  firstIndex: number;
}

export interface LineFailure {
  lineNo: number;
  fields: FieldError[];
  id?: string;
}

/** Output of a batch in input order: runs of good lines (UTF-8, each ends with "\n"), failures between them. */
export type BatchPiece = { text: Uint8Array } | { failure: LineFailure };

type Parsed = { ok: true; household: Household } | { ok: false; fields: FieldError[]; id?: string };

function parseLine(text: string, index: number): Parsed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, fields: [{ path: '', message: 'JSON illisible (vérifiez les guillemets, virgules et accolades).' }] };
  }
  const parsed = defaultEngine().parse(raw, index);
  if (parsed.ok) return parsed;
  const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
  return { ok: false, fields: parsed.fields, id };
}

/** One household (`relais droits simulate` without --jsonl): its line, or what is wrong. */
export function simulateText(text: string, index: number, o: BatchOptions): { ok: true; json: string } | { ok: false; fields: FieldError[]; id?: string } {
  const p = parseLine(text, index);
  return p.ok ? { ok: true, json: defaultEngine().runJson(p.household, { explain: o.explanations, references: o.references }) } : p;
}

// A BOM is kept (as the line reader did): the line is then unreadable JSON, said as such.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** A line of only blanks (as String.prototype.trim sees them) is skipped; most lines start with "{". */
export function isBlank(line: string): boolean {
  return line.charCodeAt(0) !== 0x7b && !line.trim();
}

const NEWLINE = 0x0a;

/** One writer for every batch of this thread: its buffer grows once to a batch's size and stays. */
const writer = new ByteWriter();

/** The batch's output: runs of good lines as UTF-8 bytes of their own (transferable), failures between them. */
export function simulateBatch(batch: PackedBatch, o: BatchOptions): BatchPiece[] {
  const pieces: BatchPiece[] = [];
  const engine = defaultEngine();
  const options = { explain: o.explanations, references: o.references };
  const w = writer;
  w.pos = 0;
  const flush = () => {
    if (w.pos) pieces.push({ text: w.take() });
  };
  const text = decoder.decode(batch.bytes);
  let index = batch.firstIndex;
  let lineNo = batch.firstLine;
  for (let start = 0; start < text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // "\r\n" ends a line as "\n" does.
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    start = end + 1;
    if (isBlank(line)) continue;
    const p = parseLine(line, index++);
    if (p.ok) {
      engine.writeJson(w, p.household, options);
      w.byte(NEWLINE);
      continue;
    }
    flush();
    pieces.push({ failure: { lineNo, fields: p.fields, ...(p.id ? { id: p.id } : {}) } });
  }
  flush();
  return pieces;
}

/** The error line written in place of a bad household with --keep-going. */
export function errorLine(f: LineFailure): string {
  return (
    JSON.stringify({
      ...(f.id ? { id: f.id } : {}),
      line: f.lineNo,
      error: { code: 'droits/invalid-household', message: 'La description du foyer est incomplète ou incorrecte.', fields: f.fields },
    }) + '\n'
  );
}

/** The French message on stderr for a bad household. */
export function describeFailure(where: string, fields: FieldError[]): string {
  return [`${where} : la description du foyer est incomplète ou incorrecte.`, ...fields.map((f) => `  - ${f.path || '(foyer)'} : ${f.message}`)].join('\n');
}
