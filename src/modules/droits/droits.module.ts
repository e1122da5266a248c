import type { ModuleDef } from '../../platform/module';
import { registerDroitsCli } from './droits.cli';
import { droitsErrors } from './droits.errors';
import droitsRoutes from './droits.routes';

export const droitsModule: ModuleDef<typeof droitsErrors> = {
  name: 'droits',
  errors: droitsErrors,
  routes: droitsRoutes,
  cli: registerDroitsCli,
};
