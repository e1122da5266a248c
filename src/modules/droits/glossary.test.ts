import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryFor } from './glossary';

describe('the words of the detailed calculation', () => {
  it('explains the jargon the tables use, once each', () => {
    const labels = [
      'Base mensuelle des allocations familiales (BMAF)',
      'Abattement forfaitaire R0',
      'Abattement forfaitaire de 10 % (frais professionnels)',
      'Forfait charges',
    ];
    expect(glossaryFor(labels).map((g) => g.term)).toEqual(['BMAF', 'Abattement', 'R0', 'Forfait charges']);
    expect(glossaryFor(['Montant mensuel net de CRDS']).map((g) => g.term)).toEqual(['CRDS']);
    expect(glossaryFor(['Salaires nets'])).toEqual([]);
  });

  it('speaks plain French: every text is a sentence that does not lean on the term it explains alone', () => {
    for (const g of GLOSSARY) {
      expect(g.text.length, g.term).toBeGreaterThan(30);
      expect(g.text.endsWith('.'), g.term).toBe(true);
    }
  });
});
