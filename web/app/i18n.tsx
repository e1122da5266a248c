/**
 * The message catalogue: ICU MessageFormat in JSON, one file per module per language
 * (web/app/i18n/<code>.json for the shell, web/features/<m>/i18n/<code>.json for a module), French
 * first. "Facile à lire" (FALC) is a variant of a language, in <code>-falc.json, used when the switch is
 * on. Text only staff read may live in staff.json (French only, not translated). See docs/modules.md,
 * "Messages", and docs/decisions/0015-i18n-icu-catalogues.md.
 */
import { createContext, Fragment, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as fmt from './format';
import { formatIcu } from './icu';
import { dirOf, EASY_READ_SUFFIX, intlTag, isLocale, SOURCE_LOCALE, type Locale } from './locales';

export type { Locale } from './locales';
type Catalog = Record<string, string>;

/**
 * A module's catalogues by file name ("fr", "en", "ar", "fr-falc", "staff"). The older object form
 * `{ fr, en?, ar?, falc? }` is read too ("falc" is "fr-falc") while modules move to JSON files.
 */
export type Messages = { fr: Catalog } & Partial<Record<string, Catalog>>;

const catalogs = new Map<string, Catalog>();

function catalogOf(name: string): Catalog {
  let c = catalogs.get(name);
  if (!c) catalogs.set(name, (c = {}));
  return c;
}

/** The catalogue name a file or a legacy key stands for: "falc" → "fr-falc", "staff" → "fr" (French only). */
function catalogName(name: string): string {
  if (name === 'falc') return `${SOURCE_LOCALE}${EASY_READ_SUFFIX}`;
  if (name === 'staff') return SOURCE_LOCALE;
  return name;
}

export function registerMessages(namespace: string, m: Messages): void {
  const prefix = namespace ? `${namespace}.` : '';
  for (const [name, entries] of Object.entries(m)) {
    if (!entries) continue;
    const c = catalogOf(catalogName(name));
    for (const [key, value] of Object.entries(entries)) c[prefix + key] = value;
  }
}

/**
 * A module's JSON catalogues, as `import.meta.glob('./i18n/*.json', { eager: true, import: 'default' })`
 * gives them, keyed by file name: `export default catalogues(import.meta.glob(…))` in messages.ts.
 */
export function catalogues(files: Record<string, unknown>): Messages {
  const out: Record<string, Catalog> = {};
  for (const [path, content] of Object.entries(files)) {
    const name = /([^/]+)\.json$/.exec(path)?.[1];
    if (name) out[name] = content as Catalog;
  }
  if (!out.fr) out.fr = {};
  return out as Messages;
}

/** Whether the catalogue has a message for `key` (in French, the source of every key). */
export function hasMessage(key: string): boolean {
  return catalogOf(SOURCE_LOCALE)[key] !== undefined;
}

export type Vars = Record<string, string | number | Date | null | undefined>;
export type T = (key: string, vars?: Vars) => string;

/** Left-to-right isolate: French (or any LTR text) kept whole inside a right-to-left sentence. */
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * The message of `key` in `locale` (its "facile à lire" variant first when asked), else in French;
 * formatted with ICU (plurals, numbers and dates per locale). French messages elide "de {x}" ("d'Amiens").
 */
export function translate(locale: string, easyRead: boolean, key: string, vars?: Vars): string {
  const own = (easyRead ? catalogs.get(`${locale}${EASY_READ_SUFFIX}`)?.[key] : undefined) ?? catalogs.get(locale)?.[key];
  const fallback = own === undefined;
  const template = own ?? (easyRead ? catalogs.get(`${SOURCE_LOCALE}${EASY_READ_SUFFIX}`)?.[key] : undefined) ?? catalogOf(SOURCE_LOCALE)[key];
  if (template === undefined) {
    if (import.meta.env.DEV) console.warn(`missing message ${key}`);
    return key;
  }
  const lang = fallback ? SOURCE_LOCALE : locale;
  const source = lang === SOURCE_LOCALE && vars ? fmt.elideFrench(template, stringVars(vars)) : template;
  let out: string;
  try {
    out = formatIcu(source, intlTag(lang), vars);
  } catch (e) {
    if (import.meta.env.DEV) console.warn(`message ${key} does not format`, e);
    out = template;
  }
  // A French message shown in a right-to-left page keeps its own direction ("? Élevez-vous…" otherwise).
  return fallback && locale !== SOURCE_LOCALE && dirOf(locale) === 'rtl' ? `${LRI}${out}${PDI}` : out;
}

function stringVars(vars: Vars): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(vars)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

interface I18nState {
  locale: Locale;
  easyRead: boolean;
  setLocale(l: string): void;
  setEasyRead(v: boolean): void;
}

const I18nContext = createContext<I18nState>({ locale: SOURCE_LOCALE, easyRead: false, setLocale: () => {}, setEasyRead: () => {} });

const read = (k: string) => {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
};
const write = (k: string, v: string) => {
  try {
    localStorage.setItem(k, v);
  } catch {
    /* private mode */
  }
};

function initialLocale(): Locale {
  const stored = read('relais.locale');
  return isLocale(stored) ? stored : SOURCE_LOCALE;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [easyRead, setEasyReadState] = useState(() => read('relais.easyRead') === '1');
  useEffect(() => {
    document.documentElement.lang = easyRead && locale === SOURCE_LOCALE ? 'fr' : locale;
    document.documentElement.dir = dirOf(locale);
  }, [locale, easyRead]);
  const value = useMemo<I18nState>(
    () => ({
      locale,
      easyRead,
      setLocale: (l) => {
        if (!isLocale(l)) return;
        write('relais.locale', l);
        setLocaleState(l);
      },
      setEasyRead: (v) => {
        write('relais.easyRead', v ? '1' : '0');
        setEasyReadState(v);
      },
    }),
    [locale, easyRead],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nState {
  return useContext(I18nContext);
}

export function useT(): T {
  const { locale, easyRead } = useI18n();
  return useMemo(() => (key, vars) => translate(locale, easyRead, key, vars), [locale, easyRead]);
}

/**
 * A message whose values may be elements (`tx('droits.res.payer', { payer: <Fr>{info.payer}</Fr> })`):
 * formatted as text around markers, then the elements put back in their places.
 */
export function useTx(): (key: string, vars: Record<string, ReactNode>) => ReactNode {
  const t = useT();
  return useMemo(
    () => (key, vars) => {
      const plain: Vars = {};
      const nodes: ReactNode[] = [];
      for (const [k, v] of Object.entries(vars)) {
        if (typeof v === 'string' || typeof v === 'number') plain[k] = v;
        else {
          plain[k] = `\uE000${nodes.length}\uE001`;
          nodes.push(v);
        }
      }
      const parts = t(key, plain).split(/\uE000(\d+)\uE001/);
      return parts.map((p, i) => (i % 2 ? <Fragment key={i}>{nodes[Number(p)]}</Fragment> : p));
    },
    [t],
  );
}

/** The formatters of ./format bound to the reader's language: `const f = useFormat(); f.euros(cents)`. */
export function useFormat() {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      locale,
      date: (iso: string | Date | null | undefined) => fmt.formatDate(iso, locale),
      longDate: (iso: string | Date | null | undefined) => fmt.formatLongDate(iso, locale),
      month: (iso: string | Date | null | undefined) => fmt.formatMonth(iso, locale),
      dateTime: (iso: string | Date | null | undefined) => fmt.formatDateTime(iso, locale),
      time: (iso: string | Date | null | undefined) => fmt.formatTime(iso, locale),
      number: (n: number, options?: Intl.NumberFormatOptions) => fmt.formatNumber(n, locale, options),
      euros: (cents: number) => fmt.formatEuros(cents, locale),
      ltr: (text: string) => fmt.ltrIsland(text, locale),
    }),
    [locale],
  );
}

/** Euros from cents: the one formatter is in ./format (re-exported for the pages that import it from here). */
export { formatEuros } from './format';
