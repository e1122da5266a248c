/** The questionnaires of the town: state, answers, and what one can do with each. */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { LinkButton } from '../../ui/Button';
import { Alert, DemoBadge, EmptyState, PageHeader } from '../../ui/display';
import { RequireRole } from '../../ui/RequireRole';
import { ListeningNav } from './listening-ui';
import messages from './messages';
import type { QuestionnaireSummary } from './types';
import './diagnostic.css';

registerMessages('diagnostic', messages);

function List() {
  const t = useT();
  const { user } = useSession();
  const builder = user?.role === 'coordinator' || user?.role === 'admin';
  const [items, setItems] = useState<QuestionnaireSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    api
      .get<{ questionnaires: QuestionnaireSummary[] }>('/api/diagnostic/questionnaires')
      .then((r) => setItems(r.questionnaires))
      .catch((e) => setError(e));
  }, []);
  return (
    <>
      <PageHeader title={t('diagnostic.title')} intro={t('diagnostic.intro')}>
        {builder ? <LinkButton to="/diagnostic/nouveau">{t('diagnostic.new')}</LinkButton> : null}
        {builder ? <ListeningNav current="questionnaires" /> : null}
      </PageHeader>
      {error ? <Alert tone="error" title={error.message} /> : null}
      {!items && !error ? <p>{t('diagnostic.loading')}</p> : null}
      {items && !items.length ? <EmptyState>{t('diagnostic.none')}</EmptyState> : null}
      {items && items.length ? (
        <div style={{ overflowX: 'auto' }}>
          <table>
            <caption>{t('diagnostic.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diagnostic.colTitle')}</th>
                <th scope="col">{t('diagnostic.colStatus')}</th>
                <th scope="col" style={{ textAlign: 'end' }}>
                  {t('diagnostic.colResponses')}
                </th>
                <th scope="col">{t('diagnostic.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    {q.title} {q.isDemo ? <DemoBadge /> : null}
                    {q.source ? <div className="muted diag-small">{q.source}</div> : null}
                  </th>
                  <td>{t(`diagnostic.status.${q.status}`)}</td>
                  <td style={{ textAlign: 'end', fontVariantNumeric: 'tabular-nums' }}>{q.responses}</td>
                  <td>
                    <ul className="diag-actions">
                      {builder ? (
                        <li>
                          <Link to={`/diagnostic/${q.id}/resultats`} aria-label={`${t('diagnostic.results')} : ${q.title}`}>
                            {t('diagnostic.results')}
                          </Link>
                        </li>
                      ) : null}
                      {builder ? (
                        <li>
                          <Link to={`/diagnostic/${q.id}/modifier`} aria-label={`${t('diagnostic.edit')} : ${q.title}`}>
                            {t('diagnostic.edit')}
                          </Link>
                        </li>
                      ) : null}
                      {q.status === 'published' ? (
                        <li>
                          <Link to={`/diagnostic/${q.id}/kiosque`} aria-label={`${t('diagnostic.kiosk')} : ${q.title}`}>
                            {t('diagnostic.kiosk')}
                          </Link>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

export default function DiagnosticPage() {
  return (
    <RequireRole roles={['agent', 'coordinator', 'admin']}>
      <List />
    </RequireRole>
  );
}
