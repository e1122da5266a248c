/**
 * The on-call inbox in real time: one LISTEN per process on the emergency channel
 * (src/platform/events.ts), fanned out to the staff's open WebSockets as a bare signal
 * ("something changed"); the page then re-reads the inbox through the API (access checks
 * and audit stay there). Nothing personal travels on the socket.
 */
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { Subscriber } from '../../platform/events';
import { EMERGENCY_CHANNEL } from './emergency.service';

export interface SignalSocket {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'close' | 'error', fn: () => void): void;
}

const OPEN = 1;

export class EmergencySignals {
  private sockets = new Set<SignalSocket>();
  private subscriber: Subscriber | null = null;
  private ready: Promise<void> | null = null;

  constructor(private readonly deps: Pick<Deps, 'db'>) {}

  private start(): Promise<void> {
    this.ready ??= (async () => {
      const url = (this.deps.db as unknown as { options: { connectionString: string } }).options.connectionString;
      this.subscriber = new Subscriber(url);
      await this.subscriber.subscribe(EMERGENCY_CHANNEL, () => {
        for (const s of this.sockets) if (s.readyState === OPEN) s.send('{"type":"emergency"}');
      });
    })();
    return this.ready;
  }

  async attach(socket: SignalSocket): Promise<void> {
    await this.start();
    this.sockets.add(socket);
    const drop = () => this.sockets.delete(socket);
    socket.on('close', drop);
    socket.on('error', drop);
    socket.send('{"type":"ready"}');
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.close(1001, 'server closing');
    this.sockets.clear();
    await this.subscriber?.close();
  }
}

/** A browser always sends Origin with a WebSocket: only our own pages may open one with the staff's cookie. */
export function assertOwnOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  const ours = new Set([req.headers.host, new URL(req.ctx.config.publicUrl).host]);
  if (!URL.canParse(origin) || !ours.has(new URL(origin).host)) throw new AppError('rendezvous/bad-origin');
}
