import { describe, expect, it } from 'vitest';
import { dueCampaign, isValidRenewalDate, renewalDateOf } from './renewal';

describe('renewal date', () => {
  it('formats the date of a year', () => expect(renewalDateOf(2027, { month: 9, day: 1 })).toBe('2027-09-01'));
  it('29 February falls back to the 28th in common years', () => {
    expect(renewalDateOf(2027, { month: 2, day: 29 })).toBe('2027-02-28');
    expect(renewalDateOf(2028, { month: 2, day: 29 })).toBe('2028-02-29');
  });
  it('due from the date on, not before', () => {
    expect(dueCampaign('2027-08-31', { month: 9, day: 1 })).toBeNull();
    expect(dueCampaign('2027-09-01', { month: 9, day: 1 })).toEqual({ year: 2027, date: '2027-09-01' });
    expect(dueCampaign('2027-12-31', { month: 9, day: 1 })).toEqual({ year: 2027, date: '2027-09-01' });
  });
  it('validates month and day', () => {
    expect(isValidRenewalDate({ month: 2, day: 29 })).toBe(true);
    expect(isValidRenewalDate({ month: 4, day: 31 })).toBe(false);
    expect(isValidRenewalDate({ month: 13, day: 1 })).toBe(false);
  });
});
