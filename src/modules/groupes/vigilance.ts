/**
 * The danger word list ("mots de vigilance"), pure. A message is normalised (NFD,
 * diacritics stripped, lower case, every non-letter a space: "Non-Violence" → "non
 * violence"), cut into words, and matched word by word, never inside a word ("viol"
 * does not match "violon"). A pattern is one or more words:
 *   - `suicid*`  a word starting with "suicid" (suicide, suicider, suicidaire);
 *   - `viol`     the word, or with a simple French inflection (-s, -x, -e, -es: viols, viole);
 *   - `me tuer`  those words in a row.
 * Whitelist phrases mask the words they cover first ("non violen*", "prevention du suicide"):
 * a term found only inside a whitelisted phrase does not count.
 *
 * Decisions: a hit never sanctions, it shows its author a private help card and alerts
 * the facilitator, so we prefer a false alarm to a missed one — "suicidaire" counts like
 * "je vais me suicider"; only phrases that clearly speak of something else are
 * whitelisted ("non-violence", "prévention du suicide", "tuer le temps").
 */

export type VigilanceCategory = 'suicide' | 'violence' | 'enfance';
export const VIGILANCE_CATEGORIES: readonly VigilanceCategory[] = ['suicide', 'violence', 'enfance'];

export interface WordRule {
  kind: 'term' | 'whitelist';
  /** For a term: what it is about. */
  category?: VigilanceCategory | null;
  pattern: string;
}

interface Token {
  word: string;
  prefix: boolean;
}
interface Compiled {
  tokens: Token[];
  category: VigilanceCategory | null;
}
export interface CompiledList {
  terms: Compiled[];
  whitelist: Compiled[];
}

/** Accent- and case-free, letters and digits only, words separated by one space. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .trim();
}

/** A pattern's words (`*` only at the end of a word); null when it has none. */
export function parsePattern(pattern: string): Token[] | null {
  const words = normalise(pattern).split(' ').filter(Boolean);
  if (!words.length) return null;
  const tokens: Token[] = [];
  for (const w of words) {
    const prefix = w.endsWith('*');
    const word = w.replace(/\*+$/, '');
    if (!word || word.includes('*')) return null;
    // A prefix shorter than 3 letters would match half the language.
    if (prefix && word.length < 3) return null;
    tokens.push({ word, prefix });
  }
  return tokens;
}

export function compileList(rules: readonly WordRule[]): CompiledList {
  const out: CompiledList = { terms: [], whitelist: [] };
  for (const r of rules) {
    const tokens = parsePattern(r.pattern);
    if (!tokens) continue;
    if (r.kind === 'whitelist') out.whitelist.push({ tokens, category: null });
    else out.terms.push({ tokens, category: r.category ?? null });
  }
  return out;
}

const INFLECTIONS = ['', 's', 'x', 'e', 'es'];

function tokenMatches(t: Token, word: string): boolean {
  if (t.prefix) return word.startsWith(t.word);
  return INFLECTIONS.some((s) => word === t.word + s);
}

/** Start indexes where the pattern's words follow one another in `words`. */
function occurrences(c: Compiled, words: string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + c.tokens.length <= words.length; i++) {
    if (c.tokens.every((t, k) => tokenMatches(t, words[i + k]!))) found.push(i);
  }
  return found;
}

export interface VigilanceHit {
  categories: VigilanceCategory[];
  /** The patterns that matched (for the moderators' list, never shown to others). */
  patterns: string[];
}

/** The categories of danger a text mentions, or null. */
export function scan(list: CompiledList, text: string): VigilanceHit | null {
  const words = normalise(text).split(' ').filter(Boolean);
  if (!words.length) return null;
  const masked = new Array<boolean>(words.length).fill(false);
  for (const w of list.whitelist) {
    for (const i of occurrences(w, words)) for (let k = 0; k < w.tokens.length; k++) masked[i + k] = true;
  }
  const categories = new Set<VigilanceCategory>();
  const patterns: string[] = [];
  for (const term of list.terms) {
    const hit = occurrences(term, words).some((i) => term.tokens.some((_, k) => !masked[i + k]));
    if (hit && term.category) {
      categories.add(term.category);
      patterns.push(term.tokens.map((t) => t.word + (t.prefix ? '*' : '')).join(' '));
    }
  }
  if (!categories.size) return null;
  return { categories: VIGILANCE_CATEGORIES.filter((c) => categories.has(c)), patterns };
}

/** Help lines shown to the author of a message that mentions danger (private, at once). */
export const HELP_LINES = [
  { number: '3114', label: 'Prévention du suicide, 24 h/24, gratuit' },
  { number: '119', label: 'Enfance en danger, 24 h/24, gratuit, invisible sur les factures' },
  { number: '3919', label: 'Violences femmes info, 24 h/24, anonyme' },
  { number: '17', label: 'Police secours, en cas de danger immédiat (ou le 112)' },
  { number: '114', label: 'Par SMS, si vous ne pouvez pas parler' },
] as const;
