/**
 * The answers of a checked table (an import, the demo), as the rows the store writes through
 * COPY: each respondent's answers as JSON text written as bytes straight into the COPY's
 * buffer from the columns — each question's key and each option's text encoded once, no
 * answers object, no string per row — the same text as `JSON.stringify` of `answersReader`'s
 * record (responses-copy.test.ts), and the town neighbourhood read from the neighbourhood
 * question's option, looked up once per option. Pure: no I/O.
 */
import type { Town } from '../../platform/town';
import { neighbourhoodIdOf } from './answering.service';
import { neighbourhoodQuestion, type Questionnaire } from './questionnaire';
import type { ResponseTable } from './response-table';

/** A table's answers as JSON text, a row at a time, written into a buffer. */
export interface AnswersJson {
  /** The most bytes row `row`'s text can take. */
  most(row: number): number;
  /** Writes row `row`'s text (question id → value, unanswered questions left out) at `at`; returns where it ends. */
  write(buf: Uint8Array, at: number, row: number): number;
}

export interface SubmittedRow {
  /** The row's answers: `json.write(…, row)`. */
  json: AnswersJson;
  row: number;
  externalId: string | null;
  neighbourhoodId: string | null;
}

const utf8 = new TextEncoder();
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** Copies `b` to `buf` at `at`; returns where it ends. */
function put(buf: Uint8Array, at: number, b: Uint8Array): number {
  buf.set(b, at);
  return at + b.length;
}

/** An ASCII text (a number as JSON writes it). */
function putAscii(buf: Uint8Array, at: number, s: string): number {
  for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
  return at;
}

/** A whole number from 0 to 2^31 as JSON writes it, digit by digit (no string). */
function putDigits(buf: Uint8Array, at: number, v: number): number {
  let n = 1;
  for (let x = v; x >= 10; x = Math.floor(x / 10)) n++;
  for (let i = at + n - 1; i >= at; i--, v = Math.floor(v / 10)) buf[i] = 48 + (v % 10);
  return at + n;
}

/**
 * One question's answer at a row: writes `,"id":value` and returns where it ends, or returns
 * `at` when the question is unanswered. (The row's first comma becomes its opening brace.)
 */
type CellWriter = (buf: Uint8Array, at: number, row: number) => number;

interface Cell {
  write: CellWriter;
  /** Bytes at most for this cell at a row. */
  most: number | ((row: number) => number);
}

function cell(table: ResponseTable, id: string): Cell | null {
  const q = table.questionnaire.questions.find((x) => x.id === id)!;
  const col = table.columns[id];
  if (!col) return null;
  const sepKey = utf8.encode(`,${JSON.stringify(id)}:`);
  /** `,"id":value` as bytes, for each value (the row's first comma becomes its brace). */
  const pieces = (values: string[]) => values.map((v) => utf8.encode(`,${JSON.stringify(id)}:${v}`));
  const longest = (bs: Uint8Array[]) => bs.reduce((n, b) => Math.max(n, b.length), 0);
  switch (col.kind) {
    case 'choice': {
      const options = pieces((q as { options: string[] }).options.map((o) => JSON.stringify(o)));
      const codes = col.codes;
      return {
        most: longest(options),
        write: (buf, at, row) => {
          const c = codes[row]!;
          return c < 0 ? at : put(buf, at, options[c]!);
        },
      };
    }
    case 'multi': {
      const options = (q as { options: string[] }).options.map((o) => JSON.stringify(o));
      const masks = col.masks;
      const lists = new Map<number, Uint8Array>();
      const list = (m: number) => {
        let b = lists.get(m);
        if (b === undefined) lists.set(m, (b = pieces([`[${options.filter((_, i) => m & (1 << i)).join(',')}]`])[0]!));
        return b;
      };
      return {
        most: sepKey.length + 2 + options.reduce((n, o) => n + utf8.encode(o).length + 1, 0),
        write: (buf, at, row) => (masks[row] ? put(buf, at, list(masks[row]!)) : at),
      };
    }
    case 'numeric': {
      const values = col.values;
      return {
        // The longest number JSON writes: "-1.2345678901234567e-123".
        most: sepKey.length + 25,
        write: (buf, at, row) => {
          const v = values[row]!;
          if (Number.isNaN(v)) return at;
          at = put(buf, at, sepKey);
          return Number.isInteger(v) && v >= 0 && v < 2 ** 31 ? putDigits(buf, at, v) : putAscii(buf, at, JSON.stringify(v));
        },
      };
    }
    case 'text': {
      const values = col.values;
      return {
        // JSON writes a character as at most 6 (\u001f), a UTF-16 unit as at most 3 bytes.
        most: (row) => (values[row] == null ? 0 : sepKey.length + 2 + 6 * values[row]!.length),
        write: (buf, at, row) => {
          const s = values[row];
          if (s == null) return at;
          at = put(buf, at, sepKey);
          return at + utf8.encodeInto(JSON.stringify(s), buf.subarray(at)).written;
        },
      };
    }
  }
}

/** Each row's answers as JSON text, in the questionnaire's order of questions. */
export function answersJson(table: ResponseTable): AnswersJson {
  const cells = table.questionnaire.questions.map((q) => cell(table, q.id)).filter((c): c is Cell => c !== null);
  const writers = cells.map((c) => c.write);
  let fixed = 2;
  const varying: ((row: number) => number)[] = [];
  for (const c of cells) {
    if (typeof c.most === 'number') fixed += c.most;
    else varying.push(c.most);
  }
  return {
    most: (row) => {
      let n = fixed;
      for (const m of varying) n += m(row);
      return n;
    },
    write: (buf, at, row) => {
      const start = at;
      for (let i = 0; i < writers.length; i++) at = writers[i]!(buf, at, row);
      if (at === start)
        buf[at++] = OPEN; // no answer: {}
      else buf[start] = OPEN; // the first answer's comma
      buf[at++] = CLOSE;
      return at;
    },
  };
}

/** A row's answers as a string (tests, and what a reader of the stored text gets). */
export function answersJsonText(json: AnswersJson, row: number): string {
  const buf = new Uint8Array(json.most(row));
  return Buffer.from(buf.buffer, 0, json.write(buf, 0, row)).toString('utf8');
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
  const json = answersJson(table);
  const hood = neighbourhoodReader(town, definition, table);
  for (let r = from; r < table.size; r++) yield { json, row: r, externalId: table.ids[r] ?? null, neighbourhoodId: hood(r) };
}
