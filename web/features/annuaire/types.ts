import type { Needs, SearchResult, ServiceDetail, ServiceSummary as ServiceListItem, StructureListing, Territory } from '../../../src/modules/annuaire/index';

/**
 * The annuaire API's answers: inferred from the module's response schemas (type-only
 * imports, nothing of the server reaches the browser). A service as the search lists it,
 * or with what the detail page adds.
 */
export type ServiceSummary = ServiceListItem & Partial<Pick<ServiceDetail, 'conditions_acces' | 'frais_precisions' | 'site_web'>>;
export type { SearchResult, ServiceDetail, StructureListing, Territory };
export type Need = Needs['besoins'][number];

export const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'français',
  en: 'anglais',
  ar: 'arabe',
  tr: 'turc',
  ro: 'roumain',
  es: 'espagnol',
  pt: 'portugais',
  de: 'allemand',
  it: 'italien',
  ru: 'russe',
  uk: 'ukrainien',
  fa: 'persan',
  ps: 'pachto',
  so: 'somali',
  wo: 'wolof',
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
