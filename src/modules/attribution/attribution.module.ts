import type { ModuleDef } from '../../platform/module';
import { registerAttributionCli } from './attribution.cli';
import { attributionErrors } from './attribution.errors';
import { attributionDossiersHooks } from './attribution.hooks';
import { attributionIndicators } from './attribution.indicators';
import { expireOffersJob } from './attribution.jobs';
import attributionRoutes from './attribution.routes';
import { attributionDemoSeed } from './attribution.seed';

export const attributionModule: ModuleDef<typeof attributionErrors> = {
  name: 'attribution',
  errors: attributionErrors,
  jobs: [expireOffersJob],
  routes: attributionRoutes,
  cli: registerAttributionCli,
  seeds: [attributionDemoSeed],
  indicators: attributionIndicators,
  hooks: { dossiers: attributionDossiersHooks },
};
