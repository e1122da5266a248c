/** A choice from a list: a native select, with its label, help and error tied to it. */
import { describedBy, FieldErrorText, FieldHelp, Required, type FieldCommon as Common } from './field-label';

export function SelectField({
  label,
  help,
  error,
  value,
  onChange,
  options,
  isRequired,
  name,
}: Common & {
  value: string;
  onChange: (v: string) => void;
  /** `lang` marks an option written in another language than the page (a language's own name, French data). */
  options: { value: string; label: string; lang?: string }[];
  isRequired?: boolean;
  name?: string;
}) {
  // A native select: the most robust control on phones and with screen readers.
  const id = `sel-${name ?? label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {isRequired ? <Required /> : null}
      </label>
      <FieldHelp id={id} help={help} />
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help, error)}
        required={isRequired}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrorText id={id} error={error} />
    </div>
  );
}
