import { describe, expect, it } from 'vitest';
import { effortRate, estimateCmg } from './cmg';
import { cmgParameters, type CmgParameters } from './entraide-rules';

/** The figures of the rules file at the time of writing, fixed here so the hand computations stay valid. */
const P: CmgParameters = {
  from: '2025-09-01',
  sources: ['test'],
  hourlyCostCapCents: 1500,
  resourcesFloorCents: 80100,
  resourcesCeilingCents: 700000,
  effortRateByChildren: [
    { children: 1, rate: 0.000619 },
    { children: 2, rate: 0.000516 },
    { children: 3, rate: 0.000413 },
    { children: 4, rate: 0.00031 },
    { children: 8, rate: 0.000206 },
  ],
  maxChildAge: { couple: 6, singleParent: 12 },
  verified: {},
};

describe('CMG estimate (garde à domicile, hand-computed cases)', () => {
  it('1 child, 2 000 € a month, 40 h at 12 €: 40 × (12 − 2 000 × 0.0619 %) = 430.48 €', () => {
    expect(estimateCmg(P, { minutes: 2400, costCents: 48000, monthlyResourcesCents: 200000, children: 1 })).toEqual({
      cmgCents: 43048,
      leftCents: 4952,
      participationPerHourCents: 124,
      hourlyCostRetainedCents: 1200,
    });
  });

  it('the hourly cost is capped at 15 € and resources below the floor count as the floor (801 €)', () => {
    // 10 h at 18 €, 500 € a month: 10 × (15 − 801 × 0.0619 %) = 10 × (15 − 0.495819) = 145.04 €
    const r = estimateCmg(P, { minutes: 600, costCents: 18000, monthlyResourcesCents: 50000, children: 1 });
    expect(r.cmgCents).toBe(14504);
    expect(r.leftCents).toBe(3496);
    expect(r.hourlyCostRetainedCents).toBe(1500);
  });

  it('resources above the ceiling count as the ceiling (7 000 €), 2 children', () => {
    // 20 h at 10 €: 20 × (10 − 7 000 × 0.0516 %) = 20 × 6.388 = 127.76 €
    expect(estimateCmg(P, { minutes: 1200, costCents: 20000, monthlyResourcesCents: 1_000_000, children: 2 }).cmgCents).toBe(12776);
  });

  it('from 4 children to 7 the same rate, from 8 the lowest', () => {
    expect(effortRate(P, 5)).toBe(0.00031);
    expect(effortRate(P, 8)).toBe(0.000206);
    expect(effortRate(P, 0)).toBe(0.000619);
    // 30 h at 9 €, 3 000 € a month, 5 children: 30 × (9 − 0.93) = 242.10 €
    expect(estimateCmg(P, { minutes: 1800, costCents: 27000, monthlyResourcesCents: 300000, children: 5 }).cmgCents).toBe(24210);
  });

  it('nothing when the participation is above the hourly cost, or no hours', () => {
    // 7 000 € × 0.0619 % = 4.333 € an hour > 4 € an hour
    expect(estimateCmg(P, { minutes: 600, costCents: 4000, monthlyResourcesCents: 700000, children: 1 }).cmgCents).toBe(0);
    expect(estimateCmg(P, { minutes: 0, costCents: 0, monthlyResourcesCents: 100000, children: 1 })).toMatchObject({ cmgCents: 0, leftCents: 0 });
  });

  it('never more than what the family pays (no 15 % minimum left since the reform)', () => {
    // 1 h at 1 € with the floor: (1 − 0.50) → 0.50 €, below the cost
    const r = estimateCmg(P, { minutes: 60, costCents: 100, monthlyResourcesCents: 0, children: 1 });
    expect(r.cmgCents).toBe(50);
    expect(r.cmgCents + r.leftCents).toBe(100);
  });

  it('the rules file parses and holds the figures above', () => {
    const file = cmgParameters();
    expect(file.hourlyCostCapCents).toBe(P.hourlyCostCapCents);
    expect(file.effortRateByChildren).toEqual(P.effortRateByChildren);
    expect(file.sources.length).toBeGreaterThan(0);
  });
});
