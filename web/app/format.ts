/**
 * The one formatting layer between a value and a person: dates in French (Europe/Paris),
 * euros from cents, "de" elided before a vowel. Pages, exports and e-mails use these and
 * never print a stored value as it is (no ISO date, no cents, no code).
 */

const TZ = 'Europe/Paris';

/** A date-only value ("2026-12-04") is a calendar day: read at noon so no time zone moves it. */
function toDate(iso: string | Date): Date {
  if (iso instanceof Date) return iso;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
}

/** 04/12/2026 — or "—" when there is none. */
export function frDate(iso: string | Date | null | undefined): string {
  return iso ? toDate(iso).toLocaleDateString('fr-FR', { timeZone: TZ }) : '—';
}

/** 4 décembre 2026 — for sentences ("Montants au 4 décembre 2026"). */
export function frLongDate(iso: string | Date | null | undefined): string {
  return iso ? toDate(iso).toLocaleDateString('fr-FR', { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' }) : '—';
}

/** décembre 2026 */
export function frMonth(iso: string | Date | null | undefined): string {
  return iso ? toDate(iso).toLocaleDateString('fr-FR', { timeZone: TZ, month: 'long', year: 'numeric' }) : '—';
}

/** 04/12/2026 14:05 */
export function frDateTime(iso: string | Date | null | undefined): string {
  return iso ? toDate(iso).toLocaleString('fr-FR', { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }) : '—';
}

/** Euros from integer cents: "1 234,56 €". */
export function formatEuros(cents: number, locale: 'fr' | 'en' | 'ar' = 'fr'): string {
  return new Intl.NumberFormat(locale === 'ar' ? 'ar-FR' : locale === 'en' ? 'en-GB' : 'fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

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

/** 14:05 — a time of day in Paris. */
export function frTime(iso: string | Date | null | undefined): string {
  return iso ? toDate(iso).toLocaleTimeString('fr-FR', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }) : '—';
}
