/**
 * Moderation: reports (to the room's facilitators and coordination, never revealing who
 * reported), hiding a message (its author reads why), removing a person's recent
 * messages, mute, remove, slow mode, pin, blocks (both ways), danger alerts, the word
 * list and the retention period. Every action is audited.
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { publish } from '../../platform/events';
import { requireRole } from '../../platform/roles';
import { COORDINATION, isCoordination, PARTICIPANTS, readerAccess, roomAccess, ROOM_CHANNEL, wordList } from './groupes.service';
import * as store from './groupes.store';
import * as mod from './moderation.store';
import { parsePattern, scan } from './vigilance';
import { viewMessage } from './view';
import { loadRulesFile } from './word-list';

async function moderatorOf(ctx: Ctx, t: Parameters<typeof roomAccess>[1], roomId: string) {
  const a = await roomAccess(ctx, t, roomId);
  if (!a.moderator) throw new AppError('groupes/not-moderator');
  return a;
}

export async function reportMessage(ctx: Ctx, roomId: string, seq: number, reason: string) {
  return tx(ctx.db, async (t) => {
    const a = await readerAccess(ctx, t, roomId);
    const m = await store.getMessage(t, roomId, seq);
    if (!m || m.deletedAt || seq <= a.floor) throw new AppError('groupes/message-not-found');
    let id: string;
    try {
      id = await mod.insertReport(t, { messageId: m.id, roomId, reporterId: a.user.id, reason, now: ctx.now() });
    } catch (err) {
      throw onConstraint(err, { groupes_reports_once: new AppError('groupes/already-reported') });
    }
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'alert' });
    await audit(t, ctx, 'groupes/message-reported', { subjectType: 'groupes_report', subjectId: id, details: { roomId, messageId: m.id } });
    return { id };
  });
}

/** The moderation queue: open reports and danger alerts of the rooms one moderates. */
export async function moderationQueue(ctx: Ctx) {
  const user = requireRole(ctx, ...PARTICIPANTS);
  const all = isCoordination(ctx);
  const reports = await mod.openReports(ctx.db, user.id, all);
  const alerts = await mod.openAlerts(ctx.db, user.id, all);
  const out = [];
  for (const r of reports) {
    const m = await store.getMessage(ctx.db, r.roomId, Number(r.seq));
    if (m)
      out.push({
        id: r.id,
        roomId: r.roomId,
        roomName: r.roomName,
        reason: r.reason,
        createdAt: r.createdAt,
        authorId: r.authorId,
        message: viewMessage(m, user.id, true),
      });
  }
  return { reports: out, alerts: alerts.map((a) => ({ ...a, seq: a.seq === null ? null : Number(a.seq) })) };
}

async function hide(ctx: Ctx, t: Parameters<typeof roomAccess>[1], roomId: string, seq: number, reason: string) {
  const m = await store.getMessage(t, roomId, seq, { lock: true });
  if (!m || m.deletedAt) throw new AppError('groupes/message-not-found');
  await store.hideMessage(t, m.id, reason, ctx.now());
  await mod.resolveReportsOf(t, m.id, ctx.user?.id ?? null, 'hidden', ctx.now());
  await publish(t, ROOM_CHANNEL, { r: roomId, t: 'u', s: [seq] });
  return m;
}

/** Hide a message: everyone sees it was hidden; its author (only) reads why. */
export async function hideMessage(ctx: Ctx, roomId: string, seq: number, reason: string) {
  return tx(ctx.db, async (t) => {
    await moderatorOf(ctx, t, roomId);
    const m = await hide(ctx, t, roomId, seq, reason);
    await audit(t, ctx, 'groupes/message-hidden', { subjectType: 'groupes_message', subjectId: m.id, reason, details: { roomId, seq } });
    return { ok: true };
  });
}

export async function resolveReport(ctx: Ctx, reportId: string, resolution: 'hidden' | 'dismissed', reason: string) {
  return tx(ctx.db, async (t) => {
    const r = await mod.getReport(t, reportId);
    if (!r) throw new AppError('groupes/message-not-found');
    await moderatorOf(ctx, t, r.roomId);
    if (resolution === 'hidden') await hide(ctx, t, r.roomId, Number(r.seq), reason || 'Message contraire aux règles du groupe.');
    else await mod.resolveReportsOf(t, r.messageId, ctx.user!.id, 'dismissed', ctx.now());
    await audit(t, ctx, 'groupes/report-resolved', {
      subjectType: 'groupes_report',
      subjectId: reportId,
      reason: reason || undefined,
      details: { roomId: r.roomId, resolution },
    });
    return { ok: true };
  });
}

/** Hide every message a person wrote in the room in the last `hours` (a flood, a harasser). */
export async function purgeRecent(ctx: Ctx, roomId: string, userId: string, hours: number, reason: string) {
  return tx(ctx.db, async (t) => {
    await moderatorOf(ctx, t, roomId);
    const now = ctx.now();
    const seqs = await store.hideRecentOf(t, roomId, userId, new Date(now.getTime() - hours * 3_600_000), reason, now);
    if (seqs.length) await publish(t, ROOM_CHANNEL, { r: roomId, t: 'u', s: seqs.slice(0, 500) });
    await audit(t, ctx, 'groupes/messages-purged', { subjectType: 'groupes_room', subjectId: roomId, reason, details: { userId, hours, count: seqs.length } });
    return { hidden: seqs.length };
  });
}

export async function muteMember(ctx: Ctx, roomId: string, userId: string, minutes: number) {
  return tx(ctx.db, async (t) => {
    await moderatorOf(ctx, t, roomId);
    const m = await store.getMember(t, roomId, userId, { lock: true });
    if (!m || m.removedAt || m.leftAt) throw new AppError('groupes/not-member');
    const until = minutes > 0 ? new Date(ctx.now().getTime() + minutes * 60_000) : null;
    await store.setMuted(t, roomId, userId, until);
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'member', u: userId });
    await audit(t, ctx, minutes > 0 ? 'groupes/member-muted' : 'groupes/member-unmuted', {
      subjectType: 'groupes_room',
      subjectId: roomId,
      details: { userId, minutes },
    });
    return { ok: true };
  });
}

/** A moderator removes a participant (not the participant's own leaving): it may not join again until readmitted. */
export async function removeMember(ctx: Ctx, roomId: string, userId: string) {
  return tx(ctx.db, async (t) => {
    const a = await moderatorOf(ctx, t, roomId);
    const m = await store.getMember(t, roomId, userId, { lock: true });
    if (!m || m.removedAt || m.leftAt) throw new AppError('groupes/not-member');
    await store.setRemoved(t, roomId, userId, a.user.id, ctx.now());
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'member', u: userId });
    await audit(t, ctx, 'groupes/member-removed', { subjectType: 'groupes_room', subjectId: roomId, details: { userId } });
    return { ok: true };
  });
}

/** A moderator lifts a removal: the person may join the room again (it is not put back without its own choice). */
export async function readmitMember(ctx: Ctx, roomId: string, userId: string) {
  return tx(ctx.db, async (t) => {
    await moderatorOf(ctx, t, roomId);
    if (!(await store.readmit(t, roomId, userId, ctx.now()))) throw new AppError('groupes/not-removed');
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'room' });
    await audit(t, ctx, 'groupes/member-readmitted', { subjectType: 'groupes_room', subjectId: roomId, details: { userId } });
    return { ok: true };
  });
}

export async function setSlowMode(ctx: Ctx, roomId: string, seconds: number) {
  return tx(ctx.db, async (t) => {
    await moderatorOf(ctx, t, roomId);
    await store.setSlowMode(t, roomId, seconds);
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'room' });
    await audit(t, ctx, 'groupes/slow-mode', { subjectType: 'groupes_room', subjectId: roomId, details: { seconds } });
    return { ok: true };
  });
}

export async function pinMessage(ctx: Ctx, roomId: string, seq: number | null) {
  return tx(ctx.db, async (t) => {
    await moderatorOf(ctx, t, roomId);
    if (seq !== null) {
      const m = await store.getMessage(t, roomId, seq);
      if (!m || m.deletedAt || m.hiddenAt) throw new AppError('groupes/message-not-found');
    }
    await store.setPinned(t, roomId, seq);
    await publish(t, ROOM_CHANNEL, { r: roomId, t: 'room' });
    await audit(t, ctx, seq === null ? 'groupes/unpinned' : 'groupes/pinned', { subjectType: 'groupes_room', subjectId: roomId, details: { seq } });
    return { ok: true };
  });
}

/** Block the author of a message: from now on neither sees the other's messages. */
export async function blockAuthor(ctx: Ctx, roomId: string, seq: number) {
  return tx(ctx.db, async (t) => {
    const a = await readerAccess(ctx, t, roomId);
    const m = await store.getMessage(t, roomId, seq);
    if (!m || !m.authorId || seq <= a.floor) throw new AppError('groupes/message-not-found');
    if (m.authorId === a.user.id) throw new AppError('groupes/cannot-block-self');
    await store.insertBlock(t, a.user.id, m.authorId, ctx.now());
    await publish(t, ROOM_CHANNEL, { t: 'blocks', u: [a.user.id, m.authorId] });
    await audit(t, ctx, 'groupes/blocked', { subjectType: 'user', subjectId: m.authorId });
    return { ok: true };
  });
}

export async function listBlocks(ctx: Ctx) {
  const user = requireRole(ctx, ...PARTICIPANTS);
  return { blocks: await store.listBlocks(ctx.db, user.id) };
}

export async function unblock(ctx: Ctx, userId: string) {
  const user = requireRole(ctx, ...PARTICIPANTS);
  return tx(ctx.db, async (t) => {
    if (!(await store.deleteBlock(t, user.id, userId))) throw new AppError('groupes/not-found');
    await publish(t, ROOM_CHANNEL, { t: 'blocks', u: [user.id, userId] });
    await audit(t, ctx, 'groupes/unblocked', { subjectType: 'user', subjectId: userId });
    return { ok: true };
  });
}

export async function acknowledgeAlert(ctx: Ctx, alertId: string) {
  return tx(ctx.db, async (t) => {
    const roomId = await mod.alertRoom(t, alertId);
    if (!roomId) throw new AppError('groupes/not-found');
    await moderatorOf(ctx, t, roomId);
    await mod.acknowledgeAlert(t, alertId, ctx.user!.id, ctx.now());
    await audit(t, ctx, 'groupes/alert-acknowledged', { subjectType: 'groupes_alert', subjectId: alertId, details: { roomId } });
    return { ok: true };
  });
}

// ------------------------------------------------------------------ word list, retention (coordination)
export async function listWords(ctx: Ctx) {
  requireRole(ctx, ...COORDINATION);
  if (!(await mod.wordsSeeded(ctx.db))) await tx(ctx.db, (t) => mod.seedWordsOnce(t, loadRulesFile(), ctx.now()));
  return { words: await mod.listWords(ctx.db) };
}

export async function addWord(ctx: Ctx, input: { kind: 'term' | 'whitelist'; category: string | null; pattern: string }) {
  const user = requireRole(ctx, ...COORDINATION);
  if (!parsePattern(input.pattern)) throw new AppError('groupes/bad-pattern', { fields: [{ path: 'pattern', message: 'Motif inutilisable.' }] });
  if (input.kind === 'term' && !input.category) throw new AppError('http/validation', { fields: [{ path: 'category', message: 'Choisissez une catégorie.' }] });
  return tx(ctx.db, async (t) => {
    if (!(await mod.wordsSeeded(t))) await mod.seedWordsOnce(t, loadRulesFile(), ctx.now());
    let id: string;
    try {
      id = await mod.insertWord(t, {
        kind: input.kind,
        category: input.kind === 'term' ? input.category : null,
        pattern: input.pattern,
        by: user.id,
        now: ctx.now(),
      });
    } catch (err) {
      throw onConstraint(err, { groupes_words_key: new AppError('groupes/word-exists', { fields: [{ path: 'pattern', message: 'Déjà dans la liste.' }] }) });
    }
    await audit(t, ctx, 'groupes/word-added', { subjectType: 'groupes_word', subjectId: id, details: { kind: input.kind, category: input.category } });
    return { id };
  });
}

export async function removeWord(ctx: Ctx, id: string) {
  requireRole(ctx, ...COORDINATION);
  return tx(ctx.db, async (t) => {
    if (!(await mod.deleteWord(t, id))) throw new AppError('groupes/not-found');
    await audit(t, ctx, 'groupes/word-removed', { subjectType: 'groupes_word', subjectId: id });
    return { ok: true };
  });
}

/** Tries the list as it stands on a sentence (nothing is stored, nothing audited: no change, no personal data). */
export async function checkText(ctx: Ctx, text: string) {
  requireRole(ctx, ...COORDINATION);
  const hit = scan(await wordList(ctx.db, ctx.db, ctx.now()), text);
  return { categories: hit?.categories ?? [], patterns: hit?.patterns ?? [] };
}

export async function getSettings(ctx: Ctx) {
  requireRole(ctx, ...COORDINATION);
  return { retentionDays: await mod.retentionDays(ctx.db) };
}

export async function setRetention(ctx: Ctx, days: number) {
  requireRole(ctx, ...COORDINATION);
  return tx(ctx.db, async (t) => {
    await mod.setRetentionDays(t, days, ctx.now());
    await audit(t, ctx, 'groupes/retention-set', { subjectType: 'groupes_settings', subjectId: 'retention', details: { days } });
    return { retentionDays: days };
  });
}
