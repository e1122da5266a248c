import { describe, expect, it } from 'vitest';
import demo from '../../../rules/annuaire/demo-amiens.json';
import { hoursError, weeklyIntervals } from './opening-hours';
import { emptyWeek, formatWeek, parseWeek, weekProblem, type Week } from './week-hours';

const REF = new Date('2026-12-07T12:00:00+01:00');

describe('week-hours', () => {
  it('reads every demo listing’s hours and writes back a value with the same weekly opening', () => {
    const values = new Set<string>();
    for (const s of (demo as { structures: { hours: string; services: { hours?: string }[] }[] }).structures) {
      values.add(s.hours);
      for (const v of s.services) if (v.hours) values.add(v.hours);
    }
    expect(values.size).toBeGreaterThan(10);
    for (const v of values) {
      const week = parseWeek(v);
      expect(week, v).not.toBeNull();
      const back = formatWeek(week!);
      expect(hoursError(back), `${v} → ${back}`).toBeNull();
      expect(weeklyIntervals(back, REF), `${v} → ${back}`).toEqual(weeklyIntervals(v, REF));
      expect(back.includes('PH off'), v).toBe(v.includes('PH off'));
    }
  });

  it('groups days with the same ranges and lets a later rule replace a day', () => {
    expect(formatWeek(parseWeek('Mo-Fr 09:00-12:00,13:30-17:30; Th 13:30-19:00')!)).toBe('Mo-We,Fr 09:00-12:00,13:30-17:30; Th 13:30-19:00');
    expect(formatWeek(parseWeek('Tu,Th 14:00-18:30; Sa 09:00-12:00; PH off')!)).toBe('Tu,Th 14:00-18:30; Sa 09:00-12:00; PH off');
    expect(formatWeek(parseWeek('Mo-Fr 09:00-18:00; We off')!)).toBe('Mo-Tu,Th-Fr 09:00-18:00');
  });

  it('writes what the volunteer ticked, never asks for the syntax', () => {
    const week: Week = emptyWeek();
    week.days[0] = [{ from: '09:00', to: '12:00' }];
    week.days[1] = [{ from: '09:00', to: '12:00' }];
    week.days[5] = [
      { from: '14:00', to: '17:00' },
      { from: '09:00', to: '12:00' },
    ];
    const osm = formatWeek(week);
    expect(osm).toBe('Mo-Tu 09:00-12:00; Sa 09:00-12:00,14:00-17:00; PH off');
    expect(hoursError(osm)).toBeNull();
    expect(formatWeek(emptyWeek())).toBe('');
    expect(formatWeek(parseWeek('24/7')!)).toBe('24/7');
  });

  it('answers null for what it cannot show day by day (the editor offers to replace it)', () => {
    for (const v of [
      'Mo-Fr 09:00-12:00 "sur rendez-vous"',
      'Mo[1] 09:00-12:00',
      'week 1-53/2 Mo 09:00-12:00',
      'lundi au vendredi 9h-12h',
      'Jan-Jun Mo 10:00-12:00',
    ]) {
      expect(parseWeek(v), v).toBeNull();
    }
  });

  it('names the day of a range that cannot be stored', () => {
    const week = emptyWeek();
    week.days[2] = [{ from: '09:00', to: '' }];
    expect(weekProblem(week)).toEqual({ day: 2, message: expect.stringContaining('heure de fermeture') });
    week.days[2] = [
      { from: '09:00', to: '12:00' },
      { from: '11:00', to: '14:00' },
    ];
    expect(weekProblem(week)).toEqual({ day: 2, message: 'Deux plages horaires se chevauchent.' });
  });
});
