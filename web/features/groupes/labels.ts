/** Words people read for the module's values (themes, danger categories): never the code itself. */
import type { RoomSummary } from '../../../src/modules/groupes';

/** One per theme the module knows (tsc says when one is missing). */
export const THEMES: Record<RoomSummary['theme'], string> = {
  separation: 'Séparation',
  budget: 'Budget',
  ados: 'Ados',
  'petite-enfance': 'Petite enfance',
  'sante-mentale': 'Santé mentale',
  'premiers-mois': 'Premiers mois seul·e',
  quartier: 'Mon quartier',
  autre: 'Autre',
};

export const CATEGORIES: Record<string, string> = { suicide: 'suicide', violence: 'violences', enfance: 'enfant en danger' };
