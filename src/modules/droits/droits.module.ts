import type { ModuleDef } from '../../platform/module';
import type { App } from '../../platform/http/types';
import complementsRoutes from './complements.routes';
import { registerDroitsCli } from './droits.cli';
import { droitsErrors } from './droits.errors';
import droitsRoutes from './droits.routes';
import { wireDroits } from './extensions';

async function routes(app: App) {
  await droitsRoutes(app);
  await complementsRoutes(app);
}

export const droitsModule: ModuleDef<typeof droitsErrors> = {
  name: 'droits',
  errors: droitsErrors,
  routes,
  cli: registerDroitsCli,
  // Others add to the simulator's results (local aids…): read their hooks.droits.
  wire: wireDroits,
};
