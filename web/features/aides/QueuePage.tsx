/** The agents' queue: requests by fund, status and age, a search, the CSV export. */
import { useState } from 'react';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { Button, LinkButton, LoadStatus, NumberField, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import { frLongDate as dateFr } from '../../app/format';
import { ScrollTable } from './shared';
import type { FundsView, Instructors, QueueView } from '../../../src/modules/aides';

const STATUS_OPTIONS = [
  ['deposee', 'Déposée'],
  ['en_instruction', 'En instruction'],
  ['a_corriger', 'À corriger'],
  ['accordee', 'Accordée'],
  ['refusee', 'Refusée'],
  ['classee', 'Classée sans suite'],
  ['versee', 'Versée'],
] as const;

function Queue() {
  const t = useT();
  const town = useTown();
  const [fund, setFund] = useState('');
  const [status, setStatus] = useState('');
  const [older, setOlder] = useState<number | null>(null);
  const [q, setQ] = useState('');
  const [assigned, setAssigned] = useState('');
  const agents = useApi<Instructors>('/api/aides/instructeurs');
  const [query, setQuery] = useState('');
  const funds = useApi<FundsView>('/api/aides/fonds');
  const r = useApi<QueueView>(`/api/aides/instruction${query}`, { keepPrevious: true });
  function apply() {
    const p = new URLSearchParams();
    if (fund) p.set('fund', fund);
    if (status) p.set('status', status);
    if (older !== null) p.set('olderThanDays', String(older));
    if (assigned) p.set('assigned', assigned);
    if (q.trim()) p.set('q', q.trim());
    setQuery(p.toString() ? `?${p}` : '');
  }
  return (
    <>
      <form className="item-row" onSubmit={(e) => (e.preventDefault(), apply())}>
        <SelectField
          label={t('aides.fund')}
          value={fund}
          onChange={setFund}
          options={[{ value: '', label: t('aides.anyFund') }, ...(funds.data?.funds ?? []).map((f) => ({ value: f.fundId, label: f.title }))]}
        />
        <SelectField
          label={t('aides.statusFilter')}
          value={status}
          onChange={setStatus}
          options={[{ value: '', label: t('aides.anyStatus') }, ...STATUS_OPTIONS.map(([value, label]) => ({ value, label }))]}
        />
        <SelectField
          label={t('aides.assignedFilter')}
          value={assigned}
          onChange={setAssigned}
          options={[
            { value: '', label: t('aides.anyAgent') },
            { value: 'me', label: t('aides.me') },
            { value: 'none', label: t('aides.nobodyYet') },
            ...(agents.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        <NumberField label={t('aides.olderThan')} value={older} onChange={setOlder} minValue={0} />
        <TextField label={t('aides.search')} value={q} onChange={setQ} />
        <Button type="submit" variant="secondary">
          {t('aides.filter')}
        </Button>
      </form>
      <p>
        <a href={`/api/aides/instruction.csv${query}`} download>
          {t('aides.csv')}
        </a>
      </p>
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data && !r.data.requests.length ? <p className="muted">{t('aides.none')}</p> : null}
      {r.data?.requests.length ? (
        <ScrollTable
          label={t('aides.queueTitle')}
          head={[
            { title: t('aides.colAid') },
            { title: t('aides.fund') },
            { title: t('aides.colStatus') },
            { title: t('aides.colHood') },
            { title: t('aides.colFiled') },
            { title: t('aides.colWaiting'), num: true },
            { title: t('aides.colAgent') },
          ]}
        >
          {r.data.requests.map((x) => (
            <tr key={x.id}>
              <td>
                <Link to={`/aides/demandes/${x.id}`}>{x.aidTitle}</Link> {x.byMandate ? <span className="badge">{t('aides.byMandateStaff')}</span> : null}
              </td>
              <td>{x.fundTitle}</td>
              <td>{STATUS_OPTIONS.find(([v]) => v === x.status)?.[1]}</td>
              <td>{town.neighbourhoods.find((n) => n.id === x.neighbourhood)?.name ?? '—'}</td>
              <td>{dateFr(x.submittedAt)}</td>
              <td className="aides-num">{t('aides.days', { n: x.waitingDays })}</td>
              <td>{x.assignedName ?? '—'}</td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </>
  );
}

export default function QueuePage() {
  const t = useT();
  return (
    <RequireRole roles={['agent', 'coordinator']}>
      <PageHeader title={t('aides.queueTitle')} intro={t('aides.queueIntro')} />
      <p>
        <LinkButton to="/aides/fonds" variant="secondary">
          {t('aides.funds')}
        </LinkButton>
      </p>
      <Queue />
    </RequireRole>
  );
}
