/**
 * The one error shape: `{ error: { code, message, fields? } }`, whatever raised the error
 * (a use case, zod, Fastify's router or body parser, PostgreSQL). Validation errors name
 * each field; AppErrors carry their status and French message; a PostgreSQL data error is
 * the client's input (4xx, its message never echoed: it may quote personal data);
 * anything else is a bug: 500, logged with the request id, no stack to the client.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorSpec, type FieldError } from '../errors';
import { isDbUnavailable, loggableError } from '../db/pool';
import { localizeFields, localizeMessage, requestLocale } from './field-messages';

function fieldPath(instancePath: string, context?: string): string {
  const p = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return p || context || '';
}

/** `lang`: the language `message` is written in, when the handler translated it (absent: French). */
export function errorBody(code: string, message: string, fields?: FieldError[], lang?: string) {
  return { error: { code, message, ...(lang && lang !== 'fr' ? { lang } : {}), ...(fields && fields.length ? { fields } : {}) } };
}

/** A declared code's answer; with the request's language, its sentence and fields in that language when they have a translation. */
function sendCode(reply: FastifyReply, code: string, fields?: FieldError[], locale = 'fr') {
  const spec = errorSpec(code)!;
  const said = localizeMessage(spec.message, locale);
  return reply.status(spec.status).send(errorBody(code, said.message, localizeFields(fields, locale), said.lang));
}

/** Fastify's own codes that are the client's doing, and ours for each. */
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_BAD_URL: 'http/bad-url',
  FST_ERR_MAX_PARAM_LENGTH: 'http/uri-too-long',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'http/unsupported-media-type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'http/payload-too-large',
};

/**
 * The PostgreSQL error the client's input caused, if this is one: class 22 (data
 * exception: invalid byte sequence, string too long, numeric out of range, bad date…) and
 * class 23 (integrity) when the use case did not map it itself.
 */
export function pgInputError(err: unknown): string | null {
  const e = err as { code?: unknown; severity?: unknown };
  if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || e.severity === undefined) return null;
  if (e.code.startsWith('22')) return 'db/invalid-data';
  if (e.code === '23505' || e.code === '23P01') return 'db/conflict';
  if (e.code === '23503') return 'db/invalid-reference';
  if (e.code.startsWith('23')) return 'db/constraint';
  return null;
}

const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MAX_MS = 5_000;

/**
 * Reads and discards what is left of a request body (within bounds), so that a client
 * still sending an oversized body reads our 413 instead of a connection reset: closing a
 * socket with unread data makes the kernel answer RST.
 */
function drain(raw: IncomingMessage): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      raw.removeListener('data', onData);
      raw.removeListener('end', done);
      raw.removeListener('error', done);
      raw.removeListener('close', done);
      resolve();
    };
    // Node does not always emit 'end' once the declared length is read: count it ourselves.
    const declared = Number(raw.headers['content-length']);
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_MAX_BYTES || seen >= declared) done();
    };
    const timer = setTimeout(done, DRAIN_MAX_MS);
    raw.on('data', onData);
    raw.once('end', done);
    raw.once('error', done);
    raw.once('close', done);
    raw.resume();
  });
}

/** For Fastify's `frameworkErrors`: the router's errors (bad URL, path parameter too long). */
export function handleFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendCode(reply, FRAMEWORK_CODES[err.code] ?? 'http/bad-request');
}

/** The request's language for its field messages (the user's, else Accept-Language, else French). */
function localeOf(req: FastifyRequest): string {
  const header = req.headers['accept-language'];
  return requestLocale(req.ctx?.user?.locale, Array.isArray(header) ? header[0] : header);
}

export async function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  // An AppError whose code no wired module declares is a bug: it falls through to the 500 below, logged.
  if (err instanceof AppError && err.declared) {
    // A refusal for load (503 http/busy) says when to come back.
    if (typeof err.details?.retryAfterSeconds === 'number') reply.header('retry-after', String(err.details.retryAfterSeconds));
    // Its sentence and its fields' in the reader's language when field-messages has them (`said.<sentence>`).
    const locale = localeOf(req);
    const said = localizeMessage(err.message, locale);
    return reply.status(err.status).send(errorBody(err.code, said.message, localizeFields(err.fields, locale), said.lang));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const ctxName = (err as { validationContext?: string }).validationContext;
    const fields = err.validation.map((v) => ({ path: fieldPath(v.instancePath, ctxName), message: v.message ?? 'Valeur incorrecte.' }));
    return sendCode(reply, 'http/validation', fields, localeOf(req));
  }
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    await drain(req.raw);
    reply.header('connection', 'close');
    return sendCode(reply, 'http/payload-too-large');
  }
  if (typeof fe.code === 'string' && FRAMEWORK_CODES[fe.code]) return sendCode(reply, FRAMEWORK_CODES[fe.code]!);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Malformed JSON, empty body, wrong content length…: the client's fault, said plainly.
    const message = fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'La requête est vide.' : errorSpec('http/bad-request')!.message;
    return reply.status(400).send(errorBody('http/bad-request', message));
  }
  const pgCode = (err as { code?: string }).code;
  if (isDbUnavailable(err)) {
    req.log.error({ err: loggableError(err) }, 'database unavailable');
    return sendCode(reply, 'db/unavailable');
  }
  const input = pgInputError(err);
  if (input) {
    // The SQLSTATE says what kind; the message may quote the value: not logged, not sent.
    req.log.warn({ sqlstate: pgCode, constraint: (err as { constraint?: string }).constraint }, 'database refused the input');
    return sendCode(reply, input);
  }
  if (fe.code === 'FST_ERR_RESPONSE_SERIALIZATION') {
    // A reply that does not fit its route's response schema: our bug. Nothing of it is
    // sent; the log names the route and the paths that failed, never the values.
    const issues = ((err.cause as { issues?: { path: PropertyKey[]; code: string }[] } | undefined)?.issues ?? []).map(
      (i) => `${i.path.map(String).join('.')}: ${i.code}`,
    );
    req.log.error({ route: `${req.method} ${req.routeOptions.url}`, issues }, 'response does not match its schema');
    return internalError(req, reply);
  }
  // Never the error object itself: a PostgreSQL error's detail/where quote the row's data.
  req.log.error({ err: loggableError(err) }, 'unhandled error');
  return internalError(req, reply);
}

/** A 500: its reference for the help desk, in the reader's language when it can be (never a second failure). */
function internalError(req: FastifyRequest, reply: FastifyReply) {
  const message = `Une erreur inattendue s'est produite. Référence : ${req.id}`;
  let said = { message, lang: 'fr' };
  try {
    said = localizeMessage(message, localeOf(req));
  } catch {
    /* the French sentence */
  }
  return reply.status(500).send(errorBody('internal', said.message, undefined, said.lang));
}
