/**
 * The one formatting layer between a value and a person: dates (Europe/Paris) and numbers in the
 * reader's language (the locale's Intl tag, web/app/locales.ts), euros from cents, "de" elided before a vowel. Pages, exports and e-mails use these and
 * never print a stored value as it is (no ISO date, no cents, no code).
 */

import { dirOf, intlTag } from './locales';

const TZ = 'Europe/Paris';

/** A date-only value ("2026-12-04") is a calendar day: read at noon so no time zone moves it. */
function toDate(iso: string | Date): Date {
  if (iso instanceof Date) return iso;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
}

/** 04/12/2026 (fr), 04/12/2026 (en-GB), 4‏/12‏/2026 (ar) — or "—" when there is none. */
export function formatDate(iso: string | Date | null | undefined, locale: string = 'fr'): string {
  return iso ? toDate(iso).toLocaleDateString(intlTag(locale), { timeZone: TZ }) : '—';
}

/** 4 décembre 2026 / 4 December 2026 / 4 ديسمبر 2026 — for sentences. */
export function formatLongDate(iso: string | Date | null | undefined, locale: string = 'fr'): string {
  return iso ? toDate(iso).toLocaleDateString(intlTag(locale), { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }) : '—';
}

/** décembre 2026 / December 2026 */
export function formatMonth(iso: string | Date | null | undefined, locale: string = 'fr'): string {
  return iso ? toDate(iso).toLocaleDateString(intlTag(locale), { timeZone: TZ, month: 'long', year: 'numeric' }) : '—';
}

/** 04/12/2026 14:05 */
export function formatDateTime(iso: string | Date | null | undefined, locale: string = 'fr'): string {
  return iso ? toDate(iso).toLocaleString(intlTag(locale), { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }) : '—';
}

/** 14:05 — a time of day in Paris. */
export function formatTime(iso: string | Date | null | undefined, locale: string = 'fr'): string {
  return iso ? toDate(iso).toLocaleTimeString(intlTag(locale), { timeZone: TZ, hour: '2-digit', minute: '2-digit' }) : '—';
}

/** A number as the locale writes it: 1 234,5 (fr), 1,234.5 (en, ar with Latin digits). */
export function formatNumber(n: number, locale: string = 'fr', options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlTag(locale), options).format(n);
}

/**
 * Euros from integer cents: "1 234,56 €" (fr), "€1,234.56" (en). In a right-to-left language the amount
 * is a left-to-right island (isolate marks), so a sentence around it never reorders its digits.
 */
export function formatEuros(cents: number, locale: string = 'fr'): string {
  return ltrIsland(new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100), locale);
}

/** Text that reads left to right whatever the page (a phone number, an amount, an IBAN), isolated in RTL pages. */
export function ltrIsland(text: string, locale: string): string {
  return dirOf(locale) === 'rtl' ? `\u2066${text}\u2069` : text;
}

/** French wrappers, for the pages that only speak French (staff pages, exports). */
export const frDate = (iso: string | Date | null | undefined): string => formatDate(iso, 'fr');
export const frLongDate = (iso: string | Date | null | undefined): string => formatLongDate(iso, 'fr');
export const frMonth = (iso: string | Date | null | undefined): string => formatMonth(iso, 'fr');
export const frDateTime = (iso: string | Date | null | undefined): string => formatDateTime(iso, 'fr');
export const frTime = (iso: string | Date | null | undefined): string => formatTime(iso, 'fr');

/**
 * "de" before a name, as French writes it: "d'Amiens", "d'Étouvie", "d'Hérouville" (mute h,
 * the common case for place names), "de Dijon", "du Havre", "des Ulis".
 */
export function de(name: string): string {
  const n = name.trim();
  if (/^Le\s/.test(n)) return `du ${n.slice(3)}`;
  if (/^Les\s/.test(n)) return `des ${n.slice(4)}`;
  return elides(n) ? `d'${n}` : `de ${n}`;
}

/** Whether a word begins with a vowel sound for elision (vowels with or without accents, y before a consonant excluded, mute h). */
export function elides(word: string): boolean {
  const first = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toLowerCase();
  return 'aeiouh'.includes(first) && first !== '';
}

/**
 * In French messages, "de {x}" becomes "d'…" when the value calls for it, so a message
 * never has to know the town or the place it will be given ("les services de {town}").
 */
export function elideFrench(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\b([Dd])e \{(\w+)\}/g, (whole, d: string, k: string) => {
    const v = vars[k];
    if (typeof v !== 'string' || v.trim() === '') return whole;
    const out = de(v);
    return d === 'D' ? out.charAt(0).toUpperCase() + out.slice(1) : out;
  });
}
