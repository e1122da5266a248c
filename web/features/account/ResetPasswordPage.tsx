import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { Alert, PageHeader } from '../../ui/display';
import { FormErrors } from '../../ui/FormErrors';

/** The token comes in the URL fragment (#jeton=…): never sent to a server log. */
export default function ResetPasswordPage() {
  const t = useT();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('jeton');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/api/auth/password-reset/confirm', { token, password });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div style={{ maxWidth: '32rem' }}>
      <PageHeader title={t('reset.title')} />
      {!token ? (
        <Alert tone="error">
          {t('reset.noToken')} <Link to="/mot-de-passe-oublie">{t('forgot.title')}</Link>
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" live>
          {t('reset.done')} <Link to="/connexion">{t('nav.login')}</Link>
        </Alert>
      ) : (
        <>
          <FormErrors error={error} />
          <form onSubmit={submit} noValidate>
            <TextField
              label={t('reset.password')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              isRequired
              error={error instanceof ApiError ? error.field('password') : undefined}
            />
            <Button type="submit" isDisabled={!token}>
              {t('reset.submit')}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
