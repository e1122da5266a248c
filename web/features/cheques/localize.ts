/**
 * The chèques' words in the reader's language: kinds, offers' benefits and themes by their code,
 * and the history lines, which the server writes in a small closed set of French phrases
 * (src/modules/cheques/kinds.ts, entryLabel). A phrase this file does not know is answered as
 * null and shown as French (lang="fr").
 */
import type { T } from '../../app/i18n';

/** A catalogue text by code, or null when the catalogue has no such key. */
export function known(t: T, key: string): string | null {
  const v = t(key);
  return v === key ? null : v;
}

const ENTRY_KEYS: Record<string, string> = {
  'Dotation annuelle': 'entry_allowance',
  Rechargement: 'entry_top_up',
  'Aide accordée par la ville': 'entry_aid',
  'Crédit accordé par un agent': 'entry_agent',
  'Paiement chez un partenaire': 'entry_debit',
  'Paiement annulé': 'entry_cancellation',
  'Correction par la ville': 'entry_correction',
  'Crédit expiré': 'entry_expiry',
};

/** A history line: a fixed phrase, or one naming the partner (its name stays as written: `partner`). */
export function entryText(label: string): { key: string; partner?: string } | null {
  if (ENTRY_KEYS[label]) return { key: `cheques.${ENTRY_KEYS[label]}` };
  let m = /^Paiement chez (.+)$/.exec(label);
  if (m) return { key: 'cheques.entry_debitAt', partner: m[1] };
  m = /^Paiement annulé par (.+)$/.exec(label);
  if (m) return { key: 'cheques.entry_cancelledBy', partner: m[1] };
  return null;
}
