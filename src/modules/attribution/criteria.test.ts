import { describe, expect, it } from 'vitest';
import { withCodes } from './criteria';

describe('criterion codes', () => {
  it('keeps an existing code and makes a new one from the label, without accents', () => {
    expect(withCodes([{ code: 'monoparentalite', label: 'Parent seul' }, { label: 'Fratrie déjà accueillie à la crèche' }]).map((c) => c.code)).toEqual([
      'monoparentalite',
      'fratrie_deja_accueillie_a_la_creche',
    ]);
  });
  it('never gives a code twice, even against an existing one', () => {
    expect(withCodes([{ code: 'handicap', label: 'Handicap' }, { code: null, label: 'Handicap' }, { label: 'Handicap !' }]).map((c) => c.code)).toEqual([
      'handicap',
      'handicap_2',
      'handicap_3',
    ]);
  });
  it('a label without letters or digits still gets a code', () => {
    expect(withCodes([{ label: '€€' }])[0]!.code).toBe('critere');
  });
  it('stays within the 60 characters a code may have', () => {
    expect(withCodes([{ label: 'x'.repeat(200) }])[0]!.code.length).toBeLessThanOrEqual(60);
  });
});
