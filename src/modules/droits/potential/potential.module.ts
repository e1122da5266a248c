/** Droits potentiels: the pages' backend around the rights engine (prefill, saving, re-estimates, counts). */
import type { ModuleDef } from '../../../platform/module';
import { potentialErrors } from './potential.errors';
import { potentialDossiersHooks } from './potential.hooks';
import { simulationsIndicator } from './potential.indicators';
import { reestimateJob } from './potential.jobs';
import potentialRoutes from './potential.routes';

export const droitsPotentialModule: ModuleDef<typeof potentialErrors> = {
  name: 'droits-potentiels',
  errors: potentialErrors,
  jobs: [reestimateJob],
  routes: potentialRoutes,
  indicators: [simulationsIndicator],
  hooks: { dossiers: potentialDossiersHooks },
};
