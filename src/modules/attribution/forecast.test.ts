import { describe, expect, it } from 'vitest';
import { demandByGroupAndPeriod, forecastNext, withoutYear } from './forecast';

describe('forecastNext', () => {
  it('extends the least-squares line one step; one point is itself; none is none', () => {
    expect(forecastNext([10, 12, 14])).toBe(16);
    expect(forecastNext([7])).toBe(7);
    expect(forecastNext([])).toBeNull();
  });
  it('never forecasts a negative demand', () => {
    expect(forecastNext([9, 4, 0])).toBe(0);
  });
});

describe('withoutYear', () => {
  it('sets the year aside, whatever its form', () => {
    expect(withoutYear('Juillet 2026')).toBe('Juillet');
    expect(withoutYear('Mercredis 2026-2027')).toBe('Mercredis');
    expect(withoutYear('Vacances de Pâques 2027, semaine 1')).toBe('Vacances de Pâques, semaine 1');
    expect(withoutYear('')).toBe('');
  });
});

describe('demand per group and period', () => {
  const groups = [
    { id: 'g1', label: 'Juillet, 6 à 11 ans', period: 'Juillet 2026', capacity: 3 },
    { id: 'g2', label: 'Août, 6 à 11 ans', period: 'Août 2026', capacity: 2 },
    { id: 'g3', label: 'Juillet, 3 à 5 ans', period: 'Juillet 2026', capacity: 2 },
  ];
  const past = [
    { campaignId: 'c2024', label: 'Juillet, 6 à 11 ans', period: 'Juillet 2024', demand: 9, capacity: 6 },
    { campaignId: 'c2024', label: 'Août, 6 à 11 ans', period: 'Aout 2024', demand: 6, capacity: 6 },
    { campaignId: 'c2025', label: 'Juillet, 6 à 11 ans', period: 'Juillet 2025', demand: 12, capacity: 6 },
    { campaignId: 'c2025', label: 'Août, 6 à 11 ans', period: 'Août 2025', demand: 8, capacity: 6 },
    // the same label in another period is another group
    { campaignId: 'c2025', label: 'Juillet, 3 à 5 ans', period: 'Août 2025', demand: 40, capacity: 4 },
  ];
  const out = demandByGroupAndPeriod(groups, ['c2024', 'c2025'], past, new Map([['g1', 4]]));

  it('lists the groups per period, in the campaign order', () => {
    expect(out.map((p) => [p.period, p.groups.map((g) => g.id)])).toEqual([
      ['Juillet', ['g1', 'g3']],
      ['Août', ['g2']],
    ]);
  });
  it('meets each group in every earlier campaign by label and period, years aside (accents too)', () => {
    const g1 = out[0]!.groups[0]!;
    expect(g1.history).toEqual([
      { campaignId: 'c2024', demand: 9, capacity: 6 },
      { campaignId: 'c2025', demand: 12, capacity: 6 },
    ]);
    expect(g1.forecast).toBe(15);
    expect(g1.current).toBe(4);
    expect(out[1]!.groups[0]!.history.map((h) => h.demand)).toEqual([6, 8]);
  });
  it('a group an earlier campaign did not have has no point there, and no forecast without any', () => {
    const g3 = out[0]!.groups[1]!;
    expect(g3.history.map((h) => h.demand)).toEqual([null, null]);
    expect(g3.forecast).toBeNull();
    expect(g3.current).toBe(0);
  });
});
