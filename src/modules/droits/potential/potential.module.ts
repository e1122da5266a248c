/** Droits potentiels: the pages' backend around the rights engine (prefill, saving, re-estimates, counts). */
import type { ModuleDef } from '../../../platform/module';
import './potential.errors';
import './potential.hooks';
import './potential.jobs';
import { simulationsIndicator } from './potential.indicators';
import potentialRoutes from './potential.routes';

export const droitsPotentialModule: ModuleDef = {
  name: 'droits-potentiels',
  routes: potentialRoutes,
  indicators: [simulationsIndicator],
};
