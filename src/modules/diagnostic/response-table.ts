/**
 * Answers held by column, so that 100,000 respondents analyse in milliseconds:
 * a choice is an option index (-1 = no answer), a multiple choice a bit mask
 * (0 = no answer), a scale or number a float (NaN = no answer), a text a string or null.
 * Cells are parsed and checked here, one message per bad cell. Pure: no I/O.
 */
import { conditionsOf, hasOptions, isShown, MULTI_SEPARATOR, type AnswerValue, type Answers, type Question, type Questionnaire } from './questionnaire';

export type Column =
  | { kind: 'choice'; codes: Int32Array }
  | { kind: 'multi'; masks: Uint32Array }
  | { kind: 'numeric'; values: Float64Array }
  | { kind: 'text'; values: (string | null)[] };

export interface ResponseTable {
  questionnaire: Questionnaire;
  size: number;
  /** Respondent identifiers (the CSV `id` column, a response id), or null. */
  ids: (string | null)[];
  columns: Record<string, Column>;
}

const foldKey = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fr').replace(/\s+/g, ' ');

/** Finds an option by its exact text first, then ignoring case, spacing and Unicode form. */
class OptionIndex {
  private exact = new Map<string, number>();
  private folded = new Map<string, number>();
  constructor(readonly options: readonly string[]) {
    options.forEach((o, i) => {
      this.exact.set(o, i);
      this.folded.set(foldKey(o), i);
    });
  }
  find(s: string): number {
    // A few options (most questions): compared in turn, cheaper than hashing a cell's new string.
    const options = this.options;
    if (options.length <= 16) {
      for (let i = 0; i < options.length; i++) if (options[i] === s) return i;
    } else {
      const e = this.exact.get(s);
      if (e !== undefined) return e;
    }
    return this.folded.get(foldKey(s)) ?? -1;
  }
}

function listOptions(options: readonly string[]): string {
  const shown = options
    .slice(0, 12)
    .map((o) => `« ${o} »`)
    .join(', ');
  return options.length > 12 ? `${shown}…` : shown;
}

/** A free answer of a question that sets no `max_length` (anonymous public pages: bounded). */
export const TEXT_ANSWER_MAX = 5_000;

const NUMBER_RE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

const SPACE_RE = /[\s\u00a0\u202f]/;
const SPACES_RE = /[\s\u00a0\u202f]/g;

/** French-friendly number: "1 234,5", "1234.5", "-3". NaN when not a number. */
export function readNumber(raw: string): number {
  const s = SPACE_RE.test(raw) ? raw.replace(SPACES_RE, '') : raw;
  // Plain digits (most cells of a large file): read without the pattern and without a copy.
  const n = s.length;
  if (n > 0 && n < 16) {
    let v = 0;
    let k = 0;
    for (; k < n; k++) {
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (k === n) return v;
  }
  if (!NUMBER_RE.test(s)) return NaN;
  return Number(s.replace(',', '.'));
}

function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** A question of the builder: what setting one of its cells needs, found once (not per cell). */
interface Slot {
  q: Question;
  index: OptionIndex | null;
  /** The question's column (replaced when the table grows). */
  col: Column;
  /** A multiple choice: the mask of each cell text read so far without a problem (a file repeats a few combinations). */
  masks?: Map<string, number>;
}

/** Cell texts of a multiple choice whose mask is kept (the combinations of a file; bounded against a file of all different ones). */
const MASKS_KEPT = 4096;

export class ResponseTableBuilder {
  readonly questionnaire: Questionnaire;
  private capacity: number;
  private size = 0;
  private ids: (string | null)[] = [];
  private columns: Record<string, Column> = {};
  private slots = new Map<string, Slot>();
  private byId = new Map<string, Question>();
  private conditional: Question[];
  /** The free-text columns' ids (a row starts with null in each). */
  private textIds: string[];
  /** Stored answers: a free answer longer than today's limit was accepted then, and is kept (never silently lost). */
  private readonly keepLongText: boolean;

  constructor(questionnaire: Questionnaire, capacity = 256, opts: { keepLongText?: boolean } = {}) {
    this.questionnaire = questionnaire;
    this.keepLongText = opts.keepLongText ?? false;
    this.capacity = Math.max(16, capacity);
    for (const q of questionnaire.questions) {
      this.byId.set(q.id, q);
      const col = this.emptyColumn(q, this.capacity);
      this.columns[q.id] = col;
      this.slots.set(q.id, { q, index: hasOptions(q) ? new OptionIndex(q.options) : null, col });
    }
    this.conditional = questionnaire.questions.filter((q) => conditionsOf(q).length > 0 || q.required);
    this.textIds = questionnaire.questions.filter((q) => q.type === 'text').map((q) => q.id);
  }

  private emptyColumn(q: Question, cap: number): Column {
    switch (q.type) {
      case 'single':
      case 'neighbourhood':
        return { kind: 'choice', codes: new Int32Array(cap).fill(-1) };
      case 'multi':
        return { kind: 'multi', masks: new Uint32Array(cap) };
      case 'scale':
      case 'number':
        return { kind: 'numeric', values: new Float64Array(cap).fill(NaN) };
      case 'text':
        return { kind: 'text', values: [] };
    }
  }

  private grow(): void {
    const cap = this.capacity * 2;
    for (const q of this.questionnaire.questions) {
      const col = this.columns[q.id]!;
      const fresh = this.emptyColumn(q, cap);
      if (col.kind === 'choice' && fresh.kind === 'choice') fresh.codes.set(col.codes);
      else if (col.kind === 'multi' && fresh.kind === 'multi') fresh.masks.set(col.masks);
      else if (col.kind === 'numeric' && fresh.kind === 'numeric') fresh.values.set(col.values);
      else if (col.kind === 'text') continue;
      this.columns[q.id] = fresh;
      this.slots.get(q.id)!.col = fresh;
    }
    this.capacity = cap;
  }

  /** Starts a new respondent with no answer yet; returns its row number (0-based). */
  beginRow(id: string | null = null): number {
    if (this.size === this.capacity) this.grow();
    this.ids.push(id);
    for (const qid of this.textIds) (this.columns[qid] as { values: (string | null)[] }).values.push(null);
    return this.size++;
  }

  /** Removes the last row (a respondent whose answers were refused). */
  dropLastRow(): void {
    if (this.size === 0) return;
    const row = --this.size;
    this.ids.pop();
    for (const q of this.questionnaire.questions) {
      const col = this.columns[q.id]!;
      if (col.kind === 'choice') col.codes[row] = -1;
      else if (col.kind === 'multi') col.masks[row] = 0;
      else if (col.kind === 'numeric') col.values[row] = NaN;
      else col.values.pop();
    }
  }

  /**
   * Sets one answer of the current row from its CSV text. An empty cell is "not answered".
   * Returns a French message when the cell is not a valid answer, else null.
   */
  setCell(questionId: string, raw: string): string | null {
    return this.setIn(this.slots.get(questionId)!, raw);
  }

  /** `setCell` of one question, its lookups done once: for a file's column, called on every row. */
  cellSetter(questionId: string): (raw: string) => string | null {
    const slot = this.slots.get(questionId)!;
    return (raw) => this.setIn(slot, raw);
  }

  private setIn(slot: Slot, raw: string): string | null {
    const { q, col } = slot;
    const row = this.size - 1;
    const s = raw.trim();
    if (s === '') return null;
    switch (col.kind) {
      case 'choice': {
        const idx = slot.index!.find(s);
        if (idx < 0) return `« ${s} » n'est pas une réponse possible. Réponses attendues : ${listOptions((q as { options: string[] }).options)}.`;
        col.codes[row] = idx;
        return null;
      }
      case 'multi': {
        const known = slot.masks?.get(s);
        if (known !== undefined) {
          col.masks[row] = known;
          return null;
        }
        const index = slot.index!;
        let mask = 0;
        const bad: string[] = [];
        let count = 0;
        for (const part of s.split(MULTI_SEPARATOR)) {
          const p = part.trim();
          if (p === '') continue;
          const idx = index.find(p);
          if (idx < 0) bad.push(p);
          else if (!(mask & (1 << idx))) {
            mask |= 1 << idx;
            count++;
          }
        }
        if (bad.length) {
          const list = bad.map((b) => `« ${b} »`).join(', ');
          return `${list} ${bad.length > 1 ? 'ne sont pas des réponses possibles' : "n'est pas une réponse possible"}. Réponses attendues, séparées par « ${MULTI_SEPARATOR} » : ${listOptions(index.options)}.`;
        }
        const max = (q as { max_choices?: number }).max_choices;
        if (max !== undefined && count > max) return `${count} choix cochés : ${max} au plus.`;
        col.masks[row] = mask >>> 0;
        if ((slot.masks ??= new Map()).size < MASKS_KEPT) slot.masks.set(s, mask >>> 0);
        return null;
      }
      case 'numeric': {
        const n = readNumber(s);
        const message = numberProblem(q, n, s);
        if (message) return message;
        col.values[row] = n;
        return null;
      }
      case 'text': {
        const max = (q as { max_length?: number }).max_length ?? TEXT_ANSWER_MAX;
        if (s.length > max && !this.keepLongText) return `Réponse trop longue : ${s.length} caractères pour ${max} au plus.`;
        col.values[row] = s;
        return null;
      }
    }
  }

  /** Sets one answer of the current row from a JSON value (answering page, API). */
  setAnswer(questionId: string, value: unknown): string | null {
    const q = this.byId.get(questionId);
    if (!q) return "Cette question n'existe pas dans le questionnaire.";
    if (value === null || value === undefined || value === '') return null;
    if (q.type === 'multi') {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'Une liste de réponses est attendue.';
      if (value.some((v: string) => v.includes(MULTI_SEPARATOR))) return `« ${MULTI_SEPARATOR} » n'est pas permis dans une réponse.`;
      return this.setCell(questionId, value.join(MULTI_SEPARATOR));
    }
    if (q.type === 'scale' || q.type === 'number') {
      if (typeof value === 'number') return this.setCell(questionId, Number.isFinite(value) ? String(value) : 'NaN');
      if (typeof value === 'string') return this.setCell(questionId, value);
      return 'Un nombre est attendu.';
    }
    if (typeof value !== 'string') return 'Une réponse écrite est attendue.';
    return this.setCell(questionId, value);
  }

  /**
   * Checks the current row as a whole: an answer to a question its conditions hide,
   * a required question left empty. Returns `{ question, message }` per problem.
   */
  checkRow(alreadyWrong?: ReadonlySet<string>): Array<{ question: string; message: string }> {
    const row = this.size - 1;
    const problems: Array<{ question: string; message: string }> = [];
    if (!this.conditional.length) return problems;
    const get = (id: string) => valueAt(this.columns, this.byId, id, row);
    for (const q of this.conditional) {
      // A cell already reported as wrong is not reported again as "missing".
      if (alreadyWrong?.has(q.id)) continue;
      const shown = isShown(q, get);
      const answered = get(q.id) !== null;
      if (!shown && answered) {
        problems.push({ question: q.id, message: 'Réponse à une question qui ne concerne pas ce répondant (condition d’affichage non remplie).' });
      } else if (shown && !answered && q.required) {
        problems.push({ question: q.id, message: 'Réponse obligatoire manquante.' });
      }
    }
    return problems;
  }

  /** The current row's answers, as a record. */
  currentAnswers(): Answers {
    return rowAnswers({ questionnaire: this.questionnaire, size: this.size, ids: this.ids, columns: this.columns }, this.size - 1);
  }

  get rows(): number {
    return this.size;
  }

  build(): ResponseTable {
    const columns: Record<string, Column> = {};
    for (const [id, col] of Object.entries(this.columns)) {
      if (col.kind === 'choice') columns[id] = { kind: 'choice', codes: col.codes.subarray(0, this.size) };
      else if (col.kind === 'multi') columns[id] = { kind: 'multi', masks: col.masks.subarray(0, this.size) };
      else if (col.kind === 'numeric') columns[id] = { kind: 'numeric', values: col.values.subarray(0, this.size) };
      else columns[id] = col;
    }
    return { questionnaire: this.questionnaire, size: this.size, ids: this.ids, columns };
  }
}

function numberProblem(q: Question, n: number, raw: string): string | null {
  if (q.type === 'scale') {
    if (!Number.isInteger(n) || n < q.min || n > q.max) return `« ${raw} » n'est pas un nombre entier de ${q.min} à ${q.max}.`;
    return null;
  }
  if (q.type !== 'number') return null;
  if (!Number.isFinite(n)) return `« ${raw} » n'est pas un nombre.`;
  if (q.integer && !Number.isInteger(n)) return `« ${raw} » n'est pas un nombre entier.`;
  if (q.min !== undefined && n < q.min) return `« ${raw} » est inférieur au minimum (${formatNumber(q.min)}).`;
  if (q.max !== undefined && n > q.max) return `« ${raw} » est supérieur au maximum (${formatNumber(q.max)}).`;
  return null;
}

function valueAt(columns: Record<string, Column>, byId: Map<string, Question>, id: string, row: number): AnswerValue | null {
  const col = columns[id];
  const q = byId.get(id);
  if (!col || !q) return null;
  switch (col.kind) {
    case 'choice': {
      const c = col.codes[row]!;
      return c < 0 ? null : (q as { options: string[] }).options[c]!;
    }
    case 'multi': {
      const m = col.masks[row]!;
      if (!m) return null;
      return (q as { options: string[] }).options.filter((_, i) => m & (1 << i));
    }
    case 'numeric': {
      const v = col.values[row]!;
      return Number.isNaN(v) ? null : v;
    }
    case 'text':
      return col.values[row] ?? null;
  }
}

/** One respondent's answers as a record (question id → value); unanswered ones are left out. */
export function rowAnswers(table: ResponseTable, row: number): Answers {
  return answersReader(table)(row);
}

/** Reads respondents' answers as records, row after row (the question index is built once). */
export function answersReader(table: ResponseTable): (row: number) => Answers {
  const byId = new Map(table.questionnaire.questions.map((q) => [q.id, q]));
  const ids = table.questionnaire.questions.map((q) => q.id);
  return (row) => {
    const out: Answers = {};
    for (const id of ids) {
      const v = valueAt(table.columns, byId, id, row);
      if (v !== null) out[id] = v;
    }
    return out;
  };
}

/** Reads one column's value at a row (for conditions and filters over a table). */
export function tableLookup(table: ResponseTable): (row: number) => (id: string) => AnswerValue | null {
  const byId = new Map(table.questionnaire.questions.map((q) => [q.id, q]));
  return (row) => (id) => valueAt(table.columns, byId, id, row);
}

/**
 * Builds a table from answer records (stored responses). Returns the problems found,
 * by record index and question; a record with a problem is left out.
 */
export function tableFromAnswers(
  questionnaire: Questionnaire,
  records: ReadonlyArray<{ id?: string | null; answers: Record<string, unknown> }>,
  opts: { lenient?: boolean } = {},
): { table: ResponseTable; problems: Array<{ index: number; question: string; message: string }> } {
  const builder = new ResponseTableBuilder(questionnaire, records.length, { keepLongText: opts.lenient });
  const problems: Array<{ index: number; question: string; message: string }> = [];
  const known = new Set(questionnaire.questions.map((q) => q.id));
  records.forEach((r, index) => {
    builder.beginRow(r.id ?? null);
    const before = problems.length;
    const wrong = new Set<string>();
    for (const [qid, value] of Object.entries(r.answers)) {
      // Lenient (answers given to another version of the questionnaire): an answer that
      // no longer fits is left out, the rest of the respondent's answers count.
      if (opts.lenient && !known.has(qid)) continue;
      const message = builder.setAnswer(qid, value);
      if (message && !opts.lenient) {
        problems.push({ index, question: qid, message });
        wrong.add(qid);
      }
    }
    if (opts.lenient) return;
    for (const p of builder.checkRow(wrong)) problems.push({ index, ...p });
    if (problems.length > before) builder.dropLastRow();
  });
  return { table: builder.build(), problems };
}

/**
 * The table of answers given to any version of the questionnaire (lenient, as
 * `tableFromAnswers(…, { lenient: true })`), read batch by batch: only the table grows, the
 * records of a batch are dropped once copied in.
 */
export async function tableFromAnswerBatches(
  questionnaire: Questionnaire,
  batches: AsyncIterable<ReadonlyArray<{ id?: string | null; answers: Record<string, unknown> }>>,
): Promise<ResponseTable> {
  const builder = new ResponseTableBuilder(questionnaire, 256, { keepLongText: true });
  const known = new Set(questionnaire.questions.map((q) => q.id));
  for await (const batch of batches) {
    for (const r of batch) {
      builder.beginRow(r.id ?? null);
      for (const [qid, value] of Object.entries(r.answers)) if (known.has(qid)) builder.setAnswer(qid, value);
    }
  }
  return builder.build();
}

/** Checks each answer given so far, alone (a draft: no required or condition check). */
export function checkDraftAnswers(questionnaire: Questionnaire, answers: Record<string, unknown>): Array<{ question: string; message: string }> {
  const builder = new ResponseTableBuilder(questionnaire, 1);
  builder.beginRow(null);
  const problems: Array<{ question: string; message: string }> = [];
  for (const [qid, value] of Object.entries(answers)) {
    const message = builder.setAnswer(qid, value);
    if (message) problems.push({ question: qid, message });
  }
  return problems;
}

/** Checks one respondent's answers against the questionnaire (the answering page's submit). */
export function checkAnswers(questionnaire: Questionnaire, answers: Record<string, unknown>): Array<{ question: string; message: string }> {
  const { problems } = tableFromAnswers(questionnaire, [{ answers }]);
  return problems.map(({ question, message }) => ({ question, message }));
}
