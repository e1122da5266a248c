/**
 * A text field (one line or several): a visible label, optional help, the error right under the input,
 * tied to it by `aria-describedby` and `aria-invalid`, `aria-required` when required. Plain elements:
 * react-aria's TextField gave the same markup but brought ~20 kB compressed of shared react-aria code
 * (focus scopes, form validation, the locale's text direction computed at load) to every page with a
 * form (issue 18: Lighthouse on phones). Props keep react-aria's names, so pages did not change.
 */
import { useId, type KeyboardEvent } from 'react';
import { describedBy, FieldErrorText, FieldHelp, LabelText, Required, type FieldCommon } from './field-label';

export interface TextFieldProps extends FieldCommon {
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  name?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'search';
  autoComplete?: string;
  inputMode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
  placeholder?: string;
  maxLength?: number;
  isRequired?: boolean;
  isReadOnly?: boolean;
  isDisabled?: boolean;
  /** Invalid without a message of its own (the form's summary says why). */
  isInvalid?: boolean;
  autoFocus?: boolean;
  multiline?: boolean;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  className?: string;
}

export function TextField({
  label,
  labelLang,
  help,
  error,
  multiline,
  type,
  isRequired,
  isReadOnly,
  isDisabled,
  isInvalid,
  onChange,
  className,
  ...props
}: TextFieldProps) {
  const id = useId();
  const invalid = Boolean(error) || Boolean(isInvalid);
  const control = {
    ...props,
    id,
    readOnly: isReadOnly,
    disabled: isDisabled,
    'aria-required': isRequired || undefined,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy(id, help, error),
  };
  const change = (e: { target: { value: string } }) => onChange?.(e.target.value);
  return (
    <div className={`field${className ? ` ${className}` : ''}`} data-invalid={invalid || undefined} data-readonly={isReadOnly || undefined}>
      <label htmlFor={id}>
        <LabelText label={label} lang={labelLang} />
        {isRequired ? <Required /> : null}
      </label>
      <FieldHelp id={id} help={help} />
      {multiline ? <textarea {...control} onChange={change} /> : <input {...control} type={type ?? 'text'} onChange={change} />}
      <FieldErrorText id={id} error={error} />
    </div>
  );
}
