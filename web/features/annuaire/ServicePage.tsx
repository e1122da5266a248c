/** A service's full card. */
import { useApi } from '../../app/use-api';
import { registerMessages, useI18n, useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { LoadStatus, PageHeader } from '../../ui';
import './annuaire.css';
import messages from './messages';
import { ServiceCard } from './ServiceCard';
import type { ServiceSummary } from './types';

registerMessages('annuaire', messages);

export default function ServicePage() {
  const t = useT();
  const { locale } = useI18n();
  const { id } = useParams();
  const { data: s, error, reload } = useApi<ServiceSummary>(`/api/annuaire/services/${id}`);
  return (
    <div className="annuaire">
      <p className="no-print">
        <Link to="/annuaire">{t('annuaire.back')}</Link>
      </p>
      {s ? (
        <>
          <PageHeader title={s.nom} titleLang={locale === 'fr' ? undefined : 'fr'} />
          <ServiceCard s={s} full headingLevel={2} />
        </>
      ) : (
        <LoadStatus data={s} error={error} reload={reload} />
      )}
    </div>
  );
}
