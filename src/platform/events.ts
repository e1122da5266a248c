/**
 * Realtime between processes: PostgreSQL LISTEN/NOTIFY. `publish` may run inside a
 * transaction (the event is delivered only if it commits). Payloads carry identifiers,
 * never personal data; listeners re-read what they need.
 */
import pg from 'pg';
import type { Queryable } from './db/pool';

export async function publish(q: Queryable, channel: string, payload: Record<string, unknown>): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
}

export class Subscriber {
  private client: pg.Client | null = null;
  private handlers = new Map<string, Set<(p: any) => void>>();

  constructor(private readonly url: string) {}

  async subscribe(channel: string, handler: (payload: any) => void): Promise<() => Promise<void>> {
    if (!/^[a-z0-9_]+$/.test(channel)) throw new Error(`bad channel ${channel}`);
    if (!this.client) {
      this.client = new pg.Client({ connectionString: this.url });
      this.client.on('notification', (n) => {
        for (const h of this.handlers.get(n.channel) ?? []) {
          try {
            h(n.payload ? JSON.parse(n.payload) : {});
          } catch {
            /* a bad listener must not break the others */
          }
        }
      });
      this.client.on('error', () => {});
      await this.client.connect();
    }
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.client.query(`LISTEN ${channel}`);
    }
    set.add(handler);
    return async () => {
      set!.delete(handler);
    };
  }

  async close(): Promise<void> {
    await this.client?.end().catch(() => {});
    this.client = null;
  }
}
