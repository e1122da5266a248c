import type { ModuleDef } from '../../platform/module';
import { registerDiagnosticCli } from './diagnostic.cli';
import diagnosticRoutes from './diagnostic.routes';
import { diagnosticDemoSeed } from './demo/amiens.seed';
import { responsesIndicator } from './indicators';
// Registers the job before the queue starts.
import './purge-drafts.job';

export const diagnosticModule: ModuleDef = {
  name: 'diagnostic',
  routes: diagnosticRoutes,
  cli: registerDiagnosticCli,
  seeds: [diagnosticDemoSeed],
  indicators: [responsesIndicator],
};
