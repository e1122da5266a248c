/**
 * Builds the Fastify app: the platform's routes, then each module's, from the one module
 * list (src/modules/registry.ts). Its errors, jobs, indicators and hooks were wired by
 * `boot` from the same list (src/platform/wiring.ts).
 */
import type { Deps } from './platform/context';
import { createServer } from './platform/http/server';
import platformRoutes from './platform/http/platform.routes';
import authRoutes from './platform/auth/auth.routes';
import oidcRoutes from './platform/auth/oidc/oidc.routes';
import { modules } from './modules/registry';

export async function buildApp(deps: Deps, opts: { logger?: boolean } = {}) {
  const { app, routes } = await createServer(deps, opts);
  await app.register(platformRoutes);
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  for (const m of modules) {
    if (m.routes) await app.register(m.routes);
  }
  await app.ready();
  return { app, routes };
}
