/**
 * Whether a family's file opens the yearly allowance, with the reason in plain French.
 * Every household file of Relais is a single parent's; the quotient must be known and
 * under the town's threshold — missing data never means eligible. (The Pass Famille Solo's
 * rule is a local aid of the aids module: extensions.ts.) Pure.
 */
import type { ChequesRules } from './cheques-rules';

export interface PassFacts {
  singleParent: boolean;
  /** Monthly quotient familial in cents, or null when the file does not hold it. */
  quotientCents: number | null;
}

export type PassEligibility = { eligible: true } | { eligible: false; reason: string };

/** Whether the file opens the yearly allowance (dotation annuelle) of the kinds that have one. */
export function allowanceEligibility(f: PassFacts, rules: ChequesRules['allowance']): PassEligibility {
  return quotientRule(f, rules, { who: 'La dotation annuelle est réservée', before: 'de verser la dotation', ceiling: 'de la dotation annuelle' });
}

/** The town's rule for the allowance: a single parent, a known quotient at or under the ceiling. */
function quotientRule(
  f: PassFacts,
  rules: { singleParent: boolean; maxQuotientCents: number },
  words: { who: string; before: string; ceiling: string },
): PassEligibility {
  if (rules.singleParent && !f.singleParent) return { eligible: false, reason: `${words.who} aux familles monoparentales.` };
  if (f.quotientCents === null) return { eligible: false, reason: `Le quotient familial manque au dossier : ajoutez-le avant ${words.before}.` };
  if (f.quotientCents > rules.maxQuotientCents) {
    return { eligible: false, reason: `Le quotient familial dépasse le plafond ${words.ceiling} (${Math.round(rules.maxQuotientCents / 100)} € par mois).` };
  }
  return { eligible: true };
}

/** The facts the rule reads from a household file (every file of Relais is a single parent's). */
export function factsOf(h: { quotient: { value: number | null } }): PassFacts {
  return { singleParent: true, quotientCents: h.quotient.value === null ? null : Math.round(h.quotient.value * 100) };
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
