import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useI18n, useT } from '../../app/i18n';
import { LOCALES } from '../../app/locales';
import { useSession, type User } from '../../app/session';
import { Button } from '../../ui/Button';
import { SelectField, Switch, TextField } from '../../ui/fields';
import { Alert, Card, DemoBadge, PageHeader } from '../../ui/display';
import { LinkButton } from '../../ui';
import { useLocation } from '../../app/router';
import { FormErrors } from '../../ui/FormErrors';
import { RequireRole } from '../../ui/RequireRole';
import { LinkedIdentities } from './Identities';
import { useApi } from '../../app/use-api';

function Preferences({ user }: { user: User }) {
  const t = useT();
  const { setUser } = useSession();
  const { setLocale, setEasyRead } = useI18n();
  const [name, setName] = useState(user.displayName);
  const [locale, setLoc] = useState(user.locale);
  const [easy, setEasy] = useState(user.easyRead);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    try {
      const res = await api.patch<{ user: User }>('/api/account', { displayName: name, locale, easyRead: easy });
      setUser(res.user);
      setLocale(res.user.locale);
      setEasyRead(res.user.easyRead);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={t('account.preferences')}>
      {saved ? (
        <Alert tone="success" live>
          {t('account.saved')}
        </Alert>
      ) : null}
      <FormErrors error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('account.name')}
          value={name}
          onChange={setName}
          isRequired
          error={error instanceof ApiError ? error.field('displayName') : undefined}
        />
        <SelectField
          label={t('account.language')}
          name="locale"
          value={locale}
          onChange={setLoc}
          options={LOCALES.map((l) => ({ value: l.code, label: l.name, lang: l.code }))}
        />
        <p>
          <Switch isSelected={easy} onChange={setEasy}>
            {t('account.easyRead')}
          </Switch>
        </p>
        <Button type="submit">{t('account.save')}</Button>
      </form>
    </Card>
  );
}

/**
 * Changing a password needs one: an account opened through FranceConnect or ProConnect has none
 * and is offered to create one by the reset link instead (its « mot de passe actuel » would not exist).
 */
function PasswordChange() {
  const t = useT();
  const ids = useApi<{ hasPassword: boolean }>('/api/account/identities');
  if (ids.data && !ids.data.hasPassword)
    return (
      <Card title={t('account.noPasswordTitle')}>
        <p>{t('account.noPassword')}</p>
        <LinkButton to="/mot-de-passe-oublie" variant="secondary">
          {t('account.createPassword')}
        </LinkButton>
      </Card>
    );
  return <PasswordForm />;
}

function PasswordForm() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setError(null);
    try {
      await api.post('/api/account/password', { currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (err) {
      setError(err);
    }
  };
  const e = error instanceof ApiError ? error : null;
  return (
    <Card title={t('account.password')}>
      {done ? (
        <Alert tone="success" live>
          {t('account.passwordChanged')}
        </Alert>
      ) : null}
      <FormErrors error={error} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          isRequired
          error={e?.field('currentPassword')}
        />
        <TextField
          label={t('account.newPassword')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          isRequired
          error={e?.field('newPassword')}
        />
        <Button type="submit" variant="secondary">
          {t('account.password')}
        </Button>
      </form>
    </Card>
  );
}

/** A new account lands here (sign-up → /compte?bienvenue=1): the two first useful things. */
function Welcome() {
  const t = useT();
  return (
    <section className="stack" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('account.welcomeTitle')}</h2>
      <p>{t('account.welcomeIntro')}</p>
      <div className="welcome-grid">
        <Card title={t('account.welcomeSimTitle')}>
          <p>{t('account.welcomeSimText')}</p>
          <LinkButton to="/droits/simulateur">{t('account.welcomeSimLink')}</LinkButton>
        </Card>
        <Card title={t('account.welcomeFileTitle')}>
          <p>{t('account.welcomeFileText')}</p>
          <LinkButton to="/dossier/remplir" variant="secondary">
            {t('account.welcomeFileLink')}
          </LinkButton>
        </Card>
      </div>
      <p className="muted">{t('account.welcomeLater')}</p>
    </section>
  );
}

export default function AccountPage() {
  const t = useT();
  const { user } = useSession();
  const { search } = useLocation();
  const welcome = search.get('bienvenue') === '1' && user?.role === 'parent';
  return (
    <>
      <PageHeader title={t('account.title')} />
      <RequireRole roles={['parent', 'agent', 'partner', 'coordinator', 'admin']}>
        {user ? (
          <div className="stack">
            {welcome ? <Welcome /> : null}
            <Card title={user.displayName}>
              <dl>
                <dt>{t('account.role')}</dt>
                <dd>
                  {t(`role.${user.role}`)} {user.isDemo ? <DemoBadge label={t('account.demoAccount')} /> : null}
                </dd>
                <dt>{t('account.identifier')}</dt>
                <dd>{user.email ?? user.phone}</dd>
              </dl>
            </Card>
            <Preferences user={user} />
            <PasswordChange />
            <LinkedIdentities user={user} />
          </div>
        ) : null}
      </RequireRole>
    </>
  );
}
