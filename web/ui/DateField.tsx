/**
 * Dates and times people type, in the page's language: day, month and year segments in the
 * reader's order (jj/mm/aaaa in French), hours on 24 h where the language uses them, whatever the
 * browser's own language (a native `<input type="date">` in an en-US Chromium shows mm/dd/yyyy).
 * Values stay what the API takes: `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`, `HH:mm`, '' while incomplete.
 * Its own file: the date library is loaded only by the pages that ask for a date.
 */
import { DateField as AriaDateField, DateInput, DateSegment, FieldError, I18nProvider, Label, Text, TimeField as AriaTimeField } from 'react-aria-components';
import { parseDate, parseDateTime, parseTime, type CalendarDate, type CalendarDateTime, type Time } from '@internationalized/date';
import { useI18n, useT } from '../app/i18n';
import { ErrorMessage } from './field-label';
import { intlTag } from '../app/locales';
import './date-field.css';

interface Common {
  label: string;
  help?: string;
  /** The server's error for this field (ApiError.field(path)). */
  error?: string | null;
  isRequired?: boolean;
  isReadOnly?: boolean;
  /** The form field's name: a hidden input carries the ISO value (forms, tests). */
  name?: string;
  id?: string;
  /**
   * The field's full name when the visible label is short and shared (« Ouverture » on every day of a
   * week): the group is named by it, the label stays shown.
   */
  ariaLabel?: string;
}

function parse<T>(value: string | null | undefined, read: (s: string) => T): T | null {
  if (!value) return null;
  try {
    return read(value);
  } catch {
    return null;
  }
}

function Parts({ label, help, error, isRequired, ariaLabel }: Pick<Common, 'label' | 'help' | 'error' | 'isRequired' | 'ariaLabel'>) {
  const t = useT();
  const text = (
    <>
      {label}
      {isRequired ? <span className="muted"> {t('ui.required')}</span> : null}
    </>
  );
  return (
    <>
      {ariaLabel ? (
        <span className="label" aria-hidden="true">
          {text}
        </span>
      ) : (
        <Label className="label">{text}</Label>
      )}
      {help ? (
        <Text slot="description" className="help">
          {help}
        </Text>
      ) : null}
      <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
      <FieldError className="error">{error ? <ErrorMessage text={error} /> : null}</FieldError>
    </>
  );
}

/** A date (`YYYY-MM-DD`), or a date and time (`YYYY-MM-DDTHH:mm`) with `withTime`. */
export function DateField({
  value,
  onChange,
  withTime,
  min,
  max,
  ...common
}: Common & { value: string | null | undefined; onChange: (v: string) => void; withTime?: boolean; min?: string; max?: string }) {
  const { locale } = useI18n();
  const read = (s: string) => (withTime ? parseDateTime(s.slice(0, 16)) : parseDate(s.slice(0, 10)));
  return (
    <I18nProvider locale={intlTag(locale)}>
      <AriaDateField<CalendarDate | CalendarDateTime>
        id={common.id}
        aria-label={common.ariaLabel}
        className="field"
        name={common.name}
        value={parse(value, read)}
        onChange={(v) => onChange(v ? v.toString().slice(0, withTime ? 16 : 10) : '')}
        granularity={withTime ? 'minute' : 'day'}
        minValue={parse(min, read) ?? undefined}
        maxValue={parse(max, read) ?? undefined}
        isRequired={common.isRequired}
        isReadOnly={common.isReadOnly}
        isInvalid={Boolean(common.error)}
        validationBehavior="aria"
        shouldForceLeadingZeros
      >
        <Parts {...common} />
      </AriaDateField>
    </I18nProvider>
  );
}

/** A time of day (`HH:mm`). */
export function TimeField({ value, onChange, ...common }: Common & { value: string | null | undefined; onChange: (v: string) => void }) {
  const { locale } = useI18n();
  return (
    <I18nProvider locale={intlTag(locale)}>
      <AriaTimeField<Time>
        id={common.id}
        aria-label={common.ariaLabel}
        className="field"
        name={common.name}
        value={parse(value, parseTime)}
        onChange={(v) => onChange(v ? v.toString().slice(0, 5) : '')}
        isRequired={common.isRequired}
        isReadOnly={common.isReadOnly}
        isInvalid={Boolean(common.error)}
        validationBehavior="aria"
        shouldForceLeadingZeros
      >
        <Parts {...common} />
      </AriaTimeField>
    </I18nProvider>
  );
}
