import { describe, expect, it } from 'vitest';
import { daysWithoutRides, schoolHolidays, type SchoolZone } from './entraide-rules';
import { easterSunday } from '../../platform/calendar/public-holidays';
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
  const wednesdays = (zone: SchoolZone | undefined) => occurrences('2026-12-01', '2027-05-12', 3, schoolHolidays(zone).holidays);
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

/** Every day from `from` to `to` (inclusive). */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

describe('the 2026-2027 calendar of each zone (ministry dataset fr-en-calendrier-scolaire)', () => {
  // First day without class → last day before the reprise, per zone.
  const common = [
    ['2026-10-17', '2026-11-01'], // Toussaint
    ['2026-12-19', '2027-01-03'], // Noël
    ['2027-05-07', '2027-05-09'], // pont de l'Ascension (no class on Friday 7 May)
  ];
  const expected: Record<SchoolZone, string[][]> = {
    A: [...common, ['2027-02-13', '2027-02-28'], ['2027-04-10', '2027-04-25']],
    B: [...common, ['2027-02-20', '2027-03-07'], ['2027-04-17', '2027-05-02']],
    C: [...common, ['2027-02-06', '2027-02-21'], ['2027-04-03', '2027-04-18']],
  };
  for (const zone of ['A', 'B', 'C'] as const) {
    it(`zone ${zone}: a ride on any weekday skips each holiday period, runs the day before and the day of the reprise`, () => {
      const off = daysWithoutRides(zone, '2026-09-01', '2027-07-02');
      for (const [from, to] of expected[zone]) {
        for (let weekday = 0; weekday < 7; weekday++) expect(occurrences(from!, to!, weekday, off), `${zone} ${from}…${to} weekday ${weekday}`).toEqual([]);
        const before = days('2026-09-01', from!).at(-2)!;
        const reprise = days(to!, '2027-07-02')[1]!;
        // The eve and the reprise run, except the pont's eve: Ascension Thursday, a public holiday.
        if (before !== '2027-05-06')
          expect(
            off.some((h) => before >= h.from && before <= h.to),
            `${zone} eve ${before}`,
          ).toBe(false);
        expect(
          off.some((h) => reprise >= h.from && reprise <= h.to),
          `${zone} reprise ${reprise}`,
        ).toBe(false);
      }
    });
  }
  it('the zones differ only by their winter and spring holidays, and summer starts on Saturday 3 July 2027 everywhere', () => {
    for (const zone of ['A', 'B', 'C'] as const) {
      const summer = schoolHolidays(zone).holidays.find((h) => h.label === "Vacances d'été 2027")!;
      expect(summer.from).toBe('2027-07-03');
    }
    const wed = (z: SchoolZone) => occurrences('2027-02-01', '2027-04-30', 3, daysWithoutRides(z, '2027-02-01', '2027-04-30'));
    expect(wed('C')).not.toContain('2027-02-10');
    expect(wed('A')).toContain('2027-02-10');
    expect(wed('B')).toContain('2027-02-10');
    expect(wed('A')).not.toContain('2027-04-14');
    expect(wed('B')).toContain('2027-04-14');
    expect(wed('C')).not.toContain('2027-04-14');
    expect(wed('A')).not.toContain('2027-04-21');
    expect(wed('B')).not.toContain('2027-04-21');
    expect(wed('C')).toContain('2027-04-21');
  });
});

describe('public holidays (rules/town/jours-feries.json, Easter computed)', () => {
  it('Easter Sunday by the Gregorian computus', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
  it('a recurring ride skips Easter Monday, Ascension, Whit Monday and the fixed holidays, in every zone and without one', () => {
    for (const zone of ['A', 'B', 'C', undefined] as const) {
      const off = (from: string, to: string, weekday: number) => occurrences(from, to, weekday, daysWithoutRides(zone, from, to));
      expect(off('2027-03-15', '2027-04-02', 1)).toEqual(['2027-03-15', '2027-03-22']); // Easter Monday 29 March 2027
      expect(off('2026-05-04', '2026-05-31', 1)).toEqual(['2026-05-04', '2026-05-11', '2026-05-18']); // Whit Monday 25 May 2026
      expect(off('2027-05-10', '2027-05-24', 1)).toEqual(['2027-05-10', '2027-05-24']); // Whit Monday 17 May 2027
      expect(off('2027-05-01', '2027-05-31', 4)).toEqual(['2027-05-13', '2027-05-20', '2027-05-27']); // Ascension 6 May 2027
      expect(off('2026-11-01', '2026-11-30', 3)).toEqual(['2026-11-04', '2026-11-18', '2026-11-25']); // Armistice, Wednesday 11 November 2026
      expect(off('2027-07-01', '2027-07-31', 3).includes('2027-07-14')).toBe(false); // Fête nationale (summer holidays too)
    }
  });
  it('the public holidays of a year, in date order', () => {
    const y = daysWithoutRides(undefined, '2027-01-01', '2027-12-31');
    expect(y.map((h) => `${h.from} ${h.label}`)).toEqual([
      "2027-01-01 Jour de l'an",
      '2027-03-29 Lundi de Pâques',
      '2027-05-01 Fête du Travail',
      '2027-05-06 Ascension',
      '2027-05-08 Victoire 1945',
      '2027-05-17 Lundi de Pentecôte',
      '2027-07-14 Fête nationale',
      '2027-08-15 Assomption',
      '2027-11-01 Toussaint',
      '2027-11-11 Armistice 1918',
      '2027-12-25 Noël',
    ]);
  });
});
