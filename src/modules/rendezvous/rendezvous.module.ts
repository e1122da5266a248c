import type { ModuleDef } from '../../platform/module';
import { rendezvousDemoSeed } from './demo/demo.seed';
import { rendezvousErrors } from './rendezvous.errors';
import { rendezvousIndicators } from './rendezvous.indicators';
import { rendezvousDossiersHooks } from './rendezvous.hooks';
import { expireOffersJob, remindJob, sendNoticeJob } from './rendezvous.jobs';
import rendezvousRoutes from './rendezvous.routes';

export const rendezvousModule: ModuleDef<typeof rendezvousErrors> = {
  name: 'rendezvous',
  errors: rendezvousErrors,
  jobs: [remindJob, expireOffersJob, sendNoticeJob],
  routes: rendezvousRoutes,
  seeds: [rendezvousDemoSeed],
  indicators: rendezvousIndicators,
  hooks: { dossiers: rendezvousDossiersHooks },
};
