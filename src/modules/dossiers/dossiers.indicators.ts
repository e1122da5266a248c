/** Indicators of the household file for the action plan's dashboard. */
import { defineIndicator } from '../../platform/indicators';
import { filesCreatedByNeighbourhood } from './dossiers.store';

export const filesIndicator = defineIndicator({
  id: 'dossiers.files-created',
  label: 'Dossiers uniques créés',
  unit: 'dossiers',
  description: 'Nombre de dossiers de foyer créés sur la période (par la famille ou à l’accueil), par quartier.',
  async compute(q, { from, to }) {
    return filesCreatedByNeighbourhood(q, from, to);
  },
});
