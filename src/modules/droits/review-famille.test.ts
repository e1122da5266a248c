/**
 * Formula review of the family benefits against OpenFisca-France 176.0.7 (commit a7038ee),
 * openfisca_france/model/prestations/prestations_familiales/{af,asf,cf,paje,ars,base_ressource}.py
 * and prelevements_obligatoires/impot_revenu/ir.py (N-2 taxable income). Each expected value is
 * computed by hand from those formulas; the comments give the reasoning.
 * Period 2024-06 unless stated: BMAF 466,44 €; N-2 = 2022 (abatpro min 472 €, max 13 522 €;
 * abatpen min 422 €); AF ceilings 2024: 62 474 / 87 430 € + 6 246 € per child.
 */
import { describe, expect, it } from 'vitest';
import { defaultEngine } from './engine';
import { type TestHouseholdOptions, testHousehold } from './test-households';

const engine = defaultEngine();
const run = (o: TestHouseholdOptions) => engine.simulate(testHousehold(o)).amounts;
const BMAF = 466.44;
const cents = (x: number) => Math.round(x * 100) / 100;
const AF2 = cents(BMAF * 0.32); // af.py af_base: round_(bmaf × taux_total, 2) = 149,26
const AF3 = cents(BMAF * 0.73); // 340,50

describe('allocations familiales (af.py)', () => {
  it('twins as the only two children: neither opens the majoration (pas_aine compares ages)', () => {
    // af_majoration_enfant: pas_aine = (af_nbenf != 2) | (age != af_age_aine); both twins are 15 = the eldest age
    expect(run({ children: ['2009-01-10', '2009-01-10'] }).af).toBe(AF2);
    // with a third child, both 15-year-old twins get 16 % of the BMAF
    expect(run({ children: ['2009-01-10', '2009-01-10', '2016-01-01'] }).af).toBe(cents(AF3 + 2 * BMAF * 0.16));
  });

  it('the eldest of two is the eldest child under 20 à charge: a 20-year-old does not count', () => {
    // children 20, 16, 12: af_nbenf = 2 (prestations_familiales_enfant_a_charge: age < 20), af_age_aine = 16 →
    // the 16-year-old opens nothing, the 12-year-old is under 14; forfait: 2 + 1 = 3 children ≥ 3 → 94,38 €
    const forfait = cents(BMAF * 0.20234);
    expect(run({ children: ['2004-01-10', '2008-01-10', '2012-01-10'] }).af).toBe(cents(AF2 + forfait));
  });

  it('forfait modulated with its own ceilings, complément dégressif with the af_nbenf ceilings', () => {
    // children 20, 10, 8; salary 7 037 €/month in 2022 → 84 444 - round(8 444,4) = 76 000 €.
    // af_taux_modulation (2 children): 74 966 < 76 000 ≤ 99 922 → 0,5 → af_base = 74,63
    // af_allocation_forfaitaire_taux_modulation (2 + 1 children): 76 000 ≤ 62 474 + 3 × 6 246 = 81 212 → 1 → 94,38
    // depassement_helper(af_nbenf = 2): (76 000 - 74 966) / 12 = 86,1667
    // af_complement_degressif = max(0, 74,63 - 86,1667) = 0 ; forfait complement = 94,38 - 86,1667 = 8,2133
    const a = run({ children: ['2004-01-10', '2014-01-01', '2016-01-01'], salary: 7037 });
    expect(a.af).toBe(cents(74.63 + 94.38 + (94.38 - 1034 / 12)));
  });

  it('complément dégressif above the second ceiling', () => {
    // 2 children, 9 280 €/month → 111 360 - 11 136 = 100 224 € > 87 430 + 12 492 = 99 922 → rate 0,25
    // af_base = 149,26 × 0,25 = 37,315 ; over = 302 / 12 = 25,1667 ; complement = 37,315 - 25,1667
    expect(run({ children: ['2015-02-10', '2018-05-01'], salary: 9280 }).af).toBe(cents(2 * 37.315 - 302 / 12));
  });

  it('from March 2026 with two children, the younger born before March 2012 keeps the majoration at 14', () => {
    // af.py formula_2026_03_01: ancien_regime = date_naissance < 2012-03-01 → threshold 14; eldest of two excluded.
    const b = 478.16;
    expect(run({ period: '2026-06', children: ['2009-01-01', '2011-06-01'] }).af).toBe(cents(cents(b * 0.32) + b * 0.16));
    // younger born April 2012 (14 in June 2026): new threshold 18 → nothing
    expect(run({ period: '2026-06', children: ['2009-01-01', '2012-04-01'] }).af).toBe(cents(b * 0.32));
  });
});

describe('N-2 resources (base_ressource.py, ir.py)', () => {
  it('alimony counts after the 10 % abattement on pensions, with its minimum (abatpen.min)', () => {
    // ARS, one child of 9: ceiling 2024 = 20 878 × 1,3 = 27 141,4 €. Salary 2 400 → 28 800 - 2 880 = 25 920 €.
    // Alimony 140 €/month → 1 680 - max(168, 422) = 1 258 € → 27 178 € → over by 36,6 € (ARS différentielle)
    expect(run({ children: ['2015-01-01'], salary: 2400, alimony: 140 }).ars_annuel).toBe(cents(BMAF * 0.8972 - 36.6));
    // alimony 130: 1 560 - 422 = 1 138 → 27 058 € ≤ ceiling → full rate
    expect(run({ children: ['2015-01-01'], salary: 2400, alimony: 130 }).ars_annuel).toBe(cents(BMAF * 0.8972));
  });

  it('salary and unemployment share one 10 % deduction, minimum 472 € for 2022', () => {
    // revenu_assimile_salaire = salaire_imposable + chomage_imposable, one abatpro on the sum.
    // 2 children, 3 500 + 3 460 €/month → 83 520 - 8 352 = 75 168 € > 74 966 → halved + complément (202 € over)
    const a = run({ children: ['2015-02-10', '2018-05-01'], salary: 3500, unemployment: 3460 });
    expect(a.af).toBe(cents(AF2 - 202 / 12));
  });
});

describe('complément familial (cf.py)', () => {
  const three = ['2012-01-01', '2015-01-01', '2018-01-01'];
  it('majoré up to half the ceiling (cf_majore_plafond = cf_plafond × 0,5)', () => {
    // ceiling 2024, 3 children, isolé: 23 296 × 1,8 + 9 363 = 51 295,8 ; half = 25 647,9
    // 2 370 €/month → 28 440 - 2 844 = 25 596 ≤ 25 647,9 → majoré ; 2 380 → 25 704 → base
    expect(run({ children: three, salary: 2370 }).cf).toBe(cents(BMAF * 0.6248));
    expect(run({ children: three, salary: 2380 }).cf).toBe(cents(BMAF * 0.4165));
  });
  it('a child of 20 still counts (cf_cm.age_max 21) and raises the ceiling', () => {
    // children 20, 15, 10: all three are cf_enfant_eligible → majoré at low income
    expect(run({ children: ['2004-01-10', '2009-01-01', '2014-01-01'] }).cf).toBe(cents(BMAF * 0.6248));
  });
});

describe('PAJE allocation de base (paje.py formula_2021_05_01)', () => {
  it('one amount per family, ceilings raised by af_nbenf (25 % for each of the first two, 30 % from the third)', () => {
    // children 2 (twins born 2022) and 10: af_nbenf = 3 → full-rate ceiling 23 296 × (1 + 0,5 + 0,3) + 9 363 = 51 295,8
    // 4 700 €/month → 56 400 - 5 640 = 50 760 ≤ 51 295,8 → full rate, a single amount even for twins
    expect(run({ children: ['2022-01-01', '2022-01-01', '2014-01-01'], salary: 4700 }).paje_base).toBe(cents(BMAF * 0.4165));
  });
});

describe('allocation de rentrée scolaire (ars.py)', () => {
  it('ceiling counts the children à charge in October (af_nbenf), not only the school-age ones', () => {
    // children 9 and 2: ceiling 20 878 × (1 + 2 × 0,3) = 33 404,8 €. 3 050 €/month → 36 600 - 3 660 = 32 940 → full
    expect(run({ children: ['2015-01-01', '2022-01-01'], salary: 3050 }).ars_annuel).toBe(cents(BMAF * 0.8972));
  });
  it('is not paid under 15 € (montant_minimum_verse)', () => {
    // one child of 9: 418,49 € - over ≥ 15 needed. Over 404 € → 14,49 € → 0. Salary s: 10,8 s - 27 141,4 = 404 → s ≈ 2 550,5
    // 2 550 €/month → 30 600 - 3 060 = 27 540 → over 398,6 → 19,89 € paid ; 2 551 → 27 550,8 → over 409,4 → 9,09 → 0
    expect(run({ children: ['2015-01-01'], salary: 2550 }).ars_annuel).toBe(cents(BMAF * 0.8972 - 398.6));
    expect(run({ children: ['2015-01-01'], salary: 2551 }).ars_annuel).toBe(0);
  });
});
