/** The town's action plans (examples marked), a new plan, and Relais' indicators by neighbourhood. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { Alert, FormCard, Button, DemoBadge, PageHeader, RequireRole, TextField, LoadStatus } from '../../ui';
import { formatNumber } from './format';
import { READERS, StatusBadge, TableScroll, useCanEdit } from './shared';
import { useApi } from '../../app/use-api';
import type { PartnerAction, PlanSummary, RegistryValues } from './types';

function NewPlan() {
  const t = useT();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const r = await api.post<{ id: string }>('/api/pilotage/plans', { title, description });
      navigate(`/pilotage/plans/${r.id}`);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <FormCard id="new-plan" title={t('pilotage.newPlan')} error={error} onSubmit={submit}>
      <TextField label={t('pilotage.planTitle')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
      <TextField label={t('pilotage.planDescription')} value={description} onChange={setDescription} multiline error={error?.field('description')} />
      <Button type="submit">{t('pilotage.create')}</Button>
    </FormCard>
  );
}

function RegistryTable() {
  const t = useT();
  const [month, setMonth] = useState('');
  const [query, setQuery] = useState('');
  const { data, error } = useApi<RegistryValues>(`/api/pilotage/registry/values${query ? `?period=${query}` : ''}`);
  const cols = data ? [...data.neighbourhoods, { id: '?', name: t('pilotage.unlocated') }] : [];
  const val = (vs: { neighbourhood: string; value: number }[], k: string) => vs.find((v) => v.neighbourhood === k)?.value;
  return (
    <section aria-labelledby="registry">
      <h2 id="registry">{t('pilotage.registryTitle')}</h2>
      <p className="muted">{t('pilotage.registryIntro')}</p>
      <form className="row" onSubmit={(e) => (e.preventDefault(), setQuery(month))}>
        <TextField label={t('pilotage.month')} value={month} onChange={setMonth} placeholder={data?.period} error={error?.field('period')} />
        <Button type="submit" variant="secondary">
          {t('pilotage.show')}
        </Button>
      </form>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {data ? (
        <TableScroll label={t('pilotage.registryTitle')}>
          <table className="pilotage-compact">
            <caption>
              {t('pilotage.registryTitle')} — {data.period}
            </caption>
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
              {data.indicators.map((i) => (
                <tr key={i.id}>
                  <th scope="row" style={{ fontWeight: 400, background: 'none' }}>
                    {i.label} <span className="muted">({i.unit})</span>
                  </th>
                  <td style={{ textAlign: 'end' }}>{formatNumber(val(i.values, '*') ?? 0)}</td>
                  {cols.map((n) => (
                    <td key={n.id} style={{ textAlign: 'end' }}>
                      {formatNumber(val(i.values, n.id) ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

/** A partner reads the actions its structure takes part in. */
function PartnerActions() {
  const t = useT();
  const { data, error } = useApi<{ actions: PartnerAction[] }>('/api/pilotage/partner/actions');
  return (
    <section aria-labelledby="partner-actions">
      <h2 id="partner-actions">{t('pilotage.partnerActions')}</h2>
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {data && !data.actions.length ? <p className="muted">{t('pilotage.noPartnerAction')}</p> : null}
      <ul className="actions-list">
        {data?.actions.map((a) => (
          <li key={a.id}>
            <Link to={`/pilotage/actions/${a.id}`}>{a.title}</Link>
            <StatusBadge status={a.status} />
            <span className="muted">
              {a.planTitle} — {a.axisCode}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function PlansPage() {
  const t = useT();
  const canEdit = useCanEdit();
  const { user } = useSession();
  const { data, error } = useApi<{ plans: PlanSummary[] }>(user && user.role !== 'partner' ? '/api/pilotage/plans' : null);
  return (
    <div className="pilotage">
      <PageHeader title={t('pilotage.title')} intro={t('pilotage.intro')} />
      {user?.role === 'partner' ? <PartnerActions /> : null}
      {user?.role === 'partner' ? null : (
        <RequireRole roles={[...READERS]}>
          <LoadStatus data={data} error={error} />
          <nav aria-label={t('pilotage.idees.links')} className="row">
            <Link to="/pilotage/idees">{t('pilotage.idees.staffTitle')}</Link>
            <Link to="/pilotage/territoire">{t('pilotage.idees.territoryTitle')}</Link>
          </nav>
          {data ? (
            <section aria-labelledby="plans">
              <h2 id="plans">{t('pilotage.plans')}</h2>
              {data.plans.length === 0 ? <p className="muted">{t('pilotage.noPlan')}</p> : null}
              <ul className="cards">
                {data.plans.map((p) => (
                  <li key={p.id} className="card">
                    <h3 style={{ marginTop: 0 }}>
                      <Link to={`/pilotage/plans/${p.id}`}>{p.title}</Link>
                    </h3>
                    {p.isDemo ? <DemoBadge label={t('pilotage.example')} /> : null}
                    <p className="muted">{t('pilotage.counts', { axes: p.axes, actions: p.actions })}</p>
                    <p>
                      <Link to={`/pilotage/plans/${p.id}/tableau-de-bord`}>
                        {t('pilotage.dashboard')}
                        <span className="visually-hidden"> — {p.title}</span>
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {canEdit ? <NewPlan /> : null}
          <RegistryTable />
        </RequireRole>
      )}
    </div>
  );
}
