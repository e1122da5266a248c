/** Dates, amounts and hours for people (Paris time), in the reader's language (French by default). */
import { useMemo } from 'react';
import { useFormat } from '../../app/i18n';
import { intlTag } from '../../app/locales';

export function formatMoment(iso: string, locale = 'fr'): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

export function formatDay(day: string, locale = 'fr'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlTag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Cents for people: "1 234,56 €". */
export function euros(cents: number, locale = 'fr'): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** Minutes for people: "12 h", "12 h 30". */
export function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
}

export function monthLabel(month: string, locale = 'fr'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** "14:05" → "14 h 05" in French, "14:05" otherwise. */
export function clock(hhmm: string, locale = 'fr'): string {
  const [h, m] = hhmm.split(':');
  return locale === 'fr' ? `${Number(h)} h ${m}` : `${h}:${m}`;
}

/** The formatters above bound to the reader's language. */
export function useEntraideFormat() {
  const { locale } = useFormat();
  return useMemo(
    () => ({
      moment: (iso: string) => formatMoment(iso, locale),
      day: (day: string) => formatDay(day, locale),
      euros: (cents: number) => euros(cents, locale),
      month: (month: string) => monthLabel(month, locale),
      clock: (hhmm: string) => clock(hhmm, locale),
      km: (n: number) => new Intl.NumberFormat(intlTag(locale)).format(n),
    }),
    [locale],
  );
}

/** The week from Monday (0 = Sunday, as the API counts). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
