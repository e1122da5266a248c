/** What the aides pages share: their texts, the eligibility badge, the aid's own fields in a form, a scrolling table. */
import { useState, type ReactNode } from 'react';
import type { ApiError } from '../../app/api';
import { registerMessages, useT, type T } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Alert, FormErrors, NativeNumberField, TextField } from '../../ui';
import messages from './messages';
import './aides.css';

registerMessages('aides', messages);

/** `staff`: the third person of the agents' pages ("Éligible"), not the family's "Vous pouvez l'obtenir". */
export function EligibilityBadge({ status, staff = false }: { status: 'eligible' | 'not_eligible' | 'to_check'; staff?: boolean }) {
  const t = useT();
  const label =
    status === 'eligible'
      ? t(staff ? 'aides.staffEligible' : 'aides.eligible')
      : status === 'to_check'
        ? t('aides.toCheck')
        : t(staff ? 'aides.staffNotEligible' : 'aides.notEligible');
  return (
    <span className="badge" data-tone={status === 'eligible' ? 'success' : undefined}>
      {label}
    </span>
  );
}

/** A field of the family's file by its key ("parent.firstName"), translated; null when the catalogue has none. */
export function fileFieldLabel(t: T, key: string): string | null {
  const k = `aides.file.${key}`;
  const v = t(k);
  return v === k ? null : v;
}

/** A request's status in the reader's language (the server's French label when the catalogue has none). */
export function statusText(t: T, status: string | null, label: string | null): string {
  const key = `aides.status.${status}`;
  const v = status ? t(key) : key;
  return v === key ? (label ?? '') : v;
}

export interface AidField {
  key: string;
  label: string;
  type: 'money' | 'text';
  required: boolean;
}
export type FieldValues = Record<string, string | number | null>;

/** What the form typed → what the API takes: money in cents, empty fields left out. */
export function fieldsForApi(fields: readonly AidField[], values: FieldValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v !== null && v !== undefined && v !== '') out[f.key] = f.type === 'money' ? Math.round(Number(v) * 100) : String(v);
  }
  return out;
}

/** The aid's own fields by error path, for a form's error summary: their labels are the town's French words. */
export function aidFieldLabels(fields: { key: string; label: string }[]): Record<string, ReactNode> {
  return Object.fromEntries(fields.map((f) => [`fields.${f.key}`, <Fr key={f.key}>{f.label}</Fr>]));
}

/** The aid's own fields (beyond the file), each with its error. */
export function AidFields({
  fields,
  values,
  onChange,
  error,
}: {
  fields: readonly AidField[];
  values: FieldValues;
  onChange: (v: FieldValues) => void;
  error: ApiError | null;
}) {
  return (
    <>
      {fields.map((f) =>
        f.type === 'money' ? (
          <NativeNumberField
            key={f.key}
            label={f.label}
            labelLang="fr"
            euros
            isRequired={f.required}
            value={(values[f.key] as number | null) ?? null}
            onChange={(v) => onChange({ ...values, [f.key]: v })}
            minValue={0}
            error={error?.field(`fields.${f.key}`)}
          />
        ) : (
          <TextField
            key={f.key}
            label={f.label}
            labelLang="fr"
            isRequired={f.required}
            value={String(values[f.key] ?? '')}
            onChange={(v) => onChange({ ...values, [f.key]: v })}
            error={error?.field(`fields.${f.key}`)}
          />
        ),
      )}
    </>
  );
}

/** A table that scrolls on a phone, labelled for screen readers; `head`: the column titles, `num` right-aligned. */
export function ScrollTable({ label, head, children }: { label: string; head: { title: string; num?: boolean }[]; children: ReactNode }) {
  return (
    <div className="aides-table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h.title} scope="col" className={h.num ? 'aides-num' : undefined}>
                {h.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export type Reload = () => void;

/** Runs one action of a page: its error (each field's message beside its input), its success line, then reloads. */
export function useAction(reload: Reload) {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run(fn: () => Promise<unknown>, message: string) {
    setError(null);
    setDone(null);
    try {
      const out = await fn();
      // A form queued without network (web/app/pwa.tsx): not done yet, the page says it waits.
      if ((out as { queued?: unknown } | undefined)?.queued === true) return;
      setDone(message);
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  }
  return { error, done, run };
}

/** An action's error (with each field's message) or its success line, in one place of the form. */
export function ActionStatus({ a }: { a: ReturnType<typeof useAction> }) {
  return (
    <>
      <FormErrors error={a.error} />
      {a.done ? (
        <Alert tone="success" live>
          {a.done}
        </Alert>
      ) : null}
    </>
  );
}
