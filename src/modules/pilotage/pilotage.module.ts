import type { ModuleDef } from '../../platform/module';
import { pilotageDemoSeed } from './demo/demo.seed';
import { registerPilotageCli } from './pilotage.cli';
import { pilotageIndicators } from './pilotage.indicators';
import { pilotageErrors } from './pilotage.errors';
import { snapshotJob } from './pilotage.jobs';
import { tellFollowersJob } from './ideation-events';
import { ideationDossiersHooks } from './ideation.hooks';
import { pilotageDiagnosticHooks } from './pilotage.hooks';
import pilotageRoutes from './pilotage.routes';

export const pilotageModule: ModuleDef<typeof pilotageErrors> = {
  name: 'pilotage',
  errors: pilotageErrors,
  jobs: [snapshotJob, tellFollowersJob],
  routes: pilotageRoutes,
  cli: registerPilotageCli,
  seeds: [pilotageDemoSeed],
  indicators: pilotageIndicators,
  hooks: { dossiers: ideationDossiersHooks, diagnostic: pilotageDiagnosticHooks },
};
