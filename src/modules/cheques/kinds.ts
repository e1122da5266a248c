/** The kinds of chèques and what the family and the cashier read of them. Pure. */
export const KINDS = ['sante', 'services', 'garde', 'alimentaire'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  sante: 'Chèque santé',
  services: 'Chèques services de proximité',
  garde: "Chèques garde d'enfants",
  alimentaire: 'Carte alimentaire solidaire',
};

export const CREDIT_SOURCES = ['allowance', 'top_up', 'aid', 'agent'] as const;
export type CreditSource = (typeof CREDIT_SOURCES)[number];

export const ENTRY_TYPES = ['credit', 'debit', 'cancellation', 'correction', 'expiry'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** How an entry reads in the family's history (plain French). */
export function entryLabel(e: { type: EntryType; source: CreditSource | null; partnerName?: string | null }): string {
  switch (e.type) {
    case 'credit':
      return e.source === 'allowance'
        ? 'Dotation annuelle'
        : e.source === 'top_up'
          ? 'Rechargement'
          : e.source === 'aid'
            ? 'Aide accordée par la ville'
            : 'Crédit accordé par un agent';
    case 'debit':
      return e.partnerName ? `Paiement chez ${e.partnerName}` : 'Paiement chez un partenaire';
    case 'cancellation':
      return e.partnerName ? `Paiement annulé par ${e.partnerName}` : 'Paiement annulé';
    case 'correction':
      return 'Correction par la ville';
    case 'expiry':
      return 'Crédit expiré';
  }
}

/** 4000 → "40,00 €" (French, non-breaking space before the euro sign). */
export function euros(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}\u00a0€`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2026-12-31" → "31 décembre 2026"; the 1st reads "1er". */
export function frenchDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * A day ("2026-12-31") as an instant for a notification's `{x, date, long}`: noon UTC, the same
 * day in Paris and in any time zone the message may be formatted in.
 */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
