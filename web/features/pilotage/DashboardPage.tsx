/**
 * The dashboard of a plan, one tab per axis: each action's status, each indicator's latest
 * value against its target with a small history chart and its table, and a table by
 * neighbourhood.
 */
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { Button, DemoBadge, PageHeader, RequireRole, LoadStatus } from '../../ui';
import { euros, formatNumber, periodLabel } from './format';
import { HistoryChart } from './HistoryChart';
import { READERS, TableScroll, StandingText, StatusBadge, useCanEdit } from './shared';
import { useApi } from '../../app/use-api';
import { STATUSES, type Dashboard, type IndicatorSummary, type Neighbourhood } from './types';

type AxisView = Dashboard['axes'][number];

function IndicatorCard({ i }: { i: IndicatorSummary }) {
  const t = useT();
  return (
    <div className="indicator-card">
      <h5>
        <Link to={`/pilotage/indicateurs/${i.id}`}>{i.label}</Link>
      </h5>
      <p className="muted" style={{ margin: 0 }}>
        {i.sourceLabel}
      </p>
      <p style={{ margin: '0.25rem 0' }}>
        <span className="figure">{i.latest ? formatNumber(i.latest.value, i.unit) : t('pilotage.noValue')}</span>
        {i.latest ? <span className="muted"> ({periodLabel(i.latest.period)})</span> : null}
        {' · '}
        {t('pilotage.target')} : {i.target === null ? t('pilotage.toDefine') : formatNumber(i.target, i.unit)}
        {i.standing.state === 'no-target' || i.standing.state === 'no-value' ? null : (
          <>
            {' · '}
            <StandingText standing={i.standing} />
          </>
        )}
      </p>
      {i.history.length ? <HistoryChart small title={`${t('pilotage.history')} — ${i.label}`} points={i.history} target={i.target} unit={i.unit} /> : null}
    </div>
  );
}

function NeighbourhoodTable({ axis, hoods }: { axis: AxisView; hoods: Neighbourhood[] }) {
  const t = useT();
  const inds = axis.objectives.flatMap((o) => o.actions.flatMap((a) => a.indicators)).filter((i) => i.latest || Object.keys(i.byNeighbourhood).length);
  if (!inds.length) return null;
  const cols = [...hoods, ...(inds.some((i) => '?' in i.byNeighbourhood) ? [{ id: '?', name: t('pilotage.unlocated') }] : [])];
  return (
    <TableScroll label={t('pilotage.byNeighbourhood')}>
      <table className="pilotage-compact">
        <caption>{t('pilotage.byNeighbourhoodCaption', { axis: axis.code || axis.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pilotage.indicator')}</th>
            <th scope="col" style={{ textAlign: 'end' }}>
              {t('pilotage.total')}
            </th>
            {cols.map((n) => (
              <th key={n.id} scope="col" style={{ textAlign: 'end' }}>
                {n.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {inds.map((i) => (
            <tr key={i.id}>
              <th scope="row" style={{ fontWeight: 400, background: 'none' }}>
                {i.label}
                {i.latest ? <span className="muted"> ({periodLabel(i.latest.period)})</span> : null}
              </th>
              <td style={{ textAlign: 'end' }}>{formatNumber(i.latest?.value ?? null)}</td>
              {cols.map((n) => (
                <td key={n.id} style={{ textAlign: 'end' }}>
                  {formatNumber(i.byNeighbourhood[n.id] ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AxisPanel({ axis, hoods }: { axis: AxisView; hoods: Neighbourhood[] }) {
  const t = useT();
  return (
    <div>
      <h2>
        {axis.code ? `${axis.code} — ` : ''}
        {axis.title}
      </h2>
      {axis.goals.length ? (
        <ul className="goals">
          {axis.goals.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      ) : null}
      <ul className="counts" aria-label={t('pilotage.statusCounts')}>
        {STATUSES.map((s) => (
          <li key={s}>
            <StatusBadge status={s} /> {axis.counts[s]}
          </li>
        ))}
      </ul>
      <p className="muted">{t('pilotage.budget', { spent: euros(axis.budget.spentCents), planned: euros(axis.budget.plannedCents) })}</p>
      <h3>{t('pilotage.byNeighbourhood')}</h3>
      <NeighbourhoodTable axis={axis} hoods={hoods} />
      {axis.objectives.map((o) => (
        <section key={o.id} className="objective" aria-labelledby={`do-${o.id}`}>
          <h3 id={`do-${o.id}`}>
            {o.code ? `${o.code}. ` : ''}
            {o.title}
          </h3>
          <ul className="actions-list">
            {o.actions.map((a) => (
              <li key={a.id} style={{ display: 'block' }}>
                <div className="row" style={{ alignItems: 'baseline' }}>
                  <h4 style={{ margin: 0, fontSize: '1rem', fontWeight: 400, flex: '1 1 16rem' }}>
                    <Link to={`/pilotage/actions/${a.id}`}>{a.title}</Link>
                  </h4>
                  <StatusBadge status={a.status} />
                </div>
                {a.indicators.map((i) => (
                  <IndicatorCard key={i.id} i={i} />
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export default function DashboardPage() {
  const t = useT();
  const { id } = useParams();
  const canEdit = useCanEdit();
  const { data: d, error, reload } = useApi<Dashboard>(`/api/pilotage/plans/${id}/dashboard`);
  const [computed, setComputed] = useState('');
  const [busy, setBusy] = useState(false);
  async function compute() {
    setBusy(true);
    try {
      const r = await api.post<{ values: number; indicators: number }>(`/api/pilotage/plans/${id}/compute`, {});
      setComputed(t('pilotage.computed', { n: r.values, indicators: r.indicators }));
      reload();
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="pilotage">
      <RequireRole roles={[...READERS]}>
        <LoadStatus data={d} error={error} />
        {d ? (
          <>
            <p className="breadcrumb no-print">
              <Link to={`/pilotage/plans/${d.plan.id}`}>{t('pilotage.backToPlan')}</Link>
            </p>
            <PageHeader title={`${t('pilotage.dashboard')} — ${d.plan.title}`} intro={periodLabel(d.period)}>
              {d.plan.isDemo ? <DemoBadge label={t('pilotage.example')} /> : null}
            </PageHeader>
            {canEdit ? (
              <div className="row no-print">
                <Button variant="secondary" onPress={compute} isDisabled={busy}>
                  {t('pilotage.compute')}
                </Button>
                <span role="status" className="saved">
                  {computed}
                </span>
              </div>
            ) : null}
            <Tabs className="tabs">
              <TabList aria-label={t('pilotage.axesTabs')}>
                {d.axes.map((a) => (
                  <Tab key={a.id} id={a.id}>
                    {a.code || a.title}
                  </Tab>
                ))}
              </TabList>
              {d.axes.map((a) => (
                <TabPanel key={a.id} id={a.id}>
                  <AxisPanel axis={a} hoods={d.neighbourhoods} />
                </TabPanel>
              ))}
            </Tabs>
          </>
        ) : null}
      </RequireRole>
    </div>
  );
}
