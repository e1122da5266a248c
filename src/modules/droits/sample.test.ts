import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENEFITS } from './benefits';
import { defaultEngine } from './engine';

const SAMPLE = path.resolve(import.meta.dirname, 'fixtures/benefits-sample.json');
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
  cases: { input: { id: string }; expected: Record<string, number>; expected_net_crds: Record<string, number> }[];
};

describe('benefits sample (OpenFisca-France 176.0.7), to the cent', () => {
  const engine = defaultEngine();
  it('has 40 households', () => expect(sample.cases).toHaveLength(40));
  for (const c of sample.cases) {
    it(`${c.input.id}: every amount and every amount after CRDS`, () => {
      const r = engine.simulate(c.input);
      for (const key of BENEFITS) {
        expect({ key, amount: r.amounts[key] }).toEqual({ key, amount: c.expected[key] });
        expect({ key, net: r.net_crds[key] }).toEqual({ key, net: c.expected_net_crds[key] });
      }
    });
  }
});
