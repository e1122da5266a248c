/** A structure: its contact, hours, label and Pass, and all its services. */
import { useApi } from '../../app/use-api';
import { registerMessages, useFormat, useI18n, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link, useParams } from '../../app/router';
import { DemoBadge, LoadStatus, PageHeader } from '../../ui';
import './annuaire.css';
import messages from './messages';
import { ServiceCard } from './ServiceCard';
import { displayPhone, type StructureListing } from './types';

registerMessages('annuaire', messages);

type Structure = StructureListing;

export default function StructurePage() {
  const t = useT();
  const f = useFormat();
  const { locale } = useI18n();
  const { id } = useParams();
  const { data: s, error, reload } = useApi<Structure>(`/api/annuaire/structures/${id}`);
  if (!s) return <LoadStatus data={s} error={error} reload={reload} />;
  const address = [s.adresse, [s.code_postal, s.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <div className="annuaire">
      <p className="no-print">
        <Link to="/annuaire">{t('annuaire.back')}</Link>
      </p>
      <PageHeader title={s.nom} titleLang={locale === 'fr' ? undefined : 'fr'} intro={s.description ? <Fr>{s.description}</Fr> : undefined} />
      <p className="annuaire-badges">
        {s.demo ? <DemoBadge label={t('annuaire.demo')} /> : null}
        {s.label_ville_solidaire ? (
          <span className="badge" data-tone="accent">
            {t('annuaire.labelBadge')}
          </span>
        ) : null}
        {s.pass_famille_solo ? (
          <span className="badge" data-tone="accent">
            {t('annuaire.passBadge')}
          </span>
        ) : null}
      </p>
      <dl className="annuaire-facts">
        {address ? (
          <>
            <dt>{t('annuaire.address')}</dt>
            <dd>
              <Fr>{address}</Fr>
            </dd>
          </>
        ) : null}
        {s.telephone ? (
          <>
            <dt>{t('annuaire.phone')}</dt>
            <dd>
              <a href={`tel:${s.telephone.replace(/\s+/g, '')}`} dir="ltr">
                {displayPhone(s.telephone)}
              </a>
            </dd>
          </>
        ) : null}
        {s.courriel ? (
          <>
            <dt>{t('annuaire.email')}</dt>
            <dd>
              <a href={`mailto:${s.courriel}`}>{s.courriel}</a>
            </dd>
          </>
        ) : null}
        {s.site_web ? (
          <>
            <dt>{t('annuaire.website')}</dt>
            <dd>
              <a href={s.site_web} rel="noopener" target="_blank">
                {s.site_web}
              </a>
            </dd>
          </>
        ) : null}
        {s.pass_famille_solo_avantage ? (
          <>
            <dt>{t('annuaire.passDetails')}</dt>
            <dd>
              <Fr>{s.pass_famille_solo_avantage}</Fr>
            </dd>
          </>
        ) : null}
      </dl>
      {s.stale ? (
        <p className="annuaire-stale" role="note">
          {t('annuaire.stale')}
        </p>
      ) : null}
      {(s.date_verification ?? s.date_maj) ? <p className="muted small">{t('annuaire.checked', { date: f.date(s.date_verification ?? s.date_maj) })}</p> : null}
      <h2>{t('annuaire.services')}</h2>
      <ul className="annuaire-results">
        {s.services.map((v) => (
          <li key={v.id}>
            <ServiceCard s={v} />
          </li>
        ))}
      </ul>
    </div>
  );
}
