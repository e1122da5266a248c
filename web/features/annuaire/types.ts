/** Shapes of the annuaire API answers (see src/modules/annuaire/search-services.ts). */
export interface ServiceSummary {
  id: string;
  nom: string;
  structure: { id: string; nom: string };
  description: string;
  categorie: string | null;
  profession: string | null;
  thematiques: { value: string; label: string }[];
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  quartier: string | null;
  telephone: string | null;
  courriel: string | null;
  latitude: number | null;
  longitude: number | null;
  distance_m: number | null;
  horaires: { osm: string | null; semaine: { day: string; text: string }[]; ouvert_maintenant: boolean; statut: string } | null;
  pass_famille_solo: boolean;
  pass_famille_solo_avantage: string | null;
  label_ville_solidaire: boolean;
  accessible_enfants: { coin_enfants: boolean; poussettes: boolean };
  langues: string[];
  frais: string | null;
  date_verification: string | null;
  demo: boolean;
  stale?: boolean;
  conditions_acces?: string | null;
  frais_precisions?: string | null;
  site_web?: string | null;
}

export interface SearchResult {
  total: number;
  total_plus?: boolean;
  page: number;
  par_page: number;
  mots: string[];
  origine: { lat: number; lon: number; quartier: string | null } | null;
  services: ServiceSummary[];
}

export interface Need {
  id: string;
  label: string;
  need: string;
  thematiques: string[];
}

export const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'français', en: 'anglais', ar: 'arabe', tr: 'turc', ro: 'roumain', es: 'espagnol', pt: 'portugais', de: 'allemand', it: 'italien', ru: 'russe', uk: 'ukrainien', fa: 'persan', ps: 'pachto', so: 'somali', wo: 'wolof',
};

export function frenchDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** French numbers as people write them: +33322000000 → 03 22 00 00 00. */
export function displayPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const national = digits.startsWith('+33') ? `0${digits.slice(3)}` : digits;
  return /^0\d{9}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : phone;
}
