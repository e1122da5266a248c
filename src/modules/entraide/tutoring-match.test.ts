import { describe, expect, it } from 'vitest';
import { proposeTutors, type TutorProfile } from './tutoring-match';

const etouvie = { lat: 49.905, lon: 2.262 };
const nord = { lat: 49.918, lon: 2.3 };
const tutor = (p: Partial<TutorProfile> & { id: string }): TutorProfile => ({
  name: p.id,
  subjects: ['maths'],
  levels: ['college'],
  neighbourhood: etouvie,
  weekdays: [3],
  from: '14:00',
  to: '18:00',
  ...p,
});
const ask = { subject: 'maths', level: 'college', neighbourhood: etouvie, weekday: 3, from: '15:00', to: '17:00' };

describe('tutor proposals', () => {
  it('keeps only the subject, the level and an hour in common on the day', () => {
    const r = proposeTutors(ask, [
      tutor({ id: 'ok' }),
      tutor({ id: 'other-subject', subjects: ['anglais'] }),
      tutor({ id: 'other-level', levels: ['primaire'] }),
      tutor({ id: 'other-day', weekdays: [6] }),
      tutor({ id: 'half-hour', from: '16:30', to: '19:00' }),
    ]);
    expect(r.map((p) => p.tutorId)).toEqual(['ok']);
    expect(r[0]!.overlapMinutes).toBe(120);
  });

  it('ranks the same neighbourhood first, then the longest time in common', () => {
    const r = proposeTutors(ask, [tutor({ id: 'far', neighbourhood: nord }), tutor({ id: 'near-short', from: '16:00' }), tutor({ id: 'near-long' })]);
    expect(r.map((p) => p.tutorId)).toEqual(['near-long', 'near-short', 'far']);
    expect(r[0]!.km).toBe(0);
    expect(r[2]!.km).toBeGreaterThan(2);
  });

  it('an exactly one-hour overlap is enough; an unlocated tutor comes last', () => {
    const r = proposeTutors(ask, [tutor({ id: 'nowhere', neighbourhood: null }), tutor({ id: 'one-hour', from: '16:00', to: '19:00' })]);
    expect(r.map((p) => p.tutorId)).toEqual(['one-hour', 'nowhere']);
  });
});
