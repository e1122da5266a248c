import type { ModuleDef } from '../../platform/module';
import './annuaire.errors';
import { registerAnnuaireCli } from './annuaire.cli';
import annuaireRoutes from './annuaire.routes';
import { annuaireDemoSeed } from './demo-seed';
import { servicesListedIndicator } from './indicators';
import './refresh-hours';
import './remind-stale';

export const annuaireModule: ModuleDef = {
  name: 'annuaire',
  routes: annuaireRoutes,
  cli: registerAnnuaireCli,
  seeds: [annuaireDemoSeed],
  indicators: [servicesListedIndicator],
};
