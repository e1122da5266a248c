/**
 * Review of RSA, prime d'activité and aides au logement against OpenFisca-France 176.0.7
 * (commit a7038ee), on branches the 40-household sample does not exercise. Every expected
 * value is computed by hand from the OpenFisca formulas named in the comment (files under
 * openfisca_france/model/prestations/), with the parameters of rules/legislation/.
 */
import { describe, expect, it } from 'vitest';
import { compute } from './compute';
import { defaultEngine } from './engine';
import { housingMonth } from './logement';
import { type TestHouseholdOptions, testHousehold } from './test-households';

const engine = defaultEngine();
const run = (o: TestHouseholdOptions) => engine.simulate(testHousehold(o));

describe("prime d'activité: each month of the quarter with its own parameters (minima_sociaux/ppa.py)", () => {
  // ppa = (ppa_fictive(M-3) + ppa_fictive(M-2) + ppa_fictive(M-1)) / 3, each ppa_fictive read with
  // parameters(period) of its own month. Period 2025-05: February and March 2025 use the base
  // 622.63 € and the 61 % slope, April 2025 the base 633.21 € and the 59.85 % slope.
  // One child aged 10, housed for free, 1 000 € net salary, SMIC 11.88 €/h (59 h = 700.92 €,
  // 120 h = 1 425.60 €). ppa_fictive = mff + bonification + pente × 1 000 - max(resources + forfait logement, mff).
  //   Feb/Mar: mff = 622.63 × 1.5 = 933.945; bonification max = round(0.29101 × 622.63, 2) = 181.19,
  //            × (1 000 - 700.92) / 724.68 = 74.7783; forfait logement (in kind) = 933.945 × 0.16 = 149.4312;
  //            resources = 1 000 + ASF forfait 466.44 × 0.225 = 1 104.949 (rsa_forfait_asf: min(ASF, forfait));
  //            933.945 + 74.7783 + 610 - 1 254.3802 = 364.3431
  //   Apr:     mff = 949.815; bonification = 184.27 × 299.08 / 724.68 = 76.0494; forfait 151.9704;
  //            resources = 1 000 + 474.37 × 0.225 = 1 106.7333; 949.815 + 76.0494 + 598.5 - 1 258.7037 = 365.6607
  //   ppa = (2 × 364.3431 + 365.6607) / 3 = 364.78
  it('averages months before and after the April 2025 revaluation (base and 61 % → 59.85 %)', () => {
    expect(run({ period: '2025-05', children: ['2015-02-10'], salary: 1000 }).amounts.ppa).toBe(364.78);
  });

  // Same household, isolated for less than 18 months: rsa_majore_eligibilite (minima_sociaux/rsa.py)
  // holds in every month of the quarter (rsa_isolement_recent is given for every month, as sample-0006,
  // -0008 and -0020 show), so ppa_fictive_montant_forfaitaire is the majorated amount
  // base × (1.28412 + 0.42804 × 1) while the forfait logement stays on the non-majorated base.
  //   Feb/Mar: mff = 622.63 × 1.71216 = 1 066.0422 → 1 066.0422 + 74.7783 + 610 - 1 254.3802 = 496.4403
  //   Apr:     mff = 633.21 × 1.71216 = 1 084.1568 → 1 084.1568 + 76.0494 + 598.5 - 1 258.7037 = 500.0026
  //   ppa = (2 × 496.4403 + 500.0026) / 3 = 497.63
  it('majoration for isolation applies to the three months of the quarter', () => {
    expect(run({ period: '2025-05', children: ['2015-02-10'], salary: 1000, isolementRecent: true }).amounts.ppa).toBe(497.63);
  });
});

describe('RSA forfait logement for owners (minima_sociaux/rsa.py, rsa_forfait_logement)', () => {
  // avantage_nature = (proprietaire or primo_accedant) × not_(loyer): an owner who declares a monthly
  // loan repayment (loyer > 0) has no in-kind housing advantage. One child aged 10, no income, 2025-06:
  //   socle = 646.52 × 1.5 = 969.78; ASF forfait = 474.37 × 0.225 = 106.73325
  //   outright owner: forfait = 969.78 × 0.16 = 155.1648 → 969.78 - 155.1648 - 106.73325 = 707.88
  //   owner repaying a loan: no forfait → 969.78 - 106.73325 = 863.05
  it('deducts the forfait logement from an outright owner only', () => {
    expect(run({ period: '2025-06', children: ['2015-02-10'], statut: 'proprietaire', loyer: 0 }).amounts.rsa).toBe(707.88);
    expect(run({ period: '2025-06', children: ['2015-02-10'], statut: 'proprietaire', loyer: 500 }).amounts.rsa).toBe(863.05);
  });
});

describe('aides au logement: dégressivité for high rents (aides_logement.py, aide_logement_montant_brut)', () => {
  // Zone 3, one child, unfurnished home at 1 000 €, 1 200 € salary, 2025-06.
  //   loyer plafond = 366.07 (stored as float32 366.0700073); charges = 59.97 + 13.60 = 73.57
  //   resources = 14 400 - round(10 %) 1 440 = 12 960 → 13 000; R0 (1 pac) = 8 947 → 4 053
  //   TL: RL = 366.07 / 395.77 = 0.92496 → 0.0068 × 0.17496 + 0.0045 × 0.30 = 0.0025397; TF = 0.027
  //   participation = max(0.085 × 439.64, 39.15) + 0.0295397 × 4 053 = 158.8744
  //   before dégressivité = 366.07 + 73.57 - 158.8744 = 280.7656
  //   loyer_degressivite = round_(366.0700073 × 2.5, 2) = 915.18 (float32: 915.17505), suppression = 1 134.82
  //   coefficient = 1 - (1 000 - 915.18) / 219.64 = 0.613822 → round_(280.7656 × 0.613822, 2) = 172.34
  //   minus the 5 € minoration = 167.34, minus CRDS 0.5 % = 166.50
  it('reduces the aid between 2.5 and 3.1 times the ceiling rent in zone 3', () => {
    expect(run({ period: '2025-06', children: ['2015-02-10'], salary: 1200, statut: 'locataire_vide', loyer: 1000, zone: 3 }).amounts.aide_logement).toBe(
      166.5,
    );
  });
});

describe('aides au logement and the RSA of the month before (aide_logement_condition_neutralisation)', () => {
  // aide_logement_condition_neutralisation reads rsa(M-1), whose forfait logement reads aide_logement(M-1):
  // a loop openfisca-core breaks (simulation.py: _check_for_cycle raises SpiralError when a variable is
  // asked for a second period while in the stack; _calculate answers its default 0, and the frames up
  // to the first occurrence are invalidated, purged only once the top-level calculation ends).
  // Computed in the order asf, af, cf, rsa, ppa, aide_logement: the RSA of M already evaluates apl(M),
  // als(M) and alf(M) with rsa(M-1) = 0 (spiral). apl(M) was on the stack, so it is purged and later
  // recomputed with rsa(M-1) known; als(M)/alf(M) were not, and stay cached un-neutralised.
  // This household (3 children, one aged 1, 905 € salary) has RSA in M-1 and resources above R0.
  const base: TestHouseholdOptions = {
    period: '2024-11',
    parentBirth: '1973-05-08',
    children: ['2011-09-06', '2001-09-09', '2022-12-22'],
    salary: 905,
    loyer: 1337,
    zone: 2,
  };
  const household = (o: TestHouseholdOptions) => {
    const p = engine.parse(testHousehold(o));
    if (!p.ok) throw new Error(JSON.stringify(p.fields));
    return p.household;
  };
  it('neutralises the APL of social housing', () => {
    const h = household({ ...base, statut: 'locataire_hlm' });
    const c = compute(h, engine.legislation);
    expect(c.rsaPreviousMonth.amount).toBeGreaterThan(0);
    const neutralised = housingMonth(h, h.period, engine.legislation, true).amount;
    expect(neutralised).not.toBe(housingMonth(h, h.period, engine.legislation, false).amount);
    expect(c.housing.amount).toBe(neutralised);
    expect(c.housing.resources.neutralisedBecause).toBe('rsa');
  });
  it('keeps the ALF of a private rental as computed during the RSA (not neutralised)', () => {
    const h = household({ ...base, statut: 'locataire_vide' });
    const c = compute(h, engine.legislation);
    expect(c.rsaPreviousMonth.amount).toBeGreaterThan(0);
    expect(c.housing.amount).toBe(housingMonth(h, h.period, engine.legislation, false).amount);
    expect(c.housing.amount).not.toBe(housingMonth(h, h.period, engine.legislation, true).amount);
  });
});
