import { describe, expect, it } from 'vitest';
import { allocate, compareAllocations, withWeights, type Campaign } from './allocate';
import { applicationValues, deriveValue, isDerivation, type DeriveInput } from './derive';
import { explainChanges } from './explain';
import { forecastNext } from './forecast';

const base: DeriveInput = { custody: 'visiting', quotient: 450, activity: 'actif', children: 1, keepTogether: true, lostCampaigns: 0, refusals: 0 };

describe('values read from the file', () => {
  it('single parenthood from the custody, shared custody counts half', () => {
    expect(deriveValue('single_parent', base)).toBe(1);
    expect(deriveValue('single_parent', { ...base, custody: null })).toBe(1);
    expect(deriveValue('single_parent', { ...base, custody: 'alternate' })).toBe(0.5);
  });
  it('quotient bands are inclusive; an unknown quotient is declared', () => {
    expect(deriveValue('qf:0-450', base)).toBe(1);
    expect(deriveValue('qf:451-800', base)).toBe(0);
    expect(deriveValue('qf:0-450', { ...base, quotient: null })).toBeNull();
  });
  it('work, siblings kept together, lost campaigns, refusals', () => {
    expect(deriveValue('work', { ...base, activity: 'chomeur' })).toBe(0);
    expect(deriveValue('work', { ...base, activity: null })).toBeNull();
    expect(deriveValue('siblings', { ...base, children: 2 })).toBe(1);
    expect(deriveValue('siblings', { ...base, children: 2, keepTogether: false })).toBe(0);
    expect(deriveValue('lost', { ...base, lostCampaigns: 2 })).toBe(1);
    expect(deriveValue('refused', base)).toBe(0);
    expect(deriveValue(null, base)).toBeNull();
  });
  it('knows the rules it can apply', () => {
    expect(isDerivation('qf:0-500')).toBe(true);
    expect(isDerivation('qf:600-500')).toBe(false);
    expect(isDerivation('astrology')).toBe(false);
  });
  it('the family corrects the file (declared), else the file says (prefilled), else 0 declared', () => {
    const criteria = [
      { code: 'mono', derive: 'single_parent' },
      { code: 'qf1', derive: 'qf:0-500' },
      { code: 'handicap', derive: null },
      { code: 'orientation', derive: null },
    ];
    expect(applicationValues(criteria, base, { qf1: 0, handicap: 1 })).toEqual({
      mono: { value: 1, source: 'prefilled' },
      qf1: { value: 0, source: 'declared' },
      handicap: { value: 1, source: 'declared' },
      orientation: { value: 0, source: 'declared' },
    });
    expect(applicationValues(criteria, base, { mono: 1 }).mono).toEqual({ value: 1, source: 'prefilled' });
  });
});

describe('forecast', () => {
  it('extends the line through past campaigns, never below 0', () => {
    expect(forecastNext([])).toBeNull();
    expect(forecastNext([12])).toBe(12);
    expect(forecastNext([10, 20, 30])).toBe(40);
    expect(forecastNext([30, 10, 0])).toBe(0);
  });
});

describe('what-if explanation', () => {
  it('names the criteria whose points moved and the ranks', () => {
    const c: Campaign = {
      groups: [{ id: 'g', capacity: 1 }],
      criteria: [
        { id: 'mono', weight: 20 },
        { id: 'qf1', weight: 25 },
      ],
      applications: [
        { id: 'a', family: 'fa', submittedAt: '2026-03-02T09:00:00+01:00', criteria: { mono: 1 }, choices: ['g'] },
        { id: 'b', family: 'fb', submittedAt: '2026-03-02T09:00:00+01:00', criteria: { qf1: 1 }, choices: ['g'] },
      ],
    };
    const before = allocate(c);
    const after = allocate(withWeights(c, { mono: 30 }));
    const changes = compareAllocations(before, after);
    expect(changes.map((x) => x.id).sort()).toEqual(['a', 'b']);
    const why = explainChanges(before, after, changes);
    expect(why.get('a')).toEqual({ scoreBefore: 20, scoreAfter: 30, rankBefore: 2, rankAfter: 1, criteria: [{ code: 'mono', before: 20, after: 30 }] });
    expect(why.get('b')).toMatchObject({ scoreBefore: 25, scoreAfter: 25, criteria: [] });
  });
});
