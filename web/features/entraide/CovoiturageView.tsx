/** Covoiturage to children's activities: register for an activity of the directory, see the crew proposed, confirm, the rota. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { frLongDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Button, Checkbox, DataTable, FormErrors, Loaded, NumberField, RadioGroup, SelectField, TextField } from '../../ui';
import type { SearchResult } from '../../../src/modules/annuaire';
import type { MyRides } from '../../../src/modules/entraide';
import { clock, WEEKDAYS } from './format';
import { CustodyRadio, FormHead, NativeDateField, useFormSubmit } from './inputs';

type Ride = MyRides['rides'][number];

function RideForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const activities = useApi<SearchResult>('/api/annuaire/services?besoin=loisirs');
  const [serviceId, setServiceId] = useState('');
  const [weekday, setWeekday] = useState('3');
  const [arriveAt, setArriveAt] = useState('14:00');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [role, setRole] = useState('passenger');
  const [children, setChildren] = useState<number | null>(1);
  const [seats, setSeats] = useState<number | null>(2);
  const [detour, setDetour] = useState<number | null>(25);
  const [licence, setLicence] = useState(false);
  const [custody, setCustody] = useState('all');
  const drives = role !== 'passenger';
  const { error, done, submit } = useFormSubmit(async () => {
    const r = await api.post<{ id: string; crewId: string | null }>('/api/entraide/rides', {
      serviceId,
      weekday: Number(weekday),
      arriveAt,
      fromDay,
      toDay,
      role,
      children: children ?? 0,
      seats: drives ? (seats ?? 0) : 0,
      hasLicence: drives && licence,
      detourPercent: detour ?? 25,
      custody,
    });
    onDone();
    return r.crewId ? t('entraide.rideMatched') : t('entraide.rideWaiting');
  });
  return (
    <form onSubmit={submit} className="stack entraide-form">
      <FormHead title={t('entraide.rideNew')} error={error} done={done} />
      <Loaded resource={activities}>
        {(d) => (
          <SelectField
            label={t('entraide.rideActivity')}
            value={serviceId}
            onChange={setServiceId}
            isRequired
            error={error?.field('serviceId')}
            options={[
              { value: '', label: t('entraide.rideChoose') },
              ...d.services.filter((s) => s.latitude !== null).map((s) => ({ value: s.id, label: `${s.nom} — ${s.structure.nom}` })),
            ]}
          />
        )}
      </Loaded>
      <SelectField
        label={t('entraide.rideDay')}
        value={weekday}
        onChange={setWeekday}
        options={WEEKDAYS.map((w) => ({ value: String(w), label: t(`entraide.day${w}`) }))}
      />
      <TextField
        label={t('entraide.rideArrive')}
        help={t('entraide.rideArriveHelp')}
        value={arriveAt}
        onChange={setArriveAt}
        isRequired
        error={error?.field('arriveAt')}
      />
      <NativeDateField id="ride-from" label={t('entraide.rideFrom')} value={fromDay} onChange={setFromDay} error={error?.field('fromDay')} />
      <NativeDateField id="ride-to" label={t('entraide.rideTo')} value={toDay} onChange={setToDay} error={error?.field('toDay')} />
      <RadioGroup
        label={t('entraide.rideRole')}
        value={role}
        onChange={setRole}
        options={[
          { value: 'passenger', label: t('entraide.rolePassenger') },
          { value: 'driver', label: t('entraide.roleDriver') },
          { value: 'either', label: t('entraide.roleEither') },
        ]}
      />
      <NumberField label={t('entraide.rideChildren')} value={children} onChange={setChildren} minValue={0} maxValue={6} error={error?.field('children')} />
      {drives ? (
        <>
          <NumberField label={t('entraide.rideSeats')} value={seats} onChange={setSeats} minValue={1} maxValue={8} error={error?.field('seats')} />
          <NumberField
            label={t('entraide.rideDetour')}
            help={t('entraide.rideDetourHelp')}
            value={detour}
            onChange={setDetour}
            minValue={0}
            maxValue={100}
            error={error?.field('detourPercent')}
          />
          <Checkbox isSelected={licence} onChange={setLicence}>
            {t('entraide.rideLicence')}
          </Checkbox>
          {error?.field('hasLicence') ? <p className="error">{error.field('hasLicence')}</p> : null}
        </>
      ) : null}
      <CustodyRadio value={custody} onChange={setCustody} />
      <p className="muted">{t('entraide.rideHomeNote')}</p>
      <Button type="submit">{t('entraide.rideRegister')}</Button>
    </form>
  );
}

function RideCard({ ride, reload }: { ride: Ride; reload: () => void }) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  async function act(verb: 'confirm' | 'decline' | 'cancel') {
    try {
      await api.post(`/api/entraide/rides/${ride.id}/${verb}`);
      setError(null);
      reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const crew = ride.crew;
  return (
    <li className="entraide-card">
      <h3>{ride.placeLabel}</h3>
      <p>
        {t('entraide.rideWhen', {
          day: t(`entraide.day${ride.weekday}`),
          time: clock(ride.arriveAt),
          from: frLongDate(ride.fromDay),
          to: frLongDate(ride.toDay),
        })}
      </p>
      <p className="entraide-tag">{t(`entraide.rideState_${ride.state}`)}</p>
      <FormErrors error={error} />
      {crew ? (
        <div className="stack">
          <p>
            {crew.iDrive
              ? t('entraide.rideYouDrive', { km: crew.routeKm.toLocaleString('fr-FR'), detour: crew.detourPercent })
              : t('entraide.rideSomeoneDrives')}
          </p>
          <ul className="entraide-members">
            {crew.members.map((m) => (
              <li key={m.label}>
                <strong>{m.label}</strong> · {m.drives ? t('entraide.memberDrives') : t('entraide.memberRides', { n: m.children })} ·{' '}
                {m.confirmed ? t('entraide.memberConfirmed') : t('entraide.memberWaiting')}
                {m.contact?.phone ? (
                  <>
                    {' '}
                    · {t('entraide.phone')} : <a href={`tel:${m.contact.phone}`}>{m.contact.phone}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {ride.state === 'confirmed' && crew.rota.length ? (
            <DataTable
              caption={t('entraide.rotaCaption')}
              rows={crew.rota}
              rowKey={(r) => r.date}
              columns={[
                { key: 'date', header: t('entraide.rotaDate'), render: (r) => frLongDate(r.date) },
                { key: 'driver', header: t('entraide.rotaDriver'), render: (r) => r.driver ?? t('entraide.rotaNobody') },
              ]}
            />
          ) : null}
          {ride.state !== 'confirmed' ? <p className="muted">{t('entraide.rideContactLater')}</p> : null}
          {!ride.iConfirmed ? (
            <div className="entraide-actions">
              <Button onPress={() => act('confirm')}>{t('entraide.rideConfirm')}</Button>
              <Button variant="secondary" onPress={() => act('decline')}>
                {t('entraide.rideDecline')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t('entraide.rideWaitingHelp')}</p>
      )}
      <Button variant="secondary" onPress={() => act('cancel')}>
        {t('entraide.rideCancel')}
      </Button>
    </li>
  );
}

export function CovoiturageView() {
  const t = useT();
  const mine = useApi<MyRides>('/api/entraide/rides');
  return (
    <div className="stack">
      <section aria-labelledby="entraide-rides">
        <h2 id="entraide-rides">{t('entraide.myRides')}</h2>
        <Loaded resource={mine}>
          {(d) =>
            d.rides.length ? (
              <ul className="entraide-list">
                {d.rides.map((r) => (
                  <RideCard key={r.id} ride={r} reload={mine.reload} />
                ))}
              </ul>
            ) : (
              <p>{t('entraide.noRide')}</p>
            )
          }
        </Loaded>
        <p className="muted">{t('entraide.rideRules')}</p>
      </section>
      <RideForm onDone={mine.reload} />
    </div>
  );
}
