import { describe, expect, it } from 'vitest';
import { euros, isoWeek, minutesInWeek, splitCost, splitWeeks } from './cost-split';

const sum = (xs: { cents: number }[]) => xs.reduce((s, x) => s + x.cents, 0);

describe('splitCost (largest remainder)', () => {
  it('splits proportionally when exact', () => {
    expect(
      splitCost(1000, [
        { familyId: 'a', minutes: 60 },
        { familyId: 'b', minutes: 180 },
      ]).map((s) => s.cents),
    ).toEqual([250, 750]);
  });
  it('gives the leftover cent to the largest fraction', () => {
    // 100 / 3 = 33.33 each → one cent left, ties broken by id: a
    expect(
      splitCost(100, [
        { familyId: 'b', minutes: 60 },
        { familyId: 'a', minutes: 60 },
        { familyId: 'c', minutes: 60 },
      ]),
    ).toEqual([
      { familyId: 'b', minutes: 60, cents: 33 },
      { familyId: 'a', minutes: 60, cents: 34 },
      { familyId: 'c', minutes: 60, cents: 33 },
    ]);
  });
  it('largest remainder wins over more minutes', () => {
    // 1001 cents, minutes 1,2 → exact 333.67 and 667.33: a gets the cent (remainder 2 > 1)
    expect(
      splitCost(1001, [
        { familyId: 'a', minutes: 1 },
        { familyId: 'b', minutes: 2 },
      ]).map((s) => s.cents),
    ).toEqual([334, 667]);
  });
  it('on equal remainders the family with more minutes gets the cent', () => {
    // 5 cents over minutes 2,4,4 (10): exact 1, 2, 2 → no leftover; use 3 cents over 1,1,2 (4): 0.75,0.75,1.5 → floors 0,0,1 rem 3,3,2
    expect(
      splitCost(3, [
        { familyId: 'x', minutes: 1 },
        { familyId: 'y', minutes: 1 },
        { familyId: 'z', minutes: 2 },
      ]).map((s) => s.cents),
    ).toEqual([1, 1, 1]);
    // 1 cent over 1,1,2: 0.25,0.25,0.5 → z (largest remainder)
    expect(
      splitCost(1, [
        { familyId: 'x', minutes: 1 },
        { familyId: 'y', minutes: 1 },
        { familyId: 'z', minutes: 2 },
      ]).map((s) => s.cents),
    ).toEqual([0, 0, 1]);
    // 2 cents over 3,3 (6) + 0: exact 1,1
    expect(
      splitCost(2, [
        { familyId: 'a', minutes: 3 },
        { familyId: 'b', minutes: 3 },
        { familyId: 'c', minutes: 0 },
      ]).map((s) => s.cents),
    ).toEqual([1, 1, 0]);
  });
  it('is deterministic whatever the input order', () => {
    const a = splitCost(10_001, [
      { familyId: 'f1', minutes: 7 },
      { familyId: 'f2', minutes: 7 },
      { familyId: 'f3', minutes: 7 },
    ]);
    const b = splitCost(10_001, [
      { familyId: 'f3', minutes: 7 },
      { familyId: 'f1', minutes: 7 },
      { familyId: 'f2', minutes: 7 },
    ]);
    const byId = (xs: typeof a) => Object.fromEntries(xs.map((s) => [s.familyId, s.cents]));
    expect(byId(a)).toEqual(byId(b));
    expect(byId(a)).toEqual({ f1: 3334, f2: 3334, f3: 3333 });
  });
  it('a family with no minutes owes nothing', () => {
    expect(
      splitCost(999, [
        { familyId: 'a', minutes: 0 },
        { familyId: 'b', minutes: 5 },
      ]).map((s) => s.cents),
    ).toEqual([0, 999]);
  });
  it('zero total splits to zeros, even without minutes', () => {
    expect(sum(splitCost(0, [{ familyId: 'a', minutes: 0 }]))).toBe(0);
    expect(
      splitCost(0, [
        { familyId: 'a', minutes: 10 },
        { familyId: 'b', minutes: 20 },
      ]).map((s) => s.cents),
    ).toEqual([0, 0]);
  });
  it('refuses a cost nobody used, negatives, fractions, duplicates', () => {
    expect(() => splitCost(100, [{ familyId: 'a', minutes: 0 }])).toThrow(RangeError);
    expect(() => splitCost(-1, [{ familyId: 'a', minutes: 1 }])).toThrow(RangeError);
    expect(() => splitCost(10.5, [{ familyId: 'a', minutes: 1 }])).toThrow(RangeError);
    expect(() => splitCost(10, [{ familyId: 'a', minutes: 1.5 }])).toThrow(RangeError);
    expect(() =>
      splitCost(10, [
        { familyId: 'a', minutes: 1 },
        { familyId: 'a', minutes: 2 },
      ]),
    ).toThrow(RangeError);
  });
  it('handles totals whose product passes 2^53', () => {
    const shares = splitCost(9_000_000_000_000, [
      { familyId: 'a', minutes: 100_000 },
      { familyId: 'b', minutes: 200_001 },
    ]);
    expect(sum(shares)).toBe(9_000_000_000_000);
  });
  it('always sums to the total and each share is within one cent of its exact value (random cases)', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const n = 2 + rnd(3);
      const usages = Array.from({ length: n }, (_, k) => ({ familyId: `f${k}`, minutes: rnd(3000) + (k === 0 ? 1 : 0) }));
      const total = rnd(500_000);
      const shares = splitCost(total, usages);
      expect(sum(shares)).toBe(total);
      const all = usages.reduce((s, u) => s + u.minutes, 0);
      for (const s of shares) expect(Math.abs(s.cents - (total * s.minutes) / all)).toBeLessThan(1);
    }
  });
});

describe('custody weeks', () => {
  it('computes ISO weeks', () => {
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2026-03-09')).toBe(11);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2024-12-30')).toBe(1);
  });
  it('alternating custody uses the week parity', () => {
    const even = { familyId: 'a', minutesPerWeek: 600, custody: 'even' as const };
    const odd = { familyId: 'b', minutesPerWeek: 600, custody: 'odd' as const };
    const all = { familyId: 'c', minutesPerWeek: 300, custody: 'all' as const };
    expect(minutesInWeek(even, '2026-03-09')).toBe(0); // week 11
    expect(minutesInWeek(odd, '2026-03-09')).toBe(600);
    expect(minutesInWeek(even, '2026-03-16')).toBe(600);
    expect(minutesInWeek(all, '2026-03-16')).toBe(300);
  });
  it('splitWeeks sums the weeks then splits by minutes', () => {
    const r = splitWeeks([
      {
        costCents: 10_000,
        usages: [
          { familyId: 'a', minutes: 600 },
          { familyId: 'b', minutes: 0 },
        ],
      },
      {
        costCents: 10_001,
        usages: [
          { familyId: 'a', minutes: 0 },
          { familyId: 'b', minutes: 600 },
        ],
      },
    ]);
    expect(r.totalCents).toBe(20_001);
    expect(sum(r.shares)).toBe(20_001);
    expect(r.shares.map((s) => s.cents)).toEqual([10_001, 10_000]); // tie on remainder and minutes → id order
  });
});

describe('euros', () => {
  it('formats cents for people', () => {
    expect(euros(0)).toBe('0,00 €');
    expect(euros(123_456)).toBe('1\u202f234,56 €');
    expect(euros(-5)).toBe('-0,05 €');
  });
});
