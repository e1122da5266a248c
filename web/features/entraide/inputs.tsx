/** Inputs the entraide's forms share: custody weeks, and a native date (or date and time) field. */
import { useT } from '../../app/i18n';
import { RadioGroup } from '../../ui';

export function CustodyRadio({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <RadioGroup
      label={t('entraide.custody')}
      value={value}
      onChange={onChange}
      options={[
        { value: 'all', label: t('entraide.custodyAll') },
        { value: 'even', label: t('entraide.custodyEven') },
        { value: 'odd', label: t('entraide.custodyOdd') },
      ]}
    />
  );
}

/** A native date picker (the phone's own), with its label and its error beside it. */
export function NativeDateField({
  id,
  label,
  type = 'date',
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  type?: 'date' | 'datetime-local';
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} required aria-describedby={error ? `${id}-error` : undefined} />
      {error ? (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
