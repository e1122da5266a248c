import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, navigate, useLocation } from '../../app/router';
import { useSession, type User } from '../../app/session';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { Alert, PageHeader } from '../../ui/display';
import { FormErrors } from '../../ui/FormErrors';
import { OidcSignIn } from './OidcSignIn';

/** Only same-site paths: a crafted `retour` must not send people elsewhere. */
export function safeReturn(v: string | null): string {
  return v && v.startsWith('/') && !v.startsWith('//') ? v : '/';
}

export default function LoginPage() {
  const t = useT();
  const { setUser } = useSession();
  const back = safeReturn(useLocation().search.get('retour'));
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ user: User }>('/api/auth/login', { identifier, password });
      setUser(res.user);
      navigate(back);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const e = error instanceof ApiError ? error : null;
  return (
    <div style={{ maxWidth: '32rem' }}>
      <PageHeader title={t('login.title')} />
      <OidcSignIn where="families" />
      <FormErrors error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('login.identifier')}
          name="identifier"
          autoComplete="username"
          value={identifier}
          onChange={setIdentifier}
          isRequired
          error={e?.field('identifier')}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          isRequired
          error={e?.field('password')}
        />
        <div className="row">
          <Button type="submit" isDisabled={busy}>
            {t('login.submit')}
          </Button>
          <Link to="/mot-de-passe-oublie">{t('login.forgot')}</Link>
        </div>
      </form>
      <p>
        {t('login.noAccount')} <Link to="/inscription">{t('nav.signup')}</Link>
      </p>
      <OidcSignIn where="staff" />
      <Alert tone="info">{t('login.demo')}</Alert>
    </div>
  );
}
