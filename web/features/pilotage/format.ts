/** Formatting of the pilotage pages: French for the staff pages, the reader's language on the public plan (`locale`). */
import { intlTag } from '../../app/locales';

export function formatNumber(v: number | null | undefined, unit = '', locale = 'fr'): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const s = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2 }).format(v);
  return unit ? `${s} ${unit}` : s;
}

export function periodLabel(period: string, locale = 'fr'): string {
  const [y, m] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(intlTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 15)));
}

/** "mars 26" for chart axes. */
export function periodShort(period: string, locale = 'fr'): string {
  const [y, m] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(intlTag(locale), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 15)));
}

export function euros(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(cents / 100);
}
