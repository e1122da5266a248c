/**
 * Batch simulation, one household per JSON line (`relais droits simulate --jsonl`): the work
 * of one line, and of a batch of lines, the same in the CLI's thread and in its workers
 * (batch.worker.ts). Results keep the input order; a bad line becomes a failure the caller
 * reports (and, with --keep-going, writes as an error line in its place).
 */
import type { FieldError } from '../../platform/errors';
import { type ReferenceMode, defaultEngine } from './engine';

export interface BatchOptions {
  explanations: boolean;
  references: ReferenceMode;
}

/**
 * Consecutive households of the input, packed to cross to a worker cheaply (one string and
 * one typed array instead of an object per line).
 */
export interface PackedBatch {
  /** The households' lines joined with "\n" (blank lines left out). */
  text: string;
  /** 1-based line number in the input of each household (blank lines count). */
  lineNos: Int32Array;
  /** 0-based index among the households of the first one (what error paths are relative to). */
  firstIndex: number;
}

export interface LineFailure {
  lineNo: number;
  fields: FieldError[];
  id?: string;
}

/**
 * Output lines of a batch in input order: runs of good lines joined (each ends with "\n"),
 * UTF-8 encoded when `encode` (a worker: the main thread writes the bytes as they are),
 * failures between them.
 */
export type BatchPiece = { text: string | Uint8Array } | { failure: LineFailure };

type LineOutcome = { ok: true; json: string } | { ok: false; fields: FieldError[]; id?: string };

export function simulateText(text: string, index: number, o: BatchOptions): LineOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, fields: [{ path: '', message: 'JSON illisible (vérifiez les guillemets, virgules et accolades).' }] };
  }
  const engine = defaultEngine();
  const parsed = engine.parse(raw, index);
  if (!parsed.ok) {
    const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    return { ok: false, fields: parsed.fields, id };
  }
  return { ok: true, json: engine.runJson(parsed.household, { explain: o.explanations, references: o.references }) };
}

const utf8 = new TextEncoder();

export function simulateBatch(batch: PackedBatch, o: BatchOptions, encode = false): BatchPiece[] {
  const pieces: BatchPiece[] = [];
  let run = '';
  const flush = () => {
    // TextEncoder: a buffer of its own (Buffer.from may share a pool), so it can be transferred.
    if (run) pieces.push({ text: encode ? utf8.encode(run) : run });
    run = '';
  };
  let start = 0;
  for (let i = 0; i < batch.lineNos.length; i++) {
    const end = batch.text.indexOf('\n', start);
    const text = end === -1 ? batch.text.slice(start) : batch.text.slice(start, end);
    start = end + 1;
    const r = simulateText(text, batch.firstIndex + i, o);
    if (r.ok) {
      run += r.json + '\n';
      continue;
    }
    flush();
    pieces.push({ failure: { lineNo: batch.lineNos[i]!, fields: r.fields, ...(r.id ? { id: r.id } : {}) } });
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
