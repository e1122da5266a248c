/**
 * The analysis of a survey as the Amiens diagnostic publishes it:
 * - single choice: `percent` over those who answered the question;
 * - multiple choice: `percent` over all mentions (how the Amiens report counts) and
 *   `percent_of_respondents` over those who answered;
 * - scale: mean, median and the distribution of values;
 * percentages with one decimal, means with two; optionally the same per group of a
 * cross-tabulation (`by`) and over a filtered set of respondents. Pure: no I/O.
 */
import { AppError } from '../../platform/errors';
import { conditionHolds, findQuestion, type Condition, type Question, type QuestionType } from './questionnaire';
import { tableLookup, type Column, type ResponseTable } from './response-table';

export interface QuestionAnalysis {
  type: QuestionType;
  /** Respondents (in the group) who answered this question. */
  answered: number;
  counts: Record<string, number>;
  percent: Record<string, number>;
  /** Multiple choice: share of those who answered who ticked each option. */
  percent_of_respondents?: Record<string, number>;
  /** Multiple choice: options ticked in all (the base of `percent`). */
  mentions?: number;
  mean?: number | null;
  median?: number | null;
  min?: number | null;
  max?: number | null;
  /** Scale: number of answers for each value from min to max. */
  distribution?: Record<string, number>;
  /** Free text: the answers given. */
  answers?: string[];
}

export interface GroupAnalysis {
  n_respondents: number;
  questions: Record<string, QuestionAnalysis>;
}

export interface Analysis extends GroupAnalysis {
  /** The question of the cross-tabulation, when `by` is present. */
  by_question?: string;
  /** One analysis per answer to the `by` question (every option, even with nobody). */
  by?: Record<string, GroupAnalysis>;
}

export interface AnalyseOptions {
  /** Question to cross-tabulate by. */
  by?: string;
  /** Only respondents for whom every condition holds. */
  filters?: Condition[];
  /** Only these questions (all when absent). */
  questions?: string[];
}

/** Label of the group of respondents who did not answer the `by` question. */
export const NO_ANSWER_GROUP = '(sans réponse)';

/** Rounds num/den to `decimals`, half away from zero, from the exact ratio. */
export function roundRatio(num: number, den: number, decimals: number): number {
  if (den === 0) return 0;
  const f = 10 ** decimals;
  const x = (num * f) / den;
  const r = Math.sign(x) * Math.round(Math.abs(x) + 1e-9);
  return r / f;
}

export function analyse(table: ResponseTable, options: AnalyseOptions = {}): Analysis {
  const qn = table.questionnaire;
  const questions = (options.questions ?? qn.questions.map((q) => q.id)).map((id) => {
    const q = findQuestion(qn, id);
    if (!q) throw new AppError('diagnostic/unknown-question', { fields: [{ path: 'questions', message: `Question « ${id} » introuvable.` }] });
    return q;
  });
  const rows = selectRows(table, options.filters ?? []);
  // Numbers with many different values are counted in ranges, the same for every group.
  const bins = new Map<string, Bins>();
  for (const q of questions) {
    const col = table.columns[q.id]!;
    if (q.type === 'number' && col.kind === 'numeric') {
      const b = binsFor(col.values, rows);
      if (b) bins.set(q.id, b);
    }
  }
  const result: Analysis = analyseGroup(table, questions, rows, bins);
  if (options.by !== undefined) {
    const byQ = findQuestion(qn, options.by);
    if (!byQ) throw new AppError('diagnostic/unknown-question', { fields: [{ path: 'by', message: `Question « ${options.by} » introuvable.` }] });
    if (byQ.type === 'text') throw new AppError('diagnostic/not-groupable', { fields: [{ path: 'by', message: 'Question à réponse libre.' }] });
    result.by_question = byQ.id;
    result.by = {};
    for (const [key, members] of groupRows(table, byQ, rows)) {
      result.by[key] = analyseGroup(table, questions, members, bins);
    }
  }
  return result;
}

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

function selectRows(table: ResponseTable, filters: Condition[]): Int32Array {
  if (!filters.length) return allRows(table.size);
  for (const f of filters) {
    if (!findQuestion(table.questionnaire, f.question)) {
      throw new AppError('diagnostic/invalid-filter', { fields: [{ path: 'filters', message: `Question « ${f.question} » introuvable.` }] });
    }
  }
  const at = tableLookup(table);
  const keep: number[] = [];
  for (let r = 0; r < table.size; r++) {
    const get = at(r);
    if (filters.every((f) => conditionHolds(f, get))) keep.push(r);
  }
  return Int32Array.from(keep);
}

function groupRows(table: ResponseTable, q: Question, rows: Int32Array): Map<string, Int32Array> {
  const col = table.columns[q.id]!;
  const buckets = new Map<string, number[]>();
  const none: number[] = [];
  if (col.kind === 'choice' || col.kind === 'multi') {
    const options = (q as { options: string[] }).options;
    const lists = options.map(() => [] as number[]);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (col.kind === 'choice') {
        const c = col.codes[r]!;
        if (c < 0) none.push(r);
        else lists[c]!.push(r);
      } else {
        let m = col.masks[r]!;
        if (!m) none.push(r);
        while (m) {
          const low = m & -m;
          lists[31 - Math.clz32(low)]!.push(r);
          m ^= low;
        }
      }
    }
    options.forEach((o, i) => buckets.set(o, lists[i]!));
  } else if (col.kind === 'numeric') {
    if (q.type === 'scale') for (let v = q.min; v <= q.max; v++) buckets.set(String(v), []);
    const byValue = new Map<number, number[]>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const v = col.values[r]!;
      if (Number.isNaN(v)) none.push(r);
      else {
        let list = byValue.get(v);
        if (!list) byValue.set(v, (list = []));
        list.push(r);
      }
    }
    for (const v of [...byValue.keys()].sort((a, b) => a - b)) buckets.set(String(v), byValue.get(v)!);
  }
  if (none.length) buckets.set(NO_ANSWER_GROUP, none);
  return new Map([...buckets].map(([k, v]) => [k, Int32Array.from(v)]));
}

/** Equal ranges for a number question: `count` ranges of `width` from `start`. */
export interface Bins {
  start: number;
  width: number;
  count: number;
}

/** Past this many different values, a number question is counted in ranges. */
export const MAX_DISTINCT_NUMBERS = 30;

function niceWidth(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function binsFor(values: Float64Array, rows: Int32Array): Bins | null {
  const distinct = new Set<number>();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]!]!;
    if (v !== v) continue;
    if (distinct.size <= MAX_DISTINCT_NUMBERS) distinct.add(v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (distinct.size <= MAX_DISTINCT_NUMBERS) return null;
  const width = niceWidth((max - min) / 10 || 1);
  const start = Math.floor(min / width) * width;
  return { start, width, count: Math.floor((max - start) / width) + 1 };
}

const frNumber = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

export function binLabel(b: Bins, i: number): string {
  return `${frNumber(b.start + i * b.width)} à ${frNumber(b.start + (i + 1) * b.width)}`;
}

function analyseGroup(table: ResponseTable, questions: Question[], rows: Int32Array, bins: Map<string, Bins>): GroupAnalysis {
  const out: Record<string, QuestionAnalysis> = {};
  for (const q of questions) out[q.id] = analyseQuestion(q, table.columns[q.id]!, rows, bins.get(q.id));
  return { n_respondents: rows.length, questions: out };
}

function percents(keys: readonly string[], counts: ArrayLike<number>, base: number): Record<string, number> {
  const p: Record<string, number> = {};
  keys.forEach((k, i) => (p[k] = roundRatio(100 * counts[i]!, base, 1)));
  return p;
}

function record(keys: readonly string[], counts: ArrayLike<number>): Record<string, number> {
  const c: Record<string, number> = {};
  keys.forEach((k, i) => (c[k] = counts[i]!));
  return c;
}

export function analyseQuestion(q: Question, col: Column, rows: Int32Array, bins?: Bins): QuestionAnalysis {
  const n = rows.length;
  if (col.kind === 'choice') {
    const options = (q as { options: string[] }).options;
    const counts = new Int32Array(options.length);
    let answered = 0;
    for (let i = 0; i < n; i++) {
      const c = col.codes[rows[i]!]!;
      if (c >= 0) {
        counts[c]!++;
        answered++;
      }
    }
    return { type: q.type, answered, counts: record(options, counts), percent: percents(options, counts, answered) };
  }
  if (col.kind === 'multi') {
    const options = (q as { options: string[] }).options;
    const counts = new Int32Array(options.length);
    let answered = 0;
    let mentions = 0;
    for (let i = 0; i < n; i++) {
      let m = col.masks[rows[i]!]!;
      if (!m) continue;
      answered++;
      while (m) {
        const low = m & -m;
        counts[31 - Math.clz32(low)]!++;
        mentions++;
        m ^= low;
      }
    }
    return {
      type: q.type,
      answered,
      mentions,
      counts: record(options, counts),
      percent: percents(options, counts, mentions),
      percent_of_respondents: percents(options, counts, answered),
    };
  }
  if (col.kind === 'numeric' && q.type === 'scale') {
    const size = q.max - q.min + 1;
    const counts = new Int32Array(size);
    let answered = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = col.values[rows[i]!]!;
      if (v === v) {
        counts[v - q.min]!++;
        answered++;
        sum += v;
      }
    }
    const keys = Array.from({ length: size }, (_, i) => String(q.min + i));
    let min: number | null = null;
    let max: number | null = null;
    for (let i = 0; i < size; i++) {
      if (counts[i]) {
        min ??= q.min + i;
        max = q.min + i;
      }
    }
    const distribution = record(keys, counts);
    return {
      type: q.type,
      answered,
      counts: distribution,
      percent: percents(keys, counts, answered),
      mean: answered ? roundRatio(sum, answered, 2) : null,
      median: answered ? medianOfCounts(counts, answered, q.min) : null,
      min,
      max,
      distribution: { ...distribution },
    };
  }
  if (col.kind === 'numeric') {
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = col.values[rows[i]!]!;
      if (v === v) values.push(v);
    }
    const sorted = Float64Array.from(values).sort();
    let sum = 0;
    for (const v of sorted) sum += v;
    let keys: string[];
    let counts: number[];
    if (bins) {
      // Many different values: counted in ranges [a, b), the last one closed.
      counts = new Array<number>(bins.count).fill(0);
      for (const v of sorted) counts[Math.min(bins.count - 1, Math.floor((v - bins.start) / bins.width))]!++;
      keys = counts.map((_, i) => binLabel(bins, i));
    } else {
      const distinct = new Map<number, number>();
      for (const v of sorted) distinct.set(v, (distinct.get(v) ?? 0) + 1);
      keys = [...distinct.keys()].map(String);
      counts = [...distinct.values()];
    }
    const answered = sorted.length;
    const mid = answered >> 1;
    return {
      type: q.type,
      answered,
      counts: record(keys, counts),
      percent: percents(keys, counts, answered),
      mean: answered ? roundRatio(sum, answered, 2) : null,
      median: answered ? (answered % 2 ? sorted[mid]! : roundRatio(sorted[mid - 1]! + sorted[mid]!, 2, 2)) : null,
      min: answered ? sorted[0]! : null,
      max: answered ? sorted[answered - 1]! : null,
    };
  }
  const answers: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = col.values[rows[i]!];
    if (v) answers.push(v);
  }
  return { type: q.type, answered: answers.length, counts: {}, percent: {}, answers };
}

/** Median from a histogram: the middle value, or the mean of the two middle ones. */
function medianOfCounts(counts: Int32Array, total: number, offset: number): number {
  const valueAt = (rank: number) => {
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i]!;
      if (seen > rank) return offset + i;
    }
    return offset + counts.length - 1;
  };
  if (total % 2) return valueAt((total - 1) / 2);
  return (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}
