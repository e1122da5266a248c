import { describe, expect, it } from 'vitest';
import type { Town } from '../../platform/town';
import { withTotal } from './compute';

const town = {
  neighbourhoods: [
    { id: 'nord', name: 'Nord', center: [0, 0] },
    { id: 'sud', name: 'Sud', center: [0, 0] },
  ],
} as unknown as Town;

describe('withTotal', () => {
  it('adds the town total and zero for quiet neighbourhoods', () => {
    expect(withTotal([{ neighbourhood: 'nord', value: 3 }], town)).toEqual([
      { neighbourhood: '*', value: 3, base: null },
      { neighbourhood: 'nord', value: 3, base: null },
      { neighbourhood: 'sud', value: 0, base: null },
    ]);
  });
  it('puts null and unknown neighbourhoods under "not located"', () => {
    const r = withTotal(
      [
        { neighbourhood: null, value: 2 },
        { neighbourhood: 'atlantide', value: 1 },
        { neighbourhood: 'sud', value: 4 },
      ],
      town,
    );
    expect(r.find((v) => v.neighbourhood === '?')?.value).toBe(3);
    expect(r.find((v) => v.neighbourhood === '*')?.value).toBe(7);
  });
  it('an empty result is zero everywhere', () => {
    expect(withTotal([], town).map((v) => v.value)).toEqual([0, 0, 0]);
  });
});
