/** "Pourquoi on vous demande ceci ?": which forms use a field, and why. */
import { useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import type { FieldUsage } from './types';
import { DateField as UiDateField } from '../../ui/DateField';

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

/** A labelled date, typed in the reader's order (web/ui/DateField): `YYYY-MM-DD`, or null when empty. */
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
  return (
    <UiDateField
      id={`date-${name}`}
      name={name}
      label={label}
      value={value}
      onChange={(v) => onChange(v || null)}
      error={error}
      isRequired={isRequired}
      isReadOnly={isReadOnly}
    />
  );
}
