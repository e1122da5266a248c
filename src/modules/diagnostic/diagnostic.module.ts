import type { ModuleDef } from '../../platform/module';
import { registerDiagnosticCli } from './diagnostic.cli';

export const diagnosticModule: ModuleDef = {
  name: 'diagnostic',
  cli: registerDiagnosticCli,
};
