import { describe, expect, it } from 'vitest';
import { mondaysOf, monthSplit } from './coop-month';

describe('mondaysOf', () => {
  it('lists the Mondays of a month', () => {
    expect(mondaysOf('2026-03')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(mondaysOf('2026-02')).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
  });
});

describe('monthSplit', () => {
  it('two families every week: the childminder works the longest, split by hours', () => {
    const r = monthSplit(
      '2026-03',
      1200,
      [
        { householdId: 'a', minutesPerWeek: 20 * 60, custody: 'all' },
        { householdId: 'b', minutesPerWeek: 10 * 60, custody: 'all' },
      ],
      [],
    );
    expect(r.childminderMinutes).toBe(5 * 20 * 60);
    expect(r.totalCents).toBe(5 * 20 * 1200);
    expect(r.shares.map((s) => s.cents)).toEqual([80_000, 40_000]);
    expect(r.shares.reduce((s, x) => s + x.cents, 0)).toBe(r.totalCents);
  });
  it('alternating custody and a week-by-week change', () => {
    const r = monthSplit(
      '2026-03',
      1150,
      [
        { householdId: 'a', minutesPerWeek: 600, custody: 'even' }, // ISO weeks 10, 12, 14 → Mondays 02, 16, 30
        { householdId: 'b', minutesPerWeek: 600, custody: 'odd' }, // weeks 11, 13 → 09, 23
      ],
      [{ householdId: 'b', monday: '2026-03-23', minutes: 0 }],
    );
    expect(r.shares.map((s) => s.minutes)).toEqual([1800, 600]);
    expect(r.childminderMinutes).toBe(2400);
    expect(r.totalCents).toBe(46_000);
    expect(r.shares.map((s) => s.cents)).toEqual([34_500, 11_500]);
  });
  it('rounds the month cost once, then the shares sum to it', () => {
    const r = monthSplit(
      '2026-03',
      1111,
      [
        { householdId: 'a', minutesPerWeek: 7, custody: 'all' },
        { householdId: 'b', minutesPerWeek: 7, custody: 'all' },
        { householdId: 'c', minutesPerWeek: 7, custody: 'all' },
      ],
      [],
    );
    expect(r.totalCents).toBe(Math.round((35 * 1111) / 60));
    expect(r.shares.reduce((s, x) => s + x.cents, 0)).toBe(r.totalCents);
  });
  it('a month where nobody needs the childminder costs nothing', () => {
    const r = monthSplit('2026-03', 1200, [{ householdId: 'a', minutesPerWeek: 0, custody: 'all' }], []);
    expect(r.totalCents).toBe(0);
    expect(r.shares[0]!.cents).toBe(0);
  });
});
