import { describe, expect, it } from 'vitest';
import { BENEFITS } from './benefits';
import { benefitCatalogue, loadCatalogueFiles } from './catalogue';

describe('benefit catalogue (rules/droits)', () => {
  it('has one valid file per simulated benefit', () => {
    expect(loadCatalogueFiles().map((f) => f.cle)).toEqual([...BENEFITS]);
  });
  it('computes current amounts from the parameters in force on the day', () => {
    const before = benefitCatalogue(new Date('2025-03-31T12:00:00Z')).find((b) => b.key === 'asf')!;
    const after = benefitCatalogue(new Date('2025-04-01T12:00:00Z')).find((b) => b.key === 'asf')!;
    expect(before.currentAmounts[0]!.amount).toBe(196.84); // BMAF 466,44
    expect(after.currentAmounts[0]!.amount).toBe(200.18); // BMAF 474,37
  });
  it('takes the day in Paris: 1 April 00:30 in Paris is still 31 March in UTC', () => {
    const justAfterMidnight = benefitCatalogue(new Date('2025-03-31T22:30:00Z')).find((b) => b.key === 'asf')!;
    expect(justAfterMidnight.currentAmounts[0]!.amount).toBe(200.18);
  });
  it('every benefit says who pays, how to claim and why a payment can differ', () => {
    for (const b of benefitCatalogue(new Date('2026-01-15T12:00:00Z'))) {
      expect(b.payer).toMatch(/CAF/);
      expect(b.howToClaim.length).toBeGreaterThan(0);
      expect(b.whyItMayDiffer.length).toBeGreaterThan(10);
      expect(b.currentAmounts.every((a) => a.amount > 0)).toBe(true);
    }
  });
});
