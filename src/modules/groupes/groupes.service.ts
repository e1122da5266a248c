/** Use cases of the rooms: list, create, join, read, write, delete one's own message. */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { publish } from '../../platform/events';
import { requireRole, requireUser, type Role } from '../../platform/roles';
import { throttle } from '../../platform/throttle';
import type { z } from 'zod';
import type { MessageView, Room, roomOut } from './groupes.schemas';
import * as store from './groupes.store';
import * as mod from './moderation.store';
import { compileList, HELP_LINES, normalise, scan, type CompiledList } from './vigilance';
import { viewMessage } from './view';
import { loadRulesFile } from './word-list';

/** Who takes part in rooms: families and the town's staff (partners do not). */
export const PARTICIPANTS: Role[] = ['parent', 'agent', 'coordinator', 'admin'];
/** Who appoints facilitators, moderates every room, edits the word list and retention. */
export const COORDINATION: Role[] = ['coordinator', 'admin'];
/** Who creates rooms: coordination, and the town's social workers and psychologists (agents), who then facilitate them. */
export const ROOM_CREATORS: Role[] = ['agent', 'coordinator', 'admin'];
/** Platform roles a facilitator may have. */
const FACILITATOR_ROLES: Role[] = ['agent', 'coordinator'];
/** The channel of every room event between processes (payloads: ids and numbers only). */
export const ROOM_CHANNEL = 'groupes_room';

export const POST_LIMIT = { max: 20, windowSeconds: 60 };
const DUPLICATE_WINDOW_MS = 10 * 60_000;
const DUPLICATE_LAST = 5;
const HISTORY_PAGE = 200;

export function isCoordination(ctx: Ctx): boolean {
  return !!ctx.user && COORDINATION.includes(ctx.user.role);
}

/** The room, the reader's membership, and whether the reader moderates it (its facilitators and coordination). */
export async function roomAccess(ctx: Ctx, q: Queryable, roomId: string, opts: { lockMember?: boolean } = {}) {
  const user = requireRole(ctx, ...PARTICIPANTS);
  const room = await store.getRoom(q, roomId);
  if (!room) throw new AppError('groupes/not-found');
  const member = await store.getMember(q, roomId, user.id, { lock: opts.lockMember });
  const active = member && !member.removedAt && !member.leftAt ? member : null;
  const moderator = isCoordination(ctx) || active?.role === 'facilitator';
  return { user, room, member: active, removed: !!member?.removedAt, left: !!member?.leftAt, moderator };
}

/** Readers: members, and moderators (from the start of the room). */
export async function readerAccess(ctx: Ctx, q: Queryable, roomId: string) {
  const a = await roomAccess(ctx, q, roomId);
  if (!a.member && !a.moderator) throw new AppError(a.removed ? 'groupes/removed' : 'groupes/not-member');
  const floor = a.moderator ? 0 : a.member!.joinedSeq;
  return { ...a, floor: Number(floor) };
}

export async function listRooms(ctx: Ctx) {
  const user = requireRole(ctx, ...PARTICIPANTS);
  const rows = await store.listRooms(ctx.db, user.id);
  return {
    canCreate: ROOM_CREATORS.includes(user.role),
    rooms: rows.map((r) => ({ ...r, theme: r.theme as Room['theme'] })),
  };
}

/**
 * A new room. An agent who creates one facilitates it under the pseudonym it gives; a
 * coordinator may do the same, or appoint facilitators afterwards.
 */
export async function createRoom(
  ctx: Ctx,
  input: { name: string; description: string; theme: string; neighbourhood: string | null; kind: string; pseudonym?: string | null },
) {
  const user = requireRole(ctx, ...ROOM_CREATORS);
  if (input.neighbourhood && !ctx.town.neighbourhoods.some((n) => n.id === input.neighbourhood)) {
    throw new AppError('http/validation', { fields: [{ path: 'neighbourhood', message: 'Quartier inconnu.' }] });
  }
  const pseudonym = input.pseudonym || null;
  if (!pseudonym && user.role === 'agent')
    throw new AppError('http/validation', { fields: [{ path: 'pseudonym', message: 'Choisissez le pseudonyme sous lequel vous animerez ce groupe.' }] });
  if (pseudonym && !FACILITATOR_ROLES.includes(user.role))
    throw new AppError('groupes/not-facilitator-role', { fields: [{ path: 'pseudonym', message: 'Seul un agent ou la coordination peut animer un groupe.' }] });
  return tx(ctx.db, async (t) => {
    const id = await store.insertRoom(t, { ...input, createdBy: user.id, now: ctx.now() });
    if (pseudonym) await store.upsertMember(t, { roomId: id, userId: user.id, pseudonym, role: 'facilitator', now: ctx.now() });
    await audit(t, ctx, 'groupes/room-created', {
      subjectType: 'groupes_room',
      subjectId: id,
      details: { theme: input.theme, kind: input.kind, neighbourhood: input.neighbourhood, facilitating: !!pseudonym },
    });
    return { id };
  });
}

export async function getRoom(ctx: Ctx, roomId: string): Promise<z.input<typeof roomOut>> {
  const a = await roomAccess(ctx, ctx.db, roomId);
  if (a.removed && !a.moderator) throw new AppError('groupes/removed');
  const { room } = a;
  const pinnedRow = room.pinnedSeq && (a.member || a.moderator) ? await store.getMessage(ctx.db, roomId, Number(room.pinnedSeq)) : null;
  const sessions = await mod.listSessions(ctx.db, a.user.id, { roomId, from: ctx.now() });
  const roster = a.moderator ? await store.listMembers(ctx.db, roomId) : [];
  return {
    id: room.id,
    name: room.name,
    description: room.description,
    theme: room.theme as Room['theme'],
    neighbourhood: room.neighbourhood,
    kind: room.kind,
    members: room.members,
    joined: !!a.member,
    pseudonym: a.member?.pseudonym ?? null,
    removed: a.removed,
    left: a.left,
    myRole: a.member?.role ?? null,
    moderator: a.moderator,
    mutedUntil: a.member?.mutedUntil && a.member.mutedUntil > ctx.now() ? a.member.mutedUntil : null,
    slowModeSeconds: room.slowModeSeconds,
    pinned: pinnedRow && !pinnedRow.hiddenAt && !pinnedRow.deletedAt ? viewMessage(pinnedRow, a.user.id, a.moderator) : null,
    lastSeq: Number(room.lastSeq),
    sessions: sessions.map((s) => ({ ...s, summarySeq: s.summarySeq === null ? null : Number(s.summarySeq) })),
    roster: roster.map((m) => ({
      userId: m.userId,
      pseudonym: m.pseudonym,
      role: m.role,
      mutedUntil: m.mutedUntil && m.mutedUntil > ctx.now() ? m.mutedUntil : null,
      removed: !!m.removedAt,
    })),
  };
}

/** Join under a pseudonym, or come back after leaving (never after a removal, until a moderator readmits). */
export async function joinRoom(ctx: Ctx, roomId: string, pseudonym: string) {
  return tx(ctx.db, async (t) => {
    const a = await roomAccess(ctx, t, roomId, { lockMember: true });
    if (a.removed) throw new AppError('groupes/removed');
    if (a.member) throw new AppError('groupes/already-member');
    try {
      await store.upsertMember(t, { roomId, userId: a.user.id, pseudonym, role: 'member', now: ctx.now() });
    } catch (err) {
      throw onConstraint(err, { groupes_members_pseudonym_key: pseudonymTaken() });
    }
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'room' });
    await audit(t, ctx, 'groupes/joined', { subjectType: 'groupes_room', subjectId: roomId, details: { again: a.left } });
    return { ok: true };
  });
}

/** The member leaves by its own choice (not a removal): its sockets close; it may join again. */
export async function leaveRoom(ctx: Ctx, roomId: string) {
  return tx(ctx.db, async (t) => {
    const a = await roomAccess(ctx, t, roomId, { lockMember: true });
    if (!a.member) throw new AppError('groupes/not-member');
    await store.setLeft(t, roomId, a.user.id, ctx.now());
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'member', u: a.user.id });
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'room' });
    await audit(t, ctx, 'groupes/left', { subjectType: 'groupes_room', subjectId: roomId });
    return { ok: true };
  });
}

const pseudonymTaken = () =>
  new AppError('groupes/pseudonym-taken', { fields: [{ path: 'pseudonym', message: 'Ce pseudonyme est déjà pris dans ce groupe.' }] });

/**
 * A coordinator appoints a staff member as facilitator of a room (a membership role, not a
 * platform role), named by its account id or its e-mail address.
 */
export async function appointFacilitator(ctx: Ctx, roomId: string, who: { userId?: string; email?: string }, pseudonym: string) {
  requireRole(ctx, ...COORDINATION);
  const path = who.userId ? 'userId' : 'email';
  if (!who.userId && !who.email)
    throw new AppError('http/validation', { fields: [{ path, message: "Indiquez l'adresse e-mail de l'animateur ou de l'animatrice." }] });
  return tx(ctx.db, async (t) => {
    if (!(await store.getRoom(t, roomId))) throw new AppError('groupes/not-found');
    const staff = who.userId ? { id: who.userId, role: await store.userRole(t, who.userId) } : await store.accountByEmail(t, who.email!);
    if (!staff?.role || !FACILITATOR_ROLES.includes(staff.role as Role))
      throw new AppError('groupes/not-facilitator-role', { fields: [{ path, message: 'Choisissez un agent ou un membre de la coordination.' }] });
    const userId = staff.id;
    try {
      await store.upsertMember(t, { roomId, userId, pseudonym, role: 'facilitator', now: ctx.now() });
    } catch (err) {
      throw onConstraint(err, { groupes_members_pseudonym_key: pseudonymTaken() });
    }
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'member', u: userId });
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'room' });
    await audit(t, ctx, 'groupes/facilitator-appointed', { subjectType: 'groupes_room', subjectId: roomId, details: { userId } });
    return { ok: true };
  });
}

/**
 * A coordinator ends a facilitation (a staff member who moved on, a mistaken appointment):
 * the person leaves the room at once — its open sockets are closed by the hub's membership
 * check — and its past messages stay as they were.
 */
export async function withdrawFacilitator(ctx: Ctx, roomId: string, userId: string) {
  requireRole(ctx, ...COORDINATION);
  return tx(ctx.db, async (t) => {
    if (!(await store.getRoom(t, roomId))) throw new AppError('groupes/not-found');
    if (!(await store.withdrawFacilitator(t, roomId, userId, ctx.now()))) throw new AppError('groupes/not-facilitator');
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'member', u: userId });
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'room' });
    await audit(t, ctx, 'groupes/facilitator-withdrawn', { subjectType: 'groupes_room', subjectId: roomId, details: { userId } });
    return { ok: true };
  });
}

export async function history(ctx: Ctx, roomId: string, after: number) {
  const a = await readerAccess(ctx, ctx.db, roomId);
  const rows = await store.messagesAfter(ctx.db, roomId, a.user.id, Math.max(after, a.floor), HISTORY_PAGE);
  return { messages: rows.map((m) => viewMessage(m, a.user.id, a.moderator)), lastSeq: Number(a.room.lastSeq) };
}

/** The word list as the database holds it, filled from the rules file the first time. */
export async function wordList(q: Queryable, db: Ctx['db'], now: Date): Promise<CompiledList> {
  if (!(await mod.wordsSeeded(q))) await tx(db, (t) => mod.seedWordsOnce(t, loadRulesFile(), now));
  const rows = await mod.listWords(q);
  return compileList(rows.map((r) => ({ kind: r.kind, category: r.category as 'suicide' | null, pattern: r.pattern })));
}

export interface Posted {
  message: MessageView;
  help: { categories: string[]; lines: { number: string; label: string }[] } | null;
}

/**
 * Write in a room. Refused when removed, muted, in an announcement room without being its
 * facilitator, in slow mode too soon, over the rate limit, or repeating one of one's last
 * messages. A message that mentions danger is posted like any other; its author gets the
 * help card at once (this answer only) and the room's facilitators an alert.
 */
export async function postMessage(ctx: Ctx, roomId: string, body: string, kind: 'message' | 'summary' = 'message'): Promise<Posted> {
  const list = await wordList(ctx.db, ctx.db, ctx.now());
  const normalised = normalise(body) || body.trim().toLowerCase();
  const hit = kind === 'message' ? scan(list, body) : null;
  return tx(ctx.db, async (t) => {
    const a = await roomAccess(ctx, t, roomId, { lockMember: true });
    const now = ctx.now();
    if (!a.member) throw new AppError(a.removed ? 'groupes/removed' : 'groupes/not-member');
    const facilitator = a.member.role === 'facilitator';
    if (!facilitator) {
      if (a.member.mutedUntil && a.member.mutedUntil > now) throw new AppError('groupes/muted');
      if (a.room.kind === 'announcement') throw new AppError('groupes/announcement-only');
      if (a.room.slowModeSeconds > 0 && a.member.lastPostAt && now.getTime() - a.member.lastPostAt.getTime() < a.room.slowModeSeconds * 1000) {
        throw new AppError('groupes/slow-mode');
      }
    }
    const recent = await store.recentNormalised(t, roomId, a.user.id, new Date(now.getTime() - DUPLICATE_WINDOW_MS), DUPLICATE_LAST);
    if (recent.includes(normalised))
      throw new AppError('groupes/duplicate', { fields: [{ path: 'body', message: 'Ce message est identique à un de vos derniers messages.' }] });
    await throttle(t, 'groupes.post', a.user.id, POST_LIMIT, now);
    // Written in the language of its author's pages: a reader's page in another language marks it so.
    const lang = a.user.locale;
    const { id, seq } = await store.appendMessage(t, { roomId, authorId: a.user.id, pseudonym: a.member.pseudonym, kind, body, normalised, lang, now });
    await store.touchLastPost(t, roomId, a.user.id, now);
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'm', s: Number(seq) });
    // Who wrote where and when, never what: the text stays in the room (and goes with its retention).
    await audit(t, ctx, 'groupes/message-posted', { subjectType: 'groupes_message', subjectId: id, details: { roomId, seq: Number(seq), kind } });
    if (hit) {
      const alertId = await mod.insertAlert(t, { roomId, messageId: id, categories: hit.categories, now });
      await publish(t, ROOM_CHANNEL, { r: roomId, t: 'alert' });
      // No words of the message in the audit: identifiers and categories only.
      await audit(t, ctx, 'groupes/danger-alert', {
        subjectType: 'groupes_alert',
        subjectId: alertId,
        details: { roomId, messageId: id, categories: hit.categories },
      });
    }
    const row = (await store.getMessage(t, roomId, Number(seq)))!;
    return {
      message: viewMessage(row, a.user.id, a.moderator),
      help: hit ? { categories: hit.categories, lines: HELP_LINES.map((l) => ({ ...l })) } : null,
    };
  });
}

/** The author deletes its own message (its text is gone for everyone). */
export async function deleteOwnMessage(ctx: Ctx, roomId: string, seq: number) {
  const user = requireUser(ctx);
  return tx(ctx.db, async (t) => {
    await roomAccess(ctx, t, roomId);
    const m = await store.getMessage(t, roomId, seq, { lock: true });
    if (!m || m.deletedAt) throw new AppError('groupes/message-not-found');
    if (m.authorId !== user.id) throw new AppError('groupes/not-author');
    await store.deleteMessageText(t, m.id, ctx.now());
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'u', s: [seq] });
    await audit(t, ctx, 'groupes/message-deleted', { subjectType: 'groupes_message', subjectId: m.id, details: { roomId, seq } });
    return { ok: true };
  });
}
