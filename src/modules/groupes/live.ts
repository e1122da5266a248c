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
 * Frames (server → client), JSON: {type:'message', message} | {type:'update', message} |
 * {type:'ready', lastSeq} | {type:'room'} (reload the room: pin, slow mode, sessions) |
 * {type:'member'} (your membership changed: muted, removed) | {type:'alert'} (moderators).
 */
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
  roomId: string;
  moderator: boolean;
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
/** A notification names one message; if some were missed, fetch at most this many before it. */
const MAX_GAP = 500;

export class LiveHub {
  private rooms = new Map<string, RoomState>();
  private subscriber: Subscriber | null = null;
  private ready: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly deps: Deps) {}

  /** Starts listening (once, at the first socket). */
  start(): Promise<void> {
    this.ready ??= (async () => {
      const url = (this.deps.db as unknown as { options: { connectionString: string } }).options.connectionString;
      this.subscriber = new Subscriber(url);
      await this.subscriber.subscribe(ROOM_CHANNEL, (e: Event) => this.onEvent(e));
      // Dead sockets (a phone that lost its network) are dropped after a missed ping.
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
  async attach(socket: LiveSocket, a: { userId: string; roomId: string; moderator: boolean; floor: number; after: number }): Promise<void> {
    await this.start();
    const conn: Conn = {
      socket,
      userId: a.userId,
      roomId: a.roomId,
      moderator: a.moderator,
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
      void this.refreshBlocks(e.u);
      return;
    }
    const room = this.rooms.get(e.r);
    if (!room) return;
    room.chain = room.chain.then(() => this.handle(e.r, room, e)).catch((err) => this.deps.log.warn({ err: String(err) }, 'groupes: fan-out failed'));
  }

  private async handle(roomId: string, room: RoomState, e: Exclude<Event, { t: 'blocks' }>) {
    switch (e.t) {
      case 'm': {
        const from = Math.max(room.lastSeq ?? e.s - 1, e.s - MAX_GAP);
        if (e.s <= from) return;
        const rows = await store.messagesBetween(this.deps.db, roomId, from, e.s);
        room.lastSeq = Math.max(room.lastSeq ?? 0, e.s);
        for (const m of rows) {
          // One serialisation for every ordinary reader; the author and moderators get their own view.
          const common = viewMessage(m, '', false);
          const frame = JSON.stringify({ type: 'message', message: common });
          for (const c of room.conns) {
            if (c.userId === m.authorId || c.moderator) this.deliver(c, viewMessage(m, c.userId, c.moderator), m.authorId);
            else this.deliver(c, common, m.authorId, { frame });
          }
        }
        return;
      }
      case 'u': {
        const rows = await store.messagesBySeq(this.deps.db, roomId, e.s);
        for (const m of rows) {
          for (const c of room.conns) {
            if (c.queue || Number(m.seq) > c.lastSent || Number(m.seq) <= c.floor) continue;
            if (m.authorId && c.blocked.has(m.authorId)) continue;
            this.send(c, { type: 'update', message: viewMessage(m, c.userId, c.moderator) });
          }
        }
        return;
      }
      case 'member':
        for (const c of room.conns) {
          if (c.userId !== e.u) continue;
          const member = await store.getMember(this.deps.db, roomId, c.userId);
          if (member?.removedAt) c.socket.close(4403, 'removed');
          else {
            if (member) c.moderator = c.moderator || member.role === 'facilitator';
            this.send(c, { type: 'member' });
          }
        }
        return;
      case 'alert':
        for (const c of room.conns) if (c.moderator) this.send(c, { type: 'alert' });
        return;
      case 'room':
        for (const c of room.conns) this.send(c, { type: 'room' });
        return;
    }
  }

  private async refreshBlocks(userIds: string[]) {
    for (const room of this.rooms.values()) {
      for (const c of room.conns) {
        if (userIds.includes(c.userId)) c.blocked = new Set(await store.blockedBothWays(this.deps.db, c.userId));
      }
    }
  }
}
