import type { ModuleDef } from '../../platform/module';
import { registerAidesCli } from './aides.cli';
import { aidesErrors } from './aides.errors';
import { aidesChequesHooks, aidesDossiersHooks, aidesDroitsHooks } from './aides.hooks';
import { aidesIndicators } from './aides.indicators';
import { notifyEndingJob, purgeUploadsJob, remindWaitingJob } from './aides.jobs';
import aidesRoutes from './aides.routes';
import { aidesDemoSeed } from './aides.seed';

export const aidesModule: ModuleDef<typeof aidesErrors> = {
  name: 'aides',
  errors: aidesErrors,
  jobs: [remindWaitingJob, purgeUploadsJob, notifyEndingJob],
  routes: aidesRoutes,
  cli: registerAidesCli,
  seeds: [aidesDemoSeed],
  indicators: aidesIndicators,
  hooks: { dossiers: aidesDossiersHooks, droits: aidesDroitsHooks, cheques: aidesChequesHooks },
};
