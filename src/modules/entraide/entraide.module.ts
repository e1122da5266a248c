import type { ModuleDef } from '../../platform/module';
import { entraideErrors } from './entraide.errors';
import { entraideDossiersHooks } from './entraide.hooks';
import { remindLoansJob } from './entraide.jobs';
import entraideRoutes from './entraide.routes';

export const entraideModule: ModuleDef<typeof entraideErrors> = {
  name: 'entraide',
  errors: entraideErrors,
  jobs: [remindLoansJob],
  routes: entraideRoutes,
  hooks: { dossiers: entraideDossiersHooks },
};
