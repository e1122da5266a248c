/**
 * The on-call inbox of emergency childcare requests: a new request shows at once (a
 * WebSocket signal, then the list is read again; every 15 s while the socket is down),
 * the agent goes on call (SMS alerts) and answers with a place or a refusal.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT, type T } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Button, FormErrors, LoadStatus, PageHeader, RequireRole, Switch, TextField } from '../../ui';
import { frCalendarDay, frClock, frDayTime } from './shared';
import type { Inbox } from './types';

/** Re-reads on every signal; polls while the live connection is down. */
function useLiveReload(reload: () => void): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    let ws: WebSocket | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const poll = setInterval(() => {
      if (ws?.readyState !== WebSocket.OPEN) reload();
    }, 15_000);
    const open = () => {
      ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/rendezvous/emergencies/live`);
      ws.onmessage = (ev) => {
        const f = JSON.parse(String(ev.data)) as { type: string };
        if (f.type === 'ready') setLive(true);
        reload();
      };
      ws.onclose = () => {
        setLive(false);
        if (!stopped) retry = setTimeout(open, 5_000);
      };
    };
    open();
    return () => {
      stopped = true;
      clearInterval(poll);
      clearTimeout(retry);
      ws?.close();
    };
  }, [reload]);
  return live;
}

function age(t: T, birth: string | null, on: string): string {
  if (!birth) return '';
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const months = (y! - by!) * 12 + (m! - bm!) - (d! < bd! ? 1 : 0);
  if (months < 24) return t('rendezvous.ageMonths', { n: Math.max(0, months) });
  return t('rendezvous.ageYears', { n: Math.floor(months / 12) });
}

function Answer({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useT();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const send = async (status: 'placed' | 'refused') => {
    setError(null);
    try {
      await api.post(`/api/rendezvous/emergencies/${id}/answer`, { status, message: message || null });
      onDone();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div style={{ width: '100%' }}>
      <FormErrors error={error} />
      <TextField label={t('rendezvous.answer')} value={message} onChange={setMessage} multiline />
      <div className="item-row">
        <Button onPress={() => void send('placed')}>{t('rendezvous.place')}</Button>
        <Button variant="secondary" onPress={() => void send('refused')}>
          {t('rendezvous.refuse')}
        </Button>
      </div>
    </div>
  );
}

function InboxView() {
  const t = useT();
  const r = useApi<Inbox>('/api/rendezvous/emergencies', { keepPrevious: true });
  const live = useLiveReload(r.reload);
  const [error, setError] = useState<ApiError | null>(null);
  const setOnCall = async (on: boolean) => {
    setError(null);
    try {
      await api.put('/api/rendezvous/on-call', { on });
      r.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <>
      <p className="muted" role="status">
        {live ? t('rendezvous.live') : t('rendezvous.polling')}
      </p>
      <FormErrors error={error} />
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data ? (
        <>
          <Switch isSelected={r.data.onCall} onChange={(v) => void setOnCall(v)}>
            {t('rendezvous.onCall')}
          </Switch>
          {!r.data.requests.length ? <p className="muted">{t('rendezvous.noEmergency')}</p> : null}
          <ul className="item-list" style={{ marginTop: '1rem' }}>
            {r.data.requests.map((e) => (
              <li key={e.id} className={`item-card ${e.status === 'open' ? 'rdv-wait' : ''}`}>
                <h2 style={{ fontSize: '1.1rem', margin: 0 }}>
                  {t('rendezvous.emergencyFamily', { family: e.family, child: e.childFirstName, age: age(t, e.childBirthDate, e.day) })}
                </h2>
                <p style={{ margin: '0.25rem 0' }}>
                  {t('rendezvous.emergencyWhen', { day: frCalendarDay(e.day), from: frClock(e.fromTime), to: frClock(e.toTime) })} ·{' '}
                  <span className="muted">{t('rendezvous.emergencyFiled', { when: frDayTime(e.createdAt) })}</span>
                </p>
                <p style={{ margin: '0.25rem 0' }}>{e.reason}</p>
                <p style={{ margin: '0.25rem 0' }}>
                  <span className="badge" data-tone={e.status === 'placed' ? 'success' : undefined}>
                    {t(`rendezvous.emergency.${e.status}`)}
                  </span>
                  {e.minutes !== null ? <span className="muted"> · {t('rendezvous.answeredIn', { minutes: e.minutes })}</span> : null}
                </p>
                {e.answer ? <p>{e.answer}</p> : null}
                {e.status === 'open' ? <Answer id={e.id} onDone={r.reload} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export default function EmergenciesPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('rendezvous.emergenciesTitle')} intro={t('rendezvous.emergenciesIntro')} />
      <RequireRole roles={['agent', 'coordinator']}>
        <InboxView />
      </RequireRole>
    </>
  );
}
