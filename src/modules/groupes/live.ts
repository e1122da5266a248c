/**
 * The live part of the rooms, one hub per process. Messages are written through HTTP
 * (one transaction numbers them); each commit NOTIFYs `groupes_room` with the room and
 * the number; every process LISTENs, re-reads what it lacks from the database (by number
 * range, so a lost notification leaves no gap) and sends it to its own sockets, in order.
 *
 * A socket opens with `?after=<last number it has>`: it is registered first, then gets
 * what it missed from the database, then the live messages queued meanwhile; anything at
 * or below what it already got is dropped, so nothing comes twice or out of order.
 *
 * The hub's LISTEN connection may drop: it comes back (platform Subscriber) and the hub
 * re-reads, room by room, what was numbered meanwhile, messages hidden or deleted
 * meanwhile, memberships, blocks and sessions, so a drop costs a delay, never a message.
 *
 * A socket lives no longer than the session that opened it: a trigger on the sessions
 * table (db/migrations/0901) notifies `groupes_session_end` whatever ends one (logout,
 * password change, an administrator, an erased account), and every process closes the
 * sockets of that session (code 4401); the heartbeat re-checks them too (expiry).
 *
 * Frames (server → client), JSON: {type:'message', message} | {type:'update', message} |
 * {type:'ready', lastSeq} | {type:'room'} (reload the room: pin, slow mode, sessions) |
 * {type:'member'} (your membership changed: muted, removed) | {type:'alert'} (moderators).
 */
import { hashToken } from '../../platform/auth/sessions';
import type { Deps } from '../../platform/context';
import { Subscriber } from '../../platform/events';
import type { MessageView } from './groupes.schemas';
import * as store from './groupes.store';
import { ROOM_CHANNEL } from './groupes.service';
import { viewMessage } from './view';

/** What we use of a `ws` socket. */
export interface LiveSocket {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
  on(event: 'close' | 'pong' | 'error' | 'message', fn: (...args: unknown[]) => void): void;
}

interface Conn {
  socket: LiveSocket;
  userId: string;
  /** The hash of the session's token (hex), as the session-end notification names it. */
  session: string;
  roomId: string;
  moderator: boolean;
  /** Coordination reads every room without being a member. */
  coordination: boolean;
  floor: number;
  blocked: Set<string>;
  /** The highest number this socket has been sent (or skipped). */
  lastSent: number;
  /** Live messages that arrived while it was catching up. */
  queue: { m: MessageView; authorId: string | null }[] | null;
  alive: boolean;
}

interface RoomState {
  conns: Set<Conn>;
  /** The highest number this process has fanned out for the room. */
  lastSeq: number | null;
  /** Fan-outs of a room run one after the other (order). */
  chain: Promise<void>;
}

type Event =
  | { r: string; t: 'm'; s: number }
  | { r: string; t: 'u'; s: number[] }
  | { r: string; t: 'room' | 'alert' }
  | { r: string; t: 'member'; u: string }
  | { t: 'blocks'; u: string[] };

const OPEN = 1;
/** Messages re-read from the database per query when fanning out or catching up. */
const PAGE = 500;
/** Notified by the trigger of db/migrations/0901 when a session ends: { h: token hash hex } or { u: disabled account }. */
export const SESSION_END_CHANNEL = 'groupes_session_end';
/** The close code of a socket whose session ended (the page goes back to the login). */
export const SESSION_ENDED = 4401;
/** After a dropped LISTEN connection, moderation changes are re-read from this long before the drop was noticed. */
const RESYNC_MARGIN_MS = 60_000;

export class LiveHub {
  private rooms = new Map<string, RoomState>();
  private subscriber: Subscriber | null = null;
  private ready: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** When the LISTEN connection was found down (what was notified since is re-read on reconnection). */
  private lostAt: Date | null = null;

  constructor(private readonly deps: Deps) {}

  /** Starts listening (once, at the first socket). */
  start(): Promise<void> {
    this.ready ??= (async () => {
      const url = (this.deps.db as unknown as { options: { connectionString: string } }).options.connectionString;
      this.subscriber = new Subscriber(url, {
        name: 'relais-groupes',
        onError: (err) => {
          this.lostAt ??= this.deps.clock.now();
          this.deps.log.warn({ err: String(err) }, 'groupes: live listener down, reconnecting');
        },
      });
      this.subscriber.onReconnect(() => this.resync());
      await this.subscriber.subscribe(ROOM_CHANNEL, (e: Event) => this.onEvent(e));
      await this.subscriber.subscribe(SESSION_END_CHANNEL, (e: { h?: string; u?: string }) => this.endSessions((c) => c.session === e.h || c.userId === e.u));
      // Dead sockets (a phone that lost its network) are dropped after a missed ping; ended sessions (expiry) closed.
      this.heartbeat = setInterval(() => {
        for (const room of this.rooms.values()) {
          for (const c of room.conns) {
            if (!c.alive) c.socket.terminate();
            else {
              c.alive = false;
              try {
                c.socket.ping();
              } catch {
                /* closed meanwhile */
              }
            }
          }
        }
        void this.checkSessions();
      }, 25_000);
      this.heartbeat.unref();
    })();
    return this.ready;
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const room of this.rooms.values()) for (const c of room.conns) c.socket.close(1001, 'server closing');
    this.rooms.clear();
    await this.subscriber?.close();
  }

  get connections(): number {
    let n = 0;
    for (const r of this.rooms.values()) n += r.conns.size;
    return n;
  }

  /** Registers a socket, then sends it what it missed after `after`, then live messages. */
  async attach(
    socket: LiveSocket,
    a: { userId: string; session: string; roomId: string; moderator: boolean; coordination: boolean; floor: number; after: number },
  ): Promise<void> {
    await this.start();
    const conn: Conn = {
      socket,
      userId: a.userId,
      session: hashToken(a.session).toString('hex'),
      roomId: a.roomId,
      moderator: a.moderator,
      coordination: a.coordination,
      floor: a.floor,
      blocked: new Set(await store.blockedBothWays(this.deps.db, a.userId)),
      lastSent: Math.max(a.after, a.floor),
      queue: [],
      alive: true,
    };
    let room = this.rooms.get(a.roomId);
    if (!room) {
      room = { conns: new Set(), lastSeq: null, chain: Promise.resolve() };
      this.rooms.set(a.roomId, room);
    }
    room.conns.add(conn);
    socket.on('pong', () => (conn.alive = true));
    socket.on('close', () => this.detach(conn));
    socket.on('error', () => this.detach(conn));
    // Catch up from the database, then what came live meanwhile; the number decides.
    try {
      for (;;) {
        const missed = await store.messagesAfter(this.deps.db, a.roomId, a.userId, conn.lastSent, 200);
        for (const m of missed) this.deliver(conn, viewMessage(m, a.userId, a.moderator), m.authorId, { catchUp: true });
        if (missed.length < 200) break;
      }
    } catch (err) {
      this.deps.log.warn({ err: String(err) }, 'groupes: catch-up failed');
      socket.close(1011, 'retry');
      return;
    }
    const queued = conn.queue ?? [];
    conn.queue = null;
    for (const q of queued) this.deliver(conn, q.m, q.authorId, { catchUp: true });
    this.send(conn, { type: 'ready', lastSeq: conn.lastSent });
  }

  private detach(conn: Conn) {
    const room = this.rooms.get(conn.roomId);
    if (!room) return;
    room.conns.delete(conn);
    if (!room.conns.size) this.rooms.delete(conn.roomId);
  }

  private send(conn: Conn, frame: unknown) {
    if (conn.socket.readyState !== OPEN) return;
    conn.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends a message to one socket unless it already has it or may not see it. */
  private deliver(conn: Conn, m: MessageView, authorId: string | null, opts: { frame?: string; catchUp?: boolean } = {}) {
    if (conn.queue && !opts.catchUp) {
      conn.queue.push({ m, authorId });
      return;
    }
    if (m.seq <= conn.lastSent) return;
    conn.lastSent = m.seq;
    if (authorId && conn.blocked.has(authorId)) return;
    this.send(conn, opts.frame ?? { type: 'message', message: m });
  }

  private onEvent(e: Event) {
    if (e.t === 'blocks') {
      // In each room's chain, like its messages: a message sent after the block (notified after
      // it) is fanned out only once the block is read, never through the window of that read.
      for (const room of this.rooms.values()) {
        if ([...room.conns].some((c) => e.u.includes(c.userId))) this.enqueue(room, () => this.refreshBlocks(room, e.u));
      }
      return;
    }
    const room = this.rooms.get(e.r);
    if (!room) return;
    this.enqueue(room, () => this.handle(e.r, room, e));
  }

  private enqueue(room: RoomState, step: () => Promise<void>) {
    room.chain = room.chain.then(step).catch((err) => this.deps.log.warn({ err: String(err) }, 'groupes: fan-out failed'));
  }

  private async handle(roomId: string, room: RoomState, e: Exclude<Event, { t: 'blocks' }>) {
    switch (e.t) {
      case 'm':
        // Everything numbered up to this one (a lost notification leaves no gap).
        await this.fanOut(roomId, room, room.lastSeq ?? e.s - 1, e.s);
        return;
      case 'u':
        this.sendUpdates(room, await store.messagesBySeq(this.deps.db, roomId, e.s));
        return;
      case 'member':
        for (const c of room.conns) if (c.userId === e.u) await this.recheckMember(roomId, c);
        return;
      case 'alert':
        for (const c of room.conns) if (c.moderator) this.send(c, { type: 'alert' });
        return;
      case 'room':
        for (const c of room.conns) this.send(c, { type: 'room' });
        return;
    }
  }

  /** Sends the room's messages numbered in (from, to] to its sockets, page by page, in order. */
  private async fanOut(roomId: string, room: RoomState, from: number, to: number) {
    while (from < to) {
      const rows = await store.messagesBetween(this.deps.db, roomId, from, Math.min(to, from + PAGE));
      from = Math.min(to, from + PAGE);
      room.lastSeq = Math.max(room.lastSeq ?? 0, from);
      for (const m of rows) {
        // One serialisation for every ordinary reader; the author and moderators get their own view.
        const common = viewMessage(m, '', false);
        const frame = JSON.stringify({ type: 'message', message: common });
        for (const c of room.conns) {
          if (c.userId === m.authorId || c.moderator) this.deliver(c, viewMessage(m, c.userId, c.moderator), m.authorId);
          else this.deliver(c, common, m.authorId, { frame });
        }
      }
    }
  }

  /** Hidden or deleted messages, to the sockets that already have them. */
  private sendUpdates(room: RoomState, rows: store.MessageRow[]) {
    for (const m of rows) {
      for (const c of room.conns) {
        if (c.queue || Number(m.seq) > c.lastSent || Number(m.seq) <= c.floor) continue;
        if (m.authorId && c.blocked.has(m.authorId)) continue;
        this.send(c, { type: 'update', message: viewMessage(m, c.userId, c.moderator) });
      }
    }
  }

  /** A membership changed: a member who left or was removed is disconnected; the others reload it. */
  private async recheckMember(roomId: string, c: Conn) {
    const member = await store.getMember(this.deps.db, roomId, c.userId);
    const active = member && !member.removedAt && !member.leftAt;
    if (!active && !c.coordination) c.socket.close(4403, member?.removedAt ? 'removed' : 'left');
    else {
      c.moderator = c.coordination || member?.role === 'facilitator';
      this.send(c, { type: 'member' });
    }
  }

  /** Closes the sockets whose session ended. */
  private endSessions(ended: (c: Conn) => boolean) {
    for (const room of this.rooms.values()) for (const c of room.conns) if (ended(c)) c.socket.close(SESSION_ENDED, 'session ended');
  }

  /** Sessions that ended without a notification reaching us (expiry, a listener that was down). */
  private async checkSessions() {
    const hashes = new Set<string>();
    for (const room of this.rooms.values()) for (const c of room.conns) hashes.add(c.session);
    if (!hashes.size) return;
    try {
      const alive = new Set(await store.liveSessions(this.deps.db, [...hashes], this.deps.clock.now()));
      this.endSessions((c) => !alive.has(c.session));
    } catch (err) {
      this.deps.log.warn({ err: String(err) }, 'groupes: session check failed');
    }
  }

  /**
   * The LISTEN connection is back: whatever was notified while it was down is lost, so
   * each room re-reads from its last fanned-out number (in its chain: in order, once),
   * re-sends what moderation changed, re-checks memberships, blocks and sessions.
   */
  private resync() {
    const since = new Date((this.lostAt ?? this.deps.clock.now()).getTime() - RESYNC_MARGIN_MS);
    this.lostAt = null;
    for (const [roomId, room] of this.rooms) {
      room.chain = room.chain
        .then(() => this.catchUp(roomId, room, since))
        .catch((err) => this.deps.log.warn({ err: String(err) }, 'groupes: catch-up after reconnection failed'));
    }
    void this.checkSessions();
  }

  private async catchUp(roomId: string, room: RoomState, since: Date) {
    if (!room.conns.size) return;
    const last = await store.lastSeq(this.deps.db, roomId);
    await this.fanOut(roomId, room, room.lastSeq ?? Math.min(...[...room.conns].map((c) => c.lastSent)), last);
    this.sendUpdates(room, await store.messagesChangedSince(this.deps.db, roomId, since));
    for (const c of room.conns) {
      c.blocked = new Set(await store.blockedBothWays(this.deps.db, c.userId));
      await this.recheckMember(roomId, c);
      this.send(c, { type: 'room' });
    }
  }

  private async refreshBlocks(room: RoomState, userIds: string[]) {
    for (const c of room.conns) {
      if (userIds.includes(c.userId)) c.blocked = new Set(await store.blockedBothWays(this.deps.db, c.userId));
    }
  }
}
