/** Cases at the edges of the law, where the reference model has a precise behaviour. */
import { describe, expect, it } from 'vitest';
import { compute } from './compute';
import { defaultEngine } from './engine';
import { type TestHouseholdOptions, testHousehold } from './test-households';

const engine = defaultEngine();
const run = (o: TestHouseholdOptions) => engine.simulate(testHousehold(o));
const household = (o: TestHouseholdOptions) => {
  const p = engine.parse(testHousehold(o));
  if (!p.ok) throw new Error(JSON.stringify(p.fields));
  return p.household;
};
const BMAF = 466.44;

describe('complément dégressif of the allocations familiales', () => {
  it('smooths the drop just above the first ceiling', () => {
    // 2 children: ceiling 62 474 + 2 × 6 246 = 74 966 €. 6 960 €/month → 83 520 - 8 352 = 75 168 € (202 € over)
    const c = compute(household({ children: ['2015-02-10', '2018-05-01'], salary: 6960 }), engine.legislation);
    expect(c.family.afRate).toBe(0.5);
    const halved = Math.round(BMAF * 0.32 * 100) / 100 / 2;
    expect(c.family.afComplement).toBeCloseTo(halved - 202 / 12, 6);
    expect(c.family.af).toBeCloseTo(2 * halved - 202 / 12, 6);
  });
});

describe('a child born during the month simulated', () => {
  it('opens the PAJE but not yet the ASF or the allocations familiales', () => {
    const r = run({ period: '2024-06', children: ['2015-01-01', '2024-06-15'] });
    expect(r.amounts.paje_base).toBe(Math.round(BMAF * 0.4165 * 100) / 100);
    expect(r.amounts.asf).toBe(Math.round(BMAF * 0.422 * 100) / 100);
    expect(r.amounts.af).toBe(0);
  });
  it('a coming birth counts as a pregnancy for the RSA majoré', () => {
    const c = compute(household({ period: '2024-06', children: ['2015-01-01', '2024-06-15'] }), engine.legislation);
    expect(c.rsa.majoreEligible).toBe(true);
  });
});

describe('children aged 20', () => {
  it('count for the complément familial (under 21) but not for the allocations familiales', () => {
    const kids = ['2004-01-15', '2012-01-01', '2015-01-01'];
    const r = run({ children: kids });
    expect(r.amounts.cf).toBeGreaterThan(0);
    // AF: 2 children + allocation forfaitaire for the 20-year-old
    expect(r.amounts.af).toBe(Math.round((Math.round(BMAF * 0.32 * 100) / 100 + Math.round(BMAF * 0.20234 * 100) / 100) * 100) / 100);
  });
  it('count as dependants for housing aid until 20 inclusive, and for RSA until 24', () => {
    const c = compute(household({ children: ['2003-10-01'], statut: 'locataire_vide', loyer: 400, zone: 2 }), engine.legislation);
    expect(c.housing.dependants).toBe(1);
    expect(c.rsa.children).toBe(1);
    const d = compute(household({ children: ['2002-10-01'], statut: 'locataire_vide', loyer: 400, zone: 2 }), engine.legislation);
    expect(d.housing.dependants).toBe(0);
    expect(d.rsa.children).toBe(1);
  });
});

describe('housing aid chain with RSA', () => {
  it('RLS lowers the APL in social housing for low resources', () => {
    const c = compute(household({ children: ['2015-01-01'], statut: 'locataire_hlm', loyer: 500, zone: 2 }), engine.legislation);
    expect(c.housing.rls).toBe(66.06); // zone 2, 1 dependant, 2024
    expect(c.housing.grossAfterRls).toBeCloseTo(c.housing.gross - 66.06 * 0.98, 4);
  });
  it('no RLS outside social housing', () => {
    const c = compute(household({ children: ['2015-01-01'], statut: 'locataire_vide', loyer: 500, zone: 2 }), engine.legislation);
    expect(c.housing.rls).toBe(0);
  });
  it('the RSA forfait logement is the housing aid, capped', () => {
    const r = run({ children: ['2015-01-01'], statut: 'locataire_vide', loyer: 500, zone: 2 });
    const forfait = r.explanations.rsa.steps.find((s) => s.label === 'Forfait logement déduit')!.value as number;
    expect(forfait).toBeCloseTo(635.71 * 0.16 * 1.5, 2);
    expect(r.amounts.aide_logement).toBeGreaterThan(forfait);
  });
});

describe('output', () => {
  it('has every benefit in amounts, net_crds and explanations', () => {
    const r = run({});
    for (const part of [r.amounts, r.net_crds, r.explanations]) {
      expect(Object.keys(part)).toEqual(['asf', 'af', 'cf', 'rsa', 'ppa', 'aide_logement', 'paje_base', 'ars_annuel']);
    }
    for (const e of Object.values(r.explanations)) {
      expect(e.reason.length).toBeGreaterThan(10);
      expect(e.steps.length).toBeGreaterThan(0);
    }
  });
  it('cents only', () => {
    const r = run({ children: ['2015-01-01', '2019-01-01'], salary: 873.37, statut: 'locataire_vide', loyer: 612.5, zone: 1 });
    for (const v of [...Object.values(r.amounts), ...Object.values(r.net_crds)]) expect(Math.round(v * 100) / 100).toBe(v);
  });
});
