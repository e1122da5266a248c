import type { ModuleDef } from '../../platform/module';
import { registerDroitsCli } from './droits.cli';
import droitsRoutes from './droits.routes';

export const droitsModule: ModuleDef = {
  name: 'droits',
  routes: droitsRoutes,
  cli: registerDroitsCli,
};
