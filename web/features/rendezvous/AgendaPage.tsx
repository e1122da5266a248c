/** The agent's agenda, a day or a week: who comes, for what, where; mark seen / no-show / excused / revoked; the private calendar feed. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Alert, Button, FormErrors, LoadStatus, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import { BookingItem } from './BookingItem';
import { MarkButtons } from './MarkButtons';
import { SessionChange } from './SessionChange';
import { addDays, frDay, parisDay } from './shared';
import type { Agenda, BookingViewOut, Offer } from './types';

function Feed() {
  const t = useT();
  const [token, setToken] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const renew = async () => {
    setError(null);
    try {
      setToken((await api.post<{ token: string }>('/api/rendezvous/feed', {})).token);
      setRevoked(false);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const revoke = async () => {
    setError(null);
    try {
      await api.del('/api/rendezvous/feed');
      setToken(null);
      setRevoked(true);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <section aria-labelledby="rdv-feed" className="card">
      <h2 id="rdv-feed" style={{ marginTop: 0 }}>
        {t('rendezvous.feedTitle')}
      </h2>
      <p>{t('rendezvous.feedIntro')}</p>
      <FormErrors error={error} />
      {token ? <TextField label={t('rendezvous.feedLabel')} value={`${location.origin}/api/rendezvous/feeds/${token}.ics`} isReadOnly /> : null}
      {revoked ? (
        <Alert tone="success" live>
          {t('rendezvous.feedRevoked')}
        </Alert>
      ) : null}
      <div className="item-row">
        <Button variant="secondary" onPress={() => void renew()}>
          {token ? t('rendezvous.feedRenew') : t('rendezvous.feedNew')}
        </Button>
        <Button variant="ghost" onPress={() => void revoke()}>
          {t('rendezvous.feedRevoke')}
        </Button>
      </div>
    </section>
  );
}

function AgendaView() {
  const t = useT();
  const { user } = useSession();
  const [span, setSpan] = useState<1 | 7>(1);
  const [day, setDay] = useState<string | null>(null);
  const [agentId, setAgentId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // Places and agents: the coordinator's agenda picker, and changing a slot's place or agent.
  const offer = useApi<Offer>('/api/rendezvous/offer');
  const r = useApi<Agenda>(`/api/rendezvous/agenda?days=${span}${day ? `&day=${day}` : ''}${agentId ? `&agentId=${agentId}` : ''}`, { keepPrevious: true });
  const shown = r.data?.day ?? day ?? '';
  const byDay = new Map<string, BookingViewOut[]>();
  for (const b of r.data?.bookings ?? []) {
    const d = parisDay(new Date(b.start));
    byDay.set(d, [...(byDay.get(d) ?? []), b]);
  }
  const done = (m: string) => {
    setMessage(m);
    r.reload();
  };
  return (
    <>
      <div className="item-row" role="group" aria-label={t('rendezvous.agenda')} style={{ marginBottom: '0.75rem' }}>
        <Button variant={span === 1 ? 'primary' : 'secondary'} onPress={() => setSpan(1)} aria-pressed={span === 1}>
          {t('rendezvous.day')}
        </Button>
        <Button variant={span === 7 ? 'primary' : 'secondary'} onPress={() => setSpan(7)} aria-pressed={span === 7}>
          {t('rendezvous.week')}
        </Button>
        <Button variant="ghost" isDisabled={!shown} onPress={() => setDay(addDays(shown, -span))}>
          {t('rendezvous.previous')}
        </Button>
        <Button variant="ghost" onPress={() => setDay(null)}>
          {t('rendezvous.today')}
        </Button>
        <Button variant="ghost" isDisabled={!shown} onPress={() => setDay(addDays(shown, span))}>
          {t('rendezvous.next')}
        </Button>
      </div>
      {offer.data && user?.role === 'coordinator' ? (
        <SelectField
          name="agent"
          label={t('rendezvous.agendaTitle')}
          value={agentId}
          onChange={setAgentId}
          options={[
            { value: '', label: user?.displayName ?? '' },
            ...offer.data.agents.filter((a) => a.id !== user?.id).map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
      ) : null}
      {message ? (
        <Alert tone="success" live>
          {message}
        </Alert>
      ) : null}
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data ? <h2>{span === 1 ? frDay(`${shown}T12:00:00Z`) : `${frDay(`${shown}T12:00:00Z`)} – ${frDay(`${addDays(shown, 6)}T12:00:00Z`)}`}</h2> : null}
      {r.data && !r.data.bookings.length ? <p className="muted">{t('rendezvous.noBooking')}</p> : null}
      {[...byDay].map(([d, list]) => (
        <section key={d} aria-label={frDay(`${d}T12:00:00Z`)}>
          {span === 7 ? <h3>{frDay(`${d}T12:00:00Z`)}</h3> : null}
          <ul className="item-list">
            {list.map((b) => (
              <BookingItem key={b.id} b={b} headingLevel={span === 7 ? 4 : 3}>
                <MarkButtons b={b} onDone={done} />
                {offer.data && b.status === 'confirmed' && b.canCancel ? <SessionChange b={b} offer={offer.data} onDone={done} /> : null}
                <Link to={`/rendez-vous/familles/${b.householdId}`}>{t('rendezvous.familyFile')}</Link>
              </BookingItem>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export default function AgendaPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('rendezvous.agendaTitle')} intro={t('rendezvous.agendaIntro')} />
      <RequireRole roles={['agent', 'coordinator']}>
        <AgendaView />
        <Feed />
      </RequireRole>
    </>
  );
}
