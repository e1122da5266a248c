/**
 * What the platform itself declares, wired like a module (always first): its error codes
 * and its jobs. Its routes (auth, health, town, admin) are registered by src/app.ts.
 */
import { platformErrors } from './errors';
import type { ModuleDef } from './module';
import { sendNotificationJob, sweepNotificationsJob } from './notify/outbox';
import { wirePlatform } from './structures';
import { wireAuth } from './auth/oidc/hooks';
import { throttleCleanupJob } from './throttle';

export const platformModule: ModuleDef<typeof platformErrors> = {
  name: 'platform',
  errors: platformErrors,
  jobs: [sendNotificationJob, sweepNotificationsJob, throttleCleanupJob],
  // Modules plug into the platform: structures (hooks.platform), sign-in events (hooks.auth).
  wire: (modules) => {
    wirePlatform(modules);
    wireAuth(modules);
  },
};
