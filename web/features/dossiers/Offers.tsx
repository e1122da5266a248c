/**
 * What the family can ask for, read from its file by the other modules (their
 * `hooks.dossiers.offers`, e.g. the town's local aids), where it already looks: "Mon dossier".
 */
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Card, EmptyState, LinkButton, LoadStatus } from '../../ui';
import { OfferItem } from '../../ui/OfferItem';
import { Fr } from '../../app/lang';
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
        <Card key={s.module} title={<Fr>{s.title}</Fr>}>
          {s.items.length ? (
            <ul className="plain-list offers">
              {s.items.map((o) => (
                <OfferItem key={o.key} offer={o} badge={t(`dossiers.offers.${o.likelihood}`)} idPrefix={`offer-${s.module}`}>
                  <LinkButton to={o.href} variant="secondary">
                    {t('dossiers.offers.ask')}{' '}
                    <span className="visually-hidden">
                      <Fr>{o.title}</Fr>
                    </span>
                  </LinkButton>
                </OfferItem>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('dossiers.offers.none')}</EmptyState>
          )}
          <p>
            <Link to={s.more.href}>
              <Fr>{s.more.label}</Fr>
            </Link>
          </p>
        </Card>
      ))}
    </>
  );
}
