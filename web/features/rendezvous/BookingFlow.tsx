/**
 * The three taps of a booking (a family from its file, an agent at the desk for a family, or
 * a partner structure on referral for a family that consented): what for → which slot →
 * confirm, with who comes (the parent, a child of the file, or several). A full slot leads to
 * the waitlist, said to be no booking (a partner may put the family on it: the family confirms the place offered).
 */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useApi } from '../../app/use-api';
import { Alert, Button, Checkbox, FormErrors, LinkButton, LoadStatus, RadioGroup } from '../../ui';
import { kindLabel, SlotPicker, useWhen, type PickedSlot } from './shared';
import type { Motif } from './types';

interface Family {
  /** Staff at the desk, or a partner: the family's file. */
  householdId?: string;
  children: { id: string; firstName: string }[];
}

const perChild = (m: Motif) => m.kind === 'creche' || m.kind === 'repit';

export function BookingFlow({
  family,
  staff: atDesk = false,
  partner = false,
  onDone,
}: {
  family: Family;
  staff?: boolean;
  /** A partner structure proposes the appointment (the motifs open to partner referral only; on a full slot, the waitlist for the family). */
  partner?: boolean;
  onDone?: () => void;
}) {
  const t = useT();
  const staff = atDesk || partner;
  const w = useWhen();
  const motifs = useApi<{ motifs: Motif[] }>('/api/rendezvous/motifs');
  const [motif, setMotif] = useState<Motif | null>(null);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [parent, setParent] = useState(true);
  const [childIds, setChildIds] = useState<string[]>([]);
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ kind: 'booked'; bookingId: string } | { kind: 'waiting' } | null>(null);

  const pickMotif = (m: Motif) => {
    setMotif(m);
    setSlot(null);
    setDone(null);
    setError(null);
    if (perChild(m)) {
      setParent(false);
      setChildIds(family.children[0] ? [family.children[0].id] : []);
    } else {
      setParent(true);
      setChildIds([]);
    }
  };
  const pickSlot = (s: PickedSlot) => {
    setSlot(s);
    setFull(s.full);
    setError(null);
  };
  const body = () => ({ motifId: motif!.id, ownerId: slot!.ownerId, start: slot!.start, parent, childIds, householdId: family.householdId });

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ bookingIds: string[] }>('/api/rendezvous/bookings', body());
      setDone({ kind: 'booked', bookingId: r.bookingIds[0]! });
      onDone?.();
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'rendezvous/full') setFull(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }
  async function wait() {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/rendezvous/waitlist', body());
      setDone({ kind: 'waiting' });
      onDone?.();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }
  const restart = () => {
    setMotif(null);
    setSlot(null);
    setDone(null);
  };

  if (done) {
    return (
      <section aria-labelledby="rdv-done" className="card">
        <h2 id="rdv-done" style={{ marginTop: 0 }}>
          <Fr>{motif?.name}</Fr>
        </h2>
        {done.kind === 'booked' ? (
          <Alert tone="success" live>
            <p>{partner ? t('rendezvous.partnerBooked') : staff ? t('rendezvous.bookedForFamily') : t('rendezvous.booked')}</p>
          </Alert>
        ) : (
          <Alert tone="warning" live>
            <p>{staff ? t('rendezvous.waitingForFamily') : t('rendezvous.waiting')}</p>
          </Alert>
        )}
        {slot ? <p>{w.dayTime(slot.start)}</p> : null}
        {motif?.documents.length ? (
          <p>
            <strong>{t('rendezvous.labelColon', { label: t('rendezvous.documents') })}</strong> <Fr>{motif.documents.join(', ')}</Fr>
          </p>
        ) : null}
        <div className="item-row">
          {done.kind === 'booked' && !partner ? (
            <a className="btn" data-variant="secondary" href={`/api/rendezvous/bookings/${done.bookingId}/ics`} download="rendez-vous.ics">
              {t('rendezvous.ics')}
            </a>
          ) : null}
          {!staff ? <LinkButton to="/rendez-vous/mes-rendez-vous">{t('rendezvous.seeMine')}</LinkButton> : null}
          <Button variant="ghost" onPress={restart}>
            {t('rendezvous.bookAnother')}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <>
      <section aria-labelledby="rdv-step1" className="card">
        <h2 id="rdv-step1" style={{ marginTop: 0 }}>
          {t('rendezvous.step1')}
        </h2>
        <LoadStatus data={motifs.data} error={motifs.error} reload={motifs.reload} />
        {motif ? (
          <div className="item-row">
            <strong>
              <Fr>{motif.name}</Fr>
            </strong>
            <Button variant="ghost" onPress={restart}>
              {t('rendezvous.change')}
            </Button>
          </div>
        ) : (
          <ul className="rdv-motifs">
            {(motifs.data?.motifs ?? [])
              .filter((m) => staff || m.bookableBy === 'family')
              .map((m) => (
                <li key={m.id}>
                  <Button variant="secondary" className="rdv-choice" onPress={() => pickMotif(m)}>
                    <Fr>{m.name}</Fr>
                    <small>
                      {kindLabel(t, m.kind)} · {t('rendezvous.duration', { minutes: m.durationMinutes })}
                      {perChild(m) ? ` · ${t('rendezvous.perAge')}` : m.collective ? ` · ${t('rendezvous.collective', { capacity: m.capacity })}` : ''}
                    </small>
                  </Button>
                </li>
              ))}
          </ul>
        )}
      </section>
      {motif ? (
        <section aria-labelledby="rdv-step2" className="card">
          <h2 id="rdv-step2" style={{ marginTop: 0 }}>
            {t('rendezvous.step2')}
          </h2>
          {slot ? (
            <div className="item-row">
              <strong>{w.dayTime(slot.start)}</strong>
              <Button variant="ghost" onPress={() => setSlot(null)}>
                {t('rendezvous.change')}
              </Button>
            </div>
          ) : perChild(motif) ? (
            <>
              {family.children.length > 1 ? (
                <RadioGroup
                  label={t('rendezvous.forWhichChild')}
                  value={childIds[0] ?? null}
                  onChange={(v) => setChildIds([v])}
                  options={family.children.map((c) => ({ value: c.id, label: c.firstName }))}
                />
              ) : null}
              {childIds[0] ? (
                <SlotPicker key={childIds[0]} motifId={motif.id} onPick={pickSlot} forChild={{ childId: childIds[0], householdId: family.householdId }} />
              ) : (
                <p className="muted">{t('rendezvous.noChild')}</p>
              )}
            </>
          ) : (
            <SlotPicker motifId={motif.id} onPick={pickSlot} />
          )}
        </section>
      ) : null}
      {motif && slot ? (
        <section aria-labelledby="rdv-step3" className={`card ${full ? 'rdv-wait' : ''}`}>
          <h2 id="rdv-step3" style={{ marginTop: 0 }}>
            {t('rendezvous.step3')}
          </h2>
          <FormErrors error={error} />
          <dl>
            <dt>{t('rendezvous.when')}</dt>
            <dd>{w.dayTime(slot.start)}</dd>
            {slot.lieu ? (
              <>
                <dt>{t('rendezvous.where')}</dt>
                <dd>
                  <Fr>
                    {slot.lieu.name}, {slot.lieu.address}
                  </Fr>
                  {slot.lieu.accessibility ? (
                    <>
                      <br />
                      <span className="muted">
                        {t('rendezvous.labelColon', { label: t('rendezvous.accessibility') })} <Fr>{slot.lieu.accessibility}</Fr>
                      </span>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            <dt>{t('rendezvous.documents')}</dt>
            <dd>{motif.documents.length ? <Fr>{motif.documents.join(', ')}</Fr> : t('rendezvous.noDocument')}</dd>
          </dl>
          {perChild(motif) ? (
            <p>
              <strong>{t('rendezvous.forChild', { name: family.children.find((c) => c.id === childIds[0])?.firstName ?? '' })}</strong>
            </p>
          ) : (
            <fieldset className="field">
              <legend>{t('rendezvous.who')}</legend>
              <Checkbox isSelected={parent} onChange={setParent}>
                {staff ? t('rendezvous.parentLabel') : t('rendezvous.me')}
              </Checkbox>
              {family.children.map((c) => (
                <Checkbox
                  key={c.id}
                  isSelected={childIds.includes(c.id)}
                  onChange={(v) => setChildIds((ids) => (v ? [...ids, c.id] : ids.filter((x) => x !== c.id)))}
                >
                  {c.firstName}
                </Checkbox>
              ))}
            </fieldset>
          )}
          {full ? (
            <>
              <Alert tone="warning" title={t('rendezvous.isFull')} live>
                <p>{partner ? t('rendezvous.partnerFull') : t('rendezvous.waitExplain')}</p>
              </Alert>
              <Button variant="secondary" onPress={() => void wait()} isDisabled={busy}>
                {t('rendezvous.joinWait')}
              </Button>
            </>
          ) : (
            <Button onPress={() => void confirm()} isDisabled={busy}>
              {t('rendezvous.confirm')}
            </Button>
          )}
        </section>
      ) : null}
    </>
  );
}
