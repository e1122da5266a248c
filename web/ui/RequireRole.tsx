import type { ReactNode } from 'react';
import { useSession } from '../app/session';
import { useT } from '../app/i18n';
import type { Role } from '../app/nav';
import { Link } from '../app/router';
import { Alert } from './display';

/** Shows its children to the given roles; otherwise says why not (never a blank page). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user, loading } = useSession();
  const t = useT();
  if (loading) return <p>{t('app.loading')}</p>;
  if (!user) {
    return (
      <Alert tone="info" title={t('account.loginFirst')}>
        <Link to={`/connexion?retour=${encodeURIComponent(window.location.pathname)}`}>{t('nav.login')}</Link>
      </Alert>
    );
  }
  if (!roles.includes(user.role)) return <Alert tone="error">{t('common.forbidden')}</Alert>;
  return <>{children}</>;
}
