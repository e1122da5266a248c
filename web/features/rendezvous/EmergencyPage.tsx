/** "Garde d'urgence": the family files an urgent childcare request and reads the answer. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useApi } from '../../app/use-api';
import { Alert, Button, FormErrors, LoadStatus, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import { DayTimeField, NoFile, useWhen } from './shared';
import type { MyBookings, MyEmergencies } from './types';

function Emergency() {
  const t = useT();
  const w = useWhen();
  const file = useApi<MyBookings>('/api/rendezvous/mine');
  const mine = useApi<MyEmergencies>('/api/rendezvous/emergencies/mine');
  const [childId, setChildId] = useState('');
  const [day, setDay] = useState('');
  const [fromTime, setFrom] = useState('');
  const [toTime, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const children = file.data?.children ?? [];
  const child = childId || children[0]?.id || '';
  async function send() {
    setError(null);
    setSent(false);
    try {
      await api.post('/api/rendezvous/emergencies', { childId: child, day, fromTime, toTime, reason });
      setSent(true);
      setReason('');
      mine.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  }
  if (file.error?.code === 'rendezvous/no-file') {
    return <NoFile />;
  }
  return (
    <>
      <LoadStatus data={file.data} error={file.error} reload={file.reload} />
      {file.data && !children.length ? <Alert tone="info">{t('rendezvous.noChild')}</Alert> : null}
      {children.length ? (
        <form className="card" onSubmit={(e) => (e.preventDefault(), void send())}>
          <FormErrors error={error} />
          {sent ? (
            <Alert tone="success" live>
              {t('rendezvous.emergencySent')}
            </Alert>
          ) : null}
          <SelectField
            name="child"
            label={t('rendezvous.emergencyChild')}
            value={child}
            onChange={setChildId}
            options={children.map((c) => ({ value: c.id, label: c.firstName }))}
            error={error?.field('childId')}
            isRequired
          />
          <DayTimeField id="rdv-em-day" type="date" label={t('rendezvous.emergencyDay')} value={day} onChange={setDay} isRequired error={error?.field('day')} />
          <div className="item-row">
            <DayTimeField
              id="rdv-em-from"
              type="time"
              label={t('rendezvous.emergencyFrom')}
              value={fromTime}
              onChange={setFrom}
              isRequired
              error={error?.field('fromTime')}
            />
            <DayTimeField
              id="rdv-em-to"
              type="time"
              label={t('rendezvous.emergencyTo')}
              value={toTime}
              onChange={setTo}
              isRequired
              error={error?.field('toTime')}
            />
          </div>
          <TextField label={t('rendezvous.emergencyReason')} value={reason} onChange={setReason} multiline isRequired error={error?.field('reason')} />
          <Button type="submit">{t('rendezvous.emergencySend')}</Button>
        </form>
      ) : null}
      <section aria-labelledby="rdv-em-mine">
        <h2 id="rdv-em-mine">{t('rendezvous.emergencyMine')}</h2>
        <LoadStatus data={mine.data} error={mine.error} reload={mine.reload} />
        {mine.data && !mine.data.requests.length ? <p className="muted">{t('rendezvous.emergencyNone')}</p> : null}
        <ul className="item-list">
          {mine.data?.requests.map((r) => (
            <li key={r.id} className="item-card">
              <p style={{ margin: 0 }}>
                {t('rendezvous.emergencyFor', { child: r.childFirstName, day: w.calendarDay(r.day), from: w.clock(r.fromTime), to: w.clock(r.toTime) })}
              </p>
              <p style={{ margin: '0.25rem 0' }}>
                <span className="badge" data-tone={r.status === 'placed' ? 'success' : undefined}>
                  {t(`rendezvous.emergency.${r.status}`)}
                </span>
              </p>
              {r.answer ? (
                <p>
                  <Fr>{r.answer}</Fr>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export default function EmergencyPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('rendezvous.emergencyTitle')} intro={t('rendezvous.emergencyIntro')} />
      <RequireRole roles={['parent']}>
        <Emergency />
      </RequireRole>
    </>
  );
}
