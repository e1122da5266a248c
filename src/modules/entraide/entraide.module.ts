import type { ModuleDef } from '../../platform/module';
import { entraideErrors } from './entraide.errors';
import { entraideDossiersHooks } from './entraide.hooks';
import { entraideIndicators } from './entraide.indicators';
import { checkAmbassadorsJob } from './ambassador-tenure';
import { remindLoansJob } from './entraide.jobs';
import entraideRoutes from './entraide.routes';
import { entraideDemoSeed } from './entraide.seed';

export const entraideModule: ModuleDef<typeof entraideErrors> = {
  name: 'entraide',
  errors: entraideErrors,
  jobs: [remindLoansJob, checkAmbassadorsJob],
  routes: entraideRoutes,
  seeds: [entraideDemoSeed],
  indicators: entraideIndicators,
  hooks: { dossiers: entraideDossiersHooks },
};
