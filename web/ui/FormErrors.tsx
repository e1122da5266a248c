import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError } from '../app/api';
import { useTx } from '../app/i18n';
import { ErrorText, Fr } from '../app/lang';

/** The error summary at the top of a form: focused, with each field named (a label that is French data: `<Fr>`). */
export function FormErrors({ error, labels = {} }: { error: unknown; labels?: Record<string, ReactNode> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'unknown', (error as Error).message ?? 'Une erreur est survenue.');
  return (
    <div ref={ref} tabIndex={-1} className="alert" data-tone="error" role="alert">
      <strong>
        <ErrorText code={e.code} message={e.message} />
      </strong>
      {e.fields.length ? (
        <ul>
          {e.fields.map((f) => (
            <li key={f.path + f.message}>
              <FieldLine label={labels[f.path]} message={f.lang && f.lang !== 'fr' ? <>{f.message}</> : <Fr>{f.message}</Fr>} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** « Champ : message » with the reader's punctuation (a space before the colon in French only). */
function FieldLine({ label, message }: { label: ReactNode; message: ReactNode }) {
  const tx = useTx();
  return label ? <>{tx('ui.fieldError', { label, message })}</> : <>{message}</>;
}
