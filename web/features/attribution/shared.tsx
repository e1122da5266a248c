/** Pieces shared by the place-allocation pages: the campaign's status, and the frame of every staff page of a campaign. */
import type { ReactNode } from 'react';
import type { CampaignDetail, CampaignSummary, ProofDocument } from '../../../src/modules/attribution';
import { useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { DemoBadge, LoadStatus, PageHeader, RequireRole } from '../../ui';

export const STAFF_ROLES = ['agent', 'coordinator', 'admin'] as const;

/** The kinds of document a criterion may name as its proof, in the order the editor offers them. */
export const PROOF_DOCUMENTS = Object.keys({
  'attestation-caf': 0,
  'avis-imposition': 0,
  'jugement-garde': 0,
  'bulletin-salaire': 0,
  'attestation-formation': 0,
  'attestation-pole-emploi': 0,
  'notification-mdph': 0,
  'courrier-travailleur-social': 0,
  'justificatif-domicile': 0,
  autre: 0,
} satisfies Record<ProofDocument, 0>) as ProofDocument[];

export function StatusBadge({ status }: { status: CampaignSummary['status'] }) {
  const t = useT();
  return (
    <span className="badge" data-tone={status === 'open' ? 'success' : undefined}>
      {t(`attribution.status.${status}`)}
    </span>
  );
}

type Tab = 'editor' | 'simulation' | 'results' | 'forecast';

function StaffTabs({ c, current }: { c: CampaignDetail; current: Tab }) {
  const t = useT();
  const tabs: { key: Tab; to: string; label: string }[] = [
    { key: 'editor', to: `/places/gestion/${c.id}`, label: t('attribution.editor') },
    { key: 'simulation', to: `/places/gestion/${c.id}/simulation`, label: t('attribution.simulation') },
    ...(c.status === 'published' ? [{ key: 'results' as const, to: `/places/gestion/${c.id}/resultats`, label: t('attribution.results') }] : []),
    { key: 'forecast', to: `/places/gestion/${c.id}/prevision`, label: t('attribution.forecast') },
  ];
  return (
    <nav aria-label={t('attribution.campaignPages')} className="attribution-tabs">
      <ul>
        {tabs.map((x) => (
          <li key={x.key}>{x.key === current ? <span aria-current="page">{x.label}</span> : <Link to={x.to}>{x.label}</Link>}</li>
        ))}
      </ul>
    </nav>
  );
}

function Frame({ id, current, heading, intro, actions, children }: StaffCampaignProps & { id: string }) {
  const t = useT();
  const r = useApi<CampaignDetail>(`/api/attribution/campaigns/${id}`);
  const c = r.data;
  return (
    <>
      <LoadStatus data={c} error={r.error} reload={r.reload} />
      {c ? (
        <>
          <PageHeader title={heading ? `${heading} — ${c.title}` : c.title} intro={intro}>
            <p className="meta">
              <StatusBadge status={c.status} />
              <span>{t(`attribution.kind.${c.kind}`)}</span>
              <span>{t('attribution.applicationsCount', { n: c.applications })}</span>
              {c.isDemo ? <DemoBadge label={t('attribution.example')} /> : null}
              {c.status !== 'draft' ? <Link to={`/places/campagnes/${id}`}>{t('attribution.readRules')}</Link> : null}
            </p>
            {actions?.(c, r.reload)}
          </PageHeader>
          <StaffTabs c={c} current={current} />
          {children(c, r.reload)}
        </>
      ) : null}
    </>
  );
}

interface StaffCampaignProps {
  current: Tab;
  /** The page's name, before the campaign's title (none: the campaign's title alone). */
  heading?: string;
  intro?: string;
  actions?: (c: CampaignDetail, reload: () => void) => ReactNode;
  children: (c: CampaignDetail, reload: () => void) => ReactNode;
}

/** A staff page of one campaign (`/places/gestion/:id/…`): the way back, the role check, the campaign's header and tabs, then the page. */
export function StaffCampaignPage(props: StaffCampaignProps) {
  const t = useT();
  const { id } = useParams();
  return (
    <div className="attribution">
      <p className="breadcrumb">
        <Link to="/places/gestion">{t('attribution.manageTitle')}</Link>
      </p>
      <RequireRole roles={[...STAFF_ROLES]}>
        <Frame id={id!} {...props} />
      </RequireRole>
    </div>
  );
}
