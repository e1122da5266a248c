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

// JSON of the texts that come from finite sets (labels, reasons, references, parameter ids,
// the few texts that are values): escaped once. Bounded, in case values ever vary more.
const quoted = new Map<string, string>();
function q(s: string): string {
  let j = quoted.get(s);
  if (j === undefined) {
    j = JSON.stringify(s);
    if (quoted.size < 50_000) quoted.set(s, j);
  }
  return j;
}

/** As JSON.stringify writes a number. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

function value(v: StepValue): string {
  return typeof v === 'number' ? num(v) : typeof v === 'string' ? q(v) : v ? 'true' : 'false';
}

const KEYS = BENEFITS.map((k) => `"${k}":`);
const LABELS_JSON = STEP_LABELS.map((l) => JSON.stringify(l));

function amountsJson(a: Amounts): string {
  let s = '{';
  for (let i = 0; i < BENEFITS.length; i++) s += (i ? ',' : '') + KEYS[i] + num(a[BENEFITS[i]!]);
  return s + '}';
}

function labelJson(t: Tracer, i: number): string {
  const args = t.args[i];
  return args ? q(formatLabel(STEP_LABELS[t.label[i]!]!, args)) : LABELS_JSON[t.label[i]!]!;
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

/** The household's line (without its "\n"). */
export function resultLine(r: LineInput, mode: ReferenceMode, catalogue: Catalogue, parameterIndex: ReadonlyMap<string, number>): string {
  const t = r.explained;
  const compact = mode === 'ids' && t !== null;
  let s = `{"id":${q(r.id)},"period":${q(r.period)}`;
  if (compact) s += `,"catalogue":${q(catalogue.version)}`;
  s += `,"amounts":${amountsJson(r.amounts)},"net_crds":${amountsJson(r.net)},"explanations":{`;
  if (t === null) {
    for (let e = 0; e < BENEFITS.length; e++) s += `${e ? ',' : ''}${KEYS[e]}{"eligible":${r.amounts[BENEFITS[e]!] > 0},"reason":"","steps":[]}`;
    return s + '}}';
  }
  const collected = mode === 'household' ? new Map<string, string>() : null;
  for (let e = 0; e < BENEFITS.length; e++) {
    s += `${e ? ',' : ''}${KEYS[e]}{"eligible":${t.eligible[e]},"reason":${compact ? t.reason[e] : q(r.reasons[t.reason[e]!]!)},"steps":[`;
    const end = t.ends[e]!;
    for (let i = t.start(e); i < end; i++) {
      if (i > t.start(e)) s += ',';
      const parameter = t.parameter[i];
      if (compact) {
        s += `[${t.label[i]},${value(t.value[i]!)}`;
        const args = t.args[i];
        if (parameter || args) s += `,${parameter ? indexOf(parameterIndex, parameter) : 'null'}`;
        if (args) for (const a of args) s += `,${typeof a === 'number' ? num(a) : q(a)}`;
        s += ']';
        continue;
      }
      s += `{"label":${labelJson(t, i)},"value":${value(t.value[i]!)}`;
      if (parameter) {
        s += `,"parameter":${q(parameter)}`;
        const ref = t.reference[i];
        if (ref) {
          if (collected) {
            if (!collected.has(parameter)) collected.set(parameter, ref);
          } else s += `,"reference":${q(ref)}`;
        }
      }
      s += '}';
    }
    s += ']}';
  }
  s += '}';
  if (collected) {
    s += ',"references":{';
    let first = true;
    for (const [parameter, ref] of collected) {
      s += `${first ? '' : ','}${q(parameter)}:${q(ref)}`;
      first = false;
    }
    s += '}';
  }
  return s + '}';
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
