/** Staff: demand per group in earlier campaigns of the same kind (first choices), this campaign's so far, and the forecast. */
import { registerMessages, useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { BarChart, Loaded, PageHeader, RequireRole } from '../../ui';
import messages from './messages';
import { StaffTabs, STAFF_ROLES } from './shared';
import type { CampaignDetail, Forecast } from './types';
import './attribution.css';

registerMessages('attribution', messages);

function Page({ id }: { id: string }) {
  const t = useT();
  const c = useApi<CampaignDetail>(`/api/attribution/campaigns/${id}`);
  const r = useApi<Forecast>(`/api/attribution/campaigns/${id}/forecast`);
  return (
    <>
      <PageHeader title={`${t('attribution.forecastTitle')}${c.data ? ` — ${c.data.title}` : ''}`} intro={t('attribution.forecastIntro')} />
      <StaffTabs id={id} current="forecast" />
      <Loaded resource={r}>
        {(f) => (
          <>
            {f.groups.map((g) => (
              <section key={g.label} aria-labelledby={`fg-${g.label}`} className="card" style={{ marginBottom: '1rem' }}>
                <h2 id={`fg-${g.label}`} style={{ marginTop: 0, fontSize: '1.1rem' }}>
                  {g.label}
                </h2>
                <p>
                  {t('attribution.currentDemand')} : <strong>{g.current}</strong>
                  {g.forecast !== null ? (
                    <>
                      {' '}
                      · {t('attribution.forecastFor')} : <strong>{g.forecast}</strong>
                    </>
                  ) : null}
                </p>
                {g.history.length ? (
                  <BarChart
                    title={t('attribution.chartTitle', { label: g.label })}
                    labelHeader={t('attribution.campaign')}
                    valueHeader={t('attribution.demand')}
                    data={[
                      ...g.history.map((h) => ({ label: h.campaignTitle.replace(/ \(démonstration\)$/, ''), value: h.demand })),
                      ...(g.forecast !== null ? [{ label: t('attribution.forecastFor'), value: g.forecast }] : []),
                    ]}
                  />
                ) : (
                  <p className="muted">{t('attribution.noHistory')}</p>
                )}
              </section>
            ))}
          </>
        )}
      </Loaded>
    </>
  );
}

export default function ForecastPage() {
  const t = useT();
  const { id } = useParams();
  return (
    <div className="attribution">
      <p className="breadcrumb">
        <Link to="/places/gestion">{t('attribution.manageTitle')}</Link>
      </p>
      <RequireRole roles={[...STAFF_ROLES]}>
        <Page id={id!} />
      </RequireRole>
    </div>
  );
}
