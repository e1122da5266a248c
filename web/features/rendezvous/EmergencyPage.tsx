/** "Garde d'urgence": the family files an urgent childcare request and reads the answer. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Alert, Button, FormErrors, LinkButton, LoadStatus, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import { frCalendarDay, frClock } from './shared';
import type { MyBookings, MyEmergencies } from './types';

function Emergency() {
  const t = useT();
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
    return (
      <Alert tone="info">
        <p>{t('rendezvous.noFile')}</p>
        <LinkButton to="/dossier/remplir">{t('rendezvous.fillFile')}</LinkButton>
      </Alert>
    );
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
          <div className="field">
            <label htmlFor="rdv-em-day">{t('rendezvous.emergencyDay')}</label>
            <input
              id="rdv-em-day"
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
              required
              aria-invalid={error?.field('day') ? true : undefined}
            />
            {error?.field('day') ? <span className="error">{error.field('day')}</span> : null}
          </div>
          <div className="rdv-row">
            <div className="field">
              <label htmlFor="rdv-em-from">{t('rendezvous.emergencyFrom')}</label>
              <input id="rdv-em-from" type="time" value={fromTime} onChange={(e) => setFrom(e.target.value)} required />
              {error?.field('fromTime') ? <span className="error">{error.field('fromTime')}</span> : null}
            </div>
            <div className="field">
              <label htmlFor="rdv-em-to">{t('rendezvous.emergencyTo')}</label>
              <input id="rdv-em-to" type="time" value={toTime} onChange={(e) => setTo(e.target.value)} required />
              {error?.field('toTime') ? <span className="error">{error.field('toTime')}</span> : null}
            </div>
          </div>
          <TextField label={t('rendezvous.emergencyReason')} value={reason} onChange={setReason} multiline isRequired error={error?.field('reason')} />
          <Button type="submit">{t('rendezvous.emergencySend')}</Button>
        </form>
      ) : null}
      <section aria-labelledby="rdv-em-mine">
        <h2 id="rdv-em-mine">{t('rendezvous.emergencyMine')}</h2>
        <LoadStatus data={mine.data} error={mine.error} reload={mine.reload} />
        {mine.data && !mine.data.requests.length ? <p className="muted">{t('rendezvous.emergencyNone')}</p> : null}
        <ul className="rdv-list">
          {mine.data?.requests.map((r) => (
            <li key={r.id} className="rdv-card">
              <p style={{ margin: 0 }}>
                {t('rendezvous.emergencyFor', { child: r.childFirstName, day: frCalendarDay(r.day), from: frClock(r.fromTime), to: frClock(r.toTime) })}
              </p>
              <p style={{ margin: '0.25rem 0' }}>
                <span className="badge" data-tone={r.status === 'placed' ? 'success' : undefined}>
                  {t(`rendezvous.emergency.${r.status}`)}
                </span>
              </p>
              {r.answer ? <p>{r.answer}</p> : null}
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
