/**
 * How a criterion's value (0 to 1) is read from the household file, where it can be: the
 * family does not retype what the file already says (it may still correct it, and an agent
 * verifies it against the proof). Pure.
 *
 * Derivation rules, as stored in a criterion's `derive`:
 * - `single_parent`: the other parent does not share custody (no other parent, exclusive
 *   custody, visiting rights only) → 1; shared custody (garde alternée) → 0.5;
 * - `qf:MIN-MAX`: the file's quotient familial is between MIN and MAX euros → 1, else 0;
 * - `work`: the parent works (activity « actif ») → 1, else 0 (training is declared);
 * - `siblings`: two children or more in the application, kept together → 1;
 * - `lost`: the family took part in an earlier campaign without getting a place → 1;
 * - `refused`: the family refused a matching offer in the last 12 months → 1;
 * - none: declared by the family (0 unless it says so).
 */
const DERIVATIONS = ['single_parent', 'work', 'siblings', 'lost', 'refused'] as const;
const QF = /^qf:(\d{1,6})-(\d{1,6})$/;

export function isDerivation(spec: string): boolean {
  if ((DERIVATIONS as readonly string[]).includes(spec)) return true;
  const m = QF.exec(spec);
  return Boolean(m && Number(m[1]) <= Number(m[2]));
}

export interface DeriveInput {
  /** null: no other parent in the file. */
  custody: 'exclusive' | 'alternate' | 'visiting' | 'none' | null;
  quotient: number | null;
  activity: string | null;
  children: number;
  keepTogether: boolean;
  lostCampaigns: number;
  refusals: number;
}

/** The value the file gives, or null when the file does not say (the family declares). */
export function deriveValue(spec: string | null, input: DeriveInput): number | null {
  if (!spec) return null;
  switch (spec) {
    case 'single_parent':
      return input.custody === 'alternate' ? 0.5 : 1;
    case 'work':
      return input.activity == null ? null : input.activity === 'actif' ? 1 : 0;
    case 'siblings':
      return input.children >= 2 && input.keepTogether ? 1 : 0;
    case 'lost':
      return input.lostCampaigns > 0 ? 1 : 0;
    case 'refused':
      return input.refusals > 0 ? 1 : 0;
  }
  const m = QF.exec(spec);
  if (m) {
    if (input.quotient == null) return null;
    return input.quotient >= Number(m[1]) && input.quotient <= Number(m[2]) ? 1 : 0;
  }
  return null;
}

type ValueSource = 'prefilled' | 'declared' | 'verified';
export interface StoredValue {
  value: number;
  source: ValueSource;
}

/**
 * The values an application is stored with: the file's where it says something, the
 * family's correction where it gives one (declared), 0 otherwise (declared).
 */
export function applicationValues(
  criteria: readonly { code: string; derive: string | null }[],
  input: DeriveInput,
  declared: Record<string, number>,
): Record<string, StoredValue> {
  const out: Record<string, StoredValue> = {};
  for (const c of criteria) {
    const derived = deriveValue(c.derive, input);
    const own = declared[c.code];
    if (own !== undefined && own !== derived) out[c.code] = { value: own, source: 'declared' };
    else if (derived !== null) out[c.code] = { value: derived, source: 'prefilled' };
    else out[c.code] = { value: 0, source: 'declared' };
  }
  return out;
}
