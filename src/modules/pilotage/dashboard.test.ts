import { describe, expect, it } from 'vitest';
import { summarise } from './dashboard.service';
import { isAdditive } from './town-values';
import type { IndicatorRow, ValueRow } from './pilotage.store';

const ind = (unit: string, source: IndicatorRow['source'] = 'manual'): IndicatorRow => ({
  id: 'i',
  actionId: 'a',
  position: 1,
  label: 'x',
  unit,
  baseline: 0,
  target: 20,
  direction: 'increase',
  source,
  relaisId: null,
  questionnaire: null,
});
const v = (period: string, neighbourhood: string, value: number): ValueRow => ({
  indicatorId: 'i',
  period,
  neighbourhood,
  value,
  base: null,
  origin: 'manual',
  recordedAt: new Date(),
});

describe('town totals', () => {
  it('counts add up, rates and means do not', () => {
    expect(isAdditive('familles')).toBe(true);
    expect(isAdditive('%')).toBe(false);
    expect(isAdditive('sur 10')).toBe(false);
    expect(isAdditive('moyenne')).toBe(false);
  });
  it('a count entered only by neighbourhood has the sum as town value', () => {
    const s = summarise(ind('familles'), [v('2026-03', 'nord', 4), v('2026-03', 'sud', 6)]);
    expect(s.latest).toEqual({ period: '2026-03', value: 10 });
    expect(s.standing.percent).toBe(50);
    expect(s.byNeighbourhood).toEqual({ nord: 4, sud: 6 });
  });
  it('a town value entered wins over the sum', () => {
    expect(summarise(ind('familles'), [v('2026-03', 'nord', 4), v('2026-03', '*', 12)]).latest).toEqual({ period: '2026-03', value: 12 });
  });
  it('a rate entered only by neighbourhood has no town value', () => {
    expect(summarise(ind('%'), [v('2026-03', 'nord', 40), v('2026-03', 'sud', 60)]).latest).toBeNull();
  });
  it('computed indicators keep their own town value', () => {
    expect(summarise(ind('ouvertures', 'relais'), [v('2026-03', 'nord', 4)]).latest).toBeNull();
  });
  it('history is in month order', () => {
    const s = summarise(ind('familles'), [v('2026-03', '*', 3), v('2026-01', 'nord', 1), v('2026-02', '*', 2)]);
    expect(s.history.map((h) => h.period)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});
