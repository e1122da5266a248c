/**
 * What the family can ask for, read from its file by the other modules (their
 * `hooks.dossiers.offers`, e.g. the town's local aids), where it already looks: "Mon dossier".
 */
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Card, EmptyState, LinkButton, LoadStatus } from '../../ui';
import type { FileOffers } from '../../../src/modules/dossiers';
import messages from './offers-messages';

registerMessages('dossiers.offers', messages);

export function Offers() {
  const t = useT();
  const r = useApi<FileOffers>('/api/dossiers/me/offres');
  if (!r.data) return <LoadStatus data={r.data} error={r.error} reload={r.reload} />;
  return (
    <>
      {r.data.sections.map((s) => (
        <Card key={s.module} title={s.title}>
          {s.items.length ? (
            <ul className="plain-list offers">
              {s.items.map((o) => (
                <li key={o.key}>
                  <h3>{o.title}</h3>
                  <p>
                    <span className="badge" data-tone={o.likelihood === 'yes' ? 'success' : undefined}>
                      {t(`dossiers.offers.${o.likelihood}`)}
                    </span>{' '}
                    {o.gives}
                  </p>
                  {o.why.length ? (
                    <ul>
                      {o.why.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  ) : null}
                  <LinkButton to={o.href} variant="secondary">
                    {t('dossiers.offers.ask')} <span className="visually-hidden">{o.title}</span>
                  </LinkButton>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('dossiers.offers.none')}</EmptyState>
          )}
          <p>
            <Link to={s.more.href}>{s.more.label}</Link>
          </p>
        </Card>
      ))}
    </>
  );
}
