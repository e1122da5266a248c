import { describe, expect, it } from 'vitest';
import { effortRate, estimateCmg } from './cmg';
import { cmgParameters, type CmgParameters } from './entraide-rules';

/** The figures of the rules file at the time of writing (garde à domicile, 2025), fixed here so the hand computations stay valid. */
const P: CmgParameters = {
  from: '2025-09-01',
  sources: ['test'],
  hourlyCostCapCents: 1500,
  referenceHourlyCostCents: 1038,
  resourcesFloorCents: 80100,
  resourcesCeilingCents: 850000,
  effortRateByChildren: [
    { children: 1, rate: 0.001238 },
    { children: 2, rate: 0.001032 },
    { children: 3, rate: 0.000826 },
  ],
  maxChildAge: { couple: 6, singleParent: 12 },
  verified: {},
};

describe('CMG estimate: the formula of décret n° 2025-515', () => {
  it('gives the CAF’s published example: 3 000 € a month, 1 child, 125 h at 4,85 € with an assistante maternelle → 374 €', () => {
    // The assistante maternelle barème (reference 4,85 €, rate 0,0619 %): 606,25 × (1 − 3 000 × 0,0619 % / 4,85) = 374,12 €.
    const assmat: CmgParameters = { ...P, referenceHourlyCostCents: 485, hourlyCostCapCents: 800, effortRateByChildren: [{ children: 1, rate: 0.000619 }] };
    const r = estimateCmg(assmat, { minutes: 125 * 60, costCents: 60625, monthlyResourcesCents: 300000, children: 1 });
    expect(r.cmgCents).toBe(37412);
    expect(Math.round(r.cmgCents / 100)).toBe(374);
  });
});

describe('CMG estimate (garde à domicile, hand-computed cases)', () => {
  it('1 child, 2 000 € a month, 40 h at 12 €: 480 × (1 − 2 000 × 0,1238 % / 10,38) = 365,50 €', () => {
    expect(estimateCmg(P, { minutes: 2400, costCents: 48000, monthlyResourcesCents: 200000, children: 1 })).toEqual({
      cmgCents: 36550,
      leftCents: 11450,
      participationPerHourCents: 286, // 12 € × 2,476 / 10,38
      hourlyCostRetainedCents: 1200,
    });
  });

  it('the hourly cost is capped at 15 € and resources below the floor count as the floor (801 €)', () => {
    // 10 h at 18 €, 500 € a month: 150 × (1 − 801 × 0,1238 % / 10,38) = 150 × 0,904466… = 135,66 €
    const r = estimateCmg(P, { minutes: 600, costCents: 18000, monthlyResourcesCents: 50000, children: 1 });
    expect(r.cmgCents).toBe(13566);
    expect(r.leftCents).toBe(4434);
    expect(r.hourlyCostRetainedCents).toBe(1500);
  });

  it('resources above the ceiling count as the ceiling (8 500 €), 2 children', () => {
    // 20 h at 10 €: 200 × (1 − 8 500 × 0,1032 % / 10,38) = 200 × 0,154913… = 30,98 €
    expect(estimateCmg(P, { minutes: 1200, costCents: 20000, monthlyResourcesCents: 1_000_000, children: 2 }).cmgCents).toBe(3098);
  });

  it('beyond 3 children no rate is sourced: the 3-children rate applies (never more than what is sourced)', () => {
    expect(effortRate(P, 2)).toBe(0.001032);
    expect(effortRate(P, 5)).toBe(0.000826);
    expect(effortRate(P, 0)).toBe(0.001238);
    // 30 h at 9 €, 3 000 € a month: 270 × (1 − 3 000 × 0,0826 % / 10,38) = 205,54 €, with 3 children as with 5
    const five = estimateCmg(P, { minutes: 1800, costCents: 27000, monthlyResourcesCents: 300000, children: 5 });
    expect(five.cmgCents).toBe(20554);
    expect(estimateCmg(P, { minutes: 1800, costCents: 27000, monthlyResourcesCents: 300000, children: 3 })).toEqual(five);
  });

  it('nothing when resources × rate reach the reference cost, or no hours', () => {
    // 8 500 € × 0,1238 % = 10,52 € ≥ 10,38 €
    expect(estimateCmg(P, { minutes: 600, costCents: 12000, monthlyResourcesCents: 850000, children: 1 }).cmgCents).toBe(0);
    expect(estimateCmg(P, { minutes: 0, costCents: 0, monthlyResourcesCents: 100000, children: 1 })).toMatchObject({ cmgCents: 0, leftCents: 0 });
  });

  it('a dearer hour (within the cap) raises the participation in proportion, as the CAF adjusts the rate to the real price', () => {
    const at = (hourlyCents: number) => estimateCmg(P, { minutes: 600, costCents: hourlyCents * 10, monthlyResourcesCents: 200000, children: 1 });
    expect(at(1038).participationPerHourCents).toBe(248); // 2 000 × 0,1238 % at the reference cost
    expect(at(1400).participationPerHourCents).toBe(334); // × 14 / 10,38
    expect(at(1400).cmgCents / 14000).toBeCloseTo(at(1038).cmgCents / 10380, 3); // the same share of the cost
  });

  it('never more than what the family pays (no 15 % minimum left since the reform)', () => {
    // 1 h at 1 € with the floor: 1 × (1 − 0,0955) → 0,90 €, below the cost
    const r = estimateCmg(P, { minutes: 60, costCents: 100, monthlyResourcesCents: 0, children: 1 });
    expect(r.cmgCents).toBe(90);
    expect(r.cmgCents + r.leftCents).toBe(100);
  });

  it('the rules file parses and holds the figures above, each with its verification note', () => {
    const file = cmgParameters();
    expect({ ...file, sources: P.sources, verified: P.verified }).toEqual({ ...P, $comment: undefined });
    expect(file.sources.length).toBeGreaterThan(0);
    for (const key of ['formula', 'referenceHourlyCostCents', 'effortRateByChildren', 'hourlyCostCapCents', 'resourcesFloorCents', 'resourcesCeilingCents']) {
      expect(file.verified[key], key).toBeTruthy();
    }
  });
});
