/**
 * The modules of Relais, wired by hand (no DI container): the one list every process
 * starts from (src/cli/index.ts, src/app.ts, the test and bench harnesses pass it to
 * `boot`). Order matters for demo seeds: a module's seed may use the data of the modules
 * above it. To add a module: import its definition and append it to the list, one line
 * each between the markers (see docs/modules.md).
 */
import type { ModuleDef } from '../platform/module';
// module imports — one line per module, keep this marker
import { diagnosticModule } from './diagnostic/diagnostic.module';
import { droitsModule } from './droits/droits.module';
import { annuaireModule } from './annuaire/annuaire.module';
import { dossiersModule } from './dossiers/dossiers.module';
import { droitsPotentialModule } from './droits-potentiels/droits-potentiels.module';
import { pilotageModule } from './pilotage/pilotage.module';
import { aidesModule } from './aides/aides.module';
import { attributionModule } from './attribution/attribution.module';
import { rendezvousModule } from './rendezvous/rendezvous.module';
import { chequesModule } from './cheques/cheques.module';
import { groupesModule } from './groupes/groupes.module';
import { entraideModule } from './entraide/entraide.module';
// end module imports

export const modules = [
  // module list — one line per module, keep this marker
  diagnosticModule,
  droitsModule,
  annuaireModule,
  dossiersModule,
  droitsPotentialModule,
  pilotageModule,
  aidesModule,
  attributionModule,
  rendezvousModule,
  chequesModule,
  groupesModule,
  entraideModule,
  // end module list
] as const satisfies readonly ModuleDef[];

// The modules' error codes are the only ones `new AppError(code)` accepts (src/platform/errors.ts).
declare module '../platform/errors' {
  interface Register {
    modules: typeof modules;
  }
}
