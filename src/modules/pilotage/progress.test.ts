import { describe, expect, it } from 'vitest';
import { formatNumber, standing } from './progress';

describe('standing', () => {
  it('says when there is no value yet', () => expect(standing(null, 10, 0, 'increase').state).toBe('no-value'));
  it('never invents a target', () => {
    const s = standing(5, null, 0, 'increase');
    expect(s).toMatchObject({ state: 'no-target', percent: null, label: 'Cible à définir' });
  });
  it('measures the way from baseline to target (increase)', () => expect(standing(25, 100, 0, 'increase')).toMatchObject({ state: 'on-way', percent: 25 }));
  it('measures the way from baseline to target (decrease)', () => expect(standing(6, 4, 8, 'decrease')).toMatchObject({ state: 'on-way', percent: 50 }));
  it('reached when over the target (increase)', () => expect(standing(120, 100, 0, 'increase').state).toBe('reached'));
  it('reached when under the target (decrease)', () => expect(standing(3.9, 4, 6.24, 'decrease').state).toBe('reached'));
  it('off-track when worse than the baseline', () => expect(standing(7, 4, 6.24, 'decrease')).toMatchObject({ state: 'off-track', percent: 0 }));
  it('no baseline: on the way without a percentage', () => expect(standing(5, 10, null, 'increase')).toMatchObject({ state: 'on-way', percent: null }));
  it('maintain: within the band', () => expect(standing(10, 10, 12, 'maintain').state).toBe('reached'));
  it('maintain: outside the band', () => expect(standing(15, 10, 12, 'maintain').state).toBe('off-track'));
  it('caps below 100 until reached', () => expect(standing(99.999, 100, 0, 'increase').percent).toBe(99));
});

describe('formatNumber', () => {
  it('uses French separators', () => expect(formatNumber(1234.5, 'familles').replace(/\s/g, ' ')).toBe('1 234,5 familles'));
  it('shows a dash for no value', () => expect(formatNumber(null)).toBe('—'));
});
