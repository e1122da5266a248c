/** French formatting of the place-allocation pages: dates, scores, outcomes, age bands. */
import type { T } from '../../app/i18n';

export function frDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(iso));
}

export function frDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(
    new Date(iso),
  );
}

export function score(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(v);
}

/** "+20", "−10". */
export function signed(v: number): string {
  return v < 0 ? `−${score(-v)}` : `+${score(v)}`;
}

export function ages(t: T, min: number | null, max: number | null): string {
  if (min != null && max != null) return t('attribution.agesRange', { min, max });
  if (min != null) return t('attribution.agesFrom', { min });
  if (max != null) return t('attribution.agesTo', { max });
  return t('attribution.allAges');
}

export function windowText(t: T, from: string | null, to: string | null): string | null {
  if (from && to) return t('attribution.window', { from: frDate(from), to: frDate(to) });
  if (from) return t('attribution.windowFrom', { from: frDate(from) });
  if (to) return t('attribution.windowTo', { to: frDate(to) });
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
