import type { ModuleDef } from '../../platform/module';
import { registerAidesCli } from './aides.cli';
import { aidesErrors } from './aides.errors';
import { aidesDemoSeed } from './aides.seed';

export const aidesModule: ModuleDef<typeof aidesErrors> = {
  name: 'aides',
  errors: aidesErrors,
  cli: registerAidesCli,
  seeds: [aidesDemoSeed],
};
