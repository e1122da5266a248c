/**
 * Explanations: every benefit says whether the family is eligible, why, and the steps
 * of the computation in plain French, each step naming the parameter it used and its
 * legal reference when there is one.
 *
 * The steps are recorded once, as flat records (`Tracer`: a label's number in the
 * catalogue, its arguments, the value, the parameter, the reference), then written out:
 * as objects for the API (`toExplanations`), or straight into the JSON line of the batch
 * command (explanations-json.ts) in any `--references` mode, without objects in between.
 */
import { BENEFITS, type BenefitKey } from './benefits';
import type { DayNumber } from './dates';
import { LABEL_ID, REASONS, REASON_ID, type Reason, STEP_LABELS, type StepLabel, formatLabel } from './explanations-catalogue';
import type { Legislation } from './parameters';

export type StepValue = string | number | boolean;

export interface Step {
  label: string;
  value: StepValue;
  parameter?: string;
  reference?: string;
}

export interface Explanation {
  eligible: boolean;
  reason: string;
  steps: Step[];
}

export type LabelArgs = readonly (string | number)[];

/**
 * Collects the steps of the explanations of one household, in the order of BENEFITS; formulas
 * call it only when an explanation is wanted. `references` null: no reference is looked up
 * (`--references ids`: the reader resolves the parameter ids).
 */
export class Tracer {
  /** Per step: its label's number in STEP_LABELS. */
  readonly label: number[] = [];
  /** Per step: the label's arguments (`{1}`, `{2}`), if any. */
  readonly args: (LabelArgs | undefined)[] = [];
  readonly value: StepValue[] = [];
  readonly parameter: (string | undefined)[] = [];
  /** Per step: the legal reference of its parameter when it is the first step of its explanation with that reference. */
  readonly reference: (string | undefined)[] = [];
  /** Per explanation (BENEFITS order): the index after its last step, eligible, its reason's number in REASONS. */
  readonly ends: number[] = [];
  readonly eligible: boolean[] = [];
  readonly reason: number[] = [];
  /** A legal reference is written once per explanation, on the first step that uses it. */
  private readonly referenced = new Set<string>();

  /** `references` null: no reference is looked up; otherwise those in force on `day`. */
  constructor(
    private references: Pick<Legislation, 'referenceText'> | null,
    private day: DayNumber,
  ) {}

  /**
   * Empties the records for another household (the batch command reuses one tracer: its
   * arrays keep their room instead of growing again for every household).
   */
  reset(references: Pick<Legislation, 'referenceText'> | null, day: DayNumber): this {
    this.references = references;
    this.day = day;
    this.label.length = 0;
    this.args.length = 0;
    this.value.length = 0;
    this.parameter.length = 0;
    this.reference.length = 0;
    this.ends.length = 0;
    this.eligible.length = 0;
    this.reason.length = 0;
    if (this.referenced.size) this.referenced.clear();
    return this;
  }

  /** A step; `arg1`, `arg2` fill the label's `{1}`, `{2}`. */
  step(label: StepLabel, value: StepValue, parameter?: string, arg1?: string | number, arg2?: string | number): void {
    this.label.push(LABEL_ID.get(label)!);
    this.args.push(arg1 === undefined ? undefined : arg2 === undefined ? [arg1] : [arg1, arg2]);
    this.value.push(typeof value === 'number' ? round4(value) : value);
    this.parameter.push(parameter);
    let reference: string | undefined;
    if (parameter && this.references) {
      const ref = this.references.referenceText(parameter, this.day);
      if (ref && !this.referenced.has(ref)) {
        reference = ref;
        this.referenced.add(ref);
      }
    }
    this.reference.push(reference);
  }

  /** Closes the explanation of `key` (benefits come in the order of BENEFITS). */
  end(key: BenefitKey, eligible: boolean, reason: Reason): void {
    if (BENEFITS[this.ends.length] !== key) throw new Error(`explanation of ${key} out of order`);
    this.ends.push(this.label.length);
    this.eligible.push(eligible);
    this.reason.push(REASON_ID.get(reason)!);
    // clear() makes a new table even for an empty set (and without references it stays empty).
    if (this.referenced.size) this.referenced.clear();
  }

  /** Where the steps of explanation `i` start. */
  start(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }
}

/** The label of step `i` as people read it. */
function stepLabel(t: Tracer, i: number): string {
  return formatLabel(STEP_LABELS[t.label[i]!]!, t.args[i]);
}

/**
 * The explanations as objects (the API's shape). `collected` given (`--references
 * household`): the references go there (parameter id → text) instead of on the steps;
 * `withReferences` false: none at all.
 */
export function toExplanations(t: Tracer, withReferences: boolean, collected?: Record<string, string>): Record<BenefitKey, Explanation> {
  const out = {} as Record<BenefitKey, Explanation>;
  BENEFITS.forEach((key, e) => {
    const steps: Step[] = [];
    for (let i = t.start(e); i < t.ends[e]!; i++) {
      const s: Step = { label: stepLabel(t, i), value: t.value[i]! };
      const parameter = t.parameter[i];
      if (parameter) {
        s.parameter = parameter;
        const ref = t.reference[i];
        if (ref && withReferences) {
          if (collected) collected[parameter] = ref;
          else s.reference = ref;
        }
      }
      steps.push(s);
    }
    out[key] = { eligible: t.eligible[e]!, reason: REASONS[t.reason[e]!]!, steps };
  });
  return out;
}

/** Euros keep their cents; rates and coefficients (below 1) keep four decimals. */
function round4(x: number): number {
  return Math.abs(x) >= 1 ? Math.round(x * 100) / 100 : Math.round(x * 10000) / 10000;
}
