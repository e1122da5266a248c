/** How the place pages say what is theirs: points, age bands, the application window, a date input's day (dates and euros: web/app/format.ts). */
import type { Outcome } from '../../../src/modules/attribution';
import { formatNumber } from '../../app/format';
import type { T } from '../../app/i18n';

/** Points in the reader's language ("12,5" in French, "12.5" in English), or "—" when there is none. Staff pages are French (the default). */
export function score(v: number | null | undefined, locale = 'fr'): string {
  return v === null || v === undefined ? '—' : formatNumber(v, locale, { maximumFractionDigits: 2 });
}

/** "+20", "−10", "+2,5" (in the reader's language). */
export function signed(v: number, locale = 'fr'): string {
  return v < 0 ? `−${score(-v, locale)}` : `+${score(v, locale)}`;
}

export function ages(t: T, min: number | null, max: number | null): string {
  if (min != null && max != null) return t('attribution.agesRange', { min, max });
  if (min != null) return t('attribution.agesFrom', { min });
  if (max != null) return t('attribution.agesTo', { max });
  return t('attribution.allAges');
}

/** The application window, its days in the reader's language (`longDate`: useFormat().longDate). */
export function windowText(t: T, longDate: (iso: string) => string, from: string | null, to: string | null): string | null {
  if (from && to) return t('attribution.window', { from: longDate(from), to: longDate(to) });
  if (from) return t('attribution.windowFrom', { from: longDate(from) });
  if (to) return t('attribution.windowTo', { to: longDate(to) });
  return null;
}

/** A date input's value (the day in Paris) from an ISO instant. */
export function toDateInput(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** Midnight in Paris of a day (YYYY-MM-DD), as an ISO instant with its offset (winter +01:00, summer +02:00). */
export function parisMidnight(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${day}T00:00:00${offset}`;
    const hour = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    if (hour === '00') return iso;
  }
  return `${day}T00:00:00+01:00`;
}

/** A family's outcome, in the third person (staff pages): "admise (Juillet, 6 à 11 ans)", "liste d'attente (3)". */
export function outcomeText(t: T, o: Outcome): string {
  return o.status === 'admitted' ? t('attribution.outcomeAdmitted', { group: o.groupLabel ?? '' }) : t('attribution.outcomeWaitlist', { n: o.position ?? 0 });
}

/** How Relais reads a criterion from the family's file ('' : the family declares it; 'qf' : a band of quotient familial). */
export const READS = ['', 'single_parent', 'qf', 'work', 'siblings', 'lost', 'refused'] as const;

export function readOf(derive: string | null): (typeof READS)[number] {
  if (!derive) return '';
  if (/^qf:\d+-\d+$/.test(derive)) return 'qf';
  return (READS as readonly string[]).includes(derive) ? (derive as (typeof READS)[number]) : '';
}
