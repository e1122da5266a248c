import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx } from '../context';
import type { Access } from '../roles';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Every /api route must declare it. */
    access?: Access;
    /** Per client address, across processes (src/platform/throttle.ts). */
    rateLimit?: { max: number; windowSeconds: number };
    /** Skip the CSRF check (login/sign-up forms are protected by the double-submit cookie anyway). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
    sessionToken?: string;
    /** Hash of the CSRF token bound to the session (src/platform/auth/csrf.ts). */
    sessionCsrfHash?: Buffer;
  }
}

/** The Fastify instance modules receive: zod schemas type the handlers. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
}
