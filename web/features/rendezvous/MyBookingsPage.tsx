/** "Mes rendez-vous": upcoming bookings (calendar file, move, cancel), waitlists (an offer to accept in its window), past ones. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useQueuedForms } from '../../app/pwa';
import { Fr } from '../../app/lang';
import { useApi } from '../../app/use-api';
import { Alert, Button, FormErrors, LinkButton, Loaded, PageHeader, RequireRole } from '../../ui';
import { BookingItem } from './BookingItem';
import { CancelWithConfirm, NoFile, SlotPicker, useWhen, type PickedSlot } from './shared';
import type { BookingViewOut, MyBookings } from './types';

function Upcoming({ b, reload, onMessage }: { b: BookingViewOut; reload: () => void; onMessage: (m: string) => void }) {
  const t = useT();
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // A cancellation without network waits on the phone and goes when it returns (issue 19, docs/pwa.md).
  const queue = useQueuedForms();
  const act = async (f: () => Promise<unknown>, message: string) => {
    setError(null);
    try {
      const r = await f();
      if (r && typeof r === 'object' && 'queued' in r && r.queued) return;
      onMessage(message);
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const move = (s: PickedSlot) =>
    void act(() => api.post(`/api/rendezvous/bookings/${b.id}/move`, { ownerId: s.ownerId, start: s.start }), t('rendezvous.moved')).then(() =>
      setMoving(false),
    );
  return (
    <BookingItem b={b}>
      <a className="btn" data-variant="secondary" href={`/api/rendezvous/bookings/${b.id}/ics`} download="rendez-vous.ics">
        {t('rendezvous.ics')}
      </a>
      {queue.queued ? null : b.canCancel ? (
        <>
          <Button variant="ghost" onPress={() => setMoving((m) => !m)}>
            {t('rendezvous.move')}
          </Button>
          <CancelWithConfirm
            onConfirm={() =>
              void act(
                () =>
                  queue.send({
                    method: 'POST',
                    url: `/api/rendezvous/bookings/${b.id}/cancel`,
                    body: {},
                    label: t('pwa.cancelBooking', { what: b.motif.name }),
                    what: b.motif.name,
                  }),
                t('rendezvous.cancelled'),
              )
            }
          />
        </>
      ) : (
        <span className="muted">{t('rendezvous.tooLate')}</span>
      )}
      <FormErrors error={error} />
      {queue.notice}
      {moving ? (
        <div style={{ width: '100%' }}>
          <h4>{t('rendezvous.moveTitle')}</h4>
          <SlotPicker
            motifId={b.motif.id}
            onPick={(s) => (s.full ? undefined : move(s))}
            headingLevel={4}
            forChild={b.childId ? { childId: b.childId } : undefined}
          />
        </div>
      ) : null}
    </BookingItem>
  );
}

function Mine() {
  const t = useT();
  const when = useWhen();
  const r = useApi<MyBookings>('/api/rendezvous/mine');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const wait = async (path: string, m: string | null) => {
    setError(null);
    try {
      await api.post(path, {});
      setMessage(m);
      r.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  if (r.error?.code === 'rendezvous/no-file') {
    return <NoFile />;
  }
  return (
    <Loaded resource={r}>
      {(d) => (
        <>
          {message ? (
            <Alert tone="success" live>
              {message}
            </Alert>
          ) : null}
          <FormErrors error={error} />
          {d.waitlist.length ? (
            <section aria-labelledby="rdv-wait">
              <h2 id="rdv-wait">{t('rendezvous.waitlist')}</h2>
              <ul className="item-list">
                {d.waitlist.map((w) => (
                  <li key={w.id} className={`item-card ${w.status === 'offered' ? 'rdv-offer' : 'rdv-wait'}`}>
                    <h3>{w.status === 'offered' ? t('rendezvous.offerFree') : t('rendezvous.waitingFor')}</h3>
                    <p style={{ margin: 0 }}>
                      <strong>
                        <Fr>{w.motif.name}</Fr>
                      </strong>{' '}
                      · {when.dayTime(w.start)} · {w.who}
                      {w.proposedBy ? <span className="muted"> · {t('rendezvous.proposedBy', { name: w.proposedBy })}</span> : null}
                    </p>
                    {w.status === 'offered' && w.offerExpiresAt ? (
                      <>
                        <p>{t('rendezvous.offerUntil', { when: when.dayTime(w.offerExpiresAt) })}</p>
                        <div className="item-row">
                          <Button onPress={() => void wait(`/api/rendezvous/waitlist/${w.id}/accept`, t('rendezvous.booked'))}>{t('rendezvous.accept')}</Button>
                          <Button variant="ghost" onPress={() => void wait(`/api/rendezvous/waitlist/${w.id}/leave`, null)}>
                            {t('rendezvous.decline')}
                          </Button>
                        </div>
                      </>
                    ) : (
                      <Button variant="ghost" onPress={() => void wait(`/api/rendezvous/waitlist/${w.id}/leave`, null)}>
                        {t('rendezvous.leave')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="rdv-upcoming">
            <h2 id="rdv-upcoming">{t('rendezvous.upcoming')}</h2>
            {d.upcoming.length ? (
              <ul className="item-list">
                {d.upcoming.map((b) => (
                  <Upcoming key={b.id} b={b} reload={r.reload} onMessage={setMessage} />
                ))}
              </ul>
            ) : (
              <p className="muted">{t('rendezvous.noUpcoming')}</p>
            )}
            <p>
              <LinkButton to="/rendez-vous">{t('rendezvous.bookAnother')}</LinkButton>
            </p>
          </section>
          {d.past.length ? (
            <section aria-labelledby="rdv-past">
              <h2 id="rdv-past">{t('rendezvous.past')}</h2>
              <ul className="item-list">
                {d.past.map((b) => (
                  <BookingItem key={b.id} b={b} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </Loaded>
  );
}

export default function MyBookingsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('rendezvous.mineTitle')} intro={t('rendezvous.mineIntro')} />
      <RequireRole roles={['parent']}>
        <Mine />
      </RequireRole>
    </>
  );
}
