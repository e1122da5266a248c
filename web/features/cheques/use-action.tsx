/** One way for the chèques pages to run a change: clear the last result, call the API, show its error or its success. */
import { useState } from 'react';
import { ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Alert, FormErrors, NumberField } from '../../ui';

export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  /** Runs `fn`; on success shows `done` (if any) and returns its answer, on failure shows the error and returns undefined. */
  async function run<T>(fn: () => Promise<T>, done?: string): Promise<T | undefined> {
    setError(null);
    setNotice('');
    try {
      const answer = await fn();
      if (done) setNotice(done);
      return answer;
    } catch (e) {
      setError(e);
      return undefined;
    }
  }
  /** The API's message for one field, shown next to its input. */
  const field = (path: string) => (error instanceof ApiError ? error.field(path) : undefined);
  return { error, notice, run, field };
}

/** The action's error (with its fields) or its success, announced to screen readers. */
export function ActionStatus({ action }: { action: ReturnType<typeof useAction> }) {
  return (
    <>
      <FormErrors error={action.error} />
      {action.notice ? (
        <Alert tone="success" live>
          {action.notice}
        </Alert>
      ) : null}
    </>
  );
}

/** An amount in euros (sent in cents as `amountCents`), with the API's message for it. */
export function AmountField({ value, onChange, action }: { value: number | null; onChange: (v: number | null) => void; action: ReturnType<typeof useAction> }) {
  const t = useT();
  return (
    <NumberField
      label={t('cheques.amountEuros')}
      value={value}
      onChange={onChange}
      minValue={0.01}
      step={0.01}
      euros
      isRequired
      error={action.field('amountCents')}
    />
  );
}
