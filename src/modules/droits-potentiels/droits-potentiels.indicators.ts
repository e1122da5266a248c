/** Indicator of the action plan: simulations of rights run, per neighbourhood and period. */
import { defineIndicator } from '../../platform/indicators';
import { countRuns } from './droits-potentiels.store';

export const simulationsIndicator = defineIndicator({
  id: 'droits.simulations',
  label: 'Simulations de droits réalisées',
  unit: 'simulations',
  description:
    'Nombre de simulations de droits faites depuis Relais (simulateur, droits potentiels, agents), par quartier quand il est connu. Aucune donnée personnelle : une ligne de comptage par simulation.',
  compute: (q, { from, to }) => countRuns(q, from, to),
});
