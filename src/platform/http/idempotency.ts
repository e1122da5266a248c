/**
 * Idempotency-Key: a change sent again with the same key (the phone's offline queue
 * replays a form when the network returns, possibly twice) gets the first answer again
 * instead of running twice. Keys belong to the signed-in user and live a day
 * (db/migrations/0020_idempotency.sql). The first request claims its key by the primary
 * key before the route runs; a replay arriving meanwhile is told to come back (409), one
 * with the same key but another request is refused (422). A 5xx answer is not kept: the
 * change did not happen, a replay may run it.
 */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../context';
import { AppError } from '../errors';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_RE = /^[A-Za-z0-9_-]{8,100}$/;
const KEEP_MS = 24 * 3600_000;
/** A claim older than this whose answer never came (the process stopped mid-way) may be taken over. */
const STALE_CLAIM_MS = 2 * 60_000;

interface Claim {
  userId: string;
  key: string;
}
const claims = new WeakMap<FastifyRequest, Claim>();

/** What identifies the request behind a key: a key reused for another change is an error, not a replay. */
export function requestHash(method: string, url: string, body: unknown): Buffer {
  return crypto
    .createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest();
}

export function idempotencyHooks(deps: Deps) {
  async function preValidation(req: FastifyRequest, reply: FastifyReply) {
    if (!MUTATING.has(req.method) || !req.url.startsWith('/api/')) return;
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return;
    const user = req.ctx.user;
    // Keys are per user; an anonymous form has nothing of a family's to protect from a double write.
    if (!user) return;
    if (typeof raw !== 'string' || !KEY_RE.test(raw)) {
      throw new AppError('http/validation', {
        fields: [{ path: 'Idempotency-Key', message: 'Clé de rejeu mal formée : 8 à 100 lettres, chiffres, « - » ou « _ ».' }],
      });
    }
    const now = deps.clock.now();
    const hash = requestHash(req.method, req.url, req.body);
    await deps.db.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND created_at < $2', [user.id, new Date(now.getTime() - KEEP_MS)]);
    const claimed = await deps.db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [user.id, raw, req.method, req.url, hash, now],
    );
    if (claimed.rowCount) {
      claims.set(req, { userId: user.id, key: raw });
      return;
    }
    const { rows } = await deps.db.query<{ request_hash: Buffer; status: number | null; content_type: string | null; body: string | null; created_at: Date }>(
      'SELECT request_hash, status, content_type, body, created_at FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [user.id, raw],
    );
    const row = rows[0];
    if (!row) throw new AppError('http/idempotency-pending'); // deleted between the two reads: come back
    if (!row.request_hash.equals(hash)) throw new AppError('http/idempotency-mismatch');
    if (row.status === null) {
      const takeOver = await deps.db.query(
        'UPDATE idempotency_keys SET created_at = $3 WHERE user_id = $1 AND key = $2 AND status IS NULL AND created_at < $4',
        [user.id, raw, now, new Date(now.getTime() - STALE_CLAIM_MS)],
      );
      if (!takeOver.rowCount) throw new AppError('http/idempotency-pending');
      claims.set(req, { userId: user.id, key: raw });
      return;
    }
    reply.header('idempotent-replayed', 'true');
    if (row.content_type) reply.type(row.content_type);
    reply.code(row.status);
    await reply.send(row.body ?? undefined);
    return reply;
  }

  async function onSend(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const claim = claims.get(req);
    if (!claim) return payload;
    claims.delete(req);
    // Only a whole answer in hand can be given again; a stream (a file) or a 5xx frees the key.
    if (reply.statusCode >= 500 || (payload !== undefined && payload !== null && typeof payload !== 'string')) {
      await deps.db.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status IS NULL', [claim.userId, claim.key]);
      return payload;
    }
    await deps.db.query('UPDATE idempotency_keys SET status = $3, content_type = $4, body = $5 WHERE user_id = $1 AND key = $2', [
      claim.userId,
      claim.key,
      reply.statusCode,
      String(reply.getHeader('content-type') ?? '') || null,
      typeof payload === 'string' ? payload : null,
    ]);
    return payload;
  }

  return { preValidation, onSend };
}
