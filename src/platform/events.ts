/**
 * Realtime between processes: PostgreSQL LISTEN/NOTIFY. `publish` may run inside a
 * transaction (the event is delivered only if it commits). Payloads carry identifiers,
 * never personal data; listeners re-read what they need.
 *
 * A Subscriber holds one connection. When it drops (a restarted database, a killed
 * backend, a network cut) it reconnects with backoff and LISTENs again; what was
 * published while it was away is lost, so `onReconnect` tells its owner to re-read
 * (e.g. from a sequence number) what it may have missed.
 */
import pg from 'pg';
import type { Queryable } from './db/pool';

export async function publish(q: Queryable, channel: string, payload: Record<string, unknown>): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
}

export interface SubscriberOptions {
  /** Its `application_name` in pg_stat_activity: operators (and tests) find the listener by it. */
  name?: string;
  /** Backoff between reconnection attempts: from `minDelayMs`, doubling, up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Told when the connection drops and each time an attempt to come back fails. */
  onError?: (err: unknown) => void;
}

export class Subscriber {
  private client: pg.Client | null = null;
  private first: Promise<void> | null = null;
  private handlers = new Map<string, Set<(p: any) => void>>();
  private reconnected = new Set<() => void>();
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly opts: SubscriberOptions = {},
  ) {}

  /** True while the connection is up and listening. */
  get connected(): boolean {
    return this.client !== null;
  }

  async subscribe(channel: string, handler: (payload: any) => void): Promise<() => Promise<void>> {
    if (!/^[a-z0-9_]+$/.test(channel)) throw new Error(`bad channel ${channel}`);
    let set = this.handlers.get(channel);
    const isNew = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    const unsubscribe = async () => {
      set!.delete(handler);
    };
    // The first connection fails to its caller (a wrong address is not retried forever).
    this.first ??= this.open().then((c) => {
      this.client = c;
    });
    try {
      await this.first;
    } catch (err) {
      this.first = null;
      set.delete(handler);
      if (isNew) this.handlers.delete(channel);
      throw err;
    }
    // Down and coming back: the reconnection LISTENs every channel, this one included.
    if (isNew && this.client) await this.client.query(`LISTEN ${channel}`);
    return unsubscribe;
  }

  /** `fn` runs each time a dropped connection is back and listening (not at the first connection). */
  onReconnect(fn: () => void): () => void {
    this.reconnected.add(fn);
    return () => this.reconnected.delete(fn);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }

  /** Connects and LISTENs every channel; fails if the connection died on the way. */
  private async open(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: this.url, application_name: this.opts.name ?? 'relais-listen', keepAlive: true });
    let dead = false;
    const down = (err?: unknown) => {
      dead = true;
      if (this.client !== c) return;
      this.client = null;
      this.opts.onError?.(err ?? new Error('listener connection ended'));
      void c.end().catch(() => {});
      this.scheduleReconnect();
    };
    c.on('notification', (n) => this.dispatch(n));
    c.on('error', down);
    c.on('end', () => down());
    try {
      await c.connect();
      for (const channel of this.handlers.keys()) await c.query(`LISTEN ${channel}`);
      if (dead) throw new Error('listener connection ended while listening');
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
    return c;
  }

  private scheduleReconnect() {
    if (this.retry || this.closed) return;
    const min = this.opts.minDelayMs ?? 100;
    const max = this.opts.maxDelayMs ?? 10_000;
    const delay = Math.min(max, min * 2 ** this.attempt);
    this.attempt++;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.open().then(
        (c) => {
          if (this.closed) return void c.end().catch(() => {});
          this.client = c;
          this.attempt = 0;
          for (const fn of this.reconnected) {
            try {
              fn();
            } catch {
              /* one owner's failure must not stop the others' catch-up */
            }
          }
        },
        (err) => {
          this.opts.onError?.(err);
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.retry.unref();
  }

  private dispatch(n: pg.Notification) {
    for (const h of this.handlers.get(n.channel) ?? []) {
      try {
        h(n.payload ? JSON.parse(n.payload) : {});
      } catch {
        /* a bad listener must not break the others */
      }
    }
  }
}
