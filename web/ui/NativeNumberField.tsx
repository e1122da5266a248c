/**
 * A number (or an amount in euros) typed in the reader's own format, in a plain input: the same
 * behaviour as `NumberField` (react-aria) at a fraction of its weight and start-up work (issue 18:
 * its NumberParser builds several Intl formatters per field, ~35 kB with the radio group, and /aides
 * missed Lighthouse's 90 on phones). What cannot become a number is not taken; leaving the field rounds
 * to the cents, keeps the bounds and writes the number as the locale does (« 1 234,50 € »); ↑ and ↓
 * add or remove one step. Props are `NumberField`'s, so a page swaps one for the other.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../app/i18n';
import { intlTag } from '../app/locales';
import { describedBy, FieldErrorText, FieldHelp, LabelText, Required } from './field-label';
import type { NumberFieldProps } from './NumberField';
import { acceptsNumberText, decimalSeparator, formatNumberText, parseNumberText, settleNumber } from './number-text';

export function NativeNumberField({ label, labelLang, help, error, value, onChange, isRequired, euros, name, ...bounds }: NumberFieldProps) {
  const { minValue, step } = bounds;
  const id = useId();
  const { locale } = useI18n();
  const tag = intlTag(locale);
  const decimal = () => decimalSeparator(tag);
  const format = useCallback((n: number | null | undefined) => formatNumberText(n, tag, Boolean(euros)), [tag, euros]);
  const [text, setText] = useState(() => format(value));
  // The value this field last gave: another one coming from the page (loaded, reset), or another
  // language chosen, replaces the text.
  const given = useRef<number | null | undefined>(value);
  const shownWith = useRef(format);
  useEffect(() => {
    if ((value !== given.current && !(Number.isNaN(value) && Number.isNaN(given.current))) || shownWith.current !== format) {
      given.current = value;
      shownWith.current = format;
      setText(format(value));
    }
  }, [value, format]);
  const emit = (n: number | null) => {
    given.current = n;
    if (n !== value) onChange(n);
  };
  const settle = (n: number) => {
    const v = settleNumber(n, bounds);
    setText(format(v));
    emit(v);
  };
  const allowNegative = minValue === undefined || minValue < 0;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const current = parseNumberText(text, decimal()) ?? minValue ?? 0;
    settle(current + (e.key === 'ArrowUp' ? 1 : -1) * (step ?? 1));
  };
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label htmlFor={id}>
        <LabelText label={label} lang={labelLang} />
        {isRequired ? <Required /> : null}
      </label>
      <FieldHelp id={id} help={help} />
      <input
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          if (!acceptsNumberText(next, decimal(), allowNegative)) return;
          setText(next);
          emit(parseNumberText(next, decimal()));
        }}
        onBlur={() => {
          const n = parseNumberText(text, decimal());
          if (n === null) setText('');
          else settle(n);
        }}
        onKeyDown={onKeyDown}
        aria-required={isRequired || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
      />
      <FieldErrorText id={id} error={error} />
    </div>
  );
}
