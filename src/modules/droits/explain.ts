/**
 * Explanations: every benefit says whether the family is eligible, why, and the steps
 * of the computation in plain French, each step naming the parameter it used and its
 * legal reference when there is one.
 */
export interface Step {
  label: string;
  value: string | number | boolean;
  parameter?: string;
  reference?: string;
}

export interface Explanation {
  eligible: boolean;
  reason: string;
  steps: Step[];
}

/**
 * Collects steps; formulas call it only when an explanation is wanted (null otherwise).
 * `collected` given: a step's reference goes there (parameter id → text) instead of on the
 * step (engine.ts `references: 'household'`); `referenceOf` null: no reference at all (`ids`).
 */
export class Tracer {
  readonly steps: Step[] = [];
  /** A legal reference is written once per explanation, on the first step that uses it. */
  private readonly referenced = new Set<string>();
  constructor(
    private readonly referenceOf: ((parameter: string) => string | undefined) | null,
    private readonly collected?: Record<string, string>,
  ) {}

  step(label: string, value: Step['value'], parameter?: string): void {
    const s: Step = { label, value: typeof value === 'number' ? round4(value) : value };
    if (parameter) {
      s.parameter = parameter;
      const ref = this.referenceOf?.(parameter);
      if (ref && !this.referenced.has(ref)) {
        if (this.collected) this.collected[parameter] = ref;
        else s.reference = ref;
        this.referenced.add(ref);
      }
    }
    this.steps.push(s);
  }

  take(): Step[] {
    this.referenced.clear();
    return this.steps.splice(0, this.steps.length);
  }
}

/** Euros keep their cents; rates and coefficients (below 1) keep four decimals. */
function round4(x: number): number {
  return Math.abs(x) >= 1 ? Math.round(x * 100) / 100 : Math.round(x * 10000) / 10000;
}
