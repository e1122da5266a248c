import type { ModuleDef } from '../../platform/module';
import { groupesDemoSeed } from './groupes.seed';
import { groupesErrors } from './groupes.errors';
import { groupesDossiersHooks } from './groupes.hooks';
import { purgeMessagesJob, remindJob } from './groupes.jobs';
import groupesRoutes from './groupes.routes';

export const groupesModule: ModuleDef<typeof groupesErrors> = {
  name: 'groupes',
  errors: groupesErrors,
  jobs: [remindJob, purgeMessagesJob],
  routes: groupesRoutes,
  seeds: [groupesDemoSeed],
  hooks: { dossiers: groupesDossiersHooks },
};
