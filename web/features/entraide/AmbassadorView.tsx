/**
 * The ambassador parent's page: the neighbourhood's activity (offers, requests, newcomers to
 * welcome), its meetings with the families registered, and a form to organise one.
 */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useFormat, useT } from '../../app/i18n';
import { ErrorText, Fr } from '../../app/lang';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { Alert, Button, Loaded, NumberField, TextField } from '../../ui';
import type { MeetingRegistrations, NeighbourhoodActivity } from '../../../src/modules/entraide';
import { FormHead, NativeDateField, useFormSubmit, usePostThenReload } from './inputs';

type Meeting = NeighbourhoodActivity['meetings'][number];

function MeetingForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState('');
  const [until, setUntil] = useState('');
  const [capacity, setCapacity] = useState<number | null>(15);
  const { error, done, submit } = useFormSubmit(async () => {
    await api.post('/api/entraide/meetings', {
      title,
      place,
      description,
      // Paris wall-clock time as typed: the server reads it in Paris, whatever the phone's time zone.
      startsAt: when,
      endsAt: until || null,
      capacity: capacity ?? 0,
    });
    setTitle('');
    setDescription('');
    onDone();
    return t('entraide.meetingCreated');
  });
  return (
    <form onSubmit={submit} className="stack entraide-form">
      <FormHead title={t('entraide.newMeeting')} error={error} done={done} />
      <TextField label={t('entraide.meetingTitle')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
      <TextField label={t('entraide.meetingPlace')} value={place} onChange={setPlace} isRequired error={error?.field('place')} />
      <NativeDateField
        id="meeting-when"
        type="datetime-local"
        label={t('entraide.meetingStart')}
        value={when}
        onChange={setWhen}
        error={error?.field('startsAt')}
      />
      <NativeDateField
        id="meeting-until"
        type="datetime-local"
        label={t('entraide.meetingEnd')}
        value={until}
        onChange={setUntil}
        error={error?.field('endsAt')}
      />
      <NumberField
        label={t('entraide.meetingCapacity')}
        help={t('entraide.meetingCapacityHelp')}
        value={capacity}
        onChange={setCapacity}
        minValue={1}
        maxValue={500}
        isRequired
        error={error?.field('capacity')}
      />
      <TextField label={t('entraide.description')} value={description} onChange={setDescription} multiline error={error?.field('description')} />
      <Button type="submit">{t('entraide.meetingCreate')}</Button>
    </form>
  );
}

function Registrations({ id }: { id: string }) {
  const t = useT();
  const r = useApi<MeetingRegistrations>(`/api/entraide/meetings/${id}/registrations`);
  return (
    <Loaded resource={r}>
      {(d) =>
        d.families.length ? (
          <ul>
            {d.families.map((f, i) => (
              <li key={i}>
                <Fr>{f.name}</Fr> · {t('entraide.people', { n: f.people })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('entraide.noRegistration')}</p>
        )
      }
    </Loaded>
  );
}

function MeetingLine({ m, reload }: { m: Meeting; reload: () => void }) {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <li className="entraide-card">
      <h3>
        <Fr>{m.title}</Fr>
      </h3>
      <p>
        {f.longDate(String(m.startsAt))} · {f.time(String(m.startsAt))} · <Fr>{m.place}</Fr>
      </p>
      {m.cancelled ? (
        <Alert tone="warning">{t('entraide.meetingIsCancelled')}</Alert>
      ) : (
        <p>{t('entraide.registeredOf', { n: m.registered, capacity: m.capacity })}</p>
      )}
      {error ? (
        <Alert tone="error" live>
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
      <div className="entraide-actions">
        <Button variant="secondary" onPress={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('entraide.hideRegistrations') : t('entraide.showRegistrations')}
        </Button>
        {m.cancelled ? null : (
          <Button
            variant="secondary"
            onPress={async () => {
              try {
                await api.post(`/api/entraide/meetings/${m.id}/cancel`);
                reload();
              } catch (err) {
                setError(err as ApiError);
              }
            }}
          >
            {t('entraide.meetingCancel')}
          </Button>
        )}
      </div>
      {open ? <Registrations id={m.id} /> : null}
    </li>
  );
}

function Newcomer({ n, reload }: { n: NeighbourhoodActivity['newcomers'][number]; reload: () => void }) {
  const t = useT();
  const f = useFormat();
  const { error, post: act } = usePostThenReload(reload);
  return (
    <li className="entraide-card">
      <h3>
        <Fr>{n.name}</Fr>
      </h3>
      <p className="muted">{t('entraide.newcomerSince', { date: f.longDate(String(n.firstAt)) })}</p>
      {error ? (
        <Alert tone="error" live>
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
      <div className="entraide-actions">
        <Button onPress={() => act(`/api/entraide/households/${n.householdId}/welcome`)}>{t('entraide.welcomed', { name: n.name })}</Button>
        {n.validated ? (
          <span>{t('entraide.validated')}</span>
        ) : (
          <Button variant="secondary" onPress={() => act(`/api/entraide/households/${n.householdId}/validation`)}>
            {t('entraide.validate', { name: n.name })}
          </Button>
        )}
      </div>
    </li>
  );
}

export function AmbassadorView() {
  const t = useT();
  const town = useTown();
  const r = useApi<NeighbourhoodActivity>('/api/entraide/neighbourhood-activity');
  return (
    <Loaded resource={r}>
      {(d) => (
        <div className="stack">
          <h2>{t('entraide.ambassadorTitle', { name: town.neighbourhoods.find((n) => n.id === d.neighbourhoodId)?.name ?? '' })}</h2>
          <ul className="entraide-counts" aria-label={t('entraide.activity')}>
            <li>{t('entraide.countOffers', { n: d.counts.offers })}</li>
            <li>{t('entraide.countRequests', { n: d.counts.requests })}</li>
            <li>{t('entraide.countUnanswered', { n: d.counts.unanswered })}</li>
            <li>{t('entraide.countNewcomers', { n: d.counts.newcomers })}</li>
            <li>{t('entraide.countMeetings', { n: d.counts.meetings })}</li>
          </ul>
          <section aria-labelledby="amb-newcomers" className="stack">
            <h2 id="amb-newcomers">{t('entraide.newcomers')}</h2>
            <p className="muted">{t('entraide.newcomersHelp')}</p>
            {d.newcomers.length ? (
              <ul className="entraide-list">
                {d.newcomers.map((n) => (
                  <Newcomer key={n.householdId} n={n} reload={r.reload} />
                ))}
              </ul>
            ) : (
              <p>{t('entraide.noNewcomer')}</p>
            )}
          </section>
          <section aria-labelledby="amb-meetings" className="stack">
            <h2 id="amb-meetings">{t('entraide.ambassadorMeetings')}</h2>
            {d.meetings.length ? (
              <ul className="entraide-list">
                {d.meetings.map((m) => (
                  <MeetingLine key={m.id} m={m} reload={r.reload} />
                ))}
              </ul>
            ) : (
              <p>{t('entraide.noMeeting')}</p>
            )}
          </section>
          <MeetingForm onDone={r.reload} />
        </div>
      )}
    </Loaded>
  );
}
