import { describe, expect, it } from 'vitest';
import { defaultEngine } from './engine';
import { type TestHouseholdOptions, testHousehold } from './test-households';

const engine = defaultEngine();
const run = (o: TestHouseholdOptions) => engine.simulate(testHousehold(o));
const BMAF = 466.44; // 2024
const RSA = 635.71; // from April 2024
const PPA = 622.63; // from April 2024

describe('RSA', () => {
  it('parent alone with one child, housed for free: forfait logement and ASF forfait deducted', () => {
    const r = run({ children: ['2015-02-10'] });
    expect(r.amounts.rsa).toBeCloseTo(RSA * 1.5 - RSA * 0.16 * 1.5 - BMAF * 0.225, 2);
    expect(r.amounts.rsa).toBe(696.05);
    expect(r.explanations.rsa.steps.some((s) => s.label.startsWith('Période de référence'))).toBe(true);
  });
  it('majoration for an isolated parent with a child under 3 (PAJE counted as a resource)', () => {
    const r = run({ children: ['2023-01-01'] });
    expect(r.amounts.rsa).toBeCloseTo(RSA * (1.28412 + 0.42804) - RSA * 0.24 - BMAF * 0.225 - BMAF * 0.4165, 2);
  });
  it('majoration when isolated for less than 18 months, whatever the children’s age', () => {
    const plain = run({ children: ['2015-02-10'] }).amounts.rsa;
    const recent = run({ children: ['2015-02-10'], isolementRecent: true }).amounts.rsa;
    expect(recent).toBeCloseTo(plain + RSA * (1.28412 + 0.42804 - 1.5), 2);
  });
  it('counts alimony and is not paid under 6 €', () => {
    // alimony 795 €: ASF 0, RSA = 953,57 - 152,57 - 795 = 5,99 € → not paid
    expect(run({ alimony: 795 }).amounts.rsa).toBe(0);
    expect(run({ alimony: 794 }).amounts.rsa).toBeCloseTo(RSA * 1.5 - RSA * 0.24 - 794, 2);
  });
  it('no forfait logement for a tenant without housing aid', () => {
    const r = run({ children: ['2015-02-10'], salary: 600, statut: 'locataire_vide', loyer: 2000, zone: 1 });
    expect(r.amounts.aide_logement).toBe(0);
    expect(r.amounts.rsa).toBeCloseTo(RSA * 1.5 - 600 - BMAF * 0.225, 2);
  });
  it('ten children are counted (40 % of the base from the third person)', () => {
    const kids = Array.from({ length: 4 }, (_, i) => `201${i}-01-01`);
    const r = run({ children: kids, alimony: 0 });
    expect(r.amounts.rsa).toBeGreaterThan(0);
    expect(r.explanations.rsa.steps.find((s) => s.label.startsWith('Personnes'))?.value).toBe(5);
  });
});

describe("prime d'activité", () => {
  it('needs earnings in the last three months', () => {
    expect(run({ children: ['2015-02-10'] }).amounts.ppa).toBe(0);
    expect(run({ children: ['2015-02-10'], unemployment: 900 }).amounts.ppa).toBe(0);
  });
  it('one child, 1 000 € net salary: forfaitaire + bonification + 61 % of earnings - resources - forfait logement', () => {
    const smic = 11.65;
    const bonus = (Math.round(0.29101 * PPA * 100) / 100) * ((1000 - 59 * smic) / ((120 - 59) * smic));
    const expected = PPA * 1.5 + bonus + 0.61 * 1000 - (1000 + BMAF * 0.225 + PPA * 1.5 * 0.16);
    expect(run({ period: '2024-09', children: ['2015-02-10'], salary: 1000 }).amounts.ppa).toBeCloseTo(expected, 2);
  });
  it('no bonification under 59 hours of SMIC', () => {
    const r = run({ period: '2024-09', children: ['2015-02-10'], salary: 600 });
    const months = r.explanations.ppa.steps.filter((s) => s.label.endsWith('bonification individuelle'));
    expect(months.map((s) => s.value)).toEqual([0, 0, 0]);
  });
  it('bonification capped at 29,101 % of the base amount', () => {
    const r = run({ period: '2024-09', children: ['2015-02-10'], salary: 1700 });
    const months = r.explanations.ppa.steps.filter((s) => s.label.endsWith('bonification individuelle'));
    expect(months.map((s) => s.value)).toEqual([181.19, 181.19, 181.19]);
  });
  it('is not paid under 15 €, and falls to 0 with high earnings', () => {
    expect(run({ period: '2024-09', children: ['2015-02-10'], salary: 3000 }).amounts.ppa).toBe(0);
  });
  it('net of CRDS (0,5 %)', () => {
    const r = run({ period: '2024-09', children: ['2015-02-10'], salary: 1000 });
    expect(r.net_crds.ppa).toBeCloseTo(r.amounts.ppa * 0.995, 2);
    expect(r.net_crds.rsa).toBe(r.amounts.rsa);
  });
});
