/** Inputs the entraide's forms share: custody weeks, and a native date (or date and time) field. */
import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useQueuedForms } from '../../app/pwa';
import { Alert, FormErrors, NativeDateInput, RadioGroup } from '../../ui';

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

/** A native date picker (the phone's own), with its label and its error beside it; always required here. */
export function NativeDateField(props: {
  id: string;
  label: string;
  type?: 'date' | 'datetime-local';
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
}) {
  return <NativeDateInput {...props} isRequired />;
}

/**
 * A button's POST: on success the error clears and the page reloads; on failure the error stays to be shown.
 * With a `label` (what the family reads about it), a family's POST made without network waits on the
 * phone and goes when it returns (issue 19, docs/pwa.md): `notice` says so meanwhile; `what` is the French
 * text in the label (a title, a place), marked lang="fr" in the list of sendings.
 */
export function usePostThenReload(reload: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const queue = useQueuedForms();
  async function post(url: string, body?: unknown, label?: string, what?: string) {
    try {
      const sent = label ? await queue.send({ method: 'POST', url, body: body ?? {}, label, what }) : (await api.post(url, body), { queued: false });
      setError(null);
      if (!sent.queued) reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return { error, post, notice: queue.notice };
}

/** A form's submit: sends, then says what was done — or keeps the errors, each shown beside its field. */
export function useFormSubmit(send: () => Promise<string>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    try {
      const said = await send();
      setError(null);
      setDone(said);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return { error, done, submit };
}

/** A form's title, its errors and what was done. */
export function FormHead({ title, level = 2, error, done }: { title: string; level?: 2 | 3; error: ApiError | null; done: string | null }) {
  return (
    <>
      {level === 2 ? <h2>{title}</h2> : <h3>{title}</h3>}
      <FormErrors error={error} />
      {done ? (
        <Alert tone="success" live>
          {done}
        </Alert>
      ) : null}
    </>
  );
}
