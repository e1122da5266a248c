import { describe, expect, it } from 'vitest';
import type { AidEligibility } from './eligibility';
import { rankOffers, toOffer } from './offers';

const base: AidEligibility = {
  aid: 'cheque-sante',
  title: 'Chèque santé',
  fund: 'fonds-sante',
  demo: true,
  status: 'eligible',
  reasons: [],
  met: ['quotient familial 600 € ≤ 700 €'],
  questions: [],
  profile: null,
  priority: false,
  benefit: '150 € en chèques par an',
  askable: true,
};

describe('an eligibility answer shown elsewhere', () => {
  it('eligible: where to ask, no reason needed', () => {
    expect(toOffer(base, true)).toEqual({
      key: 'cheque-sante',
      title: 'Chèque santé',
      likelihood: 'yes',
      gives: '150 € en chèques par an',
      why: [],
      href: '/aides/demander/cheque-sante',
    });
    expect(toOffer(base, false).href).toBe('/aides#aide-cheque-sante');
    // The Pass Famille Solo is not asked with a request: its card in the catalogue says how to get it.
    expect(toOffer({ ...base, aid: 'pass-famille-solo', askable: false }, true).href).toBe('/aides#aide-pass-famille-solo');
  });

  it('to check: the questions still open; not eligible: the margins', () => {
    const maybe = toOffer({ ...base, status: 'to_check', questions: [{ key: 'quotient_familial', label: 'Quel est votre quotient familial ?' }] }, false);
    expect(maybe).toMatchObject({ likelihood: 'maybe', why: ['Quel est votre quotient familial ?'] });
    const no = toOffer({ ...base, status: 'not_eligible', reasons: ['quotient familial 812 € > 700 €, soit 112 € au-dessus'] }, false);
    expect(no).toMatchObject({ likelihood: 'no', why: ['quotient familial 812 € > 700 €, soit 112 € au-dessus'] });
  });

  it('a priority profile says so', () => {
    expect(toOffer({ ...base, priority: true, profile: "En recherche d'emploi" }, true).why).toEqual(["Prioritaire : En recherche d'emploi"]);
  });

  it('ranks eligible, then to check, then the others', () => {
    const list = [
      { ...base, aid: 'a', status: 'not_eligible' as const },
      { ...base, aid: 'b', status: 'to_check' as const },
      { ...base, aid: 'c' },
    ];
    expect(rankOffers(list).map((e) => e.aid)).toEqual(['c', 'b', 'a']);
  });
});
