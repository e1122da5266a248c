/**
 * An AbortSignal that fires when the client goes away before its answer is written, so that
 * heavy work done for it (a PDF render) stops instead of running on for nobody. The
 * response's `close` comes both after a full answer and on a dropped connection; only the
 * second leaves it unfinished.
 */
import type { FastifyReply } from 'fastify';

export function abortOnDisconnect(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const res = reply.raw;
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
