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

export interface BatchLine {
  /** 1-based line number in the input (blank lines count). */
  lineNo: number;
  /** 0-based index among the households (what error paths are relative to). */
  index: number;
  text: string;
}

export interface LineFailure {
  lineNo: number;
  fields: FieldError[];
  id?: string;
}

/** Output lines of a batch in input order: runs of good lines joined (each ends with "\n"), failures between them. */
export type BatchPiece = { text: string } | { failure: LineFailure };

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
  return { ok: true, json: JSON.stringify(engine.run(parsed.household, { explain: o.explanations, references: o.references })) };
}

export function simulateBatch(lines: BatchLine[], o: BatchOptions): BatchPiece[] {
  const pieces: BatchPiece[] = [];
  let run = '';
  for (const line of lines) {
    const r = simulateText(line.text, line.index, o);
    if (r.ok) {
      run += r.json + '\n';
      continue;
    }
    if (run) pieces.push({ text: run });
    run = '';
    pieces.push({ failure: { lineNo: line.lineNo, fields: r.fields, ...(r.id ? { id: r.id } : {}) } });
  }
  if (run) pieces.push({ text: run });
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
