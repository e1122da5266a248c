import { describe, expect, it } from 'vitest';
import { schoolHolidays } from './entraide-rules';
import { buildRota, occurrences, present } from './rota';

describe('occurrences', () => {
  it('lists the Wednesdays outside the school holidays', () => {
    expect(occurrences('2026-02-01', '2026-03-04', 3, [{ from: '2026-02-14', to: '2026-03-01' }])).toEqual(['2026-02-04', '2026-02-11', '2026-03-04']);
  });
  it('is empty when the range has no such day', () => {
    expect(occurrences('2026-03-05', '2026-03-06', 3)).toEqual([]);
  });
});

describe('buildRota', () => {
  it('shares driving evenly', () => {
    const crew = ['a', 'b', 'c'].map((id) => ({ householdId: id, canDrive: true, custody: 'all' as const }));
    const dates = occurrences('2026-03-04', '2026-05-27', 3);
    const rota = buildRota(crew, dates);
    const counts = new Map<string, number>();
    for (const r of rota) counts.set(r.driverId!, (counts.get(r.driverId!) ?? 0) + 1);
    const values = [...counts.values()];
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    expect(rota[0]).toEqual({ date: '2026-03-04', driverId: 'a', riders: ['b', 'c'] });
  });
  it('starts with the one who drove least before', () => {
    const rota = buildRota(
      [
        { householdId: 'a', canDrive: true, custody: 'all', drives: 4 },
        { householdId: 'b', canDrive: true, custody: 'all', drives: 1 },
      ],
      ['2026-03-04'],
    );
    expect(rota[0]!.driverId).toBe('b');
  });
  it('follows alternating custody weeks and never picks one who cannot drive', () => {
    const crew = [
      { householdId: 'even', canDrive: true, custody: 'even' as const },
      { householdId: 'odd', canDrive: true, custody: 'odd' as const },
      { householdId: 'nolicence', canDrive: false, custody: 'all' as const },
    ];
    // 2026-03-11 is in ISO week 11 (odd), 2026-03-18 in week 12 (even)
    expect(present(crew[0]!, '2026-03-11')).toBe(false);
    const rota = buildRota(crew, ['2026-03-11', '2026-03-18']);
    expect(rota).toEqual([
      { date: '2026-03-11', driverId: 'odd', riders: ['nolicence'] },
      { date: '2026-03-18', driverId: 'even', riders: ['nolicence'] },
    ]);
  });
  it('no driver when nobody present can drive', () => {
    expect(buildRota([{ householdId: 'x', canDrive: false, custody: 'all' }], ['2026-03-04'])[0]!.driverId).toBeNull();
  });
});

describe('the school calendar by zone (rules/entraide/vacances-scolaires.json)', () => {
  const wednesdays = (zone: 'A' | 'B' | undefined) => occurrences('2026-12-01', '2027-05-12', 3, schoolHolidays(zone).holidays);
  it('zone B (Amiens) skips Christmas 2026, its winter (20 Feb – 7 Mar 2027) and spring (17 Apr – 2 May 2027) holidays', () => {
    const days = wednesdays('B');
    expect(days).not.toContain('2026-12-23');
    expect(days).not.toContain('2026-12-30');
    expect(days).toContain('2027-01-06');
    expect(days).toContain('2027-02-17');
    expect(days).not.toContain('2027-02-24');
    expect(days).not.toContain('2027-03-03');
    expect(days).toContain('2027-04-14');
    expect(days).not.toContain('2027-04-21');
    expect(days).not.toContain('2027-04-28');
    expect(days).toContain('2027-05-05');
  });
  it('zone A (Dijon) has its own winter (13 – 28 Feb 2027) and spring (10 – 25 Apr 2027) holidays', () => {
    const days = wednesdays('A');
    expect(days).not.toContain('2026-12-23');
    expect(days).not.toContain('2027-02-17');
    expect(days).not.toContain('2027-02-24');
    expect(days).toContain('2027-03-03');
    expect(days).not.toContain('2027-04-14');
    expect(days).not.toContain('2027-04-21');
    expect(days).toContain('2027-04-28');
  });
  it('a town without a zone skips nothing (and says so)', () => {
    expect(schoolHolidays(undefined)).toEqual({ zone: null, holidays: [] });
    expect(wednesdays(undefined)).toContain('2026-12-23');
  });
});
