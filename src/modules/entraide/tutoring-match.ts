/**
 * Tutorat matching (pure): which volunteer tutors fit a family's request.
 *
 * Published rule: a tutor fits when it teaches the subject at the child's level and shares
 * at least MIN_OVERLAP_MINUTES on the requested weekday; fitting tutors are ranked by the
 * distance between the neighbourhoods' centres (same neighbourhood first), then by the
 * longest shared time, then by name.
 */
import { haversineKm, type Point } from './ride-matching';

export const MIN_OVERLAP_MINUTES = 60;

export type TutorProfile = {
  id: string;
  name: string;
  subjects: readonly string[];
  levels: readonly string[];
  neighbourhood: Point | null;
  weekdays: readonly number[];
  from: string; // HH:MM
  to: string;
};
export type TutoringAsk = { subject: string; level: string; neighbourhood: Point | null; weekday: number; from: string; to: string };
export type TutorProposal = { tutorId: string; km: number | null; overlapMinutes: number };

export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function proposeTutors(ask: TutoringAsk, tutors: readonly TutorProfile[], max = 5): TutorProposal[] {
  const out: (TutorProposal & { name: string })[] = [];
  for (const t of tutors) {
    if (!t.subjects.includes(ask.subject) || !t.levels.includes(ask.level) || !t.weekdays.includes(ask.weekday)) continue;
    const overlap = Math.min(minutesOfDay(t.to), minutesOfDay(ask.to)) - Math.max(minutesOfDay(t.from), minutesOfDay(ask.from));
    if (overlap < MIN_OVERLAP_MINUTES) continue;
    const km = t.neighbourhood && ask.neighbourhood ? Math.round(haversineKm(t.neighbourhood, ask.neighbourhood) * 10) / 10 : null;
    out.push({ tutorId: t.id, km, overlapMinutes: overlap, name: t.name });
  }
  out.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || b.overlapMinutes - a.overlapMinutes || a.name.localeCompare(b.name, 'fr'));
  return out.slice(0, max).map(({ name: _n, ...p }) => p);
}
