/**
 * A family invited to a listening session from its household file. An agent or a coordinator
 * who opened the file (dossiers audits that reading) invites it; the family sees the
 * invitation in its account and answers there, choosing its consents itself. Only then is it
 * a participant, linked to its file and holding only what it agreed to: its first name if it
 * is quoted by it, its age, neighbourhood and number of children if it lets them accompany
 * its words. The coordination sees counts of invitations, never which family was invited.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { queueLocalized } from '../../platform/notify/localized';
import { requireRole } from '../../platform/roles';
import { findNeighbourhood } from '../../platform/town';
import { ageOn, assertCanAccess, dependentChildren, defineForm, getHouseholdForUser, prefill, readHouseholdAsSystem } from '../dossiers/index';
import { themeLabel } from './listening';
import type { HouseholdSessionsData as HouseholdSessions, InvitationAnswer, MyInvitationsData as MyInvitations } from './listening-invitations.schemas';
import * as invitations from './listening-invitations.store';
import { listeningThemes } from './listening.service';
import * as store from './listening.store';

/** Who invites a family from its file (the file opened with a reason). */
export const INVITERS = ['agent', 'coordinator'] as const;

export const INVITATION_FORM = defineForm('diagnostic.listening-invitation', {
  title: 'Invitation à une séance d’écoute du diagnostic',
  purpose:
    'Quand vous acceptez une invitation à un focus group ou à un entretien, seul ce que vous choisissez est repris : votre prénom si vous acceptez d’être cité(e) par votre prénom ; votre âge, votre quartier et le nombre de vos enfants si vous acceptez qu’ils accompagnent vos paroles.',
  fields: ['parent.firstName', 'parent.birthDate', 'address.neighbourhoodId', 'children.birthDate'],
});

const hoodName = (ctx: Ctx, id: string | null | undefined) => (id ? (findNeighbourhood(ctx.town, id)?.name ?? null) : null);

function facts(
  ctx: Ctx,
  s: Pick<store.SessionRow, 'id' | 'kind' | 'title' | 'theme' | 'startsAt' | 'durationMinutes' | 'place' | 'neighbourhoodId' | 'partnerName' | 'cancelledAt'>,
) {
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    themeLabel: themeLabel(listeningThemes(), s.theme),
    date: parisDate(s.startsAt),
    time: hhmm(s.startsAt),
    durationMinutes: s.durationMinutes,
    place: s.place,
    neighbourhood: hoodName(ctx, s.neighbourhoodId),
    partnerName: s.partnerName,
    cancelled: s.cancelledAt !== null,
  };
}

/**
 * The session's day and time in Paris as notification variables: the day as noon UTC of the
 * Paris date (formatted the same in any server time zone), the time already written (24 h).
 */
function dayAndTime(at: Date): { day: Date; time: string } {
  return { day: new Date(`${parisDate(at)}T12:00:00Z`), time: hhmm(at) };
}

const hhmm = (at: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(at);

/** For the agent or coordinator in the family's file: the sessions to come and this family's invitations. */
export async function householdSessions(ctx: Ctx, householdId: string): Promise<HouseholdSessions> {
  requireRole(ctx, ...INVITERS);
  await assertCanAccess(ctx, householdId, INVITATION_FORM.formId);
  const h = await readHouseholdAsSystem(ctx.db, householdId, ctx.now());
  const sent = new Map((await invitations.invitationsOfHousehold(ctx.db, householdId)).map((i) => [i.sessionId, i]));
  return {
    hasAccount: Boolean(h?.parentUserId),
    sessions: (await invitations.upcomingSessions(ctx.db, ctx.now())).map((s) => {
      const i = sent.get(s.id);
      return { ...facts(ctx, s), invitation: i ? { status: i.status, invitedAt: i.invitedAt } : null };
    }),
  };
}

export async function inviteHousehold(ctx: Ctx, sessionId: string, householdId: string) {
  const user = requireRole(ctx, ...INVITERS);
  return tx(ctx.db, async (t) => {
    await assertCanAccess(ctx, householdId, INVITATION_FORM.formId, { q: t });
    const s = await store.getSession(t, sessionId, true);
    if (!s) throw new AppError('diagnostic/session-not-found');
    if (s.cancelledAt) throw new AppError('diagnostic/session-cancelled');
    if (s.startsAt.getTime() <= ctx.now().getTime()) throw new AppError('diagnostic/session-past');
    const h = await readHouseholdAsSystem(t, householdId, ctx.now());
    if (!h?.parentUserId) throw new AppError('diagnostic/no-account');
    const id = await invitations
      .insertInvitation(t, { sessionId, householdId, userId: h.parentUserId, by: user.id, now: ctx.now() })
      .catch((err) => onConstraint(err, { diagnostic_listening_invitations_once: new AppError('diagnostic/already-invited') }));
    const recipient = h.parent.email ?? h.parent.phone;
    if (recipient) {
      // In the family's language (users.locale): src/modules/diagnostic/messages/<locale>.json.
      await queueLocalized(t, ctx.jobs, {
        channel: h.parent.email ? 'email' : 'sms',
        recipient,
        userId: h.parentUserId,
        template: 'diagnostic.listening-invitation',
        vars: { title: s.title, ...dayAndTime(s.startsAt), link: `${ctx.config.publicUrl}/ecoute/invitations`, ccas: ctx.town.ccasName },
      });
    }
    await audit(t, ctx, 'diagnostic/listening-invitation-sent', { householdId, subjectType: 'listening_invitation', subjectId: id, details: { sessionId } });
    return { id, status: 'pending' as const };
  });
}

/** The family's invitations, and what its file would give for each choice. */
export async function myInvitations(ctx: Ctx): Promise<MyInvitations> {
  const user = requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  const today = parisDate(ctx.now());
  const rows = await invitations.invitationsOfUser(ctx.db, user.id);
  const list = [];
  for (const r of rows) {
    const s = await store.getSession(ctx.db, r.sessionId);
    if (!s) continue;
    list.push({
      id: r.id,
      status: r.status,
      invitedAt: r.invitedAt,
      answeredAt: r.answeredAt,
      session: facts(ctx, s),
      consents:
        r.status === 'accepted' && r.quoteConsent
          ? {
              quoteConsent: r.quoteConsent,
              pseudonym: r.pseudonym,
              profileConsent: r.profileConsent ?? false,
              recordConsent: r.recordConsent ?? false,
              withdrawn: r.withdrawnAt !== null,
            }
          : null,
    });
  }
  return {
    fromFile: {
      firstName: h?.parent.firstName ?? null,
      age: h?.parent.birthDate ? ageOn(h.parent.birthDate, today) : null,
      neighbourhood: hoodName(ctx, h?.address.neighbourhoodId),
      childrenCount: h ? dependentChildren(h.children, today).length : 0,
    },
    invitations: list,
  };
}

const invalid = (path: string, message: string) => new AppError('diagnostic/invalid-listening', { fields: [{ path, message }] });

async function lockOwnInvitation(t: Parameters<typeof invitations.lockInvitationOf>[0], id: string, userId: string) {
  const inv = await invitations.lockInvitationOf(t, id, userId);
  if (!inv) throw new AppError('diagnostic/invitation-not-found');
  return inv;
}

/** The family says no, or yes with its own consents: only then is it a participant, with what it agreed to. */
export async function answerInvitation(ctx: Ctx, id: string, answer: InvitationAnswer) {
  const user = requireRole(ctx, 'parent');
  return tx(ctx.db, async (t) => {
    const inv = await lockOwnInvitation(t, id, user.id);
    if (inv.status !== 'pending') throw new AppError('diagnostic/invitation-answered');
    const s = await store.getSession(t, inv.sessionId, true);
    if (!s) throw new AppError('diagnostic/invitation-not-found');
    if (s.cancelledAt) throw new AppError('diagnostic/session-cancelled');
    const now = ctx.now();
    const subject = { householdId: inv.householdId, subjectType: 'listening_invitation', subjectId: id };
    if (!answer.accept) {
      await invitations.answerInvitation(t, id, 'declined', null, now);
      await audit(t, ctx, 'diagnostic/listening-invitation-declined', { ...subject, details: { sessionId: s.id } });
      return { status: 'declined' as const };
    }
    const file = (await prefill(ctx, inv.householdId, INVITATION_FORM.formId, { q: t })).values as {
      parent?: { firstName: string | null; birthDate: string | null } | null;
      address?: { neighbourhoodId: string | null } | null;
      children?: { birthDate: string | null }[];
    };
    const firstName = file.parent?.firstName?.trim().slice(0, 60) || null;
    if (answer.quoteConsent === 'first_name' && !firstName)
      throw invalid('quoteConsent', 'Votre prénom n’est pas dans votre dossier : choisissez un pseudonyme ou « anonyme ».');
    if (answer.quoteConsent === 'pseudonym' && !answer.pseudonym) throw invalid('pseudonym', 'Écrivez le pseudonyme sous lequel vous serez cité(e).');
    const today = parisDate(now);
    const birth = file.parent?.birthDate;
    const age = answer.profileConsent && birth ? ageOn(birth, today) : null;
    // Children still in the family's care, counted as dossiers counts them (dependentChildren: under 20).
    const children = (file.children ?? []).filter((c) => c.birthDate && c.birthDate <= today && ageOn(c.birthDate, today) < 20).length;
    const participantId = await store
      .insertParticipant(t, s.id, {
        firstName: answer.quoteConsent === 'first_name' ? firstName : null,
        pseudonym: answer.quoteConsent === 'pseudonym' ? answer.pseudonym : null,
        age: age !== null && age >= 14 && age <= 110 ? age : null,
        ageBand: null,
        neighbourhoodId: answer.profileConsent ? (findNeighbourhood(ctx.town, file.address?.neighbourhoodId ?? '')?.id ?? null) : null,
        childrenCount: answer.profileConsent ? Math.min(20, children) : null,
        householdId: inv.householdId,
        quoteConsent: answer.quoteConsent,
        profileConsent: answer.profileConsent,
        recordConsent: answer.recordConsent,
        consentAt: now,
        attended: null,
        // The family gave its consent itself: no staff member recorded it.
        by: null,
        now,
      })
      .catch((err) => onConstraint(err, { diagnostic_listening_participants_household_uq: new AppError('diagnostic/already-invited') }));
    await invitations.answerInvitation(t, id, 'accepted', participantId, now);
    await audit(t, ctx, 'diagnostic/listening-invitation-accepted', {
      ...subject,
      details: {
        sessionId: s.id,
        participantId,
        quoteConsent: answer.quoteConsent,
        profileConsent: answer.profileConsent,
        recordConsent: answer.recordConsent,
      },
    });
    return { status: 'accepted' as const };
  });
}

/** The family withdraws its consent from its account: its words are no longer quoted anywhere, reports included. */
export async function withdrawMyConsent(ctx: Ctx, id: string) {
  const user = requireRole(ctx, 'parent');
  return tx(ctx.db, async (t) => {
    const inv = await lockOwnInvitation(t, id, user.id);
    if (inv.status !== 'accepted' || !inv.participantId) throw new AppError('diagnostic/invitation-not-found');
    if (inv.withdrawnAt) throw new AppError('diagnostic/consent-withdrawn');
    await store.getParticipant(t, inv.participantId, true);
    const removed = await store.withdrawParticipant(t, inv.participantId, user.id, ctx.now());
    await audit(t, ctx, 'diagnostic/listening-consent-withdrawn', {
      householdId: inv.householdId,
      subjectType: 'listening_participant',
      subjectId: inv.participantId,
      details: { sessionId: inv.sessionId, verbatimsRemoved: removed, byFamily: true },
    });
    return { status: 'accepted' as const };
  });
}
