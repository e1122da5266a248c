/**
 * Droits potentiels, pure: which month to simulate, which revaluation (parameter date)
 * an estimate uses, which benefits a family likely misses, and whether a re-estimate
 * changed anything worth telling the family. Amounts in integer cents.
 */
import { BENEFITS, BENEFIT_FACTS, type BenefitKey, type SimulationResult } from '../droits/index';
import { intlTagOf, renderNotification } from '../../platform/notify/localized';

export type AmountsCents = Record<BenefitKey, number>;

export interface MissedBenefit {
  key: BenefitKey;
  /** Monthly (yearly for ars_annuel), before CRDS. */
  amountCents: number;
  /** What the CAF actually pays, after CRDS. */
  netCents: number;
  yearly: boolean;
}

export const toCents = (euros: number): number => Math.round(euros * 100);

function monthIndexOf(period: string): number {
  const [y, m] = period.split('-').map(Number);
  return y! * 12 + (m! - 1);
}

function formatMonthIndex(i: number): string {
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * The month to simulate: the current month in Paris, kept inside the months the
 * engine holds parameters for (a later month uses the latest known scales).
 */
export function simulationPeriod(today: string, bounds: { first: number; last: number }): { period: string; latestKnown: boolean } {
  const current = monthIndexOf(today.slice(0, 7));
  const clamped = Math.min(Math.max(current, bounds.first), bounds.last);
  return { period: formatMonthIndex(clamped), latestKnown: current > bounds.last };
}

/** The revaluation in force on the first day of `period` (dates are `YYYY-MM-DD`, any order). */
export function parameterDateFor(period: string, dates: readonly string[]): string {
  const day = `${period}-01`;
  const sorted = [...dates].sort();
  let found = sorted[0] ?? day;
  for (const d of sorted) if (d <= day) found = d;
  return found;
}

export function amountsCents(amounts: Record<BenefitKey, number>): AmountsCents {
  const out = {} as AmountsCents;
  for (const k of BENEFITS) out[k] = toCents(amounts[k] ?? 0);
  return out;
}

/** Benefits with an amount that the family did not tick as already received, largest first. */
export function missedBenefits(result: Pick<SimulationResult, 'amounts' | 'net_crds'>, received: readonly string[]): MissedBenefit[] {
  const got = new Set(received);
  return BENEFITS.filter((k) => result.amounts[k] > 0 && !got.has(k))
    .map((key) => ({ key, amountCents: toCents(result.amounts[key]), netCents: toCents(result.net_crds[key]), yearly: BENEFIT_FACTS[key].yearly }))
    .sort((a, b) => (a.yearly === b.yearly ? b.amountCents - a.amountCents : a.yearly ? 1 : -1));
}

/** Monthly total of what is likely missed (the yearly ARS is not a monthly amount). */
export function monthlyTotalCents(missed: readonly MissedBenefit[]): number {
  return missed.filter((m) => !m.yearly).reduce((s, m) => s + m.amountCents, 0);
}

export interface EstimateChange {
  key: BenefitKey;
  beforeCents: number;
  afterCents: number;
}

/** What changed between two estimates, benefit by benefit (empty when nothing did). */
export function estimateChanges(before: AmountsCents, after: AmountsCents): EstimateChange[] {
  return BENEFITS.filter((k) => (before[k] ?? 0) !== (after[k] ?? 0)).map((key) => ({ key, beforeCents: before[key] ?? 0, afterCents: after[key] ?? 0 }));
}

const SHORT_NAMES: Record<BenefitKey, string> = {
  asf: 'Allocation de soutien familial (ASF)',
  af: 'Allocations familiales',
  cf: 'Complément familial',
  rsa: 'RSA',
  ppa: "Prime d'activité",
  aide_logement: 'Aide au logement (APL/ALF/ALS)',
  paje_base: 'Allocation de base de la PAJE',
  ars_annuel: 'Allocation de rentrée scolaire (par an)',
};

export function benefitShortName(key: BenefitKey): string {
  return SHORT_NAMES[key];
}

export function formatEurosFr(cents: number): string {
  const euros = Math.floor(Math.abs(cents) / 100);
  const rest = String(Math.abs(cents) % 100).padStart(2, '0');
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${cents < 0 ? '-' : ''}${grouped},${rest} €`;
}

/**
 * The message sent when a revaluation changes a saved estimate (plain words, no personal data beyond
 * amounts), in the family's language: template droits.estimate-changed (src/modules/droits/messages/).
 * Benefit names stay French (legal names); amounts and the date are written the locale's way.
 */
export function changeMessage(
  changes: readonly EstimateChange[],
  parameterDate: string,
  link: string,
  ccasName: string,
  locale = 'fr',
): { subject: string; body: string; locale: string } {
  const [y, m, d] = parameterDate.split('-');
  const money = (cents: number) =>
    locale === 'fr' ? formatEurosFr(cents) : new Intl.NumberFormat(intlTagOf(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
  const lines = changes.map((c) => `- ${benefitShortName(c.key)} : ${money(c.beforeCents)} → ${money(c.afterCents)}`);
  const r = renderNotification(locale, 'droits.estimate-changed', { date: `${d}/${m}/${y}`, lines: lines.join('\n'), link, ccas: ccasName });
  return { subject: r.subject ?? '', body: r.body, locale: r.locale };
}
