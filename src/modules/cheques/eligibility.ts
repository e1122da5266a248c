/**
 * Whether a family's file opens the Pass Famille Solo, with the reason in plain French.
 * Every household file of Relais is a single parent's; the quotient must be known and
 * under the town's threshold — missing data never means eligible. Pure.
 */
import type { ChequesRules } from './cheques-rules';

export interface PassFacts {
  singleParent: boolean;
  /** Monthly quotient familial in cents, or null when the file does not hold it. */
  quotientCents: number | null;
}

export type PassEligibility = { eligible: true } | { eligible: false; reason: string };

export function passEligibility(f: PassFacts, rules: ChequesRules['pass']): PassEligibility {
  if (rules.singleParent && !f.singleParent) return { eligible: false, reason: 'Le Pass est réservé aux familles monoparentales.' };
  if (f.quotientCents === null) return { eligible: false, reason: 'Le quotient familial manque au dossier : ajoutez-le avant d’émettre le Pass.' };
  if (f.quotientCents > rules.maxQuotientCents) {
    return { eligible: false, reason: `Le quotient familial dépasse le plafond du Pass (${Math.round(rules.maxQuotientCents / 100)} € par mois).` };
  }
  return { eligible: true };
}

/** The pass's period: from today for `months` months, the last day included (YYYY-MM-DD). */
export function passPeriod(today: string, months: number): { validFrom: string; validUntil: string } {
  const [y, m, d] = today.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // 31 January + 1 month lands in March: valid to the end of February then; otherwise to the day before.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return { validFrom: today, validUntil: end.toISOString().slice(0, 10) };
}

/** YYYY-MM-DD plus `n` days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
