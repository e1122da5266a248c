/**
 * The modules of Relais, wired by hand (no DI container). Order matters for demo seeds:
 * a module's seed may use the data of the modules above it.
 * To add a module: import its definition and append it to the list (see docs/modules.md).
 */
import type { ModuleDef } from '../platform/module';
// module imports — one line per module, keep this marker
import { diagnosticModule } from './diagnostic/diagnostic.module';
import { droitsModule } from './droits/droits.module';
import { annuaireModule } from './annuaire/annuaire.module';
import { dossiersModule } from './dossiers/dossiers.module';
import { droitsPotentialModule } from './droits/potential/potential.module';
import { pilotageModule } from './pilotage/pilotage.module';
// end module imports

export const modules: ModuleDef[] = [
  // module list — one line per module, keep this marker
  diagnosticModule,
  droitsModule,
  annuaireModule,
  dossiersModule,
  droitsPotentialModule,
  pilotageModule,
  // end module list
];
