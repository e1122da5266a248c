import { describe, expect, it } from 'vitest';
import { ageGroupOn, freeSlots, occursOn, offerWindowMinutes, weekdayOf, type Plage, type SlotQuery } from './slots';

const plage = (over: Partial<Plage> = {}): Plage => ({
  id: 'p1',
  ownerId: 'agent-a',
  lieuId: 'lieu-1',
  firstDate: '2026-01-01',
  untilDate: null,
  startTime: '12:00',
  endTime: '14:00',
  recurrence: { kind: 'weekly', weekdays: [2] },
  ...over,
});

const motif = { durationMinutes: 30, minNoticeMinutes: 0, maxNoticeDays: 365 };
const q = (over: Partial<SlotQuery> = {}): SlotQuery => ({
  plages: [plage()],
  motif,
  now: new Date('2026-01-01T00:00:00Z'),
  fromDate: '2026-01-01',
  toDate: '2026-01-31',
  ...over,
});
const iso = (d: Date) => d.toISOString();

describe('weekdayOf', () => {
  it('knows Monday and Sunday', () => {
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-29')).toBe(7);
    expect(weekdayOf('2026-01-06')).toBe(2);
  });
});

describe('occursOn', () => {
  it('weekly on Tuesdays', () => {
    const p = plage();
    expect(occursOn(p, '2026-01-06')).toBe(true);
    expect(occursOn(p, '2026-01-07')).toBe(false);
  });
  it('every two weeks from the first week', () => {
    const p = plage({ firstDate: '2026-01-06', recurrence: { kind: 'weekly', weekdays: [2], interval: 2 } });
    expect(occursOn(p, '2026-01-06')).toBe(true);
    expect(occursOn(p, '2026-01-13')).toBe(false);
    expect(occursOn(p, '2026-01-20')).toBe(true);
  });
  it('1er et 3e mardi du mois', () => {
    const p = plage({ recurrence: { kind: 'monthly', weekday: 2, nths: [1, 3] } });
    const tuesdays = ['2026-02-03', '2026-02-10', '2026-02-17', '2026-02-24'];
    expect(tuesdays.map((d) => occursOn(p, d))).toEqual([true, false, true, false]);
    expect(occursOn(p, '2026-02-04')).toBe(false);
  });
  it('the last Saturday of the month', () => {
    const p = plage({ recurrence: { kind: 'monthly', weekday: 6, nths: [-1] } });
    expect(occursOn(p, '2026-01-31')).toBe(true);
    expect(occursOn(p, '2026-01-24')).toBe(false);
    expect(occursOn(p, '2026-02-28')).toBe(true);
  });
  it('a 5th weekday exists only in some months', () => {
    const p = plage({ recurrence: { kind: 'monthly', weekday: 4, nths: [5] } });
    expect(occursOn(p, '2026-01-29')).toBe(true);
    expect(occursOn(p, '2026-02-26')).toBe(false);
  });
  it('respects the date range', () => {
    const p = plage({ firstDate: '2026-01-10', untilDate: '2026-01-20' });
    expect(occursOn(p, '2026-01-06')).toBe(false);
    expect(occursOn(p, '2026-01-13')).toBe(true);
    expect(occursOn(p, '2026-01-27')).toBe(false);
  });
  it('once: a mobile desk stop', () => {
    const p = plage({ firstDate: '2026-01-14', recurrence: { kind: 'once' } });
    expect(occursOn(p, '2026-01-14')).toBe(true);
    expect(occursOn(p, '2026-01-21')).toBe(false);
  });
});

describe('freeSlots', () => {
  it('cuts each occurrence by the duration, in Paris time (winter: UTC+1)', () => {
    const s = freeSlots(q({ toDate: '2026-01-06' }));
    expect(s.map((x) => iso(x.start))).toEqual([
      '2026-01-06T11:00:00.000Z',
      '2026-01-06T11:30:00.000Z',
      '2026-01-06T12:00:00.000Z',
      '2026-01-06T12:30:00.000Z',
    ]);
    expect(iso(s[3]!.end)).toBe('2026-01-06T13:00:00.000Z');
    expect(s[0]!.lieuId).toBe('lieu-1');
  });
  it('drops a last piece shorter than the duration', () => {
    const s = freeSlots(q({ toDate: '2026-01-06', motif: { ...motif, durationMinutes: 45 } }));
    expect(s).toHaveLength(2);
  });
  it('Saturday 9 h stays 9 h across the March change (last Sunday of March)', () => {
    const p = plage({ startTime: '09:00', endTime: '12:00', recurrence: { kind: 'weekly', weekdays: [6, 7] } });
    const s = freeSlots(q({ plages: [p], fromDate: '2026-03-28', toDate: '2026-03-29', motif: { ...motif, durationMinutes: 180 } }));
    expect(s.map((x) => iso(x.start))).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
  });
  it('…and across the October change (last Sunday of October)', () => {
    const p = plage({ startTime: '09:00', endTime: '12:00', recurrence: { kind: 'weekly', weekdays: [6, 7] } });
    const s = freeSlots(q({ plages: [p], fromDate: '2026-10-24', toDate: '2026-10-25', motif: { ...motif, durationMinutes: 180 } }));
    expect(s.map((x) => iso(x.start))).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z']);
  });
  it('a night range over the spring change is one real hour shorter', () => {
    const p = plage({ startTime: '01:00', endTime: '04:00', recurrence: { kind: 'weekly', weekdays: [7] } });
    const s = freeSlots(q({ plages: [p], fromDate: '2026-03-29', toDate: '2026-03-29', motif: { ...motif, durationMinutes: 60 } }));
    expect(s.map((x) => iso(x.start))).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z']);
  });
  it('a night range over the autumn change is one real hour longer', () => {
    const p = plage({ startTime: '01:00', endTime: '04:00', recurrence: { kind: 'weekly', weekdays: [7] } });
    const s = freeSlots(q({ plages: [p], fromDate: '2026-10-25', toDate: '2026-10-25', motif: { ...motif, durationMinutes: 60 } }));
    expect(s).toHaveLength(4);
    expect(iso(s[0]!.start)).toBe('2026-10-24T23:00:00.000Z');
  });
  it('skips closed days (jours fériés)', () => {
    const s = freeSlots(q({ closedDates: ['2026-01-06'], toDate: '2026-01-13' }));
    expect(s.every((x) => iso(x.start).startsWith('2026-01-13'))).toBe(true);
    expect(s).toHaveLength(4);
  });
  it("skips the owner's absence, not another agent's", () => {
    const other = plage({ id: 'p2', ownerId: 'agent-b' });
    const s = freeSlots(
      q({
        plages: [plage(), other],
        toDate: '2026-01-06',
        absences: [{ ownerId: 'agent-a', start: new Date('2026-01-06T11:15:00Z'), end: new Date('2026-01-06T12:00:00Z') }],
      }),
    );
    expect(s.filter((x) => x.ownerId === 'agent-a').map((x) => iso(x.start))).toEqual(['2026-01-06T12:00:00.000Z', '2026-01-06T12:30:00.000Z']);
    expect(s.filter((x) => x.ownerId === 'agent-b')).toHaveLength(4);
  });
  it('an absence of everyone (closure) applies to all', () => {
    const s = freeSlots(
      q({ toDate: '2026-01-06', absences: [{ ownerId: null, start: new Date('2026-01-06T00:00:00Z'), end: new Date('2026-01-07T00:00:00Z') }] }),
    );
    expect(s).toEqual([]);
  });
  it('skips busy times of the owner', () => {
    const s = freeSlots(
      q({ toDate: '2026-01-06', busy: [{ ownerId: 'agent-a', start: new Date('2026-01-06T11:30:00Z'), end: new Date('2026-01-06T12:00:00Z') }] }),
    );
    expect(s).toHaveLength(3);
  });
  it('respects the minimum notice', () => {
    const s = freeSlots(q({ toDate: '2026-01-06', now: new Date('2026-01-06T10:00:00Z'), motif: { ...motif, minNoticeMinutes: 90 } }));
    expect(s.map((x) => iso(x.start))).toEqual(['2026-01-06T11:30:00.000Z', '2026-01-06T12:00:00.000Z', '2026-01-06T12:30:00.000Z']);
  });
  it('respects the maximum notice', () => {
    const s = freeSlots(q({ motif: { ...motif, maxNoticeDays: 7 } }));
    expect(s.every((x) => x.start < new Date('2026-01-08T00:00:00Z'))).toBe(true);
    expect(s).toHaveLength(4);
  });
  it('never offers a past slot', () => {
    expect(freeSlots(q({ now: new Date('2026-02-01T00:00:00Z') }))).toEqual([]);
  });
  it('sorts by time across plages', () => {
    const sat = plage({ id: 'p2', ownerId: 'agent-b', startTime: '09:00', endTime: '10:00', recurrence: { kind: 'weekly', weekdays: [6] } });
    const s = freeSlots(q({ plages: [plage(), sat], toDate: '2026-01-10' }));
    const times = s.map((x) => x.start.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(s.at(-1)!.ownerId).toBe('agent-b');
  });
});

describe('offerWindowMinutes', () => {
  const now = new Date('2026-01-06T08:00:00Z');
  it('2 h when the slot is far', () => {
    expect(offerWindowMinutes(now, new Date('2026-01-08T08:00:00Z'))).toBe(120);
  });
  it('half the time left near the slot', () => {
    expect(offerWindowMinutes(now, new Date('2026-01-06T09:00:00Z'))).toBe(30);
  });
  it('no offer when too close', () => {
    expect(offerWindowMinutes(now, new Date('2026-01-06T08:15:00Z'))).toBeNull();
  });
});

describe('ageGroupOn', () => {
  it('counts birthdays', () => {
    expect(ageGroupOn('2025-06-01', '2026-05-31')).toBe('0-1');
    expect(ageGroupOn('2025-06-01', '2026-06-01')).toBe('1-3');
    expect(ageGroupOn('2021-01-10', '2026-01-09')).toBe('3-6');
    expect(ageGroupOn('2012-01-01', '2026-01-09')).toBeNull();
    expect(ageGroupOn('2027-01-01', '2026-01-09')).toBeNull();
  });
});
