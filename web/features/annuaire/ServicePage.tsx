/** A service's full card. */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { Alert, PageHeader } from '../../ui';
import './annuaire.css';
import messages from './messages';
import { ServiceCard } from './ServiceCard';
import type { ServiceSummary } from './types';

registerMessages('annuaire', messages);

export default function ServicePage() {
  const t = useT();
  const { id } = useParams();
  const [s, setS] = useState<ServiceSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    api.get<ServiceSummary>(`/api/annuaire/services/${id}`).then(setS, (e) => setError(e));
  }, [id]);
  return (
    <div className="annuaire">
      <p className="no-print"><Link to="/annuaire">{t('annuaire.back')}</Link></p>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {s ? (
        <>
          <PageHeader title={s.nom} />
          <ServiceCard s={s} full headingLevel={2} />
        </>
      ) : !error ? (
        <p>{t('annuaire.loading')}</p>
      ) : null}
    </div>
  );
}
