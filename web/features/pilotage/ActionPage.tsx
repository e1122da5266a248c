/** An action: status, lead service, partners, neighbourhoods, budget, dates, and its indicators. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, navigate, useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { useTown } from '../../app/town';
import { Alert, Button, Checkbox, DemoBadge, NumberField, PageHeader, RequireRole, SelectField, TextField, LoadStatus } from '../../ui';
import { euros, formatNumber } from './format';
import { IndicatorForm } from './IndicatorForm';
import { PartnerStructures } from './PartnerStructures';
import { READERS, StatusBadge, useCanEdit } from './shared';
import { useApi } from '../../app/use-api';
import { DateField } from '../../ui/DateField';
import { STATUSES, type ActionStatus, type ActionView, type Indicator } from './types';

const toCents = (v: number | null) => (v === null ? null : Math.round(v * 100));

function ActionForm({ a, reload }: { a: ActionView; reload: () => void }) {
  const t = useT();
  const town = useTown();
  const [status, setStatus] = useState<ActionStatus>(a.status);
  const [leadService, setLead] = useState(a.leadService);
  const [partners, setPartners] = useState(a.partners.join(', '));
  const [hoods, setHoods] = useState<string[]>(a.neighbourhoods);
  const [structures, setStructures] = useState<string[]>(a.partnerStructureIds);
  const [planned, setPlanned] = useState<number | null>(a.budgetPlannedCents === null ? null : a.budgetPlannedCents / 100);
  const [spent, setSpent] = useState<number | null>(a.budgetSpentCents === null ? null : a.budgetSpentCents / 100);
  const [start, setStart] = useState(a.startDate ?? '');
  const [end, setEnd] = useState(a.endDate ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [status, leadService, partners, hoods, structures, planned, spent, start, end]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.patch(`/api/pilotage/actions/${a.id}`, {
        status,
        leadService,
        partners: partners
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        neighbourhoods: hoods,
        partnerStructureIds: structures,
        budgetPlannedCents: toCents(planned),
        budgetSpentCents: toCents(spent),
        startDate: start || null,
        endDate: end || null,
      });
      setError(null);
      reload();
      setSaved(true);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} aria-labelledby="action-form">
      <h2 id="action-form">{t('pilotage.followUp')}</h2>
      {error ? (
        <Alert tone="error" live>
          {error.message}
        </Alert>
      ) : null}
      <SelectField
        label={t('pilotage.status')}
        name="status"
        value={status}
        onChange={(v) => setStatus(v as ActionStatus)}
        options={STATUSES.map((s) => ({ value: s, label: t(`pilotage.status.${s}`) }))}
        error={error?.field('status')}
      />
      <div className="grid-2">
        <TextField label={t('pilotage.leadService')} value={leadService} onChange={setLead} error={error?.field('leadService')} />
        <TextField label={t('pilotage.partners')} help={t('pilotage.partnersHelp')} value={partners} onChange={setPartners} error={error?.field('partners')} />
      </div>
      <fieldset>
        <legend>{t('pilotage.neighbourhoods')}</legend>
        <p className="muted" style={{ marginTop: 0 }}>
          {t('pilotage.neighbourhoodsHelp')}
        </p>
        <div className="grid-2">
          {town.neighbourhoods.map((n) => (
            <Checkbox key={n.id} isSelected={hoods.includes(n.id)} onChange={(v) => setHoods((h) => (v ? [...h, n.id] : h.filter((x) => x !== n.id)))}>
              {n.name}
            </Checkbox>
          ))}
        </div>
        {error?.fields.find((f) => f.path.startsWith('neighbourhoods')) ? (
          <p className="field-error">{error.fields.find((f) => f.path.startsWith('neighbourhoods'))!.message}</p>
        ) : null}
      </fieldset>
      <PartnerStructures value={structures} onChange={setStructures} />
      <div className="grid-2">
        <NumberField label={t('pilotage.budgetPlanned')} euros minValue={0} value={planned} onChange={setPlanned} error={error?.field('budgetPlannedCents')} />
        <NumberField label={t('pilotage.budgetSpent')} euros minValue={0} value={spent} onChange={setSpent} error={error?.field('budgetSpentCents')} />
        <DateField name="startDate" label={t('pilotage.startDate')} value={start} onChange={setStart} error={error?.field('startDate')} />
        <DateField name="endDate" label={t('pilotage.endDate')} value={end} onChange={setEnd} error={error?.field('endDate')} />
      </div>
      <div className="row">
        <Button type="submit">{t('pilotage.saveAction')}</Button>
        <span role="status" className="saved">
          {saved ? t('pilotage.saved') : ''}
        </span>
      </div>
    </form>
  );
}

function ReadOnly({ a }: { a: ActionView }) {
  const t = useT();
  const town = useTown();
  const names = a.neighbourhoods.map((id) => town.neighbourhoods.find((n) => n.id === id)?.name ?? id);
  return (
    <dl className="facts">
      <div>
        <dt>{t('pilotage.status')}</dt>
        <dd>
          <StatusBadge status={a.status} />
        </dd>
      </div>
      <div>
        <dt>{t('pilotage.leadService')}</dt>
        <dd>{a.leadService || t('pilotage.toDefine')}</dd>
      </div>
      <div>
        <dt>{t('pilotage.partners')}</dt>
        <dd>{a.partners.join(', ') || t('pilotage.toDefine')}</dd>
      </div>
      <div>
        <dt>{t('pilotage.neighbourhoods')}</dt>
        <dd>{names.join(', ') || t('pilotage.wholeTown')}</dd>
      </div>
      <div>
        <dt>{t('pilotage.budgetPlanned')}</dt>
        <dd>{euros(a.budgetPlannedCents)}</dd>
      </div>
      <div>
        <dt>{t('pilotage.budgetSpent')}</dt>
        <dd>{euros(a.budgetSpentCents)}</dd>
      </div>
    </dl>
  );
}

function IndicatorList({ list, links }: { list: Indicator[]; links: boolean }) {
  const t = useT();
  if (!list.length) return <p className="muted">{t('pilotage.noIndicator')}</p>;
  return (
    <ul className="actions-list">
      {list.map((i) => (
        <li key={i.id}>
          {links ? <Link to={`/pilotage/indicateurs/${i.id}`}>{i.label}</Link> : <span>{i.label}</span>}
          <span className="muted">{t(`pilotage.source.${i.source}`)}</span>
          <span>
            {t('pilotage.target')} : {i.target === null ? t('pilotage.toDefine') : formatNumber(i.target, i.unit)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function ActionPage() {
  const t = useT();
  const { id } = useParams();
  const canEdit = useCanEdit();
  const staff = useSession().user?.role !== 'partner';
  const { data: a, error, reload } = useApi<ActionView>(`/api/pilotage/actions/${id}`);
  async function remove() {
    if (!a || !window.confirm(`${t('pilotage.deleteAction')} ?`)) return;
    await api.del(`/api/pilotage/actions/${a.id}`);
    navigate(`/pilotage/plans/${a.plan.id}`);
  }
  return (
    <div className="pilotage">
      <RequireRole roles={[...READERS, 'partner']}>
        <LoadStatus data={a} error={error} />
        {a ? (
          <>
            <p className="breadcrumb no-print">
              {staff ? <Link to={`/pilotage/plans/${a.plan.id}`}>{a.plan.title}</Link> : <Link to="/pilotage">{a.plan.title}</Link>} › {a.axis.code} ›{' '}
              {a.objective.code ? `${a.objective.code}. ` : ''}
              {a.objective.title}
            </p>
            <PageHeader title={a.title}>
              {a.plan.isDemo ? <DemoBadge label={t('pilotage.example')} /> : null}
              {a.description ? a.description.split('\n').map((l, i) => <p key={i}>{l}</p>) : null}
              {a.proposal ? (
                <p className="idea-origin-line">
                  {t('pilotage.idees.actionFrom', { title: a.proposal.title, n: a.proposal.supports })}{' '}
                  {staff ? <Link to="/pilotage/idees">{t('pilotage.idees.staffTitle')}</Link> : null}
                </p>
              ) : null}
            </PageHeader>
            {canEdit ? <ActionForm key={a.id} a={a} reload={reload} /> : <ReadOnly a={a} />}
            <h2>{t('pilotage.indicators')}</h2>
            <IndicatorList list={a.indicators} links={staff} />
            {canEdit ? <IndicatorForm actionId={a.id} onDone={reload} /> : null}
            {staff ? (
              <p>
                <Link to={`/pilotage/actions/${a.id}/bilan`}>{t('pilotage.evaluation')}</Link>
              </p>
            ) : null}
            {canEdit ? (
              <Button variant="danger" onPress={remove}>
                {t('pilotage.deleteAction')}
              </Button>
            ) : null}
          </>
        ) : null}
      </RequireRole>
    </div>
  );
}
