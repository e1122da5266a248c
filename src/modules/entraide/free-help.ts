/**
 * Mutual help is free: an offer or a request whose text names a price is refused (pure).
 * Real costs are shared only in cooperatives (cost-split.ts) and rides.
 *
 * What counts as a price: an amount with a currency, in figures or in words ("10 €", "€10",
 * "10,50 euros", "10 eur", "10 balles", "dix euros", "vingt-cinq €", "quelques euros"), an
 * amount per hour ("5e/h", "8 € de l'heure", "5 e par heure"), or a word of payment
 * ("rémunéré", "payant", "tarif", "contre paiement", "dédommagement", "pourboire"). "5e étage",
 * "CM2", "2 enfants", "deux enfants" are not prices.
 */

export type PriceHit = { field: string; excerpt: string };

/** French numbers in words, as people write an amount ("dix", "vingt-cinq", "soixante et onze", "cent"). */
const NUMBER_WORD =
  'un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|quelques';

const PATTERNS: RegExp[] = [
  // amount then currency: 10 €, 10€, 10,50 euros, 10 eur, 10 euro, 10 balles, 10 EUR
  /\d+(?:[.,]\d{1,2})?\s*(?:€|euros?\b|eur\b|balles\b|e\s*(?:\/|par\s+|de\s+l['’]\s*)h(?:eure)?s?\b)/iu,
  // amount in words then currency: dix euros, vingt-cinq €, soixante et onze euros, quelques euros
  // ("deux balles" stays free: in words it is more often a game than money)
  new RegExp(`(?<![\\p{L}\\d])(?:${NUMBER_WORD})(?:(?:\\s+et\\s+|[-\\s]+)(?:${NUMBER_WORD}))*\\s*(?:€|euros?\\b|eur\\b)`, 'iu'),
  // currency then amount: €10, EUR 10
  /(?:€|\beur\b)\s*\d+/iu,
  // amount per hour without a currency sign: 5/h, 10 de l'heure
  /\d+(?:[.,]\d{1,2})?\s*(?:\/\s*h\b|de\s+l['’]\s*heure\b|(?:€\s*)?par\s+heure\b)/iu,
  // words of payment
  /(?<![\p{L}\d])(?:r[ée]mun[ée]r(?:é|e|ée|ation)s?|payant(?:e|s)?|tarifs?|contre\s+paiement|[àa]\s+n[ée]gocier|prix|d[ée]dommag(?:ement|er|é|ée)s?|pourboires?)(?![\p{L}\d])/iu,
];

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 20);
  const end = Math.min(text.length, index + length + 20);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** The first price found in one text, or null. */
export function findPrice(text: string): { index: number; match: string } | null {
  const normalized = text.normalize('NFC');
  let best: { index: number; match: string } | null = null;
  for (const re of PATTERNS) {
    const m = re.exec(normalized);
    if (m && (best === null || m.index < best.index)) best = { index: m.index, match: m[0] };
  }
  return best;
}

/** Every field of an offer that carries a price, with a short excerpt for the message. */
export function priceHits(fields: Record<string, string | null | undefined>): PriceHit[] {
  const hits: PriceHit[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const found = findPrice(value);
    if (found) hits.push({ field, excerpt: excerptAround(value, found.index, found.match.length) });
  }
  return hits;
}

export const FREE_HELP_MESSAGE_FR =
  "L'entraide entre parents est gratuite : retirez le montant ou la mention de paiement. Les frais réels se partagent seulement dans les coopératives de garde et les trajets.";
