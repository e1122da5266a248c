/**
 * The shapes the entraide's routes repeat, each written once: a GET of the caller's own
 * list, a POST that creates (201 { id }), a POST action on an id without a body ({ ok }).
 */
import type { z } from 'zod';
import type { Ctx } from '../../platform/context';
import type { App } from '../../platform/http/types';
import { createdSchema, okSchema } from '../../platform/response-schemas';
import type { Access } from '../../platform/roles';
import { idParams } from './entraide.schemas';

export const tags = ['entraide'];
export const PARENT: Access = ['parent'];
export const STAFF: Access = ['agent', 'coordinator', 'admin'];
/** Agents, and ambassador parents (the use case checks a parent is one). */
export const COMMITTEE: Access = ['parent', 'agent', 'coordinator', 'admin'];

/** GET without parameters: the answer is what `run` returns. */
export function listing<Out extends z.ZodType>(
  app: App,
  url: string,
  access: Access,
  summary: string,
  response: Out,
  run: (ctx: Ctx) => Promise<z.input<Out>>,
) {
  app.get(url, { config: { access }, schema: { tags, summary, response: { 200: response as z.ZodType } } }, async (req) => run(req.ctx));
}

/** POST creating a record from a body: 201 with its id. */
export function creation<In extends z.ZodType>(
  app: App,
  url: string,
  access: Access,
  summary: string,
  body: In,
  run: (ctx: Ctx, body: z.output<In>) => Promise<{ id: string }>,
) {
  app.post(url, { config: { access }, schema: { tags, summary, body: body as z.ZodType, response: { 201: createdSchema } } }, async (req, reply) =>
    reply.status(201).send(await run(req.ctx, req.body as z.output<In>)),
  );
}

/** POST `…/:id/verb` without a body: 200 { ok }. */
export function idAction(app: App, url: string, access: Access, summary: string, run: (ctx: Ctx, id: string) => Promise<{ ok: true }>) {
  app.post(url, { config: { access }, schema: { tags, summary, params: idParams, response: { 200: okSchema } } }, async (req) => run(req.ctx, req.params.id));
}
