import type { ModuleDef } from '../../platform/module';
import { registerChequesCli } from './cheques.cli';
import { chequesErrors } from './cheques.errors';
import { chequesDossiersHooks } from './cheques.hooks';
import { wireCheques } from './extensions';
import { chequesIndicators } from './cheques.indicators';
import { allowanceJob, expireJob } from './cheques.jobs';
import chequesRoutes from './cheques.routes';
import { chequesDemoSeed } from './cheques.seed';

export const chequesModule: ModuleDef<typeof chequesErrors> = {
  name: 'cheques',
  errors: chequesErrors,
  jobs: [expireJob, allowanceJob],
  routes: chequesRoutes,
  cli: registerChequesCli,
  seeds: [chequesDemoSeed],
  indicators: chequesIndicators,
  hooks: { dossiers: chequesDossiersHooks },
  // The aids module gives the Pass Famille Solo's rule (a local aid): read its hooks.cheques.
  wire: wireCheques,
};
