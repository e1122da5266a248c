/**
 * The preValidation hook that applies hostile-input.ts to every route's query, path
 * parameters and body, before the route's zod schema sees them.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { DEFAULT_MAX_STRING, findHostileInput, routeMaxString } from './hostile-input';

const caps = new WeakMap<object, number>();

function maxStringOf(req: FastifyRequest): number {
  const schema = req.routeOptions.schema as Record<string, unknown> | undefined;
  if (!schema) return DEFAULT_MAX_STRING;
  let cap = caps.get(schema);
  if (cap === undefined) {
    cap = routeMaxString([schema.body, schema.querystring, schema.params]);
    caps.set(schema, cap);
  }
  return cap;
}

export async function hostileInputHook(req: FastifyRequest) {
  // The web app's pages (and its client-side routes) read their own URLs.
  if (!req.url.startsWith('/api/')) return;
  const maxString = maxStringOf(req);
  for (const [value, rootName] of [
    [req.params, 'params'],
    [req.query, 'querystring'],
    [req.body, 'body'],
  ] as const) {
    const problem = findHostileInput(value, { maxString, rootName });
    if (problem) throw new AppError('http/validation', { fields: [problem] });
  }
}
