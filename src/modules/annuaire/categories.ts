/** Relais needs ("J'ai besoin de…") and health professions, from rules/annuaire/categories.json. */
import data from '../../../rules/annuaire/categories.json';

export interface Category {
  id: string;
  label: string;
  need: string;
  thematiques: string[];
}

export interface Profession {
  id: string;
  label: string;
  category: string;
}

export const CATEGORIES: Category[] = data.categories;
export const PROFESSIONS: Profession[] = data.professions;
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id);
export const PROFESSION_IDS = PROFESSIONS.map((p) => p.id);

export function categoryById(id: string): Category | undefined {
  return CATEGORIES.find((c) => c.id === id);
}

/** The first category one of the thématiques belongs to (an explicit category wins). */
export function categoryOf(thematiques: readonly string[] | null | undefined, explicit?: string | null): string | null {
  if (explicit && CATEGORY_IDS.includes(explicit)) return explicit;
  for (const c of CATEGORIES) if (thematiques?.some((t) => c.thematiques.includes(t))) return c.id;
  return null;
}
