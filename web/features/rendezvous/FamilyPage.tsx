/** At the desk, from a family's file: its bookings past and upcoming (marked from here too), and a booking for it. The file opens with a reason (audited). */
import { useState } from 'react';
import { useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, LoadStatus, PageHeader, RequireRole, TextField } from '../../ui';
import { BookingFlow } from './BookingFlow';
import { BookingItem } from './BookingItem';
import { MarkButtons } from './MarkButtons';
import type { HouseholdBookings } from './types';

function Family({ id }: { id: string }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const r = useApi<HouseholdBookings>(`/api/rendezvous/households/${id}/bookings${sent ? `?reason=${encodeURIComponent(sent)}` : ''}`);
  const needsReason = r.error?.code === 'dossiers/reason-required';
  return (
    <>
      <PageHeader title={r.data ? t('rendezvous.familyTitle', { name: r.data.family.name }) : t('rendezvous.familyTitleUnknown')} />
      {needsReason ? (
        <form className="card" onSubmit={(e) => (e.preventDefault(), setSent(reason))}>
          <TextField label={t('rendezvous.reason')} help={t('rendezvous.reasonHelp')} value={reason} onChange={setReason} isRequired />
          <Button type="submit">{t('rendezvous.openFile')}</Button>
        </form>
      ) : (
        <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      )}
      {r.data ? (
        <>
          <h2>{t('rendezvous.bookFor')}</h2>
          <BookingFlow staff family={{ householdId: id, children: r.data.family.children }} onDone={r.reload} />
          <section aria-labelledby="rdv-history">
            <h2 id="rdv-history">{t('rendezvous.history')}</h2>
            {message ? (
              <Alert tone="success" live>
                {message}
              </Alert>
            ) : null}
            {r.data.bookings.length ? (
              <ul className="item-list">
                {r.data.bookings.map((b) => (
                  <BookingItem key={b.id} b={b}>
                    <MarkButtons
                      b={b}
                      onDone={(m) => {
                        setMessage(m);
                        r.reload();
                      }}
                    />
                  </BookingItem>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('rendezvous.noHistory')}</p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

export default function FamilyPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['agent', 'coordinator']}>
      <Family id={id!} />
    </RequireRole>
  );
}
