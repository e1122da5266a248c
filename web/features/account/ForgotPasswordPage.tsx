import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { Alert, PageHeader } from '../../ui/display';
import { FormErrors } from '../../ui/FormErrors';

export default function ForgotPasswordPage() {
  const t = useT();
  const [identifier, setIdentifier] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const res = await api.post<{ message: string }>('/api/auth/password-reset', { identifier });
      setDone(res.message);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div style={{ maxWidth: '32rem' }}>
      <PageHeader title={t('forgot.title')} intro={t('forgot.intro')} />
      {done ? (
        <Alert tone="success" live>
          {done}
        </Alert>
      ) : null}
      <FormErrors error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('login.identifier')}
          name="identifier"
          autoComplete="username"
          value={identifier}
          onChange={setIdentifier}
          isRequired
          error={error instanceof ApiError ? error.field('identifier') : undefined}
        />
        <Button type="submit">{t('forgot.submit')}</Button>
      </form>
    </div>
  );
}
