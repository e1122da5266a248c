/**
 * A number as people type it, read without react-aria's NumberParser (which builds several Intl
 * formatters per field at start: issue 18, Lighthouse on phones). Accepts what the reader's locale
 * writes and what a phone keypad gives: « 1 234,50 € », « 812.5 », « 1,234.50 », Arabic-Indic digits.
 * A lone separator is the decimal one, unless it is not the locale's and three digits follow it
 * (« 1.234 » in French, « 1,234 » in English: thousands).
 */

const DIGITS: Record<string, string> = {};
for (let i = 0; i < 10; i++) {
  DIGITS[String.fromCharCode(0x660 + i)] = String(i); // ٠-٩
  DIGITS[String.fromCharCode(0x6f0 + i)] = String(i); // ۰-۹
}

// Building an Intl.NumberFormat costs milliseconds on a slow phone: one per locale (and style), made
// the first time a number is typed or shown, never while the page starts.
const separators = new Map<string, string>();
const formatters = new Map<string, Intl.NumberFormat>();

/** The locale's decimal separator ('.' or ','), from Intl. */
export function decimalSeparator(intlTag: string): string {
  let sep = separators.get(intlTag);
  if (!sep) {
    sep = new Intl.NumberFormat(intlTag).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.';
    separators.set(intlTag, sep);
  }
  return sep;
}

/** `n` as the locale writes it, to the cents, in euros or not (« 1 234,50 € »); '' for no number. */
export function formatNumberText(n: number | null | undefined, intlTag: string, euros: boolean): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  const key = `${intlTag}|${euros}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlTag, euros ? { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 } : { maximumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f.format(n);
}

/**
 * `text` → its number; `null` when it holds no digit yet (empty, « - », « , »); `NaN` when it is not a
 * number (letters, two decimal separators). `decimal` is the locale's separator (`decimalSeparator`).
 */
export function parseNumberText(text: string, decimal: string): number | null {
  let s = text
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => DIGITS[d]!)
    .replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '') // direction marks (Arabic formatting)
    .replace(/\u2212/g, '-')
    .replace(/\u066b/g, 'D') // Arabic decimal separator
    .replace(/\u066c/g, '') // Arabic thousands separator
    .replace(/[\s\u00a0\u202f€]/g, '');
  if (/[^\d.,D-]/.test(s)) return NaN;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  if (s.includes('-')) return NaN;
  if (s.includes('D')) s = s.replace(/[.,]/g, '').replace('D', '.');
  else {
    const lastComma = s.lastIndexOf(',');
    const lastDot = s.lastIndexOf('.');
    if (lastComma >= 0 && lastDot >= 0) {
      // Both: the last one is the decimal separator, the other groups thousands.
      const [dec, group] = lastComma > lastDot ? [',', '.'] : ['.', ','];
      s = s.split(group).join('');
      if (s.indexOf(dec) !== s.lastIndexOf(dec)) return NaN;
      s = s.replace(dec, '.');
    } else if (lastComma >= 0 || lastDot >= 0) {
      const sep = lastComma >= 0 ? ',' : '.';
      const parts = s.split(sep);
      if (parts.length > 2) {
        // Thousands « 1.234.567 » (the last group may still be being typed).
        const ok = /^\d{1,3}$/.test(parts[0]!) && parts.slice(1, -1).every((p) => /^\d{3}$/.test(p)) && /^\d{0,3}$/.test(parts.at(-1)!);
        if (!ok) return NaN;
        s = parts.join('');
      } else if (sep !== decimal && /^\d{1,3}$/.test(parts[0]!) && /^\d{3}$/.test(parts[1]!)) s = parts.join('');
      else s = parts.join('.');
    }
  }
  if (!/\d/.test(s)) return s === '' || s === '.' ? null : NaN;
  if (!/^\d*\.?\d*$/.test(s)) return NaN;
  const n = Number(s);
  return negative ? -n : n;
}

/** What is typed may become a number (partial input such as « 12, » or « - » included): the field keeps it. */
export function acceptsNumberText(text: string, decimal: string, allowNegative: boolean): boolean {
  return !Number.isNaN(parseNumberText(text, decimal)) && (allowNegative || !/[-\u2212]/.test(text));
}

/** On leaving the field: rounded to the cents, kept within the bounds, on the step (as react-aria did). */
export function settleNumber(n: number, { minValue, maxValue, step }: { minValue?: number; maxValue?: number; step?: number }): number {
  let v = n;
  if (step && step > 0) v = (minValue ?? 0) + Math.round((v - (minValue ?? 0)) / step) * step;
  if (minValue !== undefined) v = Math.max(minValue, v);
  if (maxValue !== undefined) v = Math.min(maxValue, v);
  return Math.round(v * 100) / 100;
}
