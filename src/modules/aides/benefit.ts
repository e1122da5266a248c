/**
 * What an aid gives, in plain French, and the amounts an agent may grant: the cap of a
 * share of a cost, a zero-rate loan's schedule. Money in integer cents. Pure.
 */
import type { Benefit } from './aid';
import { euros } from './money';

export function describeBenefit(b: Benefit): string {
  switch (b.kind) {
    case 'fixed':
      return `${euros(b.amount_cents)}, versés une fois`;
    case 'cost_share':
      return b.rate_percent === 100 ? `Le coût pris en charge, au plus ${euros(b.cap_cents)}` : `${b.rate_percent} % du coût, au plus ${euros(b.cap_cents)}`;
    case 'yearly_allowance':
      return `${euros(b.amount_cents)} par an`;
    case 'loan':
      return `Prêt ${b.rate_percent === 0 ? 'sans intérêt' : `à ${String(b.rate_percent).replace('.', ',')} %`} jusqu'à ${euros(b.max_cents)}, remboursé en ${b.months} mois`;
    case 'vouchers':
      return `${euros(b.amount_cents)} en chèques${b.per === 'year' ? ' par an' : ''}`;
    case 'pass':
      return 'Le Pass Famille Solo, gratuit : entrée gratuite ou tarif réduit chez les partenaires';
  }
}

/**
 * The most this aid gives for a request: the fixed amount, or the share of the declared
 * cost within the cap, or the loan's maximum (or the amount asked if lower).
 * `null` when the cost (or amount) the aid depends on is not known.
 */
export function maxGrantCents(b: Benefit, asked: { cost_cents?: number; amount_cents?: number }): number | null {
  switch (b.kind) {
    case 'fixed':
    case 'yearly_allowance':
    case 'vouchers':
      return b.amount_cents;
    case 'cost_share':
      if (asked.cost_cents === undefined) return null;
      return Math.min(b.cap_cents, Math.floor((asked.cost_cents * b.rate_percent) / 100));
    case 'loan':
      return asked.amount_cents === undefined ? b.max_cents : Math.min(b.max_cents, asked.amount_cents);
    case 'pass':
      return 0;
  }
}

export interface Instalment {
  /** 1-based. */
  n: number;
  amountCents: number;
}

/**
 * A loan's monthly instalments (constant annuity; at 0 % equal parts). The cents left by
 * rounding go to the last instalment, so the instalments sum to what is owed.
 */
export function loanSchedule(principalCents: number, months: number, ratePercent = 0): Instalment[] {
  if (!Number.isInteger(principalCents) || principalCents <= 0 || !Number.isInteger(months) || months <= 0) return [];
  const r = ratePercent / 100 / 12;
  const exact = r === 0 ? principalCents / months : (principalCents * r) / (1 - (1 + r) ** -months);
  const each = Math.floor(exact);
  const total = r === 0 ? principalCents : Math.round(exact * months);
  const out: Instalment[] = [];
  for (let n = 1; n < months; n++) out.push({ n, amountCents: each });
  out.push({ n: months, amountCents: total - each * (months - 1) });
  return out;
}
