/**
 * The offer, as staff set it: motifs, lieux, resources (seats per half-day and age group),
 * plages d'ouverture with their recurrence ("1er et 3e mardi du mois 12 h–14 h"), absences
 * and closures. Every form says what it will create before it is sent.
 */
import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { Alert, Button, Checkbox, DemoBadge, FormErrors, Loaded, NumberField, PageHeader, RadioGroup, RequireRole, SelectField, TextField } from '../../ui';
import { DayTimeField, frCalendarDay, frClock, frPeriod, kindLabel, recurrenceText } from './shared';
import type { Offer } from './types';

const AGE_GROUPS = ['0-1', '1-3', '3-6', '6-12'] as const;
type Caps = Partial<Record<(typeof AGE_GROUPS)[number], number>>;

/** A form that posts, shows the server's errors by field, and reloads the offer. */
function useSubmit(reload: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState(false);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    setOk(false);
    try {
      await f();
      setOk(true);
      reload();
      return true;
    } catch (e) {
      setError(e as ApiError);
      return false;
    }
  };
  return { error, ok, run };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Saved({ ok }: { ok: boolean }) {
  const t = useT();
  return ok ? (
    <Alert tone="success" live>
      {t('rendezvous.saved')}
    </Alert>
  ) : null;
}

type Submit = ReturnType<typeof useSubmit>;

/** A form of the offer: the server's errors, the « saved » notice, its fields, its button. */
function OfferForm({
  s,
  onSubmit,
  submitLabel,
  variant,
  spaced = true,
  children,
}: {
  s: Submit;
  onSubmit: () => void;
  submitLabel: string;
  variant?: 'secondary';
  /** Set apart from the list above it. */
  spaced?: boolean;
  children: ReactNode;
}) {
  return (
    <form onSubmit={(e) => (e.preventDefault(), onSubmit())} className={spaced ? 'rdv-offer-form' : undefined}>
      <FormErrors error={s.error} />
      <Saved ok={s.ok} />
      {children}
      <Button type="submit" variant={variant}>
        {submitLabel}
      </Button>
    </form>
  );
}

function Motifs({ offer, reload, coordinator }: { offer: Offer; reload: () => void; coordinator: boolean }) {
  const t = useT();
  const s = useSubmit(reload);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('permanence');
  const [duration, setDuration] = useState<number | null>(30);
  const [bookableBy, setBookableBy] = useState('family');
  const [minHours, setMinHours] = useState<number | null>(1);
  const [maxDays, setMaxDays] = useState<number | null>(60);
  const [cancelHours, setCancelHours] = useState<number | null>(4);
  const [documents, setDocuments] = useState('');
  const [collective, setCollective] = useState(false);
  const [capacity, setCapacity] = useState<number | null>(8);
  const create = () =>
    void s
      .run(() =>
        api.post('/api/rendezvous/motifs', {
          name,
          kind,
          durationMinutes: duration ?? 0,
          bookableBy,
          minNoticeMinutes: Math.round((minHours ?? 0) * 60),
          maxNoticeDays: maxDays ?? 0,
          cancelNoticeMinutes: Math.round((cancelHours ?? 0) * 60),
          documents: documents
            .split('\n')
            .map((d) => d.trim())
            .filter(Boolean),
          collective: collective || kind === 'creche' || kind === 'repit',
          capacity: collective ? (capacity ?? 0) : 1,
        }),
      )
      .then((done) => done && setName(''));
  return (
    <Section id="rdv-motifs" title={t('rendezvous.motifs')}>
      <ul className="item-list">
        {offer.motifs.map((m) => (
          <li key={m.id} className="item-card">
            <strong>{m.name}</strong> {m.isDemo ? <DemoBadge label={t('rendezvous.demo')} /> : null}
            <br />
            <span className="muted">
              {t('rendezvous.motifSummary', { kind: kindLabel(t, m.kind), minutes: m.durationMinutes, bookable: t(`rendezvous.bookable.${m.bookableBy}`) })}
              {m.collective && m.kind !== 'creche' && m.kind !== 'repit' ? ` · ${t('rendezvous.collective', { capacity: m.capacity })}` : ''}
            </span>
            {m.documents.length ? (
              <>
                <br />
                {t('rendezvous.documents')} : {m.documents.join(', ')}
              </>
            ) : null}
            {coordinator ? (
              <div>
                <Button variant="ghost" onPress={() => void s.run(() => api.post(`/api/rendezvous/motifs/${m.id}/withdraw`, {}))}>
                  {t('rendezvous.motifWithdraw')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <OfferForm s={s} onSubmit={create} submitLabel={t('rendezvous.motifCreate')}>
        <TextField label={t('rendezvous.motifName')} value={name} onChange={setName} isRequired error={s.error?.field('name')} />
        <SelectField
          name="kind"
          label={t('rendezvous.motifKind')}
          value={kind}
          onChange={setKind}
          options={['permanence', 'atelier', 'creche', 'repit'].map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
        <NumberField
          label={t('rendezvous.motifDuration')}
          value={duration}
          onChange={setDuration}
          minValue={5}
          maxValue={720}
          error={s.error?.field('durationMinutes')}
        />
        <SelectField
          name="bookableBy"
          label={t('rendezvous.motifBookable')}
          value={bookableBy}
          onChange={setBookableBy}
          options={['family', 'agent', 'referral'].map((k) => ({ value: k, label: t(`rendezvous.bookable.${k}`) }))}
        />
        <NumberField label={t('rendezvous.motifMinNotice')} value={minHours} onChange={setMinHours} minValue={0} error={s.error?.field('minNoticeMinutes')} />
        <NumberField
          label={t('rendezvous.motifMaxNotice')}
          value={maxDays}
          onChange={setMaxDays}
          minValue={1}
          maxValue={730}
          error={s.error?.field('maxNoticeDays')}
        />
        <NumberField
          label={t('rendezvous.motifCancelNotice')}
          value={cancelHours}
          onChange={setCancelHours}
          minValue={0}
          error={s.error?.field('cancelNoticeMinutes')}
        />
        <TextField label={t('rendezvous.motifDocuments')} value={documents} onChange={setDocuments} multiline />
        {kind === 'creche' || kind === 'repit' ? (
          <p className="muted">{t('rendezvous.resourcesIntro')}</p>
        ) : (
          <>
            <Checkbox isSelected={collective} onChange={setCollective}>
              {t('rendezvous.motifCollective')}
            </Checkbox>
            {collective ? (
              <NumberField
                label={t('rendezvous.motifCapacity')}
                value={capacity}
                onChange={setCapacity}
                minValue={1}
                maxValue={500}
                error={s.error?.field('capacity')}
              />
            ) : null}
          </>
        )}
      </OfferForm>
    </Section>
  );
}

function Lieux({ offer, reload }: { offer: Offer; reload: () => void }) {
  const t = useT();
  const town = useTown();
  const s = useSubmit(reload);
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [hood, setHood] = useState('');
  const [access, setAccess] = useState('');
  const [single, setSingle] = useState('');
  const hoodName = (id: string | null) => town.neighbourhoods.find((n) => n.id === id)?.name ?? '';
  const create = () =>
    void s
      .run(() =>
        api.post('/api/rendezvous/lieux', { name, address, neighbourhoodId: hood || null, accessibility: access || null, singleUseDate: single || null }),
      )
      .then((done) => done && (setName(''), setAddress('')));
  return (
    <Section id="rdv-lieux" title={t('rendezvous.lieux')}>
      <ul className="item-list">
        {offer.lieux.map((l) => (
          <li key={l.id} className="item-card">
            <strong>{l.name}</strong> — {l.address}
            {l.neighbourhoodId ? ` · ${hoodName(l.neighbourhoodId)}` : ''}
            {l.singleUseDate ? ` · ${t('rendezvous.singleUse', { date: frCalendarDay(l.singleUseDate) })}` : ''}
            {l.accessibility ? <span className="muted"> · {l.accessibility}</span> : null}
          </li>
        ))}
      </ul>
      <OfferForm s={s} onSubmit={create} submitLabel={t('rendezvous.lieuCreate')}>
        <TextField label={t('rendezvous.lieuName')} value={name} onChange={setName} isRequired error={s.error?.field('name')} />
        <TextField label={t('rendezvous.lieuAddress')} value={address} onChange={setAddress} isRequired error={s.error?.field('address')} />
        <SelectField
          name="hood"
          label={t('rendezvous.lieuHood')}
          value={hood}
          onChange={setHood}
          options={[{ value: '', label: t('rendezvous.noHood') }, ...town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))]}
        />
        <TextField label={t('rendezvous.lieuAccess')} value={access} onChange={setAccess} />
        <DayTimeField id="rdv-lieu-single" type="date" label={t('rendezvous.lieuSingle')} value={single} onChange={setSingle} />
      </OfferForm>
    </Section>
  );
}

function CapacityFields({ caps, onChange }: { caps: Caps; onChange: (c: Caps) => void }) {
  const t = useT();
  return (
    <div className="item-row">
      {AGE_GROUPS.map((g) => (
        <NumberField
          key={g}
          label={t(`rendezvous.age.${g}`)}
          value={caps[g] ?? 0}
          onChange={(v) => onChange({ ...caps, [g]: v ?? 0 })}
          minValue={0}
          maxValue={500}
        />
      ))}
    </div>
  );
}

function ResourceCard({ r, reload, coordinator }: { r: Offer['resources'][number]; reload: () => void; coordinator: boolean }) {
  const t = useT();
  const s = useSubmit(reload);
  const [caps, setCaps] = useState<Caps>(() => Object.fromEntries(r.capacities.map((c) => [c.ageGroup, c.capacity])));
  return (
    <li className="item-card">
      <h3>
        {r.name} {r.isDemo ? <DemoBadge label={t('rendezvous.demo')} /> : null}
      </h3>
      {coordinator ? (
        <OfferForm
          s={s}
          spaced={false}
          variant="secondary"
          onSubmit={() => void s.run(() => api.put(`/api/rendezvous/resources/${r.id}/capacities`, { capacities: caps }))}
          submitLabel={t('rendezvous.resourceSave')}
        >
          <CapacityFields caps={caps} onChange={setCaps} />
        </OfferForm>
      ) : (
        <p>{r.capacities.map((c) => `${t(`rendezvous.age.${c.ageGroup}`)} : ${c.capacity}`).join(' · ')}</p>
      )}
    </li>
  );
}

function Resources({ offer, reload, coordinator }: { offer: Offer; reload: () => void; coordinator: boolean }) {
  const t = useT();
  const s = useSubmit(reload);
  const [name, setName] = useState('');
  const [lieuId, setLieuId] = useState('');
  const [caps, setCaps] = useState<Caps>({ '0-1': 0, '1-3': 0, '3-6': 0, '6-12': 0 });
  return (
    <Section id="rdv-resources" title={t('rendezvous.resources')}>
      <p className="muted">{t('rendezvous.resourcesIntro')}</p>
      <ul className="item-list">
        {offer.resources.map((r) => (
          <ResourceCard key={r.id} r={r} reload={reload} coordinator={coordinator} />
        ))}
      </ul>
      {coordinator ? (
        <OfferForm
          s={s}
          onSubmit={() => void s.run(() => api.post('/api/rendezvous/resources', { name, lieuId: lieuId || null, capacities: caps }))}
          submitLabel={t('rendezvous.resourceCreate')}
        >
          <TextField label={t('rendezvous.resourceName')} value={name} onChange={setName} isRequired error={s.error?.field('name')} />
          <SelectField
            name="resourceLieu"
            label={t('rendezvous.resourceLieu')}
            value={lieuId}
            onChange={setLieuId}
            options={[{ value: '', label: t('rendezvous.noHood') }, ...offer.lieux.map((l) => ({ value: l.id, label: l.name }))]}
          />
          <CapacityFields caps={caps} onChange={setCaps} />
        </OfferForm>
      ) : null}
    </Section>
  );
}

type Repeat = 'once' | 'weekly' | 'monthly';

function Plages({ offer, reload, coordinator }: { offer: Offer; reload: () => void; coordinator: boolean }) {
  const t = useT();
  const { user } = useSession();
  const s = useSubmit(reload);
  const [owner, setOwner] = useState(`agent:${user?.id ?? ''}`);
  const [lieuId, setLieuId] = useState(offer.lieux[0]?.id ?? '');
  const [motifIds, setMotifIds] = useState<string[]>([]);
  const [firstDate, setFirstDate] = useState('');
  const [untilDate, setUntilDate] = useState('');
  const [startTime, setStart] = useState('12:00');
  const [endTime, setEnd] = useState('14:00');
  const [repeat, setRepeat] = useState<Repeat>('weekly');
  const [weekdays, setWeekdays] = useState<number[]>([2]);
  const [interval, setInterval] = useState<number | null>(1);
  const [nths, setNths] = useState<number[]>([1, 3]);
  const [weekday, setWeekday] = useState('2');
  const recurrence =
    repeat === 'once'
      ? { kind: 'once' as const }
      : repeat === 'weekly'
        ? { kind: 'weekly' as const, weekdays, interval: interval ?? 1 }
        : { kind: 'monthly' as const, weekday: Number(weekday), nths };
  const [kindOf, id] = owner.split(':') as ['agent' | 'resource', string];
  const motifName = (mid: string) => offer.motifs.find((m) => m.id === mid)?.name ?? '';
  const lieuName = (lid: string | null) => offer.lieux.find((l) => l.id === lid)?.name ?? '';
  const owners = [
    ...(coordinator ? offer.agents : offer.agents.filter((a) => a.id === user?.id)).map((a) => ({
      value: `agent:${a.id}`,
      label: t('rendezvous.plageOwnerAgent', { name: a.name }),
    })),
    ...(coordinator ? offer.resources.map((r) => ({ value: `resource:${r.id}`, label: t('rendezvous.plageOwnerResource', { name: r.name }) })) : []),
  ];
  const toggle = (xs: number[], x: number, on: boolean) => (on ? [...new Set([...xs, x])] : xs.filter((y) => y !== x));
  const create = () =>
    void s.run(() =>
      api.post('/api/rendezvous/plages', {
        agentId: kindOf === 'agent' ? id : null,
        resourceId: kindOf === 'resource' ? id : null,
        lieuId: lieuId || null,
        motifIds,
        firstDate,
        untilDate: untilDate || null,
        startTime,
        endTime,
        recurrence,
      }),
    );
  return (
    <Section id="rdv-plages" title={t('rendezvous.plages')}>
      <ul className="item-list">
        {offer.plages.map((p) => (
          <li key={p.id} className="item-card">
            <strong>{p.ownerName}</strong> {p.isDemo ? <DemoBadge label={t('rendezvous.demo')} /> : null}
            <br />
            {recurrenceText(t, p.recurrence, p.firstDate)}, {frClock(p.startTime)}–{frClock(p.endTime)}
            {p.lieuId ? ` · ${lieuName(p.lieuId)}` : ''}
            <br />
            <span className="muted">
              {p.motifIds.map(motifName).filter(Boolean).join(', ')} · {t('rendezvous.plageFrom', { date: frCalendarDay(p.firstDate) })}
              {p.untilDate ? ` ${t('rendezvous.plageTo', { date: frCalendarDay(p.untilDate) })}` : ''}
            </span>
            {coordinator || p.agentId === user?.id ? (
              <div>
                <Button variant="ghost" onPress={() => void s.run(() => api.del(`/api/rendezvous/plages/${p.id}`))}>
                  {t('rendezvous.plageRemove')}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <OfferForm s={s} onSubmit={create} submitLabel={t('rendezvous.plageCreate')}>
        <SelectField name="owner" label={t('rendezvous.plageOwner')} value={owner} onChange={setOwner} options={owners} />
        <SelectField
          name="plageLieu"
          label={t('rendezvous.plageLieu')}
          value={lieuId}
          onChange={setLieuId}
          options={[{ value: '', label: t('rendezvous.noHood') }, ...offer.lieux.map((l) => ({ value: l.id, label: l.name }))]}
        />
        <fieldset className="field">
          <legend>{t('rendezvous.plageMotifs')}</legend>
          {offer.motifs.map((m) => (
            <Checkbox key={m.id} isSelected={motifIds.includes(m.id)} onChange={(v) => setMotifIds((xs) => (v ? [...xs, m.id] : xs.filter((x) => x !== m.id)))}>
              {m.name}
            </Checkbox>
          ))}
          {s.error?.field('motifIds') ? <span className="error">{s.error.field('motifIds')}</span> : null}
        </fieldset>
        <div className="item-row">
          <DayTimeField
            id="rdv-plage-first"
            type="date"
            label={t('rendezvous.plageFirst')}
            value={firstDate}
            onChange={setFirstDate}
            isRequired
            error={s.error?.field('firstDate')}
          />
          <DayTimeField id="rdv-plage-until" type="date" label={t('rendezvous.plageUntil')} value={untilDate} onChange={setUntilDate} />
          <DayTimeField id="rdv-plage-start" type="time" label={t('rendezvous.plageStart')} value={startTime} onChange={setStart} isRequired />
          <DayTimeField
            id="rdv-plage-end"
            type="time"
            label={t('rendezvous.plageEnd')}
            value={endTime}
            onChange={setEnd}
            isRequired
            error={s.error?.field('endTime')}
          />
        </div>
        <RadioGroup
          label={t('rendezvous.plageRepeat')}
          value={repeat}
          onChange={(v) => setRepeat(v as Repeat)}
          options={(['once', 'weekly', 'monthly'] as const).map((k) => ({ value: k, label: t(`rendezvous.repeat.${k}`) }))}
        />
        {repeat === 'weekly' ? (
          <>
            <fieldset className="field">
              <legend>{t('rendezvous.plageWeekdays')}</legend>
              <div className="item-row">
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <Checkbox key={d} isSelected={weekdays.includes(d)} onChange={(v) => setWeekdays((xs) => toggle(xs, d, v))}>
                    {t(`rendezvous.wd.${d}`)}
                  </Checkbox>
                ))}
              </div>
            </fieldset>
            <NumberField label={t('rendezvous.plageInterval')} value={interval} onChange={setInterval} minValue={1} maxValue={8} />
          </>
        ) : null}
        {repeat === 'monthly' ? (
          <>
            <fieldset className="field">
              <legend>{t('rendezvous.plageNth')}</legend>
              <div className="item-row">
                {[1, 2, 3, 4, 5, -1].map((n) => (
                  <Checkbox key={n} isSelected={nths.includes(n)} onChange={(v) => setNths((xs) => toggle(xs, n, v))}>
                    {t(`rendezvous.nth.${n}`)}
                  </Checkbox>
                ))}
              </div>
            </fieldset>
            <SelectField
              name="weekday"
              label={t('rendezvous.plageWeekday')}
              value={weekday}
              onChange={setWeekday}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`rendezvous.wd.${d}`) }))}
            />
          </>
        ) : null}
        {firstDate ? (
          <p>
            <strong>{t('rendezvous.plagePreview', { text: `${recurrenceText(t, recurrence, firstDate)}, ${frClock(startTime)}–${frClock(endTime)}` })}</strong>
          </p>
        ) : null}
      </OfferForm>
    </Section>
  );
}

function Absences({ offer, reload, coordinator }: { offer: Offer; reload: () => void; coordinator: boolean }) {
  const t = useT();
  const { user } = useSession();
  const s = useSubmit(reload);
  const [who, setWho] = useState('me');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [fromTime, setFromTime] = useState('');
  const [toTime, setToTime] = useState('');
  const [label, setLabel] = useState('');
  // The confirmed bookings the new absence falls on: they stay, staff move them from the agenda.
  const [onBookings, setOnBookings] = useState(0);
  const create = () => {
    setOnBookings(0);
    void s.run(async () => {
      const r = await api.post<{ id: string; bookings: number }>('/api/rendezvous/absences', {
        fromDate,
        toDate: toDate || fromDate,
        fromTime: fromTime || null,
        toTime: toTime || null,
        label: label || null,
        everyone: who === 'everyone',
        resourceId: who.startsWith('resource:') ? who.slice(9) : null,
      });
      setOnBookings(r.bookings);
    });
  };
  return (
    <Section id="rdv-absences" title={t('rendezvous.absences')}>
      <p className="muted">{t('rendezvous.absencesHolidays')}</p>
      {offer.absences.length ? (
        <ul className="item-list">
          {offer.absences.map((a) => (
            <li key={a.id} className="item-card">
              <strong>{a.ownerName ?? t('rendezvous.everyone')}</strong> · {frPeriod(a.start, a.end)}
              {a.label ? ` · ${a.label}` : ''}
              {coordinator || a.agentId === user?.id ? (
                <div>
                  <Button variant="ghost" onPress={() => void s.run(() => api.del(`/api/rendezvous/absences/${a.id}`))}>
                    {t('rendezvous.absenceRemove')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('rendezvous.none')}</p>
      )}
      {onBookings > 0 ? (
        <Alert tone="warning" live>
          {t('rendezvous.absenceOnBookings', { n: onBookings })} <Link to="/rendez-vous/agenda">{t('rendezvous.absenceToAgenda')}</Link>
        </Alert>
      ) : null}
      <OfferForm s={s} onSubmit={create} submitLabel={t('rendezvous.absenceCreate')}>
        <SelectField
          name="absenceWho"
          label={t('rendezvous.absenceWho')}
          value={who}
          onChange={setWho}
          options={[
            { value: 'me', label: t('rendezvous.absenceMe') },
            ...(coordinator
              ? [
                  { value: 'everyone', label: t('rendezvous.absenceEveryone') },
                  ...offer.resources.map((r) => ({ value: `resource:${r.id}`, label: t('rendezvous.absenceResource', { name: r.name }) })),
                ]
              : []),
          ]}
        />
        <div className="item-row">
          <DayTimeField
            id="rdv-abs-from"
            type="date"
            label={t('rendezvous.absenceFrom')}
            value={fromDate}
            onChange={setFromDate}
            isRequired
            error={s.error?.field('fromDate')}
          />
          <DayTimeField id="rdv-abs-to" type="date" label={t('rendezvous.absenceTo')} value={toDate} onChange={setToDate} error={s.error?.field('toDate')} />
          <DayTimeField id="rdv-abs-from-time" type="time" label={t('rendezvous.absenceFromTime')} value={fromTime} onChange={setFromTime} />
          <DayTimeField id="rdv-abs-to-time" type="time" label={t('rendezvous.absenceToTime')} value={toTime} onChange={setToTime} />
        </div>
        <TextField label={t('rendezvous.absenceLabel')} value={label} onChange={setLabel} />
      </OfferForm>
    </Section>
  );
}

function OfferEditor() {
  const { user } = useSession();
  const r = useApi<Offer>('/api/rendezvous/offer', { keepPrevious: true });
  const coordinator = user?.role === 'coordinator';
  return (
    <Loaded resource={r}>
      {(offer) => (
        <div className="stack">
          <Plages offer={offer} reload={r.reload} coordinator={coordinator} />
          <Absences offer={offer} reload={r.reload} coordinator={coordinator} />
          <Resources offer={offer} reload={r.reload} coordinator={coordinator} />
          <Motifs offer={offer} reload={r.reload} coordinator={coordinator} />
          <Lieux offer={offer} reload={r.reload} />
        </div>
      )}
    </Loaded>
  );
}

export default function OfferPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('rendezvous.offerTitle')} intro={t('rendezvous.offerIntro')} />
      <RequireRole roles={['agent', 'coordinator']}>
        <OfferEditor />
      </RequireRole>
    </>
  );
}
