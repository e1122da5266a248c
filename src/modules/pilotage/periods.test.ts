import { describe, expect, it } from 'vitest';
import { addMonths, isPeriod, periodBounds, periodLabel, periodOf, periodRange } from './periods';

describe('periods', () => {
  it('validates months', () => {
    expect(isPeriod('2026-03')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-3')).toBe(false);
  });
  it('adds months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
  });
  it('reads the month in Paris, not UTC', () => expect(periodOf(new Date('2026-02-28T23:30:00Z'))).toBe('2026-03'));
  it('bounds a month in Paris time (DST in March)', () => {
    const b = periodBounds('2026-03');
    expect(b.from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(b.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });
  it('ranges months inclusively', () => expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']));
  it('labels in French', () => expect(periodLabel('2026-03')).toBe('mars 2026'));
});
