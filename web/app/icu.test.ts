/**
 * The pages' ICU formatter (./icu.ts) against intl-messageformat, the reference it replaces in the
 * browser: every message of every web catalogue (JSON files and the modules' message objects), in its
 * language, with plural values that reach each category, gives the same text.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatIcu, IcuSyntaxError, IcuValueError } from './icu';
import { EASY_READ_SUFFIX, intlTag, SOURCE_LOCALE } from './locales';

const root = join(import.meta.dirname, '../..');

function webCatalogues(): { where: string; lang: string; messages: Record<string, unknown> }[] {
  const dirs = [join(root, 'web/app/i18n')];
  for (const m of readdirSync(join(root, 'web/features'))) {
    const base = join(root, 'web/features', m);
    for (const d of readdirSync(base, { withFileTypes: true })) if (d.isDirectory() && d.name.startsWith('i18n')) dirs.push(join(base, d.name));
  }
  const out: { where: string; lang: string; messages: Record<string, unknown> }[] = [];
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const name = f.replace(/\.json$/, '');
      const lang = name === 'staff' ? SOURCE_LOCALE : name.replace(EASY_READ_SUFFIX, '');
      out.push({ where: `${dir}/${f}`, lang, messages: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown> });
    }
  }
  return out;
}

/** The modules' messages still written as objects ({ fr, en?, ar?, falc? }). */
const objectModules = import.meta.glob<{ default?: unknown }>(['../features/*/messages.ts', '../features/*/*-messages.ts'], { eager: true });
function objectCatalogues(): { where: string; lang: string; messages: Record<string, unknown> }[] {
  const out: { where: string; lang: string; messages: Record<string, unknown> }[] = [];
  for (const [file, mod] of Object.entries(objectModules)) {
    for (const exported of Object.values(mod)) {
      if (!exported || typeof exported !== 'object' || !('fr' in exported)) continue;
      for (const [name, messages] of Object.entries(exported as Record<string, unknown>)) {
        if (!messages || typeof messages !== 'object') continue;
        const lang = name === 'staff' || name === 'falc' ? SOURCE_LOCALE : name.replace(EASY_READ_SUFFIX, '');
        out.push({ where: `${file} ${name}`, lang, messages: messages as Record<string, unknown> });
      }
    }
  }
  return out;
}

interface El {
  type: number;
  value?: string;
  options?: Record<string, { value: El[] }>;
  children?: El[];
}

/** Sets of values that walk every branch: each plural value, each select key, for all arguments at once. */
function valueSets(message: string, tag: string): Record<string, unknown>[] {
  const ast = new IntlMessageFormat(message, tag, undefined, { ignoreTag: true }).getAst() as unknown as El[];
  const kinds = new Map<string, { type: number; keys: string[] }>();
  const walk = (els: El[]) => {
    for (const el of els) {
      if (el.type >= 1 && el.type <= 6 && el.value && (!kinds.has(el.value) || el.type > 1))
        kinds.set(el.value, { type: el.type, keys: Object.keys(el.options ?? {}) });
      for (const o of Object.values(el.options ?? {})) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(ast);
  const numbers = [0, 1, 2, 3, 5, 11, 21, 100, 1.5, 1234.5];
  return numbers.map((n, i) => {
    const v: Record<string, unknown> = {};
    for (const [name, k] of kinds) {
      if (k.type === 6 || k.type === 2) v[name] = n;
      else if (k.type === 5) v[name] = [...k.keys, 'autre-chose'][i % (k.keys.length + 1)];
      else if (k.type === 3 || k.type === 4) v[name] = new Date(Date.UTC(2026, 11, 4, 9, 30));
      else v[name] = ['Amiens', 'Étouvie', 12, ''][i % 4];
    }
    return v;
  });
}

const catalogues = [...webCatalogues(), ...objectCatalogues()];

it('finds the JSON catalogues and the message objects', () => {
  expect(catalogues.filter((c) => c.where.endsWith('.json')).length).toBeGreaterThan(10);
  expect(catalogues.some((c) => !c.where.endsWith('.json'))).toBe(true);
});

describe.each(catalogues.map((c) => [c.where, c] as const))('%s', (_, c) => {
  it('formats every message as intl-messageformat does', () => {
    const tag = intlTag(c.lang);
    const differ: string[] = [];
    let compared = 0;
    for (const [key, message] of Object.entries(c.messages)) {
      if (typeof message !== 'string') continue;
      for (const values of valueSets(message, tag)) {
        const expected = String(new IntlMessageFormat(message, tag, undefined, { ignoreTag: true }).format(values as Record<string, string>));
        const got = formatIcu(message, tag, values);
        compared++;
        if (got !== expected) differ.push(`${key}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
      }
    }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(0);
  });
});

describe('formatIcu', () => {
  it('plurals by the language: exact values first, then its categories, # as a number of the language', () => {
    const m = '{n, plural, =0 {aucun enfant} one {# enfant} other {# enfants}}';
    expect(formatIcu(m, 'fr-FR', { n: 0 })).toBe('aucun enfant');
    expect(formatIcu(m, 'fr-FR', { n: 1 })).toBe('1 enfant');
    expect(formatIcu(m, 'fr-FR', { n: 1500 })).toBe('1\u202f500 enfants');
    const ar = '{n, plural, zero {لا} one {واحد} two {اثنان} few {# قليل} many {# كثير} other {# آخر}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => formatIcu(ar, 'ar-u-nu-latn', { n }))).toEqual(['لا', 'واحد', 'اثنان', '3 قليل', '11 كثير', '100 آخر']);
  });

  it('select, offset, numbers, nested messages', () => {
    expect(formatIcu('{g, select, f {elle} other {il}} vient', 'fr-FR', { g: 'f' })).toBe('elle vient');
    expect(formatIcu('{g, select, f {elle} other {il}} vient', 'fr-FR', { g: 'x' })).toBe('il vient');
    expect(formatIcu('{n, plural, offset:1 =0 {personne} =1 {vous} one {vous et # autre} other {vous et # autres}}', 'fr-FR', { n: 3 })).toBe(
      'vous et 2 autres',
    );
    expect(formatIcu('Pour {scale, number} familles', 'fr-FR', { scale: 86000 })).toBe('Pour 86\u202f000 familles');
    expect(formatIcu('{a, plural, one {{b, select, x {# x} other {#}}} other {#}}', 'fr-FR', { a: 1, b: 'x' })).toBe('# x');
  });

  it("apostrophes: French elisions stay, '' is one, a quoted brace is text", () => {
    expect(formatIcu("l'aide d'une ville, {town}", 'fr-FR', { town: 'Amiens' })).toBe("l'aide d'une ville, Amiens");
    // As in ICU: an apostrophe before a brace quotes it (French messages write "de {x}", elided before formatting).
    expect(formatIcu("d'{town}", 'fr-FR', { town: 'Amiens' })).toBe('d{town}');
    expect(formatIcu("it''s '{literal}' {x}", 'en-GB', { x: 1 })).toBe("it's {literal} 1");
    expect(formatIcu("{n, plural, other {'#' #}}", 'fr-FR', { n: 2 })).toBe('# 2');
  });

  it('throws on a missing value or a syntax it does not know', () => {
    expect(() => formatIcu('Bonjour {name}', 'fr-FR', {})).toThrow(IcuValueError);
    expect(() => formatIcu('{n, plural, one {#}}', 'fr-FR', { n: 1 })).toThrow(IcuSyntaxError);
    expect(() => formatIcu('{n, selectordinal, one {#st} other {#th}}', 'en-GB', { n: 1 })).toThrow(IcuSyntaxError);
    expect(() => formatIcu('Bonjour {name', 'fr-FR', { name: 'x' })).toThrow(IcuSyntaxError);
  });
});
