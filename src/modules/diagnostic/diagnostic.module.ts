import type { ModuleDef } from '../../platform/module';
import { registerDiagnosticCli } from './diagnostic.cli';
import diagnosticRoutes from './diagnostic.routes';
import { diagnosticDemoSeed } from './demo/amiens.seed';
import { listeningDemoSeed } from './demo/listening.seed';
import { listeningDossiersHooks } from './listening.hooks';
import { responsesIndicator } from './indicators';
import { diagnosticErrors } from './diagnostic.errors';
import { purgeDraftsJob } from './purge-drafts.job';
import { wireDiagnostic } from './extensions';

export const diagnosticModule: ModuleDef<typeof diagnosticErrors> = {
  name: 'diagnostic',
  errors: diagnosticErrors,
  jobs: [purgeDraftsJob],
  routes: diagnosticRoutes,
  cli: registerDiagnosticCli,
  seeds: [diagnosticDemoSeed, listeningDemoSeed],
  indicators: [responsesIndicator],
  hooks: { dossiers: listeningDossiersHooks },
  wire: wireDiagnostic,
};
