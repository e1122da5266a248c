import { momentInParis } from '../../platform/clock';
/**
 * Ambassador parents (appointed by an agent) organise meetings of their neighbourhood and welcome
 * its newcomers; families see their neighbourhood's upcoming meetings and register or unregister.
 * The capacity is guaranteed by the database (meetings.store.ts, migration 0806).
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { queueLocalized } from '../../platform/notify/localized';
import { householdNeighbourhoods, readHouseholdAsSystem, type Household } from '../dossiers/index';
import { checkNeighbourhood, isStaff, requireAgentOrAmbassador, requireFamily } from './access';
import { ambassadorOf as currentAmbassadorship } from './ambassador-tenure';
import * as store from './entraide.store';
import type { MeetingInput } from './meetings.schemas';
import * as meetings from './meetings.store';
import { parisDayAndTime } from './paris-day';

/** A household is a newcomer to welcome during this many days after its first step in the neighbourhood's entraide. */
export const NEWCOMER_DAYS = 60;
const DAY_MS = 86_400_000;
const notFound = () => new AppError('entraide/not-found');

function shape(m: meetings.MeetingRow) {
  return {
    id: m.id,
    neighbourhoodId: m.neighbourhoodId,
    title: m.title,
    description: m.description,
    place: m.place,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    capacity: m.capacity,
    registered: m.registered,
    placesLeft: Math.max(0, m.capacity - m.registered),
    cancelled: m.status === 'cancelled',
    isDemo: m.isDemo,
  };
}

/** "Prénom N." — what an ambassador needs to welcome a family, no more. */
function shortName(h: Household | null): string {
  if (!h) return 'Famille';
  const first = h.parent.firstName?.trim() || 'Famille';
  const initial = h.parent.lastName?.trim().charAt(0);
  return initial ? `${first} ${initial.toUpperCase()}.` : first;
}

/** The neighbourhood the caller manages: an ambassador's own (another one is refused), any for an agent (named). */
async function managedNeighbourhood(ctx: Ctx, q: Queryable, asked: string | undefined) {
  const who = await requireAgentOrAmbassador(ctx, q);
  if (who.neighbourhoodId !== null) {
    if (asked !== undefined && asked !== who.neighbourhoodId) throw new AppError('entraide/not-ambassador');
    return { user: who.user, neighbourhoodId: who.neighbourhoodId };
  }
  if (!asked) throw new AppError('entraide/unknown-neighbourhood', { fields: [{ path: 'neighbourhoodId', message: 'Choisissez le quartier.' }] });
  checkNeighbourhood(ctx, asked);
  return { user: who.user, neighbourhoodId: asked };
}

/** A meeting the caller may manage (its neighbourhood's ambassador, or an agent). */
async function managedMeeting(ctx: Ctx, q: Queryable, id: string, lock = false) {
  const who = await requireAgentOrAmbassador(ctx, q);
  const m = await meetings.getMeeting(q, id, { lock });
  if (!m) throw notFound();
  if (who.neighbourhoodId !== null && who.neighbourhoodId !== m.neighbourhoodId) throw new AppError('entraide/not-ambassador');
  return { user: who.user, meeting: m };
}

export async function createMeeting(ctx: Ctx, input: MeetingInput): Promise<{ id: string }> {
  const startsAt = momentInParis(input.startsAt);
  const endsAt = input.endsAt ? momentInParis(input.endsAt) : null;
  return tx(ctx.db, async (t) => {
    const { user, neighbourhoodId } = await managedNeighbourhood(ctx, t, input.neighbourhoodId);
    if (startsAt <= ctx.now()) throw new AppError('entraide/invalid-dates', { fields: [{ path: 'startsAt', message: 'La rencontre doit être à venir.' }] });
    if (endsAt && endsAt <= startsAt)
      throw new AppError('entraide/invalid-dates', { fields: [{ path: 'endsAt', message: 'La fin doit être après le début.' }] });
    const id = await meetings.insertMeeting(t, {
      neighbourhoodId,
      organiserUserId: user.id,
      title: input.title,
      description: input.description,
      place: input.place,
      startsAt,
      endsAt,
      capacity: input.capacity,
      isDemo: false,
      now: ctx.now(),
    });
    await audit(t, ctx, 'entraide/meeting-created', { subjectType: 'entraide_meeting', subjectId: id, details: { neighbourhoodId, capacity: input.capacity } });
    return { id };
  });
}

/** Cancel a meeting: the registered families are told, in their language. */
export async function cancelMeeting(ctx: Ctx, id: string): Promise<{ ok: true }> {
  return tx(ctx.db, async (t) => {
    const { meeting } = await managedMeeting(ctx, t, id, true);
    if (meeting.status !== 'open') throw new AppError('entraide/meeting-cancelled');
    await meetings.setCancelled(t, id);
    let told = 0;
    for (const r of await meetings.registrations(t, id)) {
      const h = await readHouseholdAsSystem(t, r.householdId, ctx.now());
      const recipient = h?.parent.email ?? h?.parent.phone;
      if (!h || !recipient) continue;
      await queueLocalized(t, ctx.jobs, {
        channel: h.parent.email ? 'email' : 'sms',
        recipient,
        userId: h.parentUserId,
        template: 'entraide.meeting-cancelled',
        vars: { title: meeting.title, ...parisDayAndTime(meeting.startsAt), place: meeting.place },
      });
      told++;
    }
    await audit(t, ctx, 'entraide/meeting-cancelled', { subjectType: 'entraide_meeting', subjectId: id, details: { familiesTold: told } });
    return { ok: true as const };
  });
}

/** The families registered to a meeting (first name and initial, people), for its ambassador or an agent. */
export async function meetingRegistrations(ctx: Ctx, id: string) {
  const { meeting } = await managedMeeting(ctx, ctx.db, id);
  const rows = await meetings.registrations(ctx.db, id);
  const families = [];
  for (const r of rows)
    families.push({ name: shortName(await readHouseholdAsSystem(ctx.db, r.householdId, ctx.now())), people: r.people, registeredAt: r.registeredAt });
  if (isStaff(ctx.user!))
    await audit(ctx.db, ctx, 'entraide/meeting-registrations-read', { subjectType: 'entraide_meeting', subjectId: id, details: { families: rows.length } });
  return { meetingId: meeting.id, title: meeting.title, capacity: meeting.capacity, registered: meeting.registered, families };
}

/** The family's neighbourhood's upcoming meetings (and whether the reader is an ambassador). */
export async function upcomingMeetings(ctx: Ctx) {
  const me = await requireFamily(ctx);
  const ambassadorOf = await currentAmbassadorship(ctx, me.user.id);
  if (!me.neighbourhoodId) return { neighbourhoodId: null, ambassadorOf, meetings: [] };
  const rows = await meetings.upcoming(ctx.db, me.neighbourhoodId, me.householdId, ctx.now());
  return { neighbourhoodId: me.neighbourhoodId, ambassadorOf, meetings: rows.map((m) => ({ ...shape(m), myPeople: m.myPeople })) };
}

/** Register my family (people coming); refused past the capacity by the database. */
export async function registerMeeting(ctx: Ctx, id: string, people: number): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  return tx(ctx.db, async (t) => {
    // The row lock queues registrations and a cancellation; the CHECK on the count is the guarantee.
    const m = await meetings.getMeeting(t, id, { lock: true });
    if (!m || m.neighbourhoodId !== me.neighbourhoodId) throw notFound();
    if (m.status !== 'open') throw new AppError('entraide/meeting-cancelled');
    if ((m.endsAt ?? m.startsAt) < ctx.now()) throw new AppError('entraide/meeting-past');
    await meetings.register(t, id, me.householdId, people, ctx.now()).catch((err) =>
      onConstraint(err, {
        entraide_meetings_capacity: () =>
          new AppError('entraide/meeting-full', {
            fields: [{ path: 'people', message: `Il reste ${Math.max(0, m.capacity - m.registered)} place(s).` }],
          }),
        entraide_meeting_registrations_pkey: () => new AppError('entraide/meeting-registered'),
      }),
    );
    await audit(t, ctx, 'entraide/meeting-registered', { householdId: me.householdId, subjectType: 'entraide_meeting', subjectId: id, details: { people } });
    return { ok: true as const };
  });
}

export async function unregisterMeeting(ctx: Ctx, id: string): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  return tx(ctx.db, async (t) => {
    const m = await meetings.getMeeting(t, id, { lock: true });
    if (!m || !(await meetings.unregister(t, id, me.householdId))) throw notFound();
    await audit(t, ctx, 'entraide/meeting-unregistered', { householdId: me.householdId, subjectType: 'entraide_meeting', subjectId: id });
    return { ok: true as const };
  });
}

/** A neighbourhood's activity for its ambassador (or an agent): counts, newcomers to welcome, meetings. */
export async function neighbourhoodActivity(ctx: Ctx, asked: string | undefined) {
  const { neighbourhoodId } = await managedNeighbourhood(ctx, ctx.db, asked);
  const now = ctx.now();
  const posts = await meetings.openPosts(ctx.db, neighbourhoodId, now);
  const fresh = await meetings.newcomers(ctx.db, neighbourhoodId, new Date(now.getTime() - NEWCOMER_DAYS * DAY_MS));
  const newcomers = [];
  for (const n of fresh)
    newcomers.push({
      householdId: n.householdId,
      name: shortName(await readHouseholdAsSystem(ctx.db, n.householdId, now)),
      firstAt: n.firstAt,
      validated: await store.isValidated(ctx.db, n.householdId),
    });
  const list = (await meetings.ofNeighbourhood(ctx.db, neighbourhoodId, now)).map(shape);
  if (isStaff(ctx.user!))
    await audit(ctx.db, ctx, 'entraide/neighbourhood-read', {
      subjectType: 'neighbourhood',
      subjectId: neighbourhoodId,
      details: { newcomers: newcomers.length },
    });
  return {
    neighbourhoodId,
    counts: { ...posts, newcomers: newcomers.length, meetings: list.filter((m) => !m.cancelled).length },
    newcomers,
    meetings: list,
  };
}

/** The ambassador (or an agent) has welcomed a newcomer of the neighbourhood: no longer listed. */
export async function welcomeNewcomer(ctx: Ctx, householdId: string): Promise<{ ok: true }> {
  return tx(ctx.db, async (t) => {
    const who = await requireAgentOrAmbassador(ctx, t);
    const n = (await householdNeighbourhoods(t, [householdId])).get(householdId);
    if (n === undefined) throw notFound();
    if (who.neighbourhoodId !== null && n !== who.neighbourhoodId) throw new AppError('entraide/not-ambassador');
    await meetings.welcome(t, householdId, who.user.id, ctx.now());
    await audit(t, ctx, 'entraide/newcomer-welcomed', { householdId, subjectType: 'household', subjectId: householdId });
    return { ok: true as const };
  });
}
