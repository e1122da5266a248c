/**
 * From what a family types to what PostgreSQL searches: words without accents or case,
 * minus the French little words, as a prefix-friendly tsquery. Typo correction itself
 * happens against the directory's own words (annuaire_words) in the store.
 */
import { eveningWindows, SATURDAY_MORNING, type WeekInterval } from './opening-hours';

const STOPWORDS = new Set(
  (
    'a ai au aux avec besoin ce ces cette chez d dans de des du en est et il j je l la le les leur lui ma me mes mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y ' +
    'cherche chercher trouver'
  ).split(' '),
);

export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae');
}

/** Search words: folded, split on anything not a letter or digit, little words dropped. */
export function searchWords(text: string): string[] {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w));
  return [...new Set(words)].slice(0, 8);
}

/** A tsquery text: every word required; words marked `prefix` match as prefixes (search as you type). */
export function toTsQuery(words: readonly (string | { word: string; prefix: boolean })[]): string | null {
  const safe = words
    .map((w) => (typeof w === 'string' ? { word: w, prefix: false } : w))
    .map((w) => ({ ...w, word: w.word.replace(/[^\p{L}\p{N}]/gu, '') }))
    .filter((w) => w.word);
  if (!safe.length) return null;
  return safe.map((w) => (w.prefix && w.word.length >= 3 ? `${w.word}:*` : w.word)).join(' & ');
}

/** A SQL int4multirange literal of week intervals. */
export function multirangeLiteral(intervals: readonly WeekInterval[]): string {
  return `{${intervals.map(([a, b]) => `[${a},${b})`).join(',')}}`;
}

export const SATURDAY_MORNING_LITERAL = multirangeLiteral([SATURDAY_MORNING]);
export const EVENING_LITERAL = multirangeLiteral(eveningWindows());
