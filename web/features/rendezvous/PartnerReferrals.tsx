/**
 * A partner structure's side of « Prendre rendez-vous »: the families that consented to share
 * their file with it for orientation; for each, what the family shared (its name, its
 * children), the appointments the structure proposed (moved or cancelled here), the waitlist
 * entries it made (withdrawn here) and the booking flow for the motifs open to partner referral.
 */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Alert, Button, EmptyState, FormErrors, Loaded } from '../../ui';
import type { PartnerHouseholdListItem } from '../../../src/modules/dossiers';
import { BookingFlow } from './BookingFlow';
import { BookingItem } from './BookingItem';
import { Fr } from '../../app/lang';
import { CancelWithConfirm, SlotPicker, useWhen, type PickedSlot } from './shared';
import type { BookingViewOut, PartnerHouseholdBookings } from './types';

function CancelButton({ b, onDone }: { b: BookingViewOut; onDone: (message: string) => void }) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const cancel = async () => {
    setError(null);
    try {
      await api.post(`/api/rendezvous/bookings/${b.id}/cancel`, {});
      onDone(t('rendezvous.partnerCancelled'));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  if (!b.canCancel) return null;
  return (
    <>
      <CancelWithConfirm onConfirm={() => void cancel()} />
      <FormErrors error={error} />
    </>
  );
}

/** Move a booking the structure proposed: another slot of the same motif; the family is told. */
function MoveButton({ b, onDone }: { b: BookingViewOut; onDone: (message: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const move = async (s: PickedSlot) => {
    setError(null);
    try {
      await api.post(`/api/rendezvous/bookings/${b.id}/move`, { ownerId: s.ownerId, start: s.start });
      setOpen(false);
      onDone(t('rendezvous.partnerMoved'));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  if (!b.canCancel) return null;
  return (
    <>
      <Button variant="ghost" onPress={() => setOpen((o) => !o)}>
        {t('rendezvous.move')}
      </Button>
      <FormErrors error={error} />
      {open ? (
        <div style={{ width: '100%' }}>
          <h5>{t('rendezvous.moveTitle')}</h5>
          <SlotPicker
            motifId={b.motif.id}
            onPick={(s) => (s.full ? undefined : void move(s))}
            headingLevel={4}
            forChild={b.childId ? { childId: b.childId, householdId: b.householdId } : undefined}
          />
        </div>
      ) : null}
    </>
  );
}

/** The waitlist entries the structure made for the family: waiting, or a place offered to the family (which confirms it); withdraw. */
function PartnerWaits({ waits, onDone }: { waits: PartnerHouseholdBookings['waitlist']; onDone: (message: string) => void }) {
  const t = useT();
  const when = useWhen();
  const [error, setError] = useState<ApiError | null>(null);
  const withdraw = async (id: string) => {
    setError(null);
    try {
      await api.post(`/api/rendezvous/waitlist/${id}/leave`, {});
      onDone(t('rendezvous.partnerWithdrawn'));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  if (!waits.length) return null;
  return (
    <>
      <h4>{t('rendezvous.partnerWaitlist')}</h4>
      <FormErrors error={error} />
      <ul className="item-list">
        {waits.map((w) => (
          <li key={w.id} className={`item-card ${w.status === 'offered' ? 'rdv-offer' : 'rdv-wait'}`}>
            <p style={{ margin: 0 }}>
              <strong>
                <Fr>{w.motif.name}</Fr>
              </strong>{' '}
              · {when.dayTime(w.start)} · {w.who}
            </p>
            <p className="muted" style={{ margin: '0.25rem 0' }}>
              {w.status === 'offered' && w.offerExpiresAt
                ? t('rendezvous.partnerOffered', { until: when.dayTime(w.offerExpiresAt) })
                : t('rendezvous.waitingFor')}
            </p>
            <Button variant="ghost" onPress={() => void withdraw(w.id)}>
              {t('rendezvous.partnerWithdraw')}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

function PartnerFamily({ id, index }: { id: string; index: number }) {
  const t = useT();
  const r = useApi<PartnerHouseholdBookings>(`/api/rendezvous/partner/households/${id}`);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const headingId = `rdv-partner-family-${index}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <Loaded resource={r}>
        {(data) => (
          <>
            <h3 id={headingId} style={{ marginTop: 0 }}>
              {data.family.name ?? t('rendezvous.partnerFamilyUnnamed')}
            </h3>
            {data.family.children.length ? (
              <p className="muted">{data.family.children.map((c) => c.firstName).join(', ')}</p>
            ) : (
              <p className="muted">{t('rendezvous.partnerChildrenNotShared')}</p>
            )}
            {message ? (
              <Alert tone="success" live>
                {message}
              </Alert>
            ) : null}
            <h4>{t('rendezvous.partnerBookings')}</h4>
            {data.bookings.length ? (
              <ul className="item-list">
                {data.bookings.map((b) => (
                  <BookingItem key={b.id} b={{ ...b, proposedBy: null }} headingLevel={4}>
                    <MoveButton
                      b={b}
                      onDone={(m) => {
                        setMessage(m);
                        r.reload();
                      }}
                    />
                    <CancelButton
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
              <p className="muted">{t('rendezvous.partnerNoBookings')}</p>
            )}
            <PartnerWaits
              waits={data.waitlist}
              onDone={(m) => {
                setMessage(m);
                r.reload();
              }}
            />
            {open ? (
              <>
                <BookingFlow partner family={{ householdId: id, children: data.family.children }} onDone={r.reload} />
                <Button variant="ghost" onPress={() => setOpen(false)}>
                  {t('rendezvous.partnerClose')}
                </Button>
              </>
            ) : (
              <Button onPress={() => (setOpen(true), setMessage(null))}>{t('rendezvous.partnerPropose')}</Button>
            )}
          </>
        )}
      </Loaded>
    </li>
  );
}

export function PartnerReferrals() {
  const t = useT();
  const consented = useApi<PartnerHouseholdListItem[]>('/api/dossiers/partner/households');
  return (
    <section aria-labelledby="rdv-partner-families">
      <h2 id="rdv-partner-families">{t('rendezvous.partnerFamilies')}</h2>
      <Loaded resource={consented}>
        {(rows) => {
          const ids = [...new Set(rows.filter((x) => x.purpose === 'orientation').map((x) => x.householdId))];
          return ids.length ? (
            <ul className="rdv-partner-families">
              {ids.map((id, i) => (
                <PartnerFamily key={id} id={id} index={i} />
              ))}
            </ul>
          ) : (
            <EmptyState>{t('rendezvous.partnerNone')}</EmptyState>
          );
        }}
      </Loaded>
    </section>
  );
}
