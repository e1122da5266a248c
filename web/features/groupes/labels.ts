/** Words people read for the module's values (themes, danger categories): never the code itself. */
export const THEMES: Record<string, string> = {
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
