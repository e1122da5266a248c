/**
 * The message catalogue. French first; the shell also in English and Arabic (right to
 * left); "facile à lire" (FALC) variants replace a French text when the switch is on.
 * Modules register their own messages under their namespace.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { elideFrench } from './format';

export type Locale = 'fr' | 'en' | 'ar';
type Catalog = Record<string, string>;
export interface Messages {
  fr: Catalog;
  en?: Catalog;
  ar?: Catalog;
  /** "Facile à lire et à comprendre": shorter French sentences. */
  falc?: Catalog;
}

const catalogs: Record<Locale | 'falc', Catalog> = { fr: {}, en: {}, ar: {}, falc: {} };

export function registerMessages(namespace: string, m: Messages): void {
  const prefix = namespace ? `${namespace}.` : '';
  for (const k of ['fr', 'en', 'ar', 'falc'] as const) {
    for (const [key, value] of Object.entries(m[k] ?? {})) catalogs[k][prefix + key] = value;
  }
}

export type T = (key: string, vars?: Record<string, string | number>) => string;

function interpolate(s: string, vars?: Record<string, string | number>): string {
  return vars ? s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? `{${k}}`)) : s;
}

export function translate(locale: Locale, easyRead: boolean, key: string, vars?: Record<string, string | number>): string {
  const s = (easyRead && locale === 'fr' ? catalogs.falc[key] : undefined) ?? catalogs[locale][key] ?? catalogs.fr[key];
  if (s === undefined) {
    if (import.meta.env.DEV) console.warn(`missing message ${key}`);
    return key;
  }
  return interpolate(locale === 'fr' && vars ? elideFrench(s, vars) : s, vars);
}

interface I18nState {
  locale: Locale;
  easyRead: boolean;
  setLocale(l: Locale): void;
  setEasyRead(v: boolean): void;
}

const I18nContext = createContext<I18nState>({ locale: 'fr', easyRead: false, setLocale: () => {}, setEasyRead: () => {} });

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

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (read('relais.locale') as Locale) || 'fr');
  const [easyRead, setEasyReadState] = useState(() => read('relais.easyRead') === '1');
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
  }, [locale]);
  const value = useMemo<I18nState>(
    () => ({
      locale,
      easyRead,
      setLocale: (l) => {
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

/** Euros from cents: the one formatter is in ./format (re-exported for the pages that import it from here). */
export { formatEuros } from './format';
