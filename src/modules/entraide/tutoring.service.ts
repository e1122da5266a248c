/**
 * Tutorat: an agent enters volunteer tutors (entering them is their validation); a family asks
 * for a child (subject, level, a weekday and hours); the agent sees the tutors the matching
 * proposes (tutoring-match.ts) and assigns one; the family then sees the tutor's name and
 * phone and logs the sessions (the agent can too); pilotage counts the hours by neighbourhood.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole, STAFF } from '../../platform/roles';
import { checkNeighbourhood, isStaff, requireFamily } from './access';
import type { Level, Subject } from './entraide.schemas';
import * as tutoring from './tutoring.store';
import { proposeTutors, type TutorProfile } from './tutoring-match';

const notFound = () => new AppError('entraide/not-found');
const hoursError = () => new AppError('entraide/invalid-dates', { fields: [{ path: 'to', message: 'La fin doit être après le début.' }] });

export type TutorInput = {
  displayName: string;
  phone?: string | null;
  subjects: Subject[];
  levels: Level[];
  neighbourhoodId: string;
  weekdays: number[];
  from: string;
  to: string;
};
export type TutoringInput = { childFirstName: string; subject: Subject; level: Level; weekday: number; from: string; to: string };

export async function addTutor(ctx: Ctx, input: TutorInput): Promise<{ id: string }> {
  const user = requireRole(ctx, ...STAFF);
  checkNeighbourhood(ctx, input.neighbourhoodId);
  if (input.to <= input.from) throw hoursError();
  return tx(ctx.db, async (t) => {
    const id = await tutoring.insertTutor(t, { ...input, phone: input.phone ?? null, validatedBy: user.id, isDemo: false, now: ctx.now() });
    await audit(t, ctx, 'entraide/tutor-added', { subjectType: 'entraide_tutor', subjectId: id });
    return { id };
  });
}

export async function listTutors(ctx: Ctx) {
  requireRole(ctx, ...STAFF);
  return tutoring.activeTutors(ctx.db);
}

export async function askTutoring(ctx: Ctx, input: TutoringInput): Promise<{ id: string }> {
  const me = await requireFamily(ctx);
  if (input.to <= input.from) throw hoursError();
  return tx(ctx.db, async (t) => {
    const id = await tutoring.insertRequest(t, { ...input, householdId: me.householdId, neighbourhoodId: me.neighbourhoodId, now: ctx.now() });
    await audit(t, ctx, 'entraide/tutoring-requested', { householdId: me.householdId, subjectType: 'entraide_tutoring', subjectId: id });
    return { id };
  });
}

/** The family's requests: the tutor (name and phone) once assigned, and the hours done. */
export async function myTutoring(ctx: Ctx) {
  const me = await requireFamily(ctx);
  const out = [];
  for (const r of await tutoring.requestsOf(ctx.db, me.householdId)) {
    const tutor = r.tutorId ? await tutoring.getTutor(ctx.db, r.tutorId) : null;
    out.push({ ...requestView(r), tutor: tutor ? { name: tutor.displayName, phone: tutor.phone } : null });
  }
  return { requests: out };
}

function requestView(r: tutoring.TutoringRow) {
  return {
    id: r.id,
    childFirstName: r.childFirstName,
    subject: r.subject,
    level: r.level,
    neighbourhoodId: r.neighbourhoodId,
    weekday: r.weekday,
    from: r.from,
    to: r.to,
    status: r.status,
    minutesDone: r.minutesDone,
  };
}

/** Open requests with the tutors the matching proposes (staff). No family data beyond what the family wrote for this request. */
export async function requestsToMatch(ctx: Ctx) {
  requireRole(ctx, ...STAFF);
  const tutors = await tutoring.activeTutors(ctx.db);
  const centre = (id: string | null) => {
    const n = ctx.town.neighbourhoods.find((x) => x.id === id);
    return n ? { lat: n.center[0], lon: n.center[1] } : null;
  };
  const profiles: TutorProfile[] = tutors.map((t) => ({
    id: t.id,
    name: t.displayName,
    subjects: t.subjects,
    levels: t.levels,
    neighbourhood: centre(t.neighbourhoodId),
    weekdays: t.weekdays,
    from: t.from,
    to: t.to,
  }));
  const names = new Map(tutors.map((t) => [t.id, t.displayName]));
  return (await tutoring.openRequests(ctx.db)).map((r) => ({
    ...requestView(r),
    proposals: proposeTutors(
      { subject: r.subject, level: r.level, neighbourhood: centre(r.neighbourhoodId), weekday: r.weekday, from: r.from, to: r.to },
      profiles,
    ).map((p) => ({
      ...p,
      name: names.get(p.tutorId) ?? '',
    })),
  }));
}

export async function assignTutor(ctx: Ctx, requestId: string, tutorId: string): Promise<{ ok: true }> {
  requireRole(ctx, ...STAFF);
  return tx(ctx.db, async (t) => {
    const r = await tutoring.getRequest(t, requestId, { lock: true });
    if (!r) throw notFound();
    if (r.status !== 'open') throw new AppError('entraide/tutoring-not-open');
    const tutor = await tutoring.getTutor(t, tutorId);
    if (!tutor) throw new AppError('entraide/not-found', { fields: [{ path: 'tutorId', message: "Ce tuteur n'existe pas ou n'est plus actif." }] });
    if (!tutor.subjects.includes(r.subject) || !tutor.levels.includes(r.level))
      throw new AppError('entraide/tutor-mismatch', { fields: [{ path: 'tutorId', message: 'Ce tuteur ne fait pas cette matière à ce niveau.' }] });
    await tutoring.assign(t, r.id, tutor.id, ctx.now());
    await audit(t, ctx, 'entraide/tutor-assigned', { householdId: r.householdId, subjectType: 'entraide_tutoring', subjectId: r.id, details: { tutorId } });
    return { ok: true as const };
  });
}

/** A session done: by the family (its own request) or an agent. */
export async function logSession(ctx: Ctx, requestId: string, input: { day: string; minutes: number }): Promise<{ id: string }> {
  const user = requireRole(ctx, 'parent', ...STAFF);
  const me = isStaff(user) ? null : await requireFamily(ctx);
  if (input.day > parisDate(ctx.now()))
    throw new AppError('entraide/invalid-dates', { fields: [{ path: 'day', message: 'Une séance déjà faite : pas de date à venir.' }] });
  return tx(ctx.db, async (t) => {
    const r = await tutoring.getRequest(t, requestId, { lock: true });
    if (!r || (me && r.householdId !== me.householdId)) throw notFound();
    if (r.status !== 'matched' || !r.tutorId) throw new AppError('entraide/tutoring-not-open');
    const id = await tutoring
      .insertSession(t, { requestId: r.id, tutorId: r.tutorId, day: input.day, minutes: input.minutes, by: user.id, now: ctx.now() })
      .catch((err) =>
        onConstraint(err, {
          entraide_tutoring_session_once: () =>
            new AppError('entraide/session-exists', { fields: [{ path: 'day', message: 'Une séance est déjà notée ce jour-là.' }] }),
        }),
      );
    await audit(t, ctx, 'entraide/tutoring-session-logged', {
      householdId: r.householdId,
      subjectType: 'entraide_tutoring',
      subjectId: r.id,
      details: { minutes: input.minutes },
    });
    return { id };
  });
}
