import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, navigate } from '../../app/router';
import { useSession, type User } from '../../app/session';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { Alert, PageHeader } from '../../ui/display';
import { FormErrors } from '../../ui/FormErrors';

export default function SignupPage() {
  const t = useT();
  const { setUser } = useSession();
  const [form, setForm] = useState({ displayName: '', identifier: '', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      // The server answers the same whether or not the identifier already has an account
      // (no enumeration): the page then logs in with the password just chosen.
      const created = await api.post<{ message: string }>('/api/auth/signup', form);
      try {
        const res = await api.post<{ user: User }>('/api/auth/login', { identifier: form.identifier, password: form.password });
        setUser(res.user);
        navigate('/compte?bienvenue=1');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) setNotice(created.message);
        else throw err;
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const e = error instanceof ApiError ? error : null;
  const labels = { displayName: t('signup.name'), identifier: t('signup.identifier'), password: t('signup.password') };
  return (
    <div style={{ maxWidth: '32rem' }}>
      <PageHeader title={t('signup.title')} intro={t('signup.intro')} />
      <FormErrors error={error} labels={labels} />
      {notice && (
        <Alert tone="info" live>
          {notice} <Link to="/connexion">{t('nav.login')}</Link>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          label={labels.displayName}
          name="displayName"
          autoComplete="given-name"
          value={form.displayName}
          onChange={set('displayName')}
          isRequired
          error={e?.field('displayName')}
        />
        <TextField
          label={labels.identifier}
          help={t('signup.identifierHelp')}
          name="identifier"
          autoComplete="username"
          value={form.identifier}
          onChange={set('identifier')}
          isRequired
          error={e?.field('identifier')}
        />
        <TextField
          label={labels.password}
          name="password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          isRequired
          error={e?.field('password')}
        />
        <Button type="submit" isDisabled={busy}>
          {t('signup.submit')}
        </Button>
      </form>
      <p>
        {t('signup.hasAccount')} <Link to="/connexion">{t('nav.login')}</Link>
      </p>
    </div>
  );
}
