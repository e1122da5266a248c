/**
 * The message catalogue: ICU MessageFormat in JSON, one file per module per language
 * (web/app/i18n/<code>.json for the shell, web/features/<m>/i18n/<code>.json for a module), French
 * first. "Facile à lire" (FALC) is a variant of a language, in <code>-falc.json, used when the switch is
 * on. Text only staff read may live in staff.json (French only, not translated). See docs/modules.md,
 * "Messages", and docs/decisions/0015-i18n-icu-catalogues.md.
 */
import { createContext, Fragment, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
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

type Loader = () => Promise<unknown>;

/** The catalogues of a `catalogues(…)` result that load when their language is chosen, by file name. */
const lazyOf = new WeakMap<Messages, Record<string, Loader>>();
/** Loaders not run yet, by catalogue name, with the namespace their keys go under. */
const waiting = new Map<string, { prefix: string; load: Loader }[]>();
/** The catalogues the reader's language needs besides French ("en", "fr-falc"…). */
let wanted = new Set<string>();
let inflight: Promise<void>[] = [];
/** Bumped when a catalogue arrives: the pages' `t` changes and they render again. */
let version = 0;
const listeners = new Set<() => void>();

function merge(name: string, prefix: string, entries: Catalog): void {
  const c = catalogOf(catalogName(name));
  for (const [key, value] of Object.entries(entries)) c[prefix + key] = value;
}

function start(name: string, prefix: string, load: Loader): void {
  const p = load()
    .then((entries) => {
      merge(name, prefix, entries as Catalog);
      version++;
      listeners.forEach((l) => l());
    })
    // Offline and not cached, or a build replaced meanwhile: the page stays in French, the source language.
    .catch(() => {});
  inflight.push(p);
}

export function registerMessages(namespace: string, m: Messages): void {
  const prefix = namespace ? `${namespace}.` : '';
  for (const [name, entries] of Object.entries(m)) if (entries) merge(name, prefix, entries);
  for (const [name, load] of Object.entries(lazyOf.get(m) ?? {})) {
    const cat = catalogName(name);
    if (wanted.has(cat)) start(cat, prefix, load);
    else waiting.set(cat, [...(waiting.get(cat) ?? []), { prefix, load }]);
  }
}

/** The catalogues `locale` (and its easy-read variant when on) needs besides French. */
function neededFor(locale: string, easyRead: boolean): string[] {
  const out = locale === SOURCE_LOCALE ? [] : [locale];
  if (easyRead) out.push(`${locale}${EASY_READ_SUFFIX}`, `${SOURCE_LOCALE}${EASY_READ_SUFFIX}`);
  return out;
}

/**
 * Loads what `locale` needs of every catalogue registered so far, and of those registered later while
 * it is chosen. French, the source language, is always in the first load; the others come only
 * for a reader who chose them (issue 18: every language travelled to every phone).
 */
export function loadCatalogues(locale: string, easyRead: boolean): Promise<void> {
  wanted = new Set(neededFor(locale, easyRead));
  for (const name of wanted) {
    for (const w of waiting.get(name) ?? []) start(name, w.prefix, w.load);
    waiting.delete(name);
  }
  return cataloguesReady();
}

/** Settles when every catalogue asked for so far has arrived (or failed): a lazy page waits for its words. */
export function cataloguesReady(): Promise<void> {
  const all = inflight;
  return Promise.all(all).then(() => {
    inflight = inflight.filter((p) => !all.includes(p));
  });
}

function subscribeCatalogues(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/**
 * A module's JSON catalogues keyed by file name, in messages.ts: French (and staff.json) in the
 * first load, the other languages loaded when a reader chooses them —
 * `export default catalogues(import.meta.glob('./i18n/{fr,staff}.json', { eager: true, import: 'default' }),
 * import.meta.glob(['./i18n/*.json', '!./i18n/{fr,staff}.json'], { import: 'default' }))`.
 * With only the first argument, every file given is in the first load.
 */
export function catalogues(files: Record<string, unknown>, later: Record<string, Loader> = {}): Messages {
  const name = (path: string) => /([^/]+)\.json$/.exec(path)?.[1];
  const out: Record<string, Catalog> = {};
  for (const [path, content] of Object.entries(files)) {
    const n = name(path);
    if (n) out[n] = content as Catalog;
  }
  if (!out.fr) out.fr = {};
  const lazy: Record<string, Loader> = {};
  for (const [path, load] of Object.entries(later)) {
    const n = name(path);
    if (n && !(n in out)) lazy[n] = load;
  }
  lazyOf.set(out as Messages, lazy);
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
const initialEasyRead = () => read('relais.easyRead') === '1';

/** The catalogues the reader's stored choice needs, before the first render (nothing to wait for in French). */
export function loadInitialCatalogues(): Promise<void> {
  return loadCatalogues(initialLocale(), initialEasyRead());
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [easyRead, setEasyReadState] = useState(initialEasyRead);
  useEffect(() => {
    document.documentElement.lang = easyRead && locale === SOURCE_LOCALE ? 'fr' : locale;
    document.documentElement.dir = dirOf(locale);
  }, [locale, easyRead]);
  const value = useMemo<I18nState>(
    () => ({
      locale,
      easyRead,
      // The page changes language once its words have arrived (no half-translated page in between).
      setLocale: (l) => {
        if (!isLocale(l)) return;
        write('relais.locale', l);
        void loadCatalogues(l, easyRead).then(() => setLocaleState(l));
      },
      setEasyRead: (v) => {
        write('relais.easyRead', v ? '1' : '0');
        void loadCatalogues(locale, v).then(() => setEasyReadState(v));
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
  // A catalogue that arrives later (a part of a page loaded after it) renders the page again.
  const loaded = useSyncExternalStore(subscribeCatalogues, () => version);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `loaded` is the catalogues' version: a new `t` when they change
  return useMemo(() => (key, vars) => translate(locale, easyRead, key, vars), [locale, easyRead, loaded]);
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
