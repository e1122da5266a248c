/** Formatting for the droits pages: euros, months, dates, and engine step values for a family. */
import type { Step } from './types';

const eurosFmt = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
export const euros = (x: number) => eurosFmt.format(x);
export const eurosCents = (cents: number) => eurosFmt.format(cents / 100);

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export function monthLabel(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export function dateLabel(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** Engine steps carry numbers of three kinds: counts, rates and euros; the label tells which. */
export function stepValue(s: Step, yes: string, no: string): string {
  if (typeof s.value === 'boolean') return s.value ? yes : no;
  if (typeof s.value === 'string') return s.value;
  if (/taux|coefficient/i.test(s.label) && s.value <= 1) return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(s.value * 100)} %`;
  if (/^(enfants|personnes|nombre)/i.test(s.label) && Number.isInteger(s.value)) return String(s.value);
  return euros(s.value);
}

/** Steps that state a reference period (shown first, in words). */
export const isPeriodStep = (s: Step) => /^(période de référence|mois de calcul|rentrée scolaire|âges pris)/i.test(s.label);
