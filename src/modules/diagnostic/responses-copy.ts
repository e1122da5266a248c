/**
 * The answers of a checked table (an import, the demo), as the rows the store writes through
 * COPY: each respondent's answers as JSON text built straight from the columns — the
 * question keys and option texts encoded once, no answers object per row — the same text as
 * `JSON.stringify` of `answersReader`'s record (responses-copy.test.ts), and the town
 * neighbourhood read from the neighbourhood question's option, looked up once per option.
 * Pure: no I/O.
 */
import type { Town } from '../../platform/town';
import { neighbourhoodIdOf } from './answering.service';
import { neighbourhoodQuestion, type Questionnaire } from './questionnaire';
import type { ResponseTable } from './response-table';

export interface SubmittedRow {
  /** The answers as JSON text (question id → value, unanswered questions left out). */
  answersJson: string;
  externalId: string | null;
  neighbourhoodId: string | null;
}

/** Appends one question's answer at a row to `out` (`"id":value`), or returns `out` unchanged when unanswered. */
type CellWriter = (row: number, out: string, first: boolean) => string;

function cellWriter(table: ResponseTable, id: string): CellWriter | null {
  const q = table.questionnaire.questions.find((x) => x.id === id)!;
  const col = table.columns[id];
  if (!col) return null;
  const key = `${JSON.stringify(id)}:`;
  const sep = `,${key}`;
  const put = (out: string, first: boolean, value: string) => out + (first ? key : sep) + value;
  switch (col.kind) {
    case 'choice': {
      const options = (q as { options: string[] }).options.map((o) => JSON.stringify(o));
      const codes = col.codes;
      return (row, out, first) => (codes[row]! < 0 ? out : put(out, first, options[codes[row]!]!));
    }
    case 'multi': {
      const options = (q as { options: string[] }).options.map((o) => JSON.stringify(o));
      const masks = col.masks;
      const lists = new Map<number, string>();
      const list = (m: number) => {
        let s = lists.get(m);
        if (s === undefined) lists.set(m, (s = `[${options.filter((_, i) => m & (1 << i)).join(',')}]`));
        return s;
      };
      return (row, out, first) => (masks[row] ? put(out, first, list(masks[row]!)) : out);
    }
    case 'numeric': {
      const values = col.values;
      return (row, out, first) => (Number.isNaN(values[row]!) ? out : put(out, first, JSON.stringify(values[row]!)));
    }
    case 'text': {
      const values = col.values;
      return (row, out, first) => (values[row] == null ? out : put(out, first, JSON.stringify(values[row])));
    }
  }
}

/** Each row's answers as JSON text, in the questionnaire's order of questions. */
export function answersJsonWriter(table: ResponseTable): (row: number) => string {
  const writers = table.questionnaire.questions.map((q) => cellWriter(table, q.id)).filter((w): w is CellWriter => w !== null);
  return (row) => {
    let out = '';
    for (const w of writers) out = w(row, out, out === '');
    return `{${out}}`;
  };
}

/** The town neighbourhood id of each row (null when the question is unanswered or names no neighbourhood of the town). */
function neighbourhoodReader(town: Town, definition: Questionnaire, table: ResponseTable): (row: number) => string | null {
  const q = neighbourhoodQuestion(definition);
  const col = q ? table.columns[q.id] : undefined;
  if (!q || !col || col.kind !== 'choice') return () => null;
  const ids = (q as { options: string[] }).options.map((label) => neighbourhoodIdOf(town, definition, { [q.id]: label }));
  return (row) => (col.codes[row]! < 0 ? null : ids[col.codes[row]!]!);
}

/**
 * The rows to store for a table of answers, one at a time (100,000 answers never sit in
 * memory twice), from row `from` (a table still being read: the rows after those written).
 */
export function* submittedRows(town: Town, definition: Questionnaire, table: ResponseTable, from = 0): Generator<SubmittedRow> {
  const json = answersJsonWriter(table);
  const hood = neighbourhoodReader(town, definition, table);
  for (let r = from; r < table.size; r++) yield { answersJson: json(r), externalId: table.ids[r] ?? null, neighbourhoodId: hood(r) };
}
