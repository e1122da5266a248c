import type { ModuleDef } from '../../platform/module';
import type { App } from '../../platform/http/types';
import { dossiersErrors } from './dossiers.errors';
import { openRenewalsJob, purgeRetentionJob } from './dossiers.jobs';
import { droitsSimulationForm } from './droits-input';
import { wireDossiers } from './extensions';
import { applyCertifiedIdentity, withdrawCertification } from './certified-identity';
import meRoutes from './dossiers.routes';
import agentRoutes from './agent.routes';
import partnerRoutes from './partner.routes';
import draftRoutes from './draft.routes';
import offersRoutes from './offers.routes';
import { dossiersDemoSeed } from './dossiers.seed';
import { filesIndicator } from './dossiers.indicators';
import { registerDossiersCli } from './dossiers.cli';

async function routes(app: App) {
  await meRoutes(app);
  await draftRoutes(app);
  await offersRoutes(app);
  await agentRoutes(app);
  await partnerRoutes(app);
}

export const dossiersModule: ModuleDef<typeof dossiersErrors> = {
  name: 'dossiers',
  errors: dossiersErrors,
  jobs: [openRenewalsJob, purgeRetentionJob],
  routes,
  cli: registerDossiersCli,
  seeds: [dossiersDemoSeed],
  indicators: [filesIndicator],
  // The rights simulator's form is the file's own (toDroitsInput lives here).
  // A FranceConnect sign-in fills and locks the parent's identity in the file (certified-identity.ts).
  hooks: {
    dossiers: { forms: [droitsSimulationForm] },
    auth: { certifiedIdentity: applyCertifiedIdentity, certificationWithdrawn: (t, ctx) => withdrawCertification(t, ctx) },
  },
  // Others plug into the file: read their hooks.dossiers.
  wire: wireDossiers,
};
