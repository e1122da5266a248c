/** The moderation queue of the rooms one facilitates (every room for coordination): reports (never who made them) and danger alerts. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, Loaded, PageHeader, RequireRole } from '../../ui';
import type { Moderation } from '../../../src/modules/groupes';
import messages from './messages';
import { formatMoment } from './live';
import { CATEGORIES } from './labels';
import './groupes.css';

registerMessages('groupes', messages);

function Queue() {
  const t = useT();
  const q = useApi<Moderation>('/api/groupes/moderation');
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      q.reload();
    } catch (err) {
      setError((err as ApiError).message);
    }
  };
  return (
    <Loaded resource={q}>
      {(d) => (
        <>
          {error ? (
            <Alert tone="error" live>
              {error}
            </Alert>
          ) : null}
          <section aria-labelledby="groupes-alerts">
            <h2 id="groupes-alerts">{t('groupes.dangerAlerts')}</h2>
            {d.alerts.length ? (
              <ul className="groupes-rooms">
                {d.alerts.map((a) => (
                  <li key={a.id} className="groupes-room-card" data-testid="alert">
                    <p>
                      {t('groupes.alertIn', {
                        room: a.roomName,
                        seq: a.seq ?? '—',
                        name: a.pseudonym ?? '—',
                        cats: a.categories.map((c) => CATEGORIES[c] ?? c).join(', '),
                      })}
                    </p>
                    <p className="muted">{formatMoment(String(a.createdAt))}</p>
                    <Link to={`/groupes/salons/${a.roomId}`}>{t('groupes.open')}</Link>{' '}
                    <Button onPress={() => act(() => api.post(`/api/groupes/alerts/${a.id}/acknowledge`, {}))}>{t('groupes.acknowledge')}</Button>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('groupes.noAlert')}</p>
            )}
          </section>
          <section aria-labelledby="groupes-reports">
            <h2 id="groupes-reports">{t('groupes.reports')}</h2>
            {d.reports.length ? (
              <ul className="groupes-rooms">
                {d.reports.map((r) => (
                  <li key={r.id} className="groupes-room-card" data-testid="report">
                    <p>{t('groupes.reportedIn', { room: r.roomName })}</p>
                    <blockquote>
                      <strong>{r.message.pseudonym}</strong> : {r.message.body ?? t('groupes.hidden')}
                    </blockquote>
                    <p>{r.reason ? t('groupes.reason', { reason: r.reason }) : t('groupes.noReason')}</p>
                    <Button
                      onPress={() =>
                        act(() =>
                          api.post(`/api/groupes/reports/${r.id}/resolve`, {
                            resolution: 'hidden',
                            reason: r.reason || 'Message contraire aux règles du groupe.',
                          }),
                        )
                      }
                    >
                      {t('groupes.hide')}
                    </Button>{' '}
                    <Button variant="secondary" onPress={() => act(() => api.post(`/api/groupes/reports/${r.id}/resolve`, { resolution: 'dismissed' }))}>
                      {t('groupes.dismiss')}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('groupes.noReport')}</p>
            )}
          </section>
        </>
      )}
    </Loaded>
  );
}

export default function ModerationPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={`${t('groupes.title')} – ${t('groupes.moderation')}`} />
      <p>
        <Link to="/groupes">{t('groupes.back')}</Link>
      </p>
      <RequireRole roles={['agent', 'coordinator', 'admin']}>
        <Queue />
      </RequireRole>
    </>
  );
}
