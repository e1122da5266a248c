/** The public summary of a published plan: what the town does, where each action stands, town-wide figures. */
import { useI18n, useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { Alert, DemoBadge, PageHeader, LoadStatus } from '../../ui';
import { formatNumber, periodLabel } from './format';
import { ErrorText, Fr } from '../../app/lang';
import { HistoryChart } from './HistoryChart';
import { StatusBadge } from './shared';
import { useApi } from '../../app/use-api';
import type { PublicPlan, PublicPlanSummary } from './types';

function PlanList() {
  const t = useT();
  const { data, error } = useApi<{ plans: PublicPlanSummary[] }>('/api/pilotage/public/plans');
  return (
    <div className="pilotage">
      <PageHeader title={t('pilotage.publicTitle')} intro={t('pilotage.publicIntro')} />
      {error ? (
        <Alert tone="error">
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
      {data && !data.plans.length ? <p className="muted">{t('pilotage.noPublicPlan')}</p> : null}
      <ul className="cards">
        {data?.plans.map((p) => (
          <li key={p.id} className="card">
            <h2 style={{ marginTop: 0, fontSize: '1.1rem' }}>
              <Link to={`/plan-d-action/${p.id}`}>
                <Fr>{p.title}</Fr>
              </Link>
            </h2>
            {p.isDemo ? <DemoBadge label={t('pilotage.example')} /> : null}
            <p className="muted">
              <Fr>{p.description}</Fr>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Plan({ id }: { id: string }) {
  const t = useT();
  const { locale } = useI18n();
  const { data: p, error } = useApi<PublicPlan>(`/api/pilotage/public/plans/${id}`);
  return (
    <div className="pilotage">
      <p className="breadcrumb no-print">
        <Link to="/plan-d-action">{t('pilotage.publicTitle')}</Link>
      </p>
      <LoadStatus data={p} error={error} />
      {p ? (
        <>
          <PageHeader title={p.title} titleLang={locale === 'fr' ? undefined : 'fr'} intro={p.description ? <Fr>{p.description}</Fr> : undefined}>
            {p.isDemo ? <DemoBadge label={t('pilotage.example')} /> : null}
            {p.source ? (
              <p className="muted">
                {t('pilotage.labelColon', { label: t('pilotage.source') })} <Fr>{p.source}</Fr>
              </p>
            ) : null}
          </PageHeader>
          <p className="muted">{t('pilotage.publicNote')}</p>
          {p.axes.map((a) => (
            <details key={a.id}>
              <summary>
                {a.code ? `${a.code} — ` : ''}
                <Fr>{a.title}</Fr>
              </summary>
              <div className="body">
                {a.objectives.map((o) => (
                  <section key={o.id} className="objective" aria-labelledby={`po-${o.id}`}>
                    <h2 id={`po-${o.id}`} style={{ fontSize: '1.05rem' }}>
                      {o.code ? `${o.code}. ` : ''}
                      <Fr>{o.title}</Fr>
                    </h2>
                    <ul className="actions-list">
                      {o.actions.map((x) => (
                        <li key={x.id} style={{ display: 'block' }}>
                          <div className="row" style={{ alignItems: 'baseline' }}>
                            <span style={{ flex: '1 1 16rem' }}>
                              <Fr>{x.title}</Fr>
                            </span>
                            <StatusBadge status={x.status} />
                          </div>
                          {x.indicators.map((i) => (
                            <div key={i.id} className="indicator-card">
                              <h3 style={{ fontSize: '1rem', margin: 0 }}>
                                <Fr>{i.label}</Fr>
                              </h3>
                              <p style={{ margin: '0.25rem 0' }}>
                                <span className="figure">{i.latest ? formatNumber(i.latest.value, i.unit, locale) : t('pilotage.noValue')}</span>
                                {i.latest ? <span className="muted"> ({periodLabel(i.latest.period, locale)})</span> : null}
                                {' · '}
                                {t('pilotage.labelColon', { label: t('pilotage.target') })}{' '}
                                {i.target === null ? t('pilotage.toDefine') : formatNumber(i.target, i.unit, locale)}
                              </p>
                              {i.history.length ? (
                                <HistoryChart small title={`${t('pilotage.history')} — ${i.label}`} points={i.history} target={i.target} unit={i.unit} />
                              ) : null}
                            </div>
                          ))}
                        </li>
                      ))}
                    </ul>
                  </section>
                ))}
              </div>
            </details>
          ))}
        </>
      ) : null}
    </div>
  );
}

export default function PublicPlanPage() {
  const { id } = useParams();
  return id ? <Plan id={id} /> : <PlanList />;
}
