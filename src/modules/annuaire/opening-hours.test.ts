import { describe, expect, it } from 'vitest';
import {
  containsMinute,
  describeWeek,
  hoursError,
  isOpenAt,
  mergeIntervals,
  minuteOfWeek,
  nextOpening,
  opensAfter18,
  opensSaturdayMorning,
  quickStatus,
  isPublicHoliday,
  statusPhrase,
  weeklyIntervals,
} from './opening-hours';

// 2026-11-25 is a Wednesday; Paris is UTC+1 in winter, UTC+2 in summer.
const wed = (time: string) => new Date(`2026-11-25T${time}:00+01:00`);
const DENTIST = 'Mo-Fr 08:30-12:00,14:00-19:00; Sa 08:30-12:00; PH off';

describe('hoursError', () => {
  it('accepts valid OSM hours', () => {
    expect(hoursError('Mo-Fr 08:30-12:30; PH off')).toBeNull();
    expect(hoursError('24/7')).toBeNull();
  });
  it('rejects gibberish with a French message', () => {
    expect(hoursError('lundi matin')).toMatch(/Horaires illisibles/);
    expect(hoursError('  ')).toBe('Horaires vides.');
  });
});

describe('isOpenAt (Europe/Paris)', () => {
  it('is open during a morning range, closed at lunch', () => {
    expect(isOpenAt(DENTIST, wed('09:00'))).toBe(true);
    expect(isOpenAt(DENTIST, wed('12:30'))).toBe(false);
    expect(isOpenAt(DENTIST, wed('18:30'))).toBe(true);
  });
  it('reads Paris time, not UTC (08:00 UTC is 09:00 in Paris)', () => {
    expect(isOpenAt('Mo-Fr 09:00-10:00', new Date('2026-11-25T08:30:00Z'))).toBe(true);
    expect(isOpenAt('Mo-Fr 09:00-10:00', new Date('2026-11-25T09:30:00Z'))).toBe(false);
  });
  it('handles summer time (UTC+2)', () => {
    expect(isOpenAt('Mo-Fr 09:00-10:00', new Date('2026-06-10T07:30:00Z'))).toBe(true);
  });
  it('closes on French public holidays when PH off', () => {
    expect(isOpenAt(DENTIST, new Date('2026-12-25T10:00:00+01:00'))).toBe(false);
    expect(isOpenAt(DENTIST, new Date('2026-12-24T10:00:00+01:00'))).toBe(true);
  });
  it('counts "sur rendez-vous" ranges as open, "unknown" ones as not', () => {
    expect(isOpenAt('Mo-Fr 09:00-12:00 "sur rendez-vous"', wed('10:00'))).toBe(true);
    expect(isOpenAt('We 09:00-12:00 unknown', wed('10:00'))).toBe(false);
  });
  it('handles ranges past midnight', () => {
    expect(isOpenAt('We 22:00-02:00', new Date('2026-11-26T01:00:00+01:00'))).toBe(true);
  });
});

describe('nextOpening', () => {
  it('returns the instant itself when open', () => {
    expect(nextOpening(DENTIST, wed('09:00'))?.toISOString()).toBe(wed('09:00').toISOString());
  });
  it('finds the afternoon opening at lunch', () => {
    expect(nextOpening(DENTIST, wed('12:30'))?.toISOString()).toBe(wed('14:00').toISOString());
  });
  it('skips the weekend from Saturday noon to Monday', () => {
    expect(nextOpening(DENTIST, new Date('2026-11-28T13:00:00+01:00'))?.toISOString()).toBe(new Date('2026-11-30T08:30:00+01:00').toISOString());
  });
  it('is null when never open', () => {
    expect(nextOpening('off', wed('10:00'))).toBeNull();
  });
});

describe('weeklyIntervals', () => {
  const ref = wed('10:00');
  it('reduces a week to minutes-of-week', () => {
    expect(weeklyIntervals('Mo 08:00-12:00', ref)).toEqual([[480, 720]]);
    expect(weeklyIntervals('Sa 09:00-12:00', ref)).toEqual([[5 * 1440 + 540, 5 * 1440 + 720]]);
  });
  it('merges ranges running over midnight', () => {
    expect(weeklyIntervals('Mo 22:00-02:00', ref)).toEqual([[1320, 1440 + 120]]);
  });
  it('wraps Sunday night onto Monday morning as two intervals', () => {
    expect(weeklyIntervals('Su 22:00-02:00', ref)).toEqual([
      [0, 120],
      [6 * 1440 + 1320, 7 * 1440],
    ]);
  });
  it('24/7 is the whole week', () => {
    expect(weeklyIntervals('24/7', ref)).toEqual([[0, 10080]]);
  });
  it('skips a public holiday in the reference week (Christmas on Friday)', () => {
    const xmasWeek = new Date('2026-12-23T10:00:00+01:00');
    expect(weeklyIntervals('Fr 09:00-12:00; PH off', xmasWeek)).toEqual([[4 * 1440 + 540, 4 * 1440 + 720]]);
  });
  it('has a pause méridienne as two intervals', () => {
    expect(weeklyIntervals('Tu 08:30-12:00,13:30-17:00', ref)).toEqual([
      [1440 + 510, 1440 + 720],
      [1440 + 810, 1440 + 1020],
    ]);
  });
});

describe('week filters', () => {
  const ref = wed('10:00');
  it('Saturday morning', () => {
    expect(opensSaturdayMorning(weeklyIntervals(DENTIST, ref))).toBe(true);
    expect(opensSaturdayMorning(weeklyIntervals('Mo-Fr 08:00-18:00', ref))).toBe(false);
    expect(opensSaturdayMorning(weeklyIntervals('Sa 14:00-18:00', ref))).toBe(false);
    expect(opensSaturdayMorning(weeklyIntervals('Sa 11:30-13:00', ref))).toBe(true);
  });
  it('after 18 h', () => {
    expect(opensAfter18(weeklyIntervals(DENTIST, ref))).toBe(true);
    expect(opensAfter18(weeklyIntervals('Mo-Fr 08:00-18:00', ref))).toBe(false);
    expect(opensAfter18(weeklyIntervals('Th 17:00-20:30', ref))).toBe(true);
  });
  it('minuteOfWeek in Paris', () => {
    expect(minuteOfWeek(wed('10:00'))).toBe(2 * 1440 + 600);
    expect(minuteOfWeek(new Date('2026-11-29T23:30:00Z'))).toBe(30); // Monday 00:30 in Paris
  });
  it('containsMinute', () => {
    const week = weeklyIntervals(DENTIST, ref);
    expect(containsMinute(week, minuteOfWeek(wed('09:00')))).toBe(true);
    expect(containsMinute(week, minuteOfWeek(wed('13:00')))).toBe(false);
  });
  it('mergeIntervals joins touching ranges', () => {
    expect(
      mergeIntervals([
        [10, 20],
        [0, 10],
        [30, 40],
      ]),
    ).toEqual([
      [0, 20],
      [30, 40],
    ]);
  });
});

describe('French descriptions', () => {
  it('describes the week', () => {
    const lines = describeWeek(weeklyIntervals(DENTIST, wed('10:00')));
    expect(lines[5]).toEqual({ day: 'samedi', text: '08h30–12h00' });
    expect(lines[6]).toEqual({ day: 'dimanche', text: 'fermé' });
    expect(lines[0].text).toBe('08h30–12h00, 14h00–19h00');
  });
  it('status phrase', () => {
    expect(statusPhrase(DENTIST, wed('09:00'))).toEqual({ open: true, text: "Ouvert maintenant, jusqu'à 12h00" });
    expect(statusPhrase(DENTIST, wed('12:30'))).toEqual({ open: false, text: 'Fermé, ouvre à 14h00' });
    expect(statusPhrase(DENTIST, new Date('2026-11-28T13:00:00+01:00'))).toEqual({ open: false, text: 'Fermé, ouvre lundi à 08h30' });
  });
});

describe('quickStatus agrees with statusPhrase', () => {
  const values = [
    DENTIST,
    'Mo-Fr 08:30-12:00,13:30-17:00; PH off',
    'Tu,Th 14:00-18:30; Sa 09:00-12:00',
    '24/7',
    'Mo,We,Fr 09:00-11:30',
    'Mo-Fr 22:00-02:00',
    'Su 10:00-12:00',
  ];
  const instants = [
    '2026-11-25T09:00:00+01:00',
    '2026-11-25T12:30:00+01:00',
    '2026-11-25T23:30:00+01:00',
    '2026-11-28T13:00:00+01:00',
    '2026-11-29T11:00:00+01:00',
    '2026-11-30T07:00:00+01:00',
  ];
  for (const v of values) {
    it(v, () => {
      for (const i of instants) expect(quickStatus(v, new Date(i)), `${v} at ${i}`).toEqual(statusPhrase(v, new Date(i)));
    });
  }
  it('uses the exact rules around public holidays', () => {
    const xmas = new Date('2026-12-25T10:00:00+01:00');
    expect(quickStatus(DENTIST, xmas)).toEqual(statusPhrase(DENTIST, xmas));
    expect(isPublicHoliday(xmas)).toBe(true);
    expect(isPublicHoliday(new Date('2026-12-23T10:00:00+01:00'))).toBe(false);
  });
});
