/** Pieces shared by the place-allocation pages. */
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import type { CampaignSummary } from './types';

export const STAFF_ROLES = ['agent', 'coordinator', 'admin'] as const;

export function StatusBadge({ status }: { status: CampaignSummary['status'] }) {
  const t = useT();
  return (
    <span className="badge" data-tone={status === 'open' ? 'success' : undefined}>
      {t(`attribution.status.${status}`)}
    </span>
  );
}

export function StaffTabs({ id, current }: { id: string; current: 'editor' | 'simulation' | 'forecast' }) {
  const t = useT();
  const tabs = [
    { key: 'editor', to: `/places/gestion/${id}`, label: t('attribution.editor') },
    { key: 'simulation', to: `/places/gestion/${id}/simulation`, label: t('attribution.simulation') },
    { key: 'forecast', to: `/places/gestion/${id}/prevision`, label: t('attribution.forecast') },
  ];
  return (
    <nav aria-label={t('attribution.campaigns')} className="attribution-tabs">
      <ul>
        {tabs.map((x) => (
          <li key={x.key}>{x.key === current ? <span aria-current="page">{x.label}</span> : <Link to={x.to}>{x.label}</Link>}</li>
        ))}
      </ul>
    </nav>
  );
}
