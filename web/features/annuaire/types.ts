import type { ServiceSummary as ServiceListItem } from '../../../src/modules/annuaire/index';

/**
 * A service as the annuaire API answers it: the search's own item type (type-only import,
 * nothing of the server reaches the browser), plus what the detail page adds.
 */
export interface ServiceSummary extends ServiceListItem {
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
