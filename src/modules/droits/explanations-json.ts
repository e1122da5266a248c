/**
 * The JSON line of one household for `relais droits simulate --jsonl`, written straight from
 * the amounts and the explanation records (explain.ts `Tracer`) — no object tree, no
 * JSON.stringify of it. For `inline`, `household` and without explanations the text is
 * exactly `JSON.stringify(engine.run(…))` (explanations-json.test.ts proves it); `ids` is
 * the compact form (README « Compact output »):
 *
 *   {"id":…,"period":…,"catalogue":"<version>","amounts":{…},"net_crds":{…},
 *    "explanations":{"asf":{"eligible":true,"reason":3,"steps":[[0,"avril 2026"],[1,2,17],…]},…}}
 *
 * a step being `[label, value]`, `[label, value, parameter]` or `[label, value, parameter|null,
 * arg1, arg2…]`: numbers in the catalogue's `labels`, `parameters` (and `reasons`).
 */
import { BENEFITS } from './benefits';
import type { Amounts, ReferenceMode } from './engine';
import { STEP_LABELS, formatLabel } from './explanations-catalogue';
import type { Explanation, Step, StepValue, Tracer } from './explain';

/** What the numbers of a compact line mean (served by `relais droits references`). */
export interface Catalogue {
  /** Changes whenever a list below changes: written on every compact line. */
  version: string;
  labels: string[];
  reasons: string[];
  parameters: string[];
}

/**
 * UTF-8 output written in place: the batch's lines go into one growing buffer (no string per
 * piece, no rope to flatten, no encoding of the whole line at the end), handed to the writer
 * (or transferred from a worker) as bytes.
 */
export class ByteWriter {
  private buf = Buffer.allocUnsafeSlow(1 << 16);
  pos = 0;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A text known to be ASCII (numbers, keys). */
  ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.pos++] = c;
  }

  /**
   * A number as JSON.stringify writes it. Amounts (whole cents) and rates (four decimals) —
   * nearly every number of a line — are written digit by digit, without a string: for
   * `c / 10^k === n` with |c| < 2^31, the shortest text that reads back as n (what
   * JSON.stringify writes) is c's digits with the point k places from the right and the
   * trailing zeros dropped. Anything else goes through String(n).
   */
  number(n: number): void {
    let c = Math.round(n * 100);
    let k = 2;
    if (c / 100 !== n) {
      c = Math.round(n * 10_000);
      k = 4;
      if (c / 10_000 !== n) return this.ascii(Number.isFinite(n) ? String(n) : 'null');
    }
    if (!(c < 2_147_483_647 && c > -2_147_483_647)) return this.ascii(Number.isFinite(n) ? String(n) : 'null');
    this.room(16);
    if (c < 0) {
      this.buf[this.pos++] = 0x2d;
      c = -c;
    }
    const scale = k === 2 ? 100 : 10_000;
    const whole = Math.floor(c / scale);
    let frac = c - whole * scale;
    // The whole part's digits, from the last one back.
    let size = 1;
    for (let x = whole; x >= 10; x = Math.floor(x / 10)) size++;
    const buf = this.buf;
    let at = this.pos + size;
    this.pos = at;
    let x = whole;
    do {
      const q = Math.floor(x / 10);
      buf[--at] = 48 + x - q * 10;
      x = q;
    } while (x > 0);
    if (frac === 0) return;
    buf[this.pos++] = 0x2e;
    let div = scale / 10;
    while (frac > 0) {
      const q = Math.floor(frac / div);
      buf[this.pos++] = 48 + q;
      frac -= q * div;
      div /= 10;
    }
  }

  utf8(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /**
   * The bytes written since the last take, in a buffer of their own (transferable); the writer
   * starts again. A full batch's bytes are handed over as they are (no copy) and the writer
   * takes a new buffer of about their size (not zero-filled); a small run is copied out.
   */
  take(): Uint8Array {
    const n = this.pos;
    this.pos = 0;
    if (n < this.buf.length / 4) {
      const out = Buffer.allocUnsafeSlow(n);
      this.buf.copy(out, 0, 0, n);
      return out;
    }
    const out = this.buf.subarray(0, n);
    // Room for a batch like this one, a little more: the batches of a file are alike.
    this.buf = Buffer.allocUnsafeSlow(Math.max(1 << 16, Math.ceil(n * 1.25)));
    return out;
  }

  text(): string {
    const s = this.buf.toString('utf8', 0, this.pos);
    this.pos = 0;
    return s;
  }
}

const enc = (s: string) => Buffer.from(s, 'utf8');

// JSON of the texts that are always the same strings (references, parameter ids, months): encoded once.
const encoded = new Map<string, Buffer>();
function quoted(w: ByteWriter, s: string): void {
  let b = encoded.get(s);
  if (b === undefined) {
    b = enc(JSON.stringify(s));
    if (encoded.size < 10_000) encoded.set(s, b);
  }
  w.bytes(b);
}

/** As JSON.stringify writes a number. */
function num(w: ByteWriter, n: number): void {
  if (Number.isInteger(n) && n >= 0 && n < 10) w.byte(48 + n);
  else w.number(n);
}

// A step's text value or label argument: a month, a year, a zone — a short list, encoded once each.
const encodedInner = new Map<string, Buffer>();
/** `s` escaped as inside a JSON string, without the quotes. */
function inner(w: ByteWriter, s: string): void {
  let b = encodedInner.get(s);
  if (b === undefined) {
    b = enc(JSON.stringify(s).slice(1, -1));
    if (encodedInner.size < 10_000) encodedInner.set(s, b);
  }
  w.bytes(b);
}

function value(w: ByteWriter, v: StepValue): void {
  if (typeof v === 'number') num(w, v);
  else if (typeof v === 'string') quoted(w, v);
  else w.ascii(v ? 'true' : 'false');
}

const KEYS = BENEFITS.map((k, i) => enc(`${i ? ',' : ''}"${k}":`));
const LABELS_JSON = STEP_LABELS.map((l) => enc(`{"label":${JSON.stringify(l)}`));
const LABEL_VALUE_JSON = STEP_LABELS.map((l) => enc(`{"label":${JSON.stringify(l)},"value":`));

/**
 * `,"parameter":<id>}` or `,"parameter":<id>,"reference":<text>}`, encoded once per parameter
 * (and again only if its reference changes: another period's).
 */
const stepEnds = new Map<string, { ref: string | undefined; bytes: Buffer }[]>();
function stepEnd(parameter: string, ref: string | undefined): Buffer {
  let known = stepEnds.get(parameter);
  if (!known) stepEnds.set(parameter, (known = []));
  for (const k of known) if (k.ref === ref) return k.bytes;
  const bytes = enc(`,"parameter":${JSON.stringify(parameter)}${ref ? `,"reference":${JSON.stringify(ref)}` : ''}}`);
  if (known.length < 16) known.push({ ref, bytes });
  return bytes;
}
/** Each label's JSON cut at its `{n}`: the text between them (escaped, encoded), and which argument goes after each. */
const LABEL_PIECES = STEP_LABELS.map((l) => {
  const texts: Buffer[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const m of l.matchAll(/\{(\d)\}/g)) {
    texts.push(enc(JSON.stringify(l.slice(last, m.index)).slice(1, -1)));
    slots.push(Number(m[1]) - 1);
    last = m.index + m[0].length;
  }
  texts.push(enc(JSON.stringify(l.slice(last)).slice(1, -1)));
  return { texts, slots };
});
const B = {
  open: enc('{"label":"'),
  value: enc(',"value":'),
  eligibleTrue: enc('{"eligible":true,"reason":'),
  eligibleFalse: enc('{"eligible":false,"reason":'),
  steps: enc(',"steps":['),
  noSteps: enc(',"reason":"","steps":[]}'),
  explanations: enc(',"explanations":{'),
  amounts: enc(',"amounts":'),
  net: enc(',"net_crds":'),
  references: enc(',"references":{'),
};
const REASONS_JSON = new Map<string, Buffer>();

function amountsJson(w: ByteWriter, a: Amounts): void {
  w.byte(0x7b);
  for (let i = 0; i < BENEFITS.length; i++) {
    w.bytes(KEYS[i]!);
    num(w, a[BENEFITS[i]!]);
  }
  w.byte(0x7d);
}

/** `{"label":<label>` of step i, its arguments put in (as formatLabel does). */
function label(w: ByteWriter, t: Tracer, i: number): void {
  const args = t.args[i];
  if (!args) return w.bytes(LABELS_JSON[t.label[i]!]!);
  const { texts, slots } = LABEL_PIECES[t.label[i]!]!;
  w.bytes(B.open);
  w.bytes(texts[0]!);
  for (let k = 0; k < slots.length; k++) {
    inner(w, String(args[slots[k]!]));
    w.bytes(texts[k + 1]!);
  }
  w.byte(0x22);
}

function indexOf(parameterIndex: ReadonlyMap<string, number>, parameter: string): number {
  const n = parameterIndex.get(parameter);
  if (n === undefined) throw new Error(`parameter ${parameter} is not in the catalogue`);
  return n;
}

export interface LineInput {
  id: string;
  period: string;
  amounts: Amounts;
  net: Amounts;
  /** null: without explanations. */
  explained: Tracer | null;
  reasons: string[];
}

/** Writes the household's line (without its "\n"). */
export function writeResult(w: ByteWriter, r: LineInput, mode: ReferenceMode, catalogue: Catalogue, parameterIndex: ReadonlyMap<string, number>): void {
  const t = r.explained;
  const compact = mode === 'ids' && t !== null;
  w.utf8(`{"id":${JSON.stringify(r.id)},"period":${JSON.stringify(r.period)}`);
  if (compact) w.utf8(`,"catalogue":${JSON.stringify(catalogue.version)}`);
  w.bytes(B.amounts);
  amountsJson(w, r.amounts);
  w.bytes(B.net);
  amountsJson(w, r.net);
  w.bytes(B.explanations);
  if (t === null) {
    for (let e = 0; e < BENEFITS.length; e++) {
      w.bytes(KEYS[e]!);
      w.ascii(`{"eligible":${r.amounts[BENEFITS[e]!] > 0}`);
      w.bytes(B.noSteps);
    }
    w.ascii('}}');
    return;
  }
  const collected = mode === 'household' ? new Map<string, string>() : null;
  for (let e = 0; e < BENEFITS.length; e++) {
    w.bytes(KEYS[e]!);
    w.bytes(t.eligible[e] ? B.eligibleTrue : B.eligibleFalse);
    if (compact) num(w, t.reason[e]!);
    else {
      const reason = r.reasons[t.reason[e]!]!;
      let b = REASONS_JSON.get(reason);
      if (!b) REASONS_JSON.set(reason, (b = enc(JSON.stringify(reason))));
      w.bytes(b);
    }
    w.bytes(B.steps);
    const first = t.start(e);
    const end = t.ends[e]!;
    for (let i = first; i < end; i++) {
      if (i > first) w.byte(0x2c);
      const parameter = t.parameter[i];
      if (compact) {
        w.byte(0x5b);
        num(w, t.label[i]!);
        w.byte(0x2c);
        value(w, t.value[i]!);
        const args = t.args[i];
        if (parameter || args) {
          w.byte(0x2c);
          if (parameter) num(w, indexOf(parameterIndex, parameter));
          else w.ascii('null');
        }
        if (args)
          for (const a of args) {
            w.byte(0x2c);
            if (typeof a === 'number') num(w, a);
            else quoted(w, a);
          }
        w.byte(0x5d);
        continue;
      }
      // `{"label":…,"value":` in one piece when the label has no argument.
      if (t.args[i]) {
        label(w, t, i);
        w.bytes(B.value);
      } else w.bytes(LABEL_VALUE_JSON[t.label[i]!]!);
      value(w, t.value[i]!);
      if (parameter) {
        const ref = t.reference[i];
        if (ref && collected && !collected.has(parameter)) collected.set(parameter, ref);
        // `,"parameter":…,"reference":…}` in one piece.
        w.bytes(stepEnd(parameter, collected ? undefined : ref));
      } else w.byte(0x7d);
    }
    w.ascii(']}');
  }
  w.byte(0x7d);
  if (collected) {
    w.bytes(B.references);
    let first = true;
    for (const [parameter, ref] of collected) {
      if (!first) w.byte(0x2c);
      quoted(w, parameter);
      w.byte(0x3a);
      quoted(w, ref);
      first = false;
    }
    w.byte(0x7d);
  }
  w.byte(0x7d);
}

type CompactStep = [number, StepValue, (number | null)?, ...(string | number)[]];
interface CompactLine {
  id: string;
  period: string;
  catalogue: string;
  amounts: Amounts;
  net_crds: Amounts;
  explanations: Record<string, { eligible: boolean; reason: number; steps: CompactStep[] }>;
}

/**
 * How a reader turns a compact (`ids`) line back into the inline one (the README's recipe,
 * written once): labels and reasons from the catalogue, `{n}` replaced by the step's n-th
 * argument, the parameter's id from `parameters`, and its legal reference (`references` of
 * `relais droits references --period <the line's period>`) on the first step of each
 * explanation that has that reference.
 */
export function resolveCompactLine(
  line: string,
  catalogue: Catalogue,
  references: Record<string, { text: string }>,
): { id: string; period: string; amounts: Amounts; net_crds: Amounts; explanations: Record<string, Explanation> } {
  const c = JSON.parse(line) as CompactLine;
  if (c.catalogue !== catalogue.version) throw new Error(`catalogue ${c.catalogue} attendu, ${catalogue.version} fourni`);
  const explanations: Record<string, Explanation> = {};
  for (const [key, e] of Object.entries(c.explanations)) {
    const seen = new Set<string>();
    const steps = e.steps.map(([label, value, parameter, ...args]): Step => {
      const step: Step = { label: formatLabel(catalogue.labels[label]!, args), value };
      if (parameter !== undefined && parameter !== null) {
        step.parameter = catalogue.parameters[parameter]!;
        const ref = references[step.parameter]?.text;
        if (ref && !seen.has(ref)) {
          step.reference = ref;
          seen.add(ref);
        }
      }
      return step;
    });
    explanations[key] = { eligible: e.eligible, reason: catalogue.reasons[e.reason]!, steps };
  }
  return { id: c.id, period: c.period, amounts: c.amounts, net_crds: c.net_crds, explanations };
}
