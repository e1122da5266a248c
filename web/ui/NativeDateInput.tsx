/**
 * A native date, time or date-and-time input (the phone's own picker), with its label and the
 * server's error for it beside it. Where the typed value must read in French whatever the
 * browser's language (a desktop Chromium set to en-US shows mm/dd/yyyy), prefer `DateField`.
 */
import { ErrorMessage } from './field-label';

export function NativeDateInput({
  id,
  type = 'date',
  label,
  value,
  onChange,
  isRequired,
  error,
}: {
  id: string;
  type?: 'date' | 'time' | 'datetime-local';
  label: string;
  value: string;
  onChange: (v: string) => void;
  isRequired?: boolean;
  error?: string | null;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={isRequired}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="error" id={`${id}-error`}>
          <ErrorMessage text={error} />
        </p>
      ) : null}
    </div>
  );
}
