/**
 * ICU MessageFormat for the pages, the part the catalogues use: `{name}`, `{n, number}` (and
 * `integer`, `percent`), `{d, date|time, short|medium|long|full}`, `{n, plural, =0 {…} one {# …} other {…}}`
 * (with `offset:`), `{x, select, a {…} other {…}}`, and ICU's apostrophe quoting. It gives what
 * intl-messageformat gives with `ignoreTag` (web/app/icu.test.ts compares the two on every message
 * of every catalogue) at a fraction of its weight: that library and its parser were 33 kB of the first
 * load, and its locale resolution ran on every new message (issue 18: Lighthouse on phones).
 * Anything else (`selectordinal`, number skeletons) throws, so a catalogue test fails on it.
 */

type Part =
  | string
  | { kind: 'arg'; name: string }
  | { kind: 'pound' }
  | { kind: 'number'; name: string; style?: string }
  | { kind: 'date'; name: string; style?: string }
  | { kind: 'time'; name: string; style?: string }
  | { kind: 'plural' | 'select'; name: string; offset: number; options: Record<string, Part[]> };

export type IcuValues = Record<string, unknown>;

export class IcuSyntaxError extends Error {}
export class IcuValueError extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Part[] {
    const parts = this.message(null);
    if (this.i < this.s.length) this.fail('unexpected }');
    return parts;
  }

  private fail(what: string): never {
    throw new IcuSyntaxError(`${what} at ${this.i} in "${this.s}"`);
  }

  /** Text and arguments up to an unmatched `}` (the end of a plural/select option) or the end. */
  private message(parent: 'plural' | 'select' | null): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '}') break;
      if (c === '{') {
        flush();
        out.push(this.argument());
        continue;
      }
      if (c === '#' && parent === 'plural') {
        flush();
        out.push({ kind: 'pound' });
        this.i++;
        continue;
      }
      if (c === "'") {
        text += this.quoted(parent);
        continue;
      }
      text += c;
      this.i++;
    }
    flush();
    return out;
  }

  /** ICU's apostrophe: `''` is one; `'` before a syntax character quotes up to the next lone `'`; else literal. */
  private quoted(parent: 'plural' | 'select' | null): string {
    const next = this.s[this.i + 1];
    if (next === "'") {
      this.i += 2;
      return "'";
    }
    const opens = next === '{' || next === '}' || next === '<' || next === '>' || (next === '#' && parent === 'plural');
    if (!opens) {
      this.i++;
      return "'";
    }
    this.i++;
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === "'") {
        if (this.s[this.i + 1] === "'") {
          out += "'";
          this.i += 2;
          continue;
        }
        this.i++;
        return out;
      }
      out += c;
      this.i++;
    }
    return out;
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private word(): string {
    const m = /^[^\s{},#']+/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a name');
    this.i += m[0].length;
    return m[0];
  }

  private expect(c: string): void {
    if (this.s[this.i] !== c) this.fail(`expected ${c}`);
    this.i++;
  }

  private argument(): Part {
    this.expect('{');
    this.space();
    const name = this.word();
    this.space();
    if (this.s[this.i] === '}') {
      this.i++;
      return { kind: 'arg', name };
    }
    this.expect(',');
    this.space();
    const type = this.word();
    this.space();
    if (type === 'number' || type === 'date' || type === 'time') {
      let style: string | undefined;
      if (this.s[this.i] === ',') {
        this.i++;
        this.space();
        style = this.word();
        this.space();
      }
      this.expect('}');
      if (type === 'number' && style && !['integer', 'percent'].includes(style)) this.fail(`number style ${style}`);
      if (type !== 'number' && style && !['short', 'medium', 'long', 'full'].includes(style)) this.fail(`${type} style ${style}`);
      return type === 'number' ? { kind: type, name, style } : type === 'date' ? { kind: 'date', name, style } : { kind: 'time', name, style };
    }
    if (type !== 'plural' && type !== 'select') this.fail(`argument type ${type}`);
    this.expect(',');
    this.space();
    let offset = 0;
    const options: Record<string, Part[]> = {};
    while (this.s[this.i] !== '}') {
      if (this.i >= this.s.length) this.fail('unclosed argument');
      const selector = this.word();
      if (type === 'plural' && selector.startsWith('offset:')) {
        offset = Number(selector.slice(7) || (this.space(), this.word()));
        if (!Number.isFinite(offset)) this.fail('offset');
        this.space();
        continue;
      }
      if (selector in options) this.fail(`duplicate selector ${selector}`);
      this.space();
      this.expect('{');
      options[selector] = this.message(type);
      this.expect('}');
      this.space();
    }
    this.i++;
    if (!options.other) this.fail('no "other" option');
    return { kind: type, name, offset, options };
  }
}

const parsed = new Map<string, Part[]>();

/** The message parsed once (the same text in every language shares its tree). */
export function parseIcu(message: string): Part[] {
  let p = parsed.get(message);
  if (!p) {
    p = new Parser(message).parse();
    parsed.set(message, p);
  }
  return p;
}

const intlCache = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let v = intlCache.get(key) as T | undefined;
  if (!v) {
    v = make();
    intlCache.set(key, v);
  }
  return v;
}
const numberFormat = (locale: string, style?: string) =>
  cached(
    `n\u0000${locale}\u0000${style ?? ''}`,
    () => new Intl.NumberFormat(locale, style === 'percent' ? { style: 'percent' } : style === 'integer' ? { maximumFractionDigits: 0 } : {}),
  );

function valueOf(values: IcuValues, name: string): unknown {
  if (!(name in values)) throw new IcuValueError(`no value for {${name}}`);
  return values[name];
}

function render(parts: Part[], locale: string, values: IcuValues, pound: number | null): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if (p.kind === 'pound') out += pound === null ? '#' : numberFormat(locale).format(pound);
    else if (p.kind === 'arg') {
      const v = valueOf(values, p.name);
      out += v === null || v === undefined || v === false || v === '' ? '' : String(v);
    } else if (p.kind === 'number') {
      const v = valueOf(values, p.name);
      out += typeof v === 'number' ? numberFormat(locale, p.style).format(v) : v === null || v === undefined ? '' : String(v);
    } else if (p.kind === 'date' || p.kind === 'time') {
      const v = valueOf(values, p.name);
      const style = (p.style ?? 'medium') as 'short' | 'medium' | 'long' | 'full';
      const f = cached(
        `${p.kind}\u0000${locale}\u0000${style}`,
        () =>
          new Intl.DateTimeFormat(locale, p.kind === 'date' ? { dateStyle: style } : { timeStyle: style === 'full' || style === 'long' ? 'medium' : style }),
      );
      out += v === null || v === undefined ? '' : f.format(v instanceof Date ? v : new Date(v as string | number));
    } else {
      const v = valueOf(values, p.name);
      let option = p.options[`=${String(v)}`];
      if (!option && p.kind === 'plural') {
        const n = Number(v) - p.offset;
        const rule = cached(`p\u0000${locale}`, () => new Intl.PluralRules(locale)).select(n);
        option = p.options[rule];
      } else if (!option) option = p.options[String(v)];
      option ??= p.options.other;
      out += render(option, locale, values, p.kind === 'plural' ? Number(v) - p.offset : pound);
    }
  }
  return out;
}

/** The message in `locale` (an Intl tag) with `values`; throws on a syntax error or a missing value. */
export function formatIcu(message: string, locale: string, values: IcuValues = {}): string {
  return render(parseIcu(message), locale, values, null);
}
