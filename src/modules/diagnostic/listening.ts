/**
 * Listening sessions (focus groups, interviews) and their verbatims: the words of the pages
 * and reports, how a speaker is named under a quote (never more than they consented to), and
 * which of the town's themes sit beside which section of the questionnaire. Pure: the server
 * and the pages run it.
 */

export const SESSION_KINDS = { focus_group: 'Focus group', interview: 'Entretien individuel' } as const;
export type SessionKind = keyof typeof SESSION_KINDS;

export const QUOTE_CONSENTS = {
  first_name: 'Citée avec son prénom',
  pseudonym: 'Citée sous un pseudonyme',
  anonymous: 'Citée anonymement',
  none: 'Ne pas citer',
} as const;
export type QuoteConsent = keyof typeof QUOTE_CONSENTS;

export const AGE_BANDS = {
  'under-25': 'moins de 25 ans',
  '25-29': '25-29 ans',
  '30-39': '30-39 ans',
  '40-49': '40-49 ans',
  '50-plus': '50 ans et plus',
} as const;
export type AgeBand = keyof typeof AGE_BANDS;

export interface ListeningTheme {
  id: string;
  label: string;
  /** Report sections (questionnaire theme headings) this theme is shown beside. */
  sections: string[];
}

/** What is known of a speaker, and what they consented to. */
export interface Speaker {
  quoteConsent: QuoteConsent;
  profileConsent: boolean;
  firstName: string | null;
  pseudonym: string | null;
  age: number | null;
  ageBand: AgeBand | null;
  /** The neighbourhood's name (not its id). */
  neighbourhood: string | null;
  childrenCount: number | null;
}

/**
 * The line under a quote, as the Amiens report writes it ("Sophie, 34 ans, Saint-Maurice"):
 * the first name or the pseudonym only if so consented, « Un parent » otherwise; age,
 * neighbourhood and children only with the profile consent. Null: the person may not be quoted.
 */
export function attribution(s: Speaker): string | null {
  if (s.quoteConsent === 'none') return null;
  const name = s.quoteConsent === 'first_name' ? s.firstName : s.quoteConsent === 'pseudonym' ? s.pseudonym : null;
  const parts = [name?.trim() || 'Un parent'];
  if (s.profileConsent) {
    if (s.age != null) parts.push(`${s.age} ans`);
    else if (s.ageBand) parts.push(AGE_BANDS[s.ageBand]);
    if (s.neighbourhood) parts.push(s.neighbourhood);
    if (s.childrenCount != null) parts.push(s.childrenCount === 0 ? 'sans enfant à charge' : `${s.childrenCount} enfant${s.childrenCount > 1 ? 's' : ''}`);
  }
  return parts.join(', ');
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The theme ids shown beside a report section (its heading), by the town's list. */
export function themesOfSection(themes: ListeningTheme[], section: string): string[] {
  const s = fold(section);
  return themes.filter((t) => t.sections.some((x) => fold(x) === s)).map((t) => t.id);
}

/** Whether a verbatim tagged `tags` belongs beside `section`. */
export function belongsToSection(themes: ListeningTheme[], section: string, tags: string[]): boolean {
  const ids = themesOfSection(themes, section);
  return tags.some((t) => ids.includes(t));
}

export function themeLabel(themes: ListeningTheme[], id: string): string {
  return themes.find((t) => t.id === id)?.label ?? 'Thème retiré de la liste';
}

/** « … » with French spacing, as the report quotes. */
export function quoted(text: string): string {
  return `«\u00a0${text.trim()}\u00a0»`;
}
