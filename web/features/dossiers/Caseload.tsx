/** The agent's caseload: tasks waiting, families followed, search. */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { Button, Card, EmptyState, FormErrors, LinkButton, LoadStatus, TextField } from '../../ui';
import { frDate } from './types';
import type { Caseload, RecentFamily, SearchResult } from '../../../src/modules/dossiers';
import { frDateTime } from '../../app/format';

/** A family of the caseload, or a search result (which names the children instead of counting them). */
type Family = Partial<Caseload['families'][number]> & Pick<SearchResult, 'id' | 'firstName' | 'lastName' | 'neighbourhoodId'> & { children?: string | null };
type Task = Caseload['tasks'][number];

const nameOf = (f: { firstName: string | null; lastName: string | null }) => [f.firstName, f.lastName].filter(Boolean).join(' ') || '—';

export function Caseload() {
  const t = useT();
  const caseload = useApi<{ families: Family[]; tasks: Task[] }>('/api/dossiers/caseload');
  const { data, reload: load } = caseload;
  const recent = useApi<RecentFamily[]>('/api/dossiers/caseload/recent');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Family[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setFound(await api.post<Family[]>('/api/dossiers/search', { q }));
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <div className="stack">
      <FormErrors error={error} />
      <div className="row">
        <LinkButton to="/dossier/agent/nouveau">{t('dossiers.newFile')}</LinkButton>
      </div>
      <Card title={t('dossiers.search')}>
        <form onSubmit={search} className="stack" role="search">
          <TextField label={t('dossiers.searchLabel')} value={q} onChange={setQ} />
          <Button type="submit">{t('dossiers.searchButton')}</Button>
        </form>
        {found ? (
          found.length ? (
            <ul className="plain-list">
              {found.map((f) => (
                <li key={f.id}>
                  <Link to={`/dossier/agent/familles/${f.id}`}>{nameOf(f)}</Link> <span className="muted">{f.children ?? ''}</span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t('dossiers.searchNone')}</EmptyState>
          )
        ) : null}
      </Card>
      <Card title={t('dossiers.tasks')}>
        {!data ? (
          <LoadStatus data={data} error={caseload.error} reload={load} />
        ) : data.tasks.length === 0 ? (
          <EmptyState>{t('dossiers.tasksNone')}</EmptyState>
        ) : (
          <ul className="plain-list">
            {data.tasks.map((k) => (
              <li key={k.id}>
                <strong>{k.label}</strong> — <Link to={`/dossier/agent/familles/${k.householdId}`}>{nameOf(k)}</Link>{' '}
                <span className="muted">{frDate(k.createdAt)}</span>
                {k.note ? <div>{k.note}</div> : null}
                <Button variant="ghost" onPress={() => api.post(`/api/dossiers/tasks/${k.id}/done`).then(load, setError)}>
                  {t('dossiers.taskDone')} <span className="visually-hidden">{k.label}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('desk.recent')}>
        {!recent.data ? (
          <LoadStatus data={recent.data} error={recent.error} reload={recent.reload} />
        ) : recent.data.length === 0 ? (
          <EmptyState>{t('desk.recentNone')}</EmptyState>
        ) : (
          <ul className="plain-list">
            {recent.data.map((f) => (
              <li key={f.id}>
                <Link to={`/dossier/agent/familles/${f.id}`}>{nameOf(f)}</Link>{' '}
                <span className="muted">{t('desk.recentOpened', { date: frDateTime(f.openedAt), reason: f.reason })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('dossiers.families')}>
        {!data ? null : data.families.length === 0 ? (
          <EmptyState>{t('dossiers.familiesNone')}</EmptyState>
        ) : (
          <ul className="plain-list">
            {data.families.map((f) => (
              <li key={f.id}>
                <Link to={`/dossier/agent/familles/${f.id}`}>{nameOf(f)}</Link>{' '}
                <span className="muted">
                  {f.openTasks ? t('dossiers.openTasks', { n: f.openTasks }) : ''}
                  {f.renewalOpen ? ` · ${t('dossiers.renewalPending')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
