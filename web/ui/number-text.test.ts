import { describe, expect, it } from 'vitest';
import { acceptsNumberText, decimalSeparator, formatNumberText, parseNumberText, settleNumber } from './number-text';

const fr = decimalSeparator('fr-FR');
const en = decimalSeparator('en-GB');
const ar = decimalSeparator('ar-u-nu-latn');

describe('a number as people type it', () => {
  it('knows each locale’s decimal separator', () => {
    expect([fr, en, ar]).toEqual([',', '.', '.']);
  });

  it('reads French amounts with a comma, spaces and the euro sign', () => {
    expect(parseNumberText('812', fr)).toBe(812);
    expect(parseNumberText('812,5', fr)).toBe(812.5);
    expect(parseNumberText('1 234,50 €', fr)).toBe(1234.5);
    expect(parseNumberText('1\u202f234,50\u00a0€', fr)).toBe(1234.5);
    expect(parseNumberText('1.234,50', fr)).toBe(1234.5);
  });

  it('takes the point a phone keypad gives as the decimal separator, three digits after it as thousands where the comma is the decimal', () => {
    expect(parseNumberText('812.5', fr)).toBe(812.5);
    expect(parseNumberText('12.50', fr)).toBe(12.5);
    expect(parseNumberText('1.234', fr)).toBe(1234);
    expect(parseNumberText('1,234', en)).toBe(1234);
    expect(parseNumberText('1,5', en)).toBe(1.5);
    expect(parseNumberText('1,234.5', en)).toBe(1234.5);
    expect(parseNumberText('1.234.567', fr)).toBe(1234567);
  });

  it('reads Arabic-Indic digits and the Arabic separators', () => {
    expect(parseNumberText('٨١٢', ar)).toBe(812);
    expect(parseNumberText('١٬٢٣٤٫٥', ar)).toBe(1234.5);
    expect(parseNumberText('\u200f1,234.50 €', ar)).toBe(1234.5);
  });

  it('writes a number as the locale does, in euros or not, nothing for no number', () => {
    expect(formatNumberText(1234.5, 'fr-FR', true).replace(/\s/g, ' ')).toBe('1 234,50 €');
    expect(formatNumberText(1234.5, 'fr-FR', false).replace(/\s/g, ' ')).toBe('1 234,5');
    expect(formatNumberText(1234.5, 'en-GB', true)).toBe('€1,234.50');
    expect(formatNumberText(null, 'fr-FR', true)).toBe('');
    expect(formatNumberText(NaN, 'fr-FR', true)).toBe('');
  });

  it('reads back what the locale writes', () => {
    for (const tag of ['fr-FR', 'en-GB', 'ar-u-nu-latn']) {
      for (const n of [0, 7, 812.5, 1234.56, 100000, -1234.25]) {
        const euros = formatNumberText(n, tag, true);
        const plain = formatNumberText(n, tag, false);
        expect(parseNumberText(euros, decimalSeparator(tag)), `${tag} ${euros}`).toBe(n);
        expect(parseNumberText(plain, decimalSeparator(tag)), `${tag} ${plain}`).toBe(n);
      }
    }
  });

  it('has no number yet in an empty or half-typed field, refuses what is not a number', () => {
    expect(parseNumberText('', fr)).toBeNull();
    expect(parseNumberText('  ', fr)).toBeNull();
    expect(parseNumberText(',', fr)).toBeNull();
    expect(parseNumberText('-', fr)).toBeNull();
    expect(parseNumberText('12,', fr)).toBe(12);
    expect(parseNumberText('-3', fr)).toBe(-3);
    expect(parseNumberText('12a', fr)).toBeNaN();
    expect(parseNumberText('1,2,3', fr)).toBeNaN();
    expect(parseNumberText('1,2.3,4', fr)).toBeNaN();
    expect(parseNumberText('3-4', fr)).toBeNaN();
    expect(parseNumberText('douze', fr)).toBeNaN();
  });

  it('keeps what may become a number while it is typed, and a minus sign only where negatives are allowed', () => {
    expect(acceptsNumberText('1 23', fr, false)).toBe(true);
    expect(acceptsNumberText('1.234.5', fr, false)).toBe(true);
    expect(acceptsNumberText('12a', fr, false)).toBe(false);
    expect(acceptsNumberText('-', fr, false)).toBe(false);
    expect(acceptsNumberText('-', fr, true)).toBe(true);
  });

  it('settles on leaving the field: cents, bounds and step', () => {
    expect(settleNumber(812.456, {})).toBe(812.46);
    expect(settleNumber(150000, { minValue: 0, maxValue: 100000 })).toBe(100000);
    expect(settleNumber(-5, { minValue: 0 })).toBe(0);
    expect(settleNumber(17, { minValue: 0, step: 5 })).toBe(15);
  });
});
