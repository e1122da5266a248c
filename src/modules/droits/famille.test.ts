import { describe, expect, it } from 'vitest';
import { defaultEngine } from './engine';
import { type TestHouseholdOptions, testHousehold } from './test-households';

const engine = defaultEngine();
const run = (o: TestHouseholdOptions) => engine.simulate(testHousehold(o)).amounts;
// June 2024: BMAF 466,44 €
const BMAF = 466.44;
const cents = (x: number) => Math.round(x * 100) / 100;

describe('allocation de soutien familial', () => {
  it('pays 42,20 % of the BMAF per child without alimony', () => {
    expect(run({ children: ['2015-02-10'] }).asf).toBe(cents(BMAF * 0.422));
    expect(run({ children: ['2015-02-10', '2018-05-01'] }).asf).toBe(cents(2 * BMAF * 0.422));
  });
  it('deducts the alimony received euro for euro', () => {
    expect(run({ alimony: 100 }).asf).toBe(cents(BMAF * 0.422 - 100));
  });
  it('pays nothing when what is left is 15 € or less', () => {
    expect(run({ alimony: 182 }).asf).toBe(0); // 14,84 € left
    expect(run({ alimony: 181 }).asf).toBe(cents(BMAF * 0.422 - 181));
  });
  it('stops at 20 years old', () => {
    expect(run({ children: ['2004-05-01'] }).asf).toBe(0); // 20 in June 2024
    expect(run({ children: ['2004-07-01'] }).asf).toBe(cents(BMAF * 0.422)); // still 19
  });
});

describe('allocations familiales', () => {
  it('start at the second child', () => {
    expect(run({ children: ['2015-02-10'] }).af).toBe(0);
    expect(run({ children: ['2015-02-10', '2018-05-01'] }).af).toBe(cents(BMAF * 0.32));
  });
  it('add 41 % of the BMAF from the third child', () => {
    expect(run({ children: ['2015-02-10', '2018-05-01', '2020-01-01'] }).af).toBe(cents(BMAF * 0.73));
  });
  it('majoration at 14, except for the elder of two children', () => {
    // 15 and 10: the 15-year-old is the elder of two, no majoration
    expect(run({ children: ['2009-01-10', '2014-01-01'] }).af).toBe(cents(BMAF * 0.32));
    // 16 and 15: the younger (15) opens the majoration
    expect(run({ children: ['2008-01-10', '2009-03-01'] }).af).toBe(cents(cents(BMAF * 0.32) + BMAF * 0.16));
    // three children: even the eldest counts
    expect(run({ children: ['2009-01-10', '2014-01-01', '2016-01-01'] }).af).toBe(cents(cents(BMAF * 0.73) + BMAF * 0.16));
  });
  it('turns 14 on the month after the birthday (age on the first day of the month)', () => {
    expect(run({ children: ['2010-06-15', '2015-01-01', '2016-01-01'] }).af).toBe(cents(BMAF * 0.73)); // 13 on 1 June 2024
    expect(run({ children: ['2010-05-15', '2015-01-01', '2016-01-01'] }).af).toBe(cents(cents(BMAF * 0.73) + BMAF * 0.16));
  });
  it('allocation forfaitaire for a 20-year-old in a family of three', () => {
    const a = run({ children: ['2004-01-10', '2014-01-01', '2016-01-01'] });
    expect(a.af).toBe(cents(cents(BMAF * 0.32) + cents(BMAF * 0.20234)));
    expect(run({ children: ['2004-01-10', '2014-01-01'] }).af).toBe(0); // only one child under 20 left
  });
  it('are halved above the first income ceiling (N-2 income)', () => {
    // 2024: ceiling 62 474 € + 6 246 € per child; 2 children → 74 966 €. Salary 8 000 €/month → 86 400 € taxable.
    const a = run({ children: ['2015-02-10', '2018-05-01'], salary: 8000 });
    expect(a.af).toBe(cents(cents(BMAF * 0.32) * 0.5));
  });
  it('from March 2026, majoration at 18 for children born from March 2012', () => {
    const period = '2026-06'; // BMAF 478,16 €
    const b = 478.16;
    expect(run({ period, children: ['2012-04-01', '2016-01-01', '2017-01-01'] }).af).toBe(cents(b * 0.73)); // 14, new rule
    expect(run({ period, children: ['2012-01-01', '2016-01-01', '2017-01-01'] }).af).toBe(cents(cents(b * 0.73) + b * 0.16)); // born before the pivot
  });
});

describe('complément familial', () => {
  const three = ['2012-01-01', '2015-01-01', '2018-01-01'];
  it('majoré for low income, with three children aged 3 to 20', () => {
    expect(run({ children: three }).cf).toBe(cents(BMAF * 0.6248));
  });
  it('base amount between half the ceiling and the ceiling', () => {
    // ceiling 2024 for 3 children: 23 296 × 1,8 + 9 363 = 51 295,8 € ; half: 25 647,9 €
    expect(run({ children: three, salary: 3000 }).cf).toBe(cents(BMAF * 0.4165));
  });
  it('differential just above the ceiling', () => {
    // 4 500 €/month → 54 000 - 5 400 = 48 600 € … 4 800 €/month → 51 840 € : over by 544,2 €
    const a = run({ children: three, salary: 4800 });
    const ceiling = 23296 * 1.8 + 9363;
    expect(a.cf).toBe(cents((ceiling + 12 * BMAF * 0.4165 - 51840) / 12));
  });
  it('needs every counted child to be at least 3', () => {
    expect(run({ children: ['2012-01-01', '2015-01-01'] }).cf).toBe(0);
    // a child under 3 opens the PAJE, which excludes the CF
    const a = run({ children: [...three, '2023-01-01'] });
    expect(a.paje_base).toBeGreaterThan(0);
    expect(a.cf).toBe(0);
  });
});

describe('PAJE allocation de base', () => {
  it('is paid for a child under 3', () => {
    expect(run({ children: ['2022-01-01'] }).paje_base).toBe(cents(BMAF * 0.4165));
  });
  it('stops the month the child turns 3 (age on the first day)', () => {
    expect(run({ children: ['2021-06-01'] }).paje_base).toBe(0);
    // the reference model counts years of 365,2425 days: born 2 June 2021 is already 3 on 1 June 2024
    expect(run({ children: ['2021-06-02'] }).paje_base).toBe(0);
    expect(run({ children: ['2021-06-05'] }).paje_base).toBe(cents(BMAF * 0.4165));
  });
  it('is halved between the full-rate and the partial-rate ceilings', () => {
    // 1 child, 2024: full 23 296 × 1,25 + 9 363 = 38 483 € ; partial 27 833 × 1,25 + 11 188 = 45 979,25 €
    expect(run({ children: ['2022-01-01'], salary: 3800 }).paje_base).toBe(cents((BMAF * 0.4165) / 2)); // 41 040 €
    expect(run({ children: ['2022-01-01'], salary: 4500 }).paje_base).toBe(0); // 48 600 €
  });
});

describe('allocation de rentrée scolaire', () => {
  it('counts children aged 6 to 10, 11 to 14 and 15 to 17 on 31 December', () => {
    const a = run({ period: '2024-06', children: ['2017-12-01', '2012-03-01', '2008-01-01'] });
    expect(a.ars_annuel).toBe(cents(BMAF * (0.8972 + 0.9467 + 0.9795)));
  });
  it('does not count a child who is 5 on 31 December', () => {
    expect(run({ children: ['2019-12-31'] }).ars_annuel).toBe(0); // 4 years 11 months + … : 5 in December
  });
  it('keeps an 18-year-old for two months after the birthday', () => {
    expect(run({ children: ['2006-11-01'] }).ars_annuel).toBe(cents(BMAF * 0.9795)); // 18 years 1 month in December
    expect(run({ children: ['2006-08-01'] }).ars_annuel).toBe(0);
  });
  it('is differential just above the ceiling', () => {
    // ceiling 2024: 20 878 × 1,3 = 27 141,4 € for one child ; 2 400 €/month → 25 920 € ; 2 530 → 27 324 €
    expect(run({ children: ['2015-01-01'], salary: 2400 }).ars_annuel).toBe(cents(BMAF * 0.8972));
    expect(run({ children: ['2015-01-01'], salary: 2530 }).ars_annuel).toBe(cents(BMAF * 0.8972 - (27324 - 27141.4)));
    expect(run({ children: ['2015-01-01'], salary: 3000 }).ars_annuel).toBe(0);
  });
});

describe('ASF and unpaid alimony (recouvrement)', () => {
  it('the amount depends on alimony received, the advice on alimony set', () => {
    const input = { ...testHousehold({ alimony: 50 }), pension_alimentaire_fixee_mensuelle: 200 };
    const r = engine.simulate(input);
    expect(r.amounts.asf).toBe(cents(BMAF * 0.422 - 50));
    expect(r.explanations.asf.reason).toContain('ARIPA');
    expect(r.explanations.asf.steps.find((s) => s.label.startsWith('Pension fixée'))?.value).toBe(150);
  });
});
