import type { ModuleDef } from '../../platform/module';
import { registerAidesCli } from './aides.cli';
import { aidesErrors } from './aides.errors';

export const aidesModule: ModuleDef<typeof aidesErrors> = {
  name: 'aides',
  errors: aidesErrors,
  cli: registerAidesCli,
};
