import type { ModuleDef } from '../../platform/module';
import { rendezvousErrors } from './rendezvous.errors';
import { rendezvousDossiersHooks } from './rendezvous.hooks';
import { expireOffersJob, remindJob } from './rendezvous.jobs';
import rendezvousRoutes from './rendezvous.routes';

export const rendezvousModule: ModuleDef<typeof rendezvousErrors> = {
  name: 'rendezvous',
  errors: rendezvousErrors,
  jobs: [remindJob, expireOffersJob],
  routes: rendezvousRoutes,
  hooks: { dossiers: rendezvousDossiersHooks },
};
