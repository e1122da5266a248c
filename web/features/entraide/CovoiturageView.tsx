/** Covoiturage to children's activities: register for an activity of the directory, see the crew proposed, confirm, the rota. */
import { useState } from 'react';
import { useFormat, useT } from '../../app/i18n';
import { useQueuedForms } from '../../app/pwa';
import { Fr } from '../../app/lang';
import { useApi } from '../../app/use-api';
import { Button, Checkbox, DataTable, FormErrors, Loaded, NumberField, RadioGroup, SelectField, TextField } from '../../ui';
import type { SearchResult } from '../../../src/modules/annuaire';
import type { MyRides, RideSources } from '../../../src/modules/entraide';
import { WEEKDAYS, useEntraideFormat } from './format';
import { CustodyRadio, FormHead, NativeDateField, useFormSubmit, usePostThenReload } from './inputs';

type Ride = MyRides['rides'][number];
type Point = { lat: number; lon: number };

/** Rounded to 0.001° (about 100 m): enough for a detour, not an address. */
const roundPoint = (c: { latitude: number; longitude: number }): Point => ({
  lat: Math.round(c.latitude * 1000) / 1000,
  lon: Math.round(c.longitude * 1000) / 1000,
});

/**
 * The ride's starting point: the centre of the family's quarter, or — if the family asks, from home —
 * the phone's position, rounded. Never shown to the other families (only distances are).
 */
function HomePoint({ value, onChange }: { value: Point | null; onChange: (p: Point | null) => void }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'asking' | 'unavailable'>('idle');
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const locate = () => {
    setState('asking');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        onChange(roundPoint(pos.coords));
        setState('idle');
      },
      () => setState('unavailable'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };
  return (
    <div className="stack">
      {/* Announced when it changes (aria-live, not role="status": pages wait for no status left before they count as loaded). */}
      <p className="muted" aria-live="polite">
        {value ? t('entraide.rideHomeHere') : t('entraide.rideHomeNote')}
        {state === 'unavailable' ? ` ${t('entraide.rideHomeUnavailable')}` : ''}
      </p>
      {value ? (
        <Button variant="secondary" onPress={() => onChange(null)}>
          {t('entraide.rideHomeCentre')}
        </Button>
      ) : canLocate ? (
        <Button variant="secondary" onPress={locate} isDisabled={state === 'asking'}>
          {t('entraide.rideHomeLocate')}
        </Button>
      ) : null}
    </div>
  );
}

function RideForm({ onDone, target, setTarget }: { onDone: () => void; target: string; setTarget: (v: string) => void }) {
  const t = useT();
  const ef = useEntraideFormat();
  const f = useFormat();
  const activities = useApi<SearchResult>('/api/annuaire/services?besoin=loisirs');
  const sources = useApi<RideSources>('/api/entraide/rides/sources');
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
  const [home, setHome] = useState<Point | null>(null);
  const drives = role !== 'passenger';
  const [kind, id] = target.split(':') as [string, string | undefined];
  const booking = kind === 'booking' ? sources.data?.sources.find((x) => x.id === id) : undefined;
  // Without network the ride request waits on the phone and goes when it returns; the crew is found then (issue 19).
  const queue = useQueuedForms();
  const { error, done, submit } = useFormSubmit(async () => {
    const body = {
      ...(kind === 'booking' ? { bookingId: id } : kind === 'place' ? { offerId: id } : { serviceId: id }),
      // A booking has its own day and time (the server takes them from it).
      weekday: booking ? booking.weekday : Number(weekday),
      arriveAt: booking ? booking.time : arriveAt,
      fromDay: booking ? booking.day : fromDay,
      toDay: booking ? booking.day : toDay,
      role,
      children: children ?? 0,
      seats: drives ? (seats ?? 0) : 0,
      hasLicence: drives && licence,
      detourPercent: detour ?? 25,
      custody,
      ...(home ? { home } : {}),
    };
    const r = await queue.send<{ id: string; crewId: string | null }>({ method: 'POST', url: '/api/entraide/rides', body, label: t('pwa.ride') });
    if (r.queued) return '';
    onDone();
    return r.data.crewId ? t('entraide.rideMatched') : t('entraide.rideWaiting');
  });
  return (
    <form onSubmit={submit} className="stack entraide-form" id="entraide-ride-form">
      <FormHead title={t('entraide.rideNew')} error={error} done={done} />
      {queue.notice}
      <Loaded resource={activities}>
        {(d) => (
          <SelectField
            label={t('entraide.rideActivity')}
            help={t('entraide.rideActivityHelp')}
            value={target}
            onChange={setTarget}
            isRequired
            error={error?.field('serviceId') ?? error?.field('bookingId') ?? error?.field('offerId')}
            options={[
              { value: '', label: t('entraide.rideChoose') },
              ...(sources.data?.sources ?? [])
                .filter((x) => x.located)
                .map((x) => ({
                  value: `${x.kind}:${x.id}`,
                  label:
                    x.kind === 'booking'
                      ? t('entraide.rideToBooking', { title: x.title, place: x.placeName, date: f.longDate(x.day), time: ef.clock(x.time ?? '00:00') })
                      : t('entraide.rideToPlace', { title: x.title, place: x.placeName }),
                })),
              // A directory service's and its structure's names are the town's French data.
              ...d.services.filter((s) => s.latitude !== null).map((s) => ({ value: `service:${s.id}`, label: `${s.nom} — ${s.structure.nom}`, lang: 'fr' })),
            ]}
          />
        )}
      </Loaded>
      {booking ? (
        <p>{t('entraide.rideBookingFixed', { date: f.longDate(booking.day), time: ef.clock(booking.time ?? '00:00') })}</p>
      ) : (
        <>
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
        </>
      )}
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
      <HomePoint value={home} onChange={setHome} />
      <Button type="submit">{t('entraide.rideRegister')}</Button>
    </form>
  );
}

function RideCard({ ride, reload }: { ride: Ride; reload: () => void }) {
  const t = useT();
  const ef = useEntraideFormat();
  // Without network the answer waits on the phone and goes when it returns (issue 19): the crew learns it then.
  const { error, post, notice } = usePostThenReload(reload);
  const labels = { confirm: 'pwa.rideConfirm', decline: 'pwa.rideDecline', cancel: 'pwa.rideCancel' } as const;
  const act = (verb: 'confirm' | 'decline' | 'cancel') =>
    post(`/api/entraide/rides/${ride.id}/${verb}`, {}, t(labels[verb], { what: ride.placeLabel }), ride.placeLabel);
  const crew = ride.crew;
  type Member = NonNullable<Ride['crew']>['members'][number];
  // Words of the page's language; the server's `label` is French, for API clients.
  const memberName = (m: Member) =>
    m.mine
      ? t('entraide.crewMine')
      : m.contact?.firstName
        ? t('entraide.crewNamed', { name: m.contact.firstName })
        : t('entraide.crewNumbered', { n: m.number ?? 0 });
  return (
    <li className="entraide-card">
      <h3>
        <Fr>{ride.placeLabel}</Fr>
      </h3>
      <p>
        {ride.fromDay === ride.toDay
          ? t('entraide.rideOnce', { date: ef.day(ride.fromDay), time: ef.clock(ride.arriveAt) })
          : t('entraide.rideWhen', {
              day: t(`entraide.day${ride.weekday}`),
              time: ef.clock(ride.arriveAt),
              from: ef.day(ride.fromDay),
              to: ef.day(ride.toDay),
            })}
      </p>
      <p className="entraide-tag">{t(`entraide.rideState_${ride.state}`)}</p>
      <FormErrors error={error} />
      {notice}
      {crew ? (
        <div className="stack">
          <p>{crew.iDrive ? t('entraide.rideYouDrive', { km: ef.km(crew.routeKm), detour: crew.detourPercent }) : t('entraide.rideSomeoneDrives')}</p>
          <ul className="entraide-members">
            {crew.members.map((m, i) => (
              <li key={i}>
                <strong>{memberName(m)}</strong> · {m.drives ? t('entraide.memberDrives') : t('entraide.memberRides', { n: m.children })} ·{' '}
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
                { key: 'date', header: t('entraide.rotaDate'), render: (r) => ef.day(r.date) },
                {
                  key: 'driver',
                  header: t('entraide.rotaDriver'),
                  render: (r) => {
                    const driver = r.driverIndex === null ? undefined : crew.members[r.driverIndex];
                    return driver ? memberName(driver) : t('entraide.rotaNobody');
                  },
                },
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

/** My bookings and accepted places: a ride can go there too (the entry point from them). */
function Sources({ choose }: { choose: (target: string) => void }) {
  const t = useT();
  const ef = useEntraideFormat();
  const f = useFormat();
  const sources = useApi<RideSources>('/api/entraide/rides/sources');
  return (
    <section aria-labelledby="entraide-ride-sources" className="stack">
      <h2 id="entraide-ride-sources">{t('entraide.rideSources')}</h2>
      <Loaded resource={sources}>
        {(d) =>
          d.sources.length ? (
            <ul className="entraide-list">
              {d.sources.map((x) => (
                <li key={x.id} className="entraide-card">
                  <p className="entraide-tag">{x.kind === 'booking' ? t('entraide.sourceBooking') : t('entraide.sourcePlace')}</p>
                  <h3>
                    <Fr>{x.title}</Fr>
                  </h3>
                  <p>
                    <Fr>{x.placeName}</Fr>
                    {x.day ? ` · ${f.longDate(x.day)} · ${ef.clock(x.time ?? '00:00')}` : ''}
                    {x.period ? (
                      <>
                        {' · '}
                        <Fr>{x.period}</Fr>
                      </>
                    ) : null}
                  </p>
                  {x.located ? (
                    <Button
                      variant="secondary"
                      onPress={() => {
                        choose(`${x.kind}:${x.id}`);
                        document.getElementById('entraide-ride-form')?.scrollIntoView();
                      }}
                    >
                      {t('entraide.rideFromSource', { title: x.title })}
                    </Button>
                  ) : (
                    <p className="muted">{t('entraide.sourceNotLocated')}</p>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('entraide.noSource')}</p>
          )
        }
      </Loaded>
    </section>
  );
}

export function CovoiturageView() {
  const t = useT();
  const mine = useApi<MyRides>('/api/entraide/rides');
  // 'service:<id>' (an activity of the directory), 'booking:<id>' (my booking) or 'place:<id>' (my accepted place)
  const [target, setTarget] = useState('');
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
        <p className="muted">
          {t('entraide.rideRules')}
          {mine.data ? ` ${t(mine.data.roadDistances ? 'entraide.rideDistanceRoad' : 'entraide.rideDistanceStraight')}` : null}
        </p>
      </section>
      <Sources choose={setTarget} />
      <RideForm onDone={mine.reload} target={target} setTarget={setTarget} />
    </div>
  );
}
