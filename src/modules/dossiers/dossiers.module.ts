import type { ModuleDef } from '../../platform/module';
import type { App } from '../../platform/http/types';
import './dossiers.errors';
import './dossiers.jobs';
import './droits-input'; // declares the simulator's form fields
import meRoutes from './dossiers.routes';
import agentRoutes from './agent.routes';
import partnerRoutes from './partner.routes';
import { dossiersDemoSeed } from './dossiers.seed';
import { filesIndicator } from './dossiers.indicators';
import { registerDossiersCli } from './dossiers.cli';

async function routes(app: App) {
  await meRoutes(app);
  await agentRoutes(app);
  await partnerRoutes(app);
}

export const dossiersModule: ModuleDef = {
  name: 'dossiers',
  routes,
  cli: registerDossiersCli,
  seeds: [dossiersDemoSeed],
  indicators: [filesIndicator],
};
