import type { ModuleDef } from '../../platform/module';
import { pilotageDemoSeed } from './demo/demo.seed';
import { registerPilotageCli } from './pilotage.cli';
import { pilotageIndicators } from './pilotage.indicators';
import './pilotage.jobs';
import pilotageRoutes from './pilotage.routes';

export const pilotageModule: ModuleDef = {
  name: 'pilotage',
  routes: pilotageRoutes,
  cli: registerPilotageCli,
  seeds: [pilotageDemoSeed],
  indicators: pilotageIndicators,
};
