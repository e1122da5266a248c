/** "Mon compte": FranceConnect linked or not (a parent links it once, unlinks it if a password remains); ProConnect for staff. */
import { useState } from 'react';
import { api } from '../../app/api';
import { frDate } from '../../app/format';
import { registerMessages, useT } from '../../app/i18n';
import { useLocation } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, Card, FormErrors, LoadStatus } from '../../ui';
import type { User } from '../../app/session';
import messages from './messages';
import { startUrl } from './OidcSignIn';
import './oidc.css';

registerMessages('oidc', messages);

interface Identities {
  linked: { provider: 'franceconnect' | 'proconnect'; linkedAt: string }[];
  hasPassword: boolean;
  canLink: boolean;
}

export function LinkedIdentities({ user }: { user: User }) {
  const t = useT();
  const r = useApi<Identities>('/api/account/identities');
  const { search } = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [unlinked, setUnlinked] = useState(false);
  const data = r.data;
  if (!data) return <LoadStatus data={r.data} error={r.error} reload={r.reload} />;
  const fc = data.linked.find((l) => l.provider === 'franceconnect');
  const pc = data.linked.find((l) => l.provider === 'proconnect');
  if (user.role !== 'parent') {
    return pc ? (
      <Card title="ProConnect">
        <p>{t('oidc.pcLinked', { date: frDate(pc.linkedAt) })}</p>
      </Card>
    ) : null;
  }
  if (!fc && !data.canLink && !unlinked) return null;
  const unlink = async () => {
    setError(null);
    try {
      await api.del('/api/account/identities/franceconnect');
      setUnlinked(true);
      r.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={t('oidc.linkTitle')}>
      <FormErrors error={error} />
      {unlinked ? (
        <Alert tone="success" live>
          {t('oidc.unlinked')}
        </Alert>
      ) : null}
      {fc ? (
        <>
          {search.get('lie') === 'franceconnect' ? (
            <Alert tone="success" live>
              {t('oidc.linkedNow')}
            </Alert>
          ) : null}
          <p>{t('oidc.linkedSince', { date: frDate(fc.linkedAt) })}</p>
          {data.hasPassword ? (
            <Button variant="secondary" onPress={unlink}>
              {t('oidc.unlinkButton')}
            </Button>
          ) : (
            <p className="muted">{t('oidc.noPasswordToUnlink')}</p>
          )}
        </>
      ) : data.canLink ? (
        <>
          <p>{t('oidc.linkIntro')}</p>
          <a className="oidc-button" href={startUrl('franceconnect', { purpose: 'link', retour: '/compte?lie=franceconnect' })}>
            {t('oidc.linkButton')}
          </a>
        </>
      ) : null}
    </Card>
  );
}
