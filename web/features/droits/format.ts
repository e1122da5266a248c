/** Formatting for the droits pages, in the reader's language: euros, months, dates, and engine step values. */
import { useMemo } from 'react';
import { useFormat } from '../../app/i18n';
import { formatEuros, formatLongDate, formatMonth, formatNumber } from '../../app/format';
import type { Step } from './types';

/** Euros (the engine counts in euros with cents): "1 234,56 €", "€1,234.56". */
export const euros = (x: number, locale = 'fr') => formatEuros(Math.round(x * 100), locale);
export const eurosCents = (cents: number, locale = 'fr') => formatEuros(cents, locale);

/** "2026-12" → "décembre 2026" / "December 2026". */
export const monthLabel = (period: string, locale = 'fr') => formatMonth(`${period.slice(0, 7)}-01`, locale);

/** An ISO date or moment → "4 décembre 2026" / "4 December 2026". */
export const dateLabel = (iso: string, locale = 'fr') => formatLongDate(iso.length > 10 ? iso : iso.slice(0, 10), locale);

/** Engine steps carry numbers of three kinds: counts, rates and euros; the label tells which. */
export function stepValue(s: Step, yes: string, no: string, locale = 'fr'): string {
  if (typeof s.value === 'boolean') return s.value ? yes : no;
  if (typeof s.value === 'string') return s.value;
  if (/taux|coefficient/i.test(s.label) && s.value <= 1) return `${formatNumber(s.value * 100, locale, { maximumFractionDigits: 2 })} %`;
  if (/^(enfants|personnes|nombre)/i.test(s.label) && Number.isInteger(s.value)) return formatNumber(s.value, locale);
  return euros(s.value, locale);
}

/** The same, bound to the reader's language: `const { euros, monthLabel } = useDroitsFormat();`. */
export function useDroitsFormat() {
  const { locale } = useFormat();
  return useMemo(
    () => ({
      euros: (x: number) => euros(x, locale),
      eurosCents: (cents: number) => eurosCents(cents, locale),
      monthLabel: (period: string) => monthLabel(period, locale),
      dateLabel: (iso: string) => dateLabel(iso, locale),
      stepValue: (s: Step, yes: string, no: string) => stepValue(s, yes, no, locale),
    }),
    [locale],
  );
}

/** Steps that state a reference period (shown first, in words). */
export const isPeriodStep = (s: Step) => /^(période de référence|mois de calcul|rentrée scolaire|âges pris)/i.test(s.label);
