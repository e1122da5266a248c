import { describe, expect, it } from 'vitest';
import { computeQuotient, quotientParts, resolveQuotient } from './quotient';

describe('quotientParts', () => {
  it.each([
    [0, 2],
    [1, 2.5],
    [2, 3],
    [3, 4],
    [4, 4.5],
    [5, 5],
  ])('%i children → %f parts', (n, parts) => expect(quotientParts(n)).toBe(parts));
  it('refuses negative or fractional counts', () => {
    expect(() => quotientParts(-1)).toThrow();
    expect(() => quotientParts(1.5)).toThrow();
  });
});

describe('computeQuotient', () => {
  it('single parent, one child: (18 000 / 12 + 200) / 2.5 = 680', () => {
    expect(computeQuotient({ annualIncomeCents: 1_800_000, familyBenefitsMonthlyCents: 20_000, dependentChildren: 1 })).toBe(680);
  });
  it('three children count 4 parts', () => {
    expect(computeQuotient({ annualIncomeCents: 2_400_000, familyBenefitsMonthlyCents: 40_000, dependentChildren: 3 })).toBe(600);
  });
  it('truncates to the euro', () => {
    // (10 000 / 12 + 0) / 3 = 277.77…
    expect(computeQuotient({ annualIncomeCents: 1_000_000, familyBenefitsMonthlyCents: 0, dependentChildren: 2 })).toBe(277);
  });
  it('no income, benefits only', () => {
    expect(computeQuotient({ annualIncomeCents: 0, familyBenefitsMonthlyCents: 60_000, dependentChildren: 2 })).toBe(200);
  });
});

describe('resolveQuotient', () => {
  it('entered wins', () => {
    expect(resolveQuotient({ entered: 512, annualIncomeCents: 1_800_000, familyBenefitsMonthlyCents: 0, dependentChildren: 1 })).toEqual({
      value: 512,
      source: 'entered',
    });
  });
  it('computed when income known', () => {
    expect(resolveQuotient({ entered: null, annualIncomeCents: 1_200_000, familyBenefitsMonthlyCents: null, dependentChildren: 0 })).toEqual({
      value: 500,
      source: 'computed',
    });
  });
  it('unknown without income', () => {
    expect(resolveQuotient({ entered: null, annualIncomeCents: null, familyBenefitsMonthlyCents: 10_000, dependentChildren: 2 })).toEqual({
      value: null,
      source: null,
    });
  });
});
