/** Orientations received by a partner structure (no personal data in the list). */
import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { EmptyState, LoadStatus } from '../../ui';
import { frDate } from './types';
import type { PartnerOrientationListItem } from '../../../src/modules/dossiers';

type Orientation = PartnerOrientationListItem;

export function PartnerOrientations() {
  const t = useT();
  const { data: rows, error, reload } = useApi<Orientation[]>('/api/dossiers/partner/orientations');
  if (!rows) return <LoadStatus data={rows} error={error} reload={reload} />;
  if (!rows.length) return <EmptyState>{t('dossiers.partnerNone')}</EmptyState>;
  return (
    <ul className="plain-list">
      {rows.map((o) => (
        <li key={o.id} className="card">
          <p>
            <span className="badge">{t(`dossiers.status.${o.status}`)}</span>{' '}
            <span className="muted">
              {frDate(o.createdAt)} · {o.agentName ?? ''}
            </span>
          </p>
          <p>{o.note}</p>
          <Link to={`/dossier/partenaire/orientations/${o.id}`}>{t('dossiers.partnerOpen')}</Link>
        </li>
      ))}
    </ul>
  );
}
