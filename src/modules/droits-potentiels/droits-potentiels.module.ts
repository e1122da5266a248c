/** Droits potentiels: the pages' backend around the rights engine (prefill, saving, re-estimates, counts). */
import type { ModuleDef } from '../../platform/module';
import { potentialErrors } from './droits-potentiels.errors';
import { potentialDossiersHooks } from './droits-potentiels.hooks';
import { simulationsIndicator } from './droits-potentiels.indicators';
import { reestimateJob } from './droits-potentiels.jobs';
import potentialRoutes from './droits-potentiels.routes';

export const droitsPotentialModule: ModuleDef<typeof potentialErrors> = {
  name: 'droits-potentiels',
  errors: potentialErrors,
  jobs: [reestimateJob],
  routes: potentialRoutes,
  indicators: [simulationsIndicator],
  hooks: { dossiers: potentialDossiersHooks },
};
