import type { ModuleDef } from '../../platform/module';
import { annuaireErrors } from './annuaire.errors';
import { registerAnnuaireCli } from './annuaire.cli';
import annuaireRoutes from './annuaire.routes';
import { annuaireDemoSeed } from './demo-seed';
import { servicesListedIndicator } from './indicators';
import { refreshHoursJob } from './refresh-hours';
import { remindStaleJob } from './remind-stale';
import { structureExists } from './references';

export const annuaireModule: ModuleDef<typeof annuaireErrors> = {
  name: 'annuaire',
  errors: annuaireErrors,
  jobs: [refreshHoursJob, remindStaleJob],
  routes: annuaireRoutes,
  cli: registerAnnuaireCli,
  seeds: [annuaireDemoSeed],
  indicators: [servicesListedIndicator],
  hooks: { platform: { structureExists } },
};
