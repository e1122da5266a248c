/**
 * Building blocks of the routes' response schemas (docs/modules.md, "Responses").
 *
 * Every route declares the schema of its success status; the zod serializer parses the
 * reply through it, so keys the schema does not name are dropped (a partner receives
 * exactly what the schema allows) and a reply that does not fit is a logged bug (500).
 * Non-JSON answers (CSV, HTML, PDF, files) are strings or buffers: Fastify does not run
 * the serializer on them; their schema only documents the body (`produces` names the type).
 */
import { z } from 'zod';

/** A moment: a `Date` (PostgreSQL timestamptz) or an ISO string, sent as an ISO 8601 string. */
export const timestamp = z
  .union([z.date(), z.string()])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString()))
  .pipe(z.string())
  .meta({ description: 'Horodatage ISO 8601', format: 'date-time' });

/** A calendar day, YYYY-MM-DD. */
export const day = z.string().meta({ description: 'Date AAAA-MM-JJ', format: 'date' });

/** A field value as stored (JSON: text, number, boolean, null…). */
export const fieldValue = z.unknown().meta({ description: 'Valeur JSON du champ' });

export const okSchema = z.object({ ok: z.boolean() });
export const createdSchema = z.object({ id: z.string() });
/** 204: no body. */
export const noContent = z.null().meta({ description: 'Pas de contenu' });

/**
 * The body of a non-JSON answer (CSV, HTML, PDF, a file…): documentation only, the
 * serializer never sees a string or a buffer. Pair it with `produces: [type]` in the schema.
 */
export function fileBody(description: string) {
  return z.string().meta({ description });
}

/** A binary file (PDF, image…) sent as a Buffer: documentation only, like fileBody. */
export function binaryBody(description: string) {
  return z.custom<Buffer | string>((v) => Buffer.isBuffer(v) || typeof v === 'string').meta({ description, type: 'string', format: 'binary' });
}
