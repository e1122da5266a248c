/**
 * The one error shape: `{ error: { code, message, fields? } }`. Validation errors name
 * each field; AppErrors carry their status and French message; anything else is a bug:
 * 500, logged with the request id, no stack to the client.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorSpec, type FieldError } from '../errors';
import { isDbUnavailable, loggableError } from '../db/pool';

function fieldPath(instancePath: string, context?: string): string {
  const p = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return p || context || '';
}

export function errorBody(code: string, message: string, fields?: FieldError[]) {
  return { error: { code, message, ...(fields && fields.length ? { fields } : {}) } };
}

export function handleError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    // A refusal for load (503 http/busy) says when to come back.
    if (typeof err.details?.retryAfterSeconds === 'number') reply.header('retry-after', String(err.details.retryAfterSeconds));
    return reply.status(err.status).send(errorBody(err.code, err.message, err.fields));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const ctxName = (err as { validationContext?: string }).validationContext;
    const fields = err.validation.map((v) => ({ path: fieldPath(v.instancePath, ctxName), message: v.message ?? 'Valeur incorrecte.' }));
    const spec = errorSpec('http/validation')!;
    return reply.status(400).send(errorBody('http/validation', spec.message, fields));
  }
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.status(413).send(errorBody('http/payload-too-large', errorSpec('http/payload-too-large')!.message));
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Malformed JSON, unsupported media type…: the client's fault, said plainly.
    const message =
      fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? "Format de données non pris en charge (utilisez application/json)."
        : fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'La requête est vide.'
          : 'La requête est mal formée.';
    return reply.status(fe.statusCode === 415 ? 415 : 400).send(errorBody('http/bad-request', message));
  }
  const pgCode = (err as { code?: string }).code;
  if (isDbUnavailable(err)) {
    req.log.error({ err: loggableError(err) }, 'database unavailable');
    return reply.status(503).send(errorBody('db/unavailable', errorSpec('db/unavailable')!.message));
  }
  // Never the error object itself: a PostgreSQL error's detail/where quote the row's data.
  req.log.error({ err: loggableError(err) }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', `Une erreur inattendue s'est produite. Référence : ${req.id}`));
}
