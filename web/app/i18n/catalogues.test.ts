/**
 * Every catalogue of the app (the shell's web/app/i18n, each module's web/features/<m>/i18n, the
 * notifications' src/platform/notify/messages and src/modules/<m>/messages, the field errors' src/platform/http/field-messages): found by globbing, so a module's files are checked as
 * soon as they land. Fails on a French key missing in a shipped language, a key no French message has,
 * a message intl-messageformat cannot parse, and a translation whose arguments are not the French ones.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { EASY_READ_SUFFIX, intlTag, LOCALES, SOURCE_LOCALE } from '../locales';

const root = join(import.meta.dirname, '../../..');

function catalogueDirs(): string[] {
  const dirs = [join(root, 'web/app/i18n'), join(root, 'src/platform/notify/messages'), join(root, 'src/platform/http/field-messages')];
  const features = join(root, 'web/features');
  for (const m of readdirSync(features)) {
    const base = join(features, m);
    for (const d of readdirSync(base, { withFileTypes: true })) {
      if (d.isDirectory() && /^i18n/.test(d.name)) dirs.push(join(base, d.name));
    }
  }
  const modules = join(root, 'src/modules');
  for (const m of readdirSync(modules)) dirs.push(join(modules, m, 'messages'));
  return dirs.filter((d) => existsSync(join(d, `${SOURCE_LOCALE}.json`)));
}

type Catalog = Record<string, string>;
const load = (dir: string, name: string): Catalog | undefined => {
  const p = join(dir, `${name}.json`);
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Catalog) : undefined;
};

interface El {
  type: number;
  value?: string;
  options?: Record<string, { value: El[] }>;
  children?: El[];
}
// intl-messageformat's AST element types (TYPE in @formatjs/icu-messageformat-parser).
const ARGUMENT_TYPES: Record<number, string> = { 1: 'argument', 2: 'number', 3: 'date', 4: 'time', 5: 'select', 6: 'plural' };

/** The arguments a message uses, and its plurals' categories, from the parsed message. */
function analyse(message: string, locale: string): { args: Set<string>; plurals: string[][] } {
  const ast = new IntlMessageFormat(message, intlTag(locale), undefined, { ignoreTag: true }).getAst() as unknown as El[];
  const args = new Set<string>();
  const plurals: string[][] = [];
  const walk = (els: El[]) => {
    for (const el of els) {
      if (ARGUMENT_TYPES[el.type] && el.value) args.add(el.value);
      if (el.type === 6 && el.options) plurals.push(Object.keys(el.options));
      for (const o of Object.values(el.options ?? {})) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(ast);
  return { args, plurals };
}

const dirs = catalogueDirs();
const shipped = LOCALES.map((l) => l.code).filter((c) => c !== SOURCE_LOCALE);

it('finds the shell and notification catalogues', () => {
  expect(dirs.map((d) => relative(root, d))).toContain('web/app/i18n');
});

describe.each(dirs.map((d) => [relative(root, d), d]))('%s', (_, dir) => {
  const fr = load(dir, SOURCE_LOCALE)!;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('every message parses as ICU MessageFormat', () => {
    const bad: string[] = [];
    for (const f of files) {
      const name = f.replace(/\.json$/, '');
      const lang = name === 'staff' ? SOURCE_LOCALE : name.replace(EASY_READ_SUFFIX, '');
      for (const [k, v] of Object.entries(load(dir, name)!)) {
        try {
          if (typeof v !== 'string') throw new Error('not a string');
          analyse(v, lang);
        } catch (e) {
          bad.push(`${f} ${k}: ${(e as Error).message}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(shipped)('%s has every French key, no other, with the same arguments and its own plural forms', (code) => {
    const tr = load(dir, code);
    expect(tr, `${code}.json is missing`).toBeDefined();
    const problems: string[] = [];
    const categories = new Set([...new Intl.PluralRules(intlTag(code)).resolvedOptions().pluralCategories, 'other']);
    for (const [k, v] of Object.entries(fr)) {
      if (tr![k] === undefined) {
        problems.push(`missing ${k}`);
        continue;
      }
      let a: ReturnType<typeof analyse>, b: ReturnType<typeof analyse>;
      try {
        a = analyse(v, SOURCE_LOCALE);
        b = analyse(tr![k], code);
      } catch {
        continue; // reported by the parse test
      }
      // `frTime`, `untilFrTime`…: the French typography of a value (« 12 h 30 ») that the other
      // languages write from the plain argument (`time`, `untilTime`: « 12:30 »); both are given.
      const plain = (arg: string) => arg.replace(/^fr([A-Z])|Fr([A-Z])/, (_m, x?: string, y?: string) => (x ? x.toLowerCase() : y!));
      const want = [...a.args].map(plain).sort().join(',');
      const got = [...b.args].map(plain).sort().join(',');
      if (want !== got) problems.push(`${k}: arguments {${got}} where French has {${want}}`);
      for (const p of b.plurals) {
        const wrong = p.filter((c) => !c.startsWith('=') && !categories.has(c as Intl.LDMLPluralRule));
        if (wrong.length) problems.push(`${k}: plural forms ${wrong.join(', ')} do not exist in ${code}`);
      }
    }
    for (const k of Object.keys(tr!)) if (fr[k] === undefined) problems.push(`${k}: no French message`);
    expect(problems).toEqual([]);
  });

  it('easy-read variants replace existing messages and use no other argument', () => {
    const problems: string[] = [];
    for (const f of files.filter((x) => x.endsWith(`${EASY_READ_SUFFIX}.json`))) {
      const base = load(dir, f.replace(`${EASY_READ_SUFFIX}.json`, ''));
      for (const [k, v] of Object.entries(load(dir, f.replace(/\.json$/, ''))!)) {
        if (!base || base[k] === undefined) {
          problems.push(`${f} ${k}: no message to replace`);
          continue;
        }
        try {
          const known = analyse(base[k], SOURCE_LOCALE).args;
          for (const a of analyse(v, SOURCE_LOCALE).args) if (!known.has(a)) problems.push(`${f} ${k}: unknown argument {${a}}`);
        } catch {
          /* reported by the parse test */
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
