/**
 * "S'identifier avec FranceConnect" (families) and "S'identifier avec ProConnect" (agents and
 * partners) on the login page, each shown only when the server has that provider configured.
 * The buttons are links: the browser goes to the provider and comes back signed in.
 */
import { registerMessages, useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import messages from './messages';
import './oidc.css';

registerMessages('oidc', messages);

interface Providers {
  franceconnect: boolean;
  proconnect: boolean;
}

export const startUrl = (provider: 'franceconnect' | 'proconnect', query: Record<string, string> = {}) => {
  const q = new URLSearchParams(query).toString();
  return `/api/auth/oidc/${provider}/start${q ? `?${q}` : ''}`;
};

function ProviderButton({ provider, label, what, whatHref }: { provider: 'franceconnect' | 'proconnect'; label: string; what: string; whatHref: string }) {
  const t = useT();
  const back = new URLSearchParams(window.location.search).get('retour');
  return (
    <div className="oidc-signin">
      <a className="oidc-button" href={startUrl(provider, back ? { retour: back } : {})}>
        {label}
      </a>
      <a href={whatHref} target="_blank" rel="noopener noreferrer">
        {what} <span className="visually-hidden">{t('oidc.newWindow')}</span>
      </a>
    </div>
  );
}

/** `where`: 'families' above the password form, 'staff' below it. */
export function OidcSignIn({ where }: { where: 'families' | 'staff' }) {
  const t = useT();
  const providers = useApi<Providers>('/api/auth/oidc/providers');
  const p = providers.data;
  if (!p) return null;
  if (where === 'families') {
    if (!p.franceconnect) return null;
    return (
      <section aria-labelledby="oidc-fc">
        <p id="oidc-fc">{t('oidc.fcIntro')}</p>
        <ProviderButton provider="franceconnect" label={t('oidc.fcButton')} what={t('oidc.fcWhat')} whatHref="https://franceconnect.gouv.fr/" />
        <p className="oidc-or">{t('oidc.or')}</p>
      </section>
    );
  }
  if (!p.proconnect) return null;
  return (
    <section aria-labelledby="oidc-pc">
      <h2 id="oidc-pc">{t('oidc.pcTitle')}</h2>
      <ProviderButton provider="proconnect" label={t('oidc.pcButton')} what={t('oidc.pcWhat')} whatHref="https://www.proconnect.gouv.fr/" />
    </section>
  );
}
