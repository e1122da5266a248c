/**
 * A WebSocket client for tests and the benchmark: the `ws` that @fastify/websocket itself
 * uses (Node 20 has no WebSocket client without a flag), with the frames collected.
 */
import { createRequire } from 'node:module';

const require = createRequire(createRequire(import.meta.url).resolve('@fastify/websocket'));
const WS = require('ws') as new (url: string, opts?: { headers?: Record<string, string> }) => RawClient;

interface RawClient {
  readyState: number;
  on(event: 'open' | 'close' | 'error' | 'message' | 'unexpected-response', fn: (...args: any[]) => void): void;
  close(): void;
  terminate(): void;
}

export interface LiveFrame {
  type: string;
  message?: { seq: number; body: string | null; pseudonym: string; hidden: boolean; mine: boolean };
  lastSeq?: number;
}

export interface LiveClient {
  frames: LiveFrame[];
  /** The numbers of the messages received, in order. */
  seqs(): number[];
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
  onFrame?: (f: LiveFrame) => void;
}

/** Opens `/api/groupes/rooms/:id/live?after=` on a listening server; resolves when the catch-up is done. */
export function openLive(
  baseUrl: string,
  roomId: string,
  opts: { cookie: string; after?: number; origin?: string; onFrame?: (f: LiveFrame) => void },
): Promise<LiveClient> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/groupes/rooms/${roomId}/live?after=${opts.after ?? 0}`;
  const headers: Record<string, string> = { cookie: opts.cookie };
  if (opts.origin) headers.origin = opts.origin;
  const ws = new WS(url, { headers });
  let resolveClosed!: (v: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => (resolveClosed = r));
  const client: LiveClient = {
    frames: [],
    seqs: () => client.frames.filter((f) => f.type === 'message').map((f) => f.message!.seq),
    closed,
    close: () => ws.close(),
    onFrame: opts.onFrame,
  };
  return new Promise((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      const f = JSON.parse(data.toString()) as LiveFrame;
      client.frames.push(f);
      client.onFrame?.(f);
      if (f.type === 'ready') resolve(client);
    });
    ws.on('close', (code: number, reason: Buffer) => {
      resolveClosed({ code, reason: reason.toString() });
      reject(new Error(`closed ${code} ${reason.toString()}`));
    });
    ws.on('unexpected-response', (_req: unknown, res: { statusCode: number }) => {
      reject(new Error(`HTTP ${res.statusCode}`));
      ws.terminate();
    });
    ws.on('error', (err: Error) => reject(err));
  });
}
