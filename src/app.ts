/**
 * Builds the Fastify app: the platform's routes, then each module's, wired by hand.
 */
import type { Deps } from './platform/context';
import { createServer } from './platform/http/server';
import platformRoutes from './platform/http/platform.routes';
import authRoutes from './platform/auth/auth.routes';
import { modules } from './modules/registry';
import './platform/notify/outbox'; // registers the notification jobs
import './platform/throttle'; // registers its clean-up job

export async function buildApp(deps: Deps, opts: { logger?: boolean } = {}) {
  const { app, routes } = await createServer(deps, opts);
  await app.register(platformRoutes);
  await app.register(authRoutes);
  for (const m of modules) {
    if (m.routes) await app.register(m.routes);
  }
  await app.ready();
  return { app, routes };
}
