/** "Pourquoi on vous demande ceci ?": which forms use a field, and why. */
import { useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import type { FieldUsage } from './types';

export function Why({ keys, usage }: { keys: string[]; usage: FieldUsage[] }) {
  const t = useT();
  const tx = useTx();
  const forms = new Map<string, { title: string; purpose: string }>();
  for (const u of usage) if (keys.includes(u.key)) for (const f of u.usedBy) forms.set(f.formId, f);
  return (
    <details className="why">
      <summary>{t('dossiers.why')}</summary>
      {forms.size ? (
        <ul>
          {[...forms.values()].map((f) => (
            <li key={f.title}>{tx('dossiers.whyUsedBy', { title: <Fr>{f.title}</Fr>, purpose: <Fr>{f.purpose}</Fr> })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('dossiers.whyNone')}</p>
      )}
    </details>
  );
}

/** A labelled native date input (the phone's own date picker). */
export function DateField({
  label,
  value,
  onChange,
  error,
  isRequired,
  isReadOnly,
  name,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
  isRequired?: boolean;
  isReadOnly?: boolean;
  name: string;
}) {
  const id = `date-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {isRequired ? <span className="muted"> (obligatoire)</span> : null}
      </label>
      <input
        id={id}
        name={name}
        type="date"
        value={value ?? ''}
        required={isRequired}
        readOnly={isReadOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value || null)}
      />
      {error ? (
        <span className="error" id={`${id}-err`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
