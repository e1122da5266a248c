import { describe, expect, it } from 'vitest';
import { addDays, endsSoonOrJustEnded, frenchDay, isYearly, renewalSeason } from './endings';

describe('when an aid ends', () => {
  it('writes days as people read them', () => {
    expect(frenchDay('2026-12-31')).toBe('31 décembre 2026');
    expect(frenchDay('2027-01-01')).toBe('1er janvier 2027');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('tells from 30 days before the end date to 30 days after', () => {
    expect(endsSoonOrJustEnded({ end_date: '2026-04-09' }, '2026-03-10')).toBe(true);
    expect(endsSoonOrJustEnded({ end_date: '2026-04-10' }, '2026-03-10')).toBe(false);
    expect(endsSoonOrJustEnded({ end_date: '2026-02-08' }, '2026-03-10')).toBe(true);
    expect(endsSoonOrJustEnded({ end_date: '2026-02-07' }, '2026-03-10')).toBe(false);
    expect(endsSoonOrJustEnded({}, '2026-03-10')).toBe(false);
  });

  it('yearly aids are renewed in December', () => {
    expect(isYearly({ benefit: { kind: 'vouchers', amount_cents: 1, voucher: 'sante', per: 'year' } })).toBe(true);
    expect(isYearly({ benefit: { kind: 'vouchers', amount_cents: 1, voucher: 'sante', per: 'once' } })).toBe(false);
    expect(isYearly({ benefit: { kind: 'fixed', amount_cents: 1 } })).toBe(false);
    expect(renewalSeason('2026-11-30')).toBe(false);
    expect(renewalSeason('2026-12-01')).toBe(true);
  });
});
