/** Live sessions: a facilitator schedules, parents register and are reminded, the facilitator closes and posts a written summary. */
import { audit } from '../../platform/audit';
import type { Ctx, Deps } from '../../platform/context';
import { makeCtx } from '../../platform/context';
import { z } from 'zod';
import { momentInParis } from '../../platform/clock';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { publish } from '../../platform/events';
import { defineJob } from '../../platform/jobs';
import { intlTagOf, localeOfUser, queueLocalized } from '../../platform/notify/localized';
import { requireRole } from '../../platform/roles';
import { PARTICIPANTS, postMessage, readerAccess, roomAccess, ROOM_CHANNEL } from './groupes.service';
import * as mod from './moderation.store';

/** Reminders go this long before a session starts. */
export const REMINDER_BEFORE_MS = 60 * 60_000;

function sessionView(s: mod.SessionRow) {
  return { ...s, summarySeq: s.summarySeq === null ? null : Number(s.summarySeq) };
}

export async function listUpcoming(ctx: Ctx) {
  const user = requireRole(ctx, ...PARTICIPANTS);
  return { sessions: (await mod.listSessions(ctx.db, user.id, { from: ctx.now() })).map(sessionView) };
}

export async function scheduleSession(ctx: Ctx, roomId: string, input: { title: string; startsAt: string; minutes: number }) {
  return tx(ctx.db, async (t) => {
    const a = await roomAccess(ctx, t, roomId);
    if (!a.moderator) throw new AppError('groupes/not-moderator');
    const startsAt = momentInParis(input.startsAt);
    if (startsAt <= ctx.now()) throw new AppError('http/validation', { fields: [{ path: 'startsAt', message: 'Choisissez un moment à venir.' }] });
    const endsAt = new Date(startsAt.getTime() + input.minutes * 60_000);
    const id = await mod.insertSession(t, { roomId, title: input.title, startsAt, endsAt, facilitatorId: a.user.id, now: ctx.now() });
    const remindAt = new Date(Math.max(startsAt.getTime() - REMINDER_BEFORE_MS, ctx.now().getTime()));
    await remindJob.send(ctx, { sessionId: id }, { tx: t, startAfter: remindAt, singletonKey: `groupes.remind:${id}` });
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'room' });
    await audit(t, ctx, 'groupes/session-scheduled', { subjectType: 'groupes_session', subjectId: id, details: { roomId } });
    return { id };
  });
}

export async function registerToSession(ctx: Ctx, sessionId: string, registered: boolean) {
  return tx(ctx.db, async (t) => {
    const s = await mod.getSession(t, sessionId);
    if (!s) throw new AppError('groupes/session-not-found');
    const a = await readerAccess(ctx, t, s.roomId);
    if (s.status === 'closed') throw new AppError('groupes/session-closed');
    if (registered) await mod.register(t, sessionId, a.user.id, ctx.now());
    else await mod.unregister(t, sessionId, a.user.id);
    await audit(t, ctx, registered ? 'groupes/session-registered' : 'groupes/session-unregistered', { subjectType: 'groupes_session', subjectId: sessionId });
    return { ok: true };
  });
}

export async function closeSession(ctx: Ctx, sessionId: string) {
  return tx(ctx.db, async (t) => {
    const s = await mod.getSession(t, sessionId, { lock: true });
    if (!s) throw new AppError('groupes/session-not-found');
    const a = await roomAccess(ctx, t, s.roomId);
    if (!a.moderator) throw new AppError('groupes/not-moderator');
    if (s.status === 'closed') throw new AppError('groupes/session-closed');
    await mod.closeSession(t, sessionId, ctx.now());
    await publish(t, ROOM_CHANNEL, { r: s.roomId, t: 'room' });
    await audit(t, ctx, 'groupes/session-closed', { subjectType: 'groupes_session', subjectId: sessionId, details: { roomId: s.roomId } });
    return { ok: true };
  });
}

/** The written summary, posted in the room for those who could not attend (the facilitator writes as a member of the room). */
export async function postSummary(ctx: Ctx, sessionId: string, summary: string) {
  const s = await mod.getSession(ctx.db, sessionId);
  if (!s) throw new AppError('groupes/session-not-found');
  const a = await roomAccess(ctx, ctx.db, s.roomId);
  if (!a.moderator || !a.member) throw new AppError('groupes/not-moderator');
  const posted = await postMessage(ctx, s.roomId, `Compte rendu – ${s.title}\n\n${summary}`, 'summary');
  await tx(ctx.db, async (t) => {
    await mod.setSummarySeq(t, sessionId, posted.message.seq);
    await publish(t, ROOM_CHANNEL, { r: s.roomId, t: 'room' });
    await audit(t, ctx, 'groupes/summary-posted', {
      subjectType: 'groupes_session',
      subjectId: sessionId,
      details: { roomId: s.roomId, seq: posted.message.seq },
    });
  });
  return { ok: true };
}

/** The session's start in Paris, written in the reader's language (« jeudi 12 mars à 18:00 », « Thursday 12 March at 18:00 »). */
export function sessionStartIn(locale: string, startsAt: Date): string {
  return new Intl.DateTimeFormat(intlTagOf(locale), {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(startsAt);
}

/** The job: remind everyone registered (e-mail or SMS), once. */
/** The reminder of a session, an hour before it (sent by scheduleSession, listed in groupes.module.ts through groupes.jobs.ts). */
export const remindJob = defineJob({
  name: 'groupes.remind',
  payload: z.object({ sessionId: z.string() }),
  handler: async (data, deps) => {
    await remindSession(deps, data.sessionId);
  },
});

export async function remindSession(deps: Deps, sessionId: string): Promise<{ sent: number }> {
  const ctx = makeCtx(deps, null, 'job:groupes.remind');
  return tx(ctx.db, async (t) => {
    const rows = await mod.registrantsToRemind(t, sessionId);
    let sent = 0;
    for (const r of rows) {
      const to = await mod.contactOf(t, r.userId);
      if (!to) continue;
      // In the parent's language (users.locale): src/modules/groupes/messages/<locale>.json.
      const locale = await localeOfUser(t, r.userId);
      await queueLocalized(t, ctx.jobs, {
        channel: to.channel,
        recipient: to.recipient,
        userId: r.userId,
        template: 'groupes.session-reminder',
        locale,
        vars: { title: r.title, room: r.roomName, when: sessionStartIn(locale, r.startsAt) },
      });
      sent++;
    }
    await audit(t, ctx, 'groupes/session-reminded', { subjectType: 'groupes_session', subjectId: sessionId, details: { sent } });
    return { sent };
  });
}
