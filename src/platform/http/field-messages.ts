/**
 * Errors in the reader's language (issue 19): each field's message, and a refusal's own sentence (a
 * declared code's message, error-handler.ts). Schemas and use cases word their errors in French
 * (zod-fr.ts for the generic ones, a schema's own sentence otherwise); the error handler gives each field's
 * message in the request's language when field-messages/<locale>.json has it: the generic messages by
 * their meaning (« Au moins 10 caractères. » → minChars, n = 10), a schema's own sentence by its French text
 * (`said.<sentence>`), marked `lang: '<locale>'`. A message without a translation stays French (no `lang`),
 * and a page shows it as a French island. API clients get the same field paths whatever the language; French is the default.
 * field-messages.coverage.test.ts fails on a sentence a parent can receive that has no `said.` entry in every language.
 *
 * The request's language: the signed-in user's (users.locale), else the first supported language of the
 * Accept-Language header (our web client sends the page's language there), else French.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { FieldError } from '../errors';
import { intlTagOf, supportedLocales } from '../notify/localized';

type Catalog = Record<string, string>;
const SOURCE = 'fr';
const DIR = path.join(import.meta.dirname, 'field-messages');

let catalogues: Map<string, Catalog> | null = null;
function catalogueOf(locale: string): Catalog | undefined {
  if (!catalogues) {
    catalogues = new Map();
    for (const f of fs.readdirSync(DIR).filter((x) => x.endsWith('.json')))
      catalogues.set(f.slice(0, -5), JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Catalog);
  }
  return catalogues.get(locale);
}

/** The language of a request's messages: the user's, else Accept-Language's first supported one, else French. */
export function requestLocale(userLocale: string | null | undefined, acceptLanguage: string | undefined): string {
  const supported = supportedLocales();
  if (userLocale && supported.includes(userLocale)) return userLocale;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean) ?? 1);
      return { lang: (tag ?? '').trim().toLowerCase().split('-')[0]!, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return wanted.find((x) => supported.includes(x.lang))?.lang ?? SOURCE;
}

const NUMBER = String.raw`(-?[\d\s\u00a0\u202f]+(?:,\d+)?)`;
const frNumber = (s: string) => Number(s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
/** The generic French messages that carry a number (zod-fr.ts), and their key. */
const COUNTED: [RegExp, (unit: string) => string][] = [
  [new RegExp(`^Au moins ${NUMBER} (caractères?|éléments?)\\.$`), (u) => (u.startsWith('c') ? 'minChars' : 'minItems')],
  [new RegExp(`^Au plus ${NUMBER} (caractères?|éléments?)\\.$`), (u) => (u.startsWith('c') ? 'maxChars' : 'maxItems')],
  [new RegExp(`^Au moins ${NUMBER}\\.$`), () => 'atLeast'],
  [new RegExp(`^Plus de ${NUMBER}\\.$`), () => 'moreThan'],
  [new RegExp(`^Au plus ${NUMBER}\\.$`), () => 'atMost'],
  [new RegExp(`^Moins de ${NUMBER}\\.$`), () => 'lessThan'],
];

/**
 * A sentence a use case writes with values in it (`Il reste ${n} place(s).`) has its `said.` key with
 * numbered arguments in their places (`said.Il reste {0} place(s).`): the message is matched against it,
 * and each value is given to the translation as its argument (a number when it is one).
 */
let sayings: { re: RegExp; key: string; args: string[] }[] | null = null;
function sayingsOf(fr: Catalog) {
  if (!sayings)
    sayings = Object.keys(fr)
      .filter((key) => key.startsWith('said.') && /\{\d+\}/.test(key))
      .map((key) => {
        const args = [...key.matchAll(/\{(\d+)\}/g)].map((m) => m[1]!);
        const source = key
          .slice('said.'.length)
          .split(/\{\d+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('(.+?)');
        return { re: new RegExp(`^${source}$`, 's'), key, args };
      });
  return sayings;
}

/** The key and arguments of a French field message in field-messages/*.json, if it has one. */
function keyOf(message: string): { key: string; vars?: Record<string, number | string> } | null {
  const fr = catalogueOf(SOURCE) ?? {};
  if (fr[`said.${message}`] !== undefined) return { key: `said.${message}` };
  for (const [re, key] of COUNTED) {
    const m = re.exec(message);
    if (m) return { key: key(m[2] ?? ''), vars: { n: frNumber(m[1]!) } };
  }
  for (const { re, key, args } of sayingsOf(fr)) {
    const m = re.exec(message);
    if (m) return { key, vars: Object.fromEntries(args.map((a, i) => [a, /^-?\d+$/.test(m[i + 1]!) ? Number(m[i + 1]) : m[i + 1]!])) };
  }
  for (const [key, text] of Object.entries(fr)) if (text === message && !key.startsWith('said.')) return { key };
  return null;
}

/** One French field message in `locale`, with the language it is finally written in. */
export function localizeMessage(message: string, locale: string): { message: string; lang: string } {
  if (locale === SOURCE) return { message, lang: SOURCE };
  const found = keyOf(message);
  const text = found ? catalogueOf(locale)?.[found.key] : undefined;
  if (!found || text === undefined) return { message, lang: SOURCE };
  return { message: String(new IntlMessageFormat(text, intlTagOf(locale), undefined, { ignoreTag: true }).format(found.vars ?? {})), lang: locale };
}

/**
 * Every field's message in `locale` when it has a translation, marked with its language (`lang`); a French
 * message is left exactly as it was (no `lang`: French is the default of every error body).
 */
export function localizeFields(fields: FieldError[] | undefined, locale: string): FieldError[] | undefined {
  if (!fields || locale === SOURCE) return fields;
  return fields.map((f) => {
    const l = localizeMessage(f.message, locale);
    return l.lang === SOURCE ? f : { ...f, ...l };
  });
}
