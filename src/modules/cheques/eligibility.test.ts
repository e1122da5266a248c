import { describe, expect, it } from 'vitest';
import { addDays, allowanceEligibility, passPeriod } from './eligibility';

const rules = { singleParent: true, maxQuotientCents: 70000 };

describe('yearly allowance eligibility (the pass’s rule is the aids module’s local aid pass-famille-solo)', () => {
  it('opens under the threshold, at the threshold, not above, never on missing data', () => {
    expect(allowanceEligibility({ singleParent: true, quotientCents: 45000 }, rules)).toEqual({ eligible: true });
    expect(allowanceEligibility({ singleParent: true, quotientCents: 70000 }, rules)).toEqual({ eligible: true });
    expect(allowanceEligibility({ singleParent: true, quotientCents: 70001 }, rules)).toMatchObject({
      eligible: false,
      reason: expect.stringContaining('700 €'),
    });
    expect(allowanceEligibility({ singleParent: true, quotientCents: null }, rules)).toMatchObject({
      eligible: false,
      reason: expect.stringContaining('manque'),
    });
    expect(allowanceEligibility({ singleParent: false, quotientCents: 100 }, rules)).toMatchObject({ eligible: false });
  });
  it('runs for whole months, the last day included', () => {
    expect(passPeriod('2026-03-10', 12)).toEqual({ validFrom: '2026-03-10', validUntil: '2027-03-09' });
    expect(passPeriod('2026-01-31', 1)).toEqual({ validFrom: '2026-01-31', validUntil: '2026-02-28' });
    expect(passPeriod('2026-01-01', 6).validUntil).toBe('2026-06-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
