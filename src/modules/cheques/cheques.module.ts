import type { ModuleDef } from '../../platform/module';
import { chequesErrors } from './cheques.errors';
import { chequesDossiersHooks } from './cheques.hooks';
import { chequesIndicators } from './cheques.indicators';
import { expireJob } from './cheques.jobs';
import chequesRoutes from './cheques.routes';

export const chequesModule: ModuleDef<typeof chequesErrors> = {
  name: 'cheques',
  errors: chequesErrors,
  jobs: [expireJob],
  routes: chequesRoutes,
  indicators: chequesIndicators,
  hooks: { dossiers: chequesDossiersHooks },
};
