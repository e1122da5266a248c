import { describe, expect, it } from 'vitest';
import { demandByGroupAndPeriod, forecastNext, groupKey, mappableGroups, withoutYear } from './forecast';

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

describe('renamed groups', () => {
  const place = { site: 'Centre de loisirs Nord', ageMin: 6, ageMax: 11 };
  const past = [
    { campaignId: 'c2024', label: 'Été des grands', period: 'Juillet 2024', demand: 9, capacity: 6, ...place },
    { campaignId: 'c2025', label: 'Les explorateurs', period: 'Juillet 2025', demand: 12, capacity: 6, ...place },
    { campaignId: 'c2025', label: 'Les petits', period: 'Juillet 2025', demand: 30, capacity: 6, site: 'Centre de loisirs Nord', ageMin: 3, ageMax: 5 },
    { campaignId: 'c2025', label: 'Atelier cirque', period: 'Juillet 2025', demand: 5, capacity: 6, site: 'Gymnase Sud', ageMin: 8, ageMax: 12 },
  ];

  it('a group meets its earlier namesakes by site, age band and kind of period, whatever their labels', () => {
    const [july] = demandByGroupAndPeriod(
      [{ id: 'g', label: 'Les aventuriers', period: 'Juillet 2026', capacity: 8, ...place }],
      ['c2024', 'c2025'],
      past,
      new Map(),
    );
    expect(july!.groups[0]).toMatchObject({ matched: true, forecast: 15 });
    expect(july!.groups[0]!.history.map((h) => h.demand)).toEqual([9, 12]);
  });

  it('a renamed and moved group meets nothing until a coordinator maps it, then it meets the mapped groups', () => {
    const moved = { id: 'g', label: 'Cirque et jonglage', period: 'Juillet 2026', capacity: 8, site: 'Gymnase Sud (nouveau)', ageMin: 8, ageMax: 12 };
    const before = demandByGroupAndPeriod([moved], ['c2024', 'c2025'], past, new Map())[0]!.groups[0]!;
    expect(before).toMatchObject({ matched: false, forecast: null, mappedTo: null });
    const target = mappableGroups(past).find((g) => g.label === 'Atelier cirque')!;
    expect(target).toEqual({ key: groupKey(past[3]!), label: 'Atelier cirque', period: 'Juillet' });
    const after = demandByGroupAndPeriod([{ ...moved, forecastKey: target.key }], ['c2024', 'c2025'], past, new Map())[0]!.groups[0]!;
    expect(after).toMatchObject({ matched: true, forecast: 5, mappedTo: target.key });
    expect(after.history.map((h) => h.demand)).toEqual([null, 5]);
  });

  it('a group without site nor age band is known by its label and kind of period', () => {
    expect(groupKey({ label: 'Mercredis', period: 'Mercredis 2026-2027' })).toBe(groupKey({ label: 'mercredis', period: 'Mercredis 2025-2026' }));
    expect(groupKey({ label: 'A', site: 'Nord', ageMin: 6, ageMax: 11, period: 'Juillet 2026' })).toBe(
      groupKey({ label: 'B', site: 'nord', ageMin: 6, ageMax: 11, period: 'juillet 2024' }),
    );
  });
});
