/**
 * The languages Relais speaks. Adding one (Turkish, Ukrainian, Romanian…) is one line here plus one
 * catalogue file per module (web/app/i18n/<code>.json, web/features/<m>/i18n/<code>.json,
 * src/platform/notify/messages/<code>.json). See docs/modules.md, "Messages".
 *
 * `intl` is the tag given to Intl (numbers, dates, plurals). Arabic keeps Latin digits
 * (ar-u-nu-latn): the families it serves mostly read Maghreb Arabic, where Latin digits are the
 * norm, and their CAF letters, phone numbers and IBANs are written with them (decision 0015).
 */
export const LOCALES = [
  { code: 'fr', name: 'Français', dir: 'ltr', intl: 'fr-FR' },
  { code: 'en', name: 'English', dir: 'ltr', intl: 'en-GB' },
  { code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn' },
] as const;

export type Locale = (typeof LOCALES)[number]['code'];

/** The source language: every key exists in French first; a missing translation falls back to it. */
export const SOURCE_LOCALE: Locale = 'fr';

/** "Facile à lire et à comprendre": a variant of a locale, in the catalogue file <code>-falc.json. */
export const EASY_READ_SUFFIX = '-falc';

export function isLocale(code: unknown): code is Locale {
  return LOCALES.some((l) => l.code === code);
}

export function intlTag(code: string): string {
  return LOCALES.find((l) => l.code === code)?.intl ?? code;
}

export function dirOf(code: string): 'ltr' | 'rtl' {
  return LOCALES.find((l) => l.code === code)?.dir ?? 'ltr';
}
