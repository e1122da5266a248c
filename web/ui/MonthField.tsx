/**
 * A month (`YYYY-MM`, '' while incomplete): the month by its name in the page's language (« mars »)
 * and the year typed, whatever the browser's own language (a native `<input type="month">` shows
 * "March 2026" or nothing usable, depending on the browser). A group named by its label; each part
 * has its own label, and the help and the error are tied to both.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useI18n, useT } from '../app/i18n';
import { intlTag } from '../app/locales';
import { describedBy, FieldErrorText, FieldHelp, Required } from './field-label';

export function MonthField({
  label,
  help,
  error,
  value,
  onChange,
  isRequired,
  id,
}: {
  label: string;
  help?: string;
  /** The server's error for this field (ApiError.field(path)). */
  error?: string | null;
  value: string | null | undefined;
  onChange: (v: string) => void;
  isRequired?: boolean;
  id?: string;
}) {
  const t = useT();
  const { locale } = useI18n();
  const uid = useId();
  const base = id ?? uid;
  const split = (v: string | null | undefined) => /^(\d{4})-(\d{2})$/.exec(v ?? '')?.slice(1) ?? ['', ''];
  const [year, setYear] = useState(() => split(value)[0]);
  const [month, setMonth] = useState(() => split(value)[1]);
  // A value set from outside (loaded, reset) shows; an incomplete one being typed ('') keeps what is typed.
  useEffect(() => {
    const [y, m] = split(value);
    if (y) {
      setYear(y);
      setMonth(m);
    }
  }, [value]);
  const months = useMemo(() => {
    const name = new Intl.DateTimeFormat(intlTag(locale), { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), label: name.format(Date.UTC(2001, i, 1)) }));
  }, [locale]);
  const emit = (y: string, m: string) => onChange(/^\d{4}$/.test(y) && m ? `${y}-${m}` : '');
  const described = describedBy(base, help, error);
  const invalid = error ? true : undefined;
  return (
    <fieldset className="field month-field" id={base} data-invalid={invalid}>
      <legend className="label">
        {label}
        {isRequired ? <Required /> : null}
      </legend>
      <FieldHelp id={base} help={help} />
      <div className="month-parts">
        <label>
          <span className="help">{t('ui.month')}</span>
          <select
            value={month}
            onChange={(e) => {
              setMonth(e.target.value);
              emit(year, e.target.value);
            }}
            aria-invalid={invalid}
            aria-required={isRequired || undefined}
            aria-describedby={described}
          >
            <option value="">—</option>
            {months.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="help">{t('ui.year')}</span>
          <input
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            size={4}
            value={year}
            onChange={(e) => {
              const y = e.target.value.replace(/\D/g, '').slice(0, 4);
              setYear(y);
              emit(y, month);
            }}
            aria-invalid={invalid}
            aria-required={isRequired || undefined}
            aria-describedby={described}
          />
        </label>
      </div>
      <FieldErrorText id={base} error={error} />
    </fieldset>
  );
}
