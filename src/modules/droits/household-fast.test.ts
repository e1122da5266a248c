/**
 * The hand-written validator of the batch path (`wellFormedInput`) against zod's schema, the
 * contract: on every household below — the benefits sample and each of its fields replaced by
 * tricky values, one at a time and a few at once — it either gives exactly zod's output or
 * steps aside (null: zod then words the error). It never accepts what zod refuses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { householdInputSchema, wellFormedInput } from './household';

const sample = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'benefits-sample.json'), 'utf8')) as {
  cases: { input: Record<string, unknown> }[];
};

const TRICKY: unknown[] = [
  undefined,
  null,
  0,
  -0,
  -1,
  1,
  1.5,
  2,
  3,
  4,
  120,
  121,
  1_000_000,
  1_000_000.01,
  Infinity,
  -Infinity,
  NaN,
  '',
  '1',
  '1bis',
  '2',
  '3',
  '4',
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(200),
  'x'.repeat(201),
  '2015-04-28',
  'actif',
  'chomeur',
  'locataire_hlm',
  'proprietaire',
  true,
  false,
  [],
  [{}],
  [{ age: 3 }],
  Array.from({ length: 15 }, () => ({ age: 4 })),
  Array.from({ length: 16 }, () => ({ age: 4 })),
  {},
  { age: 3, prenom: 'Léa' },
];

const PATHS = [
  ['id'],
  ['period'],
  ['parent'],
  ['parent', 'age'],
  ['parent', 'date_naissance'],
  ['parent', 'salaire_net_mensuel'],
  ['parent', 'chomage_net_mensuel'],
  ['parent', 'salaire_imposable_mensuel'],
  ['parent', 'chomage_imposable_mensuel'],
  ['parent', 'activite'],
  ['parent', 'date_debut_chomage'],
  ['parent', 'extra'],
  ['children'],
  ['children', 0],
  ['children', 0, 'age'],
  ['children', 0, 'date_naissance'],
  ['children', 0, 'prenom'],
  ['housing'],
  ['housing', 'statut'],
  ['housing', 'loyer_mensuel'],
  ['housing', 'depcom'],
  ['housing', 'commune'],
  ['housing', 'zone'],
  ['pension_alimentaire_recue_mensuelle'],
  ['pension_alimentaire_fixee_mensuelle'],
  ['isolement_recent'],
  ['extra'],
] as const;

/** A deep copy of `base` with the value at `at` set (undefined: the key removed). */
function withValue(base: unknown, at: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let o = copy;
  for (const k of at.slice(0, -1)) {
    const next = o[k];
    if (typeof next !== 'object' || next === null) return copy;
    o = next as Record<string | number, unknown>;
  }
  const last = at[at.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
  return copy;
}

function check(raw: unknown): 'same' | 'zod' {
  const fast = wellFormedInput(raw);
  const zod = householdInputSchema.safeParse(raw);
  if (fast === null) return 'zod';
  expect(zod.success, JSON.stringify(raw)).toBe(true);
  expect(fast).toStrictEqual(zod.data);
  return 'same';
}

describe('wellFormedInput: zod’s output, or null', () => {
  it('the benefits sample as it is: every household taken by the fast path, with zod’s output', () => {
    for (const c of sample.cases) expect(check(c.input)).toBe('same');
  });
  it('each field replaced by a tricky value (or removed): zod’s output or null, never more', () => {
    let same = 0;
    let total = 0;
    for (const c of sample.cases.slice(0, 8)) {
      for (const at of PATHS) {
        for (const v of TRICKY) {
          total++;
          if (check(withValue(c.input, at, v)) === 'same') same++;
        }
      }
    }
    // Most of these are refused; the fast path still takes the valid ones.
    expect(same).toBeGreaterThan(total / 10);
  });
  it('two fields at once, and shapes zod must refuse', () => {
    const base = sample.cases[3]!.input;
    for (const a of PATHS) for (const b of PATHS) for (const v of [null, -1, '1bis', 1.5, [], 'x'.repeat(201)]) check(withValue(withValue(base, a, v), b, 7));
    for (const raw of [null, undefined, 5, 'x', [], [base], {}, { ...base, parent: [] }, { ...base, housing: [] }, { ...base, children: {} }])
      expect(wellFormedInput(raw)).toBeNull();
  });
});
