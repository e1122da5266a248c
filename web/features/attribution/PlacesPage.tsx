/** The campaigns (readable without an account): what each offers, when to apply, a link to its rules; the family's and the staff's entries. */
import { registerMessages, useFormat, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { DemoBadge, LinkButton, Loaded, PageHeader } from '../../ui';
import messages from './messages';
import { StatusBadge, STAFF_ROLES } from './shared';
import { windowText } from './display';
import type { CampaignSummary } from '../../../src/modules/attribution';
import './attribution.css';

registerMessages('attribution', messages);

export function CampaignCard({ c, staff }: { c: CampaignSummary; staff?: boolean }) {
  const t = useT();
  const f = useFormat();
  const when = windowText(t, f.longDate, c.opensAt, c.closesAt);
  return (
    <li className="card">
      <h2>
        <Link to={staff ? `/places/gestion/${c.id}` : `/places/campagnes/${c.id}`}>
          <Fr>{c.title}</Fr>
        </Link>
      </h2>
      <p className="meta">
        <StatusBadge status={c.status} />
        <span>{t(`attribution.kind.${c.kind}`)}</span>
        <span>{t('attribution.places', { n: c.places })}</span>
        {staff ? <span>{t('attribution.applicationsCount', { n: c.applications })}</span> : null}
        {c.isDemo ? <DemoBadge label={t('attribution.example')} /> : null}
      </p>
      {when ? (
        <p className="muted" style={{ margin: 0 }}>
          {when}
        </p>
      ) : null}
    </li>
  );
}

export default function PlacesPage() {
  const t = useT();
  const { user } = useSession();
  const r = useApi<{ campaigns: CampaignSummary[] }>('/api/attribution/public/campaigns');
  const staff = user && (STAFF_ROLES as readonly string[]).includes(user.role);
  return (
    <div className="attribution">
      <PageHeader title={t('attribution.title')} intro={t('attribution.intro')}>
        <div className="row">
          {user?.role === 'parent' ? (
            <LinkButton to="/places/mes-demandes" variant="secondary">
              {t('attribution.myApplications')}
            </LinkButton>
          ) : null}
          {staff ? (
            <LinkButton to="/places/gestion" variant="secondary">
              {t('attribution.manage')}
            </LinkButton>
          ) : null}
        </div>
      </PageHeader>
      <h2>{t('attribution.campaigns')}</h2>
      <Loaded resource={r}>
        {(d) =>
          d.campaigns.length ? (
            <ul className="campaign-list">
              {d.campaigns.map((c) => (
                <CampaignCard key={c.id} c={c} />
              ))}
            </ul>
          ) : (
            <p className="muted">{t('attribution.noCampaign')}</p>
          )
        }
      </Loaded>
    </div>
  );
}
