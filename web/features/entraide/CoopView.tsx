/** Garde partagée: my cooperatives with the month's split, create one, join one nearby. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT, useTx } from '../../app/i18n';
import { ErrorText, Fr } from '../../app/lang';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { Alert, Button, Checkbox, DataTable, DemoBadge, FormErrors, Loaded, NumberField, TextField } from '../../ui';
import type { CmgEstimateOut, CoopSplit, MyCoops } from '../../../src/modules/entraide';
import { hours, shiftMonth, useEntraideFormat, WEEKDAYS } from './format';
import { CustodyRadio } from './inputs';

/** What the CAF's CMG may cover of my share: the family gives its resources and children (not stored). */
function CmgEstimate({ coopId, month }: { coopId: string; month: string }) {
  const t = useT();
  const ef = useEntraideFormat();
  const [resources, setResources] = useState<number | null>(null);
  const [children, setChildren] = useState<number | null>(1);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<CmgEstimateOut | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const q = new URLSearchParams({ month, resources: String(Math.round(resources ?? -1)), children: String(children ?? 0) });
      setResult(await api.get<CmgEstimateOut>(`/api/entraide/coops/${coopId}/cmg?${q}`));
      setError(null);
    } catch (err) {
      setResult(null);
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="stack entraide-form" aria-labelledby={`cmg-${coopId}`}>
      <h3 id={`cmg-${coopId}`}>{t('entraide.cmgTitle')}</h3>
      <p>{t('entraide.cmgIntro')}</p>
      <FormErrors error={error} />
      <NumberField
        label={t('entraide.cmgResources')}
        help={t('entraide.cmgResourcesHelp')}
        value={resources}
        onChange={setResources}
        euros
        minValue={0}
        maxValue={100000}
        step={1}
        isRequired
        error={error?.field('resources')}
      />
      <NumberField
        label={t('entraide.cmgChildren')}
        value={children}
        onChange={setChildren}
        minValue={1}
        maxValue={15}
        step={1}
        isRequired
        error={error?.field('children')}
      />
      <Button type="submit">{t('entraide.cmgEstimate')}</Button>
      {result && (
        <div role="status" className="stack">
          <p className="entraide-cmg">
            {t('entraide.cmgResult', { amount: ef.euros(result.cmgCents), share: ef.euros(result.myCents), month: ef.month(result.month) })}
          </p>
          <p>{t('entraide.cmgLeft', { amount: ef.euros(result.leftCents) })}</p>
          <p className="muted">
            {t('entraide.cmgHow', {
              participation: ef.euros(result.participationPerHourCents),
              rate: ef.euros(result.hourlyCostRetainedCents),
              cap: ef.euros(result.hourlyCostCapCents),
            })}
          </p>
          <p>
            <strong>{t('entraide.cmgConfirm')}</strong>
          </p>
        </div>
      )}
    </form>
  );
}

function Split({ coopId, month }: { coopId: string; month: string }) {
  const t = useT();
  const ef = useEntraideFormat();
  const r = useApi<CoopSplit>(`/api/entraide/coops/${coopId}/split?month=${month}`, { keepPrevious: true });
  return (
    <Loaded resource={r}>
      {(s) => (
        <div className="stack">
          <p className="entraide-owed">{t('entraide.youOwe', { amount: ef.euros(s.myCents), month: ef.month(s.month) })}</p>
          <DataTable
            caption={t('entraide.splitCaption', { month: ef.month(s.month) })}
            rows={s.families}
            rowKey={(f) => f.label}
            columns={[
              { key: 'family', header: t('entraide.family'), render: (f) => f.label },
              { key: 'hours', header: t('entraide.hoursUsed'), render: (f) => hours(f.minutes) },
              { key: 'share', header: t('entraide.share'), render: (f) => ef.euros(f.cents) },
            ]}
          />
          <p>{t('entraide.total', { amount: ef.euros(s.totalCents), hours: hours(s.childminderMinutes), rate: ef.euros(s.hourlyCostCents) })}</p>
          <details>
            <summary>{t('entraide.roundingTitle')}</summary>
            <p>{s.roundingRule}</p>
          </details>
          <CmgEstimate coopId={coopId} month={s.month} />
        </div>
      )}
    </Loaded>
  );
}

function CoopCard({ coop, month }: { coop: MyCoops['coops'][number]; month: string }) {
  const t = useT();
  const hoursLabel = useHoursLabel();
  return (
    <li className="entraide-card">
      <h3>
        <Fr>{coop.name}</Fr> {coop.isDemo ? <DemoBadge /> : null}
      </h3>
      {coop.hours ? <p>{t('entraide.coopHoursOf', { hours: hoursLabel(coop.hours) })}</p> : null}
      <Split coopId={coop.id} month={month} />
    </li>
  );
}

function HoursFields({
  minutes,
  setMinutes,
  custody,
  setCustody,
  error,
}: {
  minutes: number | null;
  setMinutes: (v: number | null) => void;
  custody: string;
  setCustody: (v: string) => void;
  error: ApiError | null;
}) {
  const t = useT();
  return (
    <>
      <NumberField
        label={t('entraide.hoursPerWeek')}
        value={minutes === null ? null : minutes / 60}
        onChange={(v) => setMinutes(v === null ? null : Math.round(v * 60))}
        minValue={0}
        maxValue={60}
        step={0.5}
        isRequired
        error={error?.field('minutesPerWeek')}
      />
      <CustodyRadio value={custody} onChange={setCustody} />
    </>
  );
}

type GardeHours = { weekdays: number[]; from: string; to: string };
/** A new cooperative's default hours (after school, four days), changed by the family. */
const AFTER_SCHOOL: GardeHours = { weekdays: [1, 2, 4, 5], from: '16:30', to: '19:00' };

/** "lundi, mardi, jeudi, vendredi, 16 h 30 – 19 h 00" */
function useHoursLabel() {
  const t = useT();
  const ef = useEntraideFormat();
  return (h: GardeHours) =>
    `${WEEKDAYS.filter((w) => h.weekdays.includes(w))
      .map((w) => t(`entraide.day${w}`))
      .join(', ')}, ${ef.clock(h.from)} – ${ef.clock(h.to)}`;
}

/** The days and hours of the garde: the childminder's (creating) or the family's need (joining). */
function GardeHoursFields({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string;
  value: GardeHours;
  onChange: (h: GardeHours) => void;
  error: ApiError | null;
}) {
  const t = useT();
  const toggle = (w: number, on: boolean) => onChange({ ...value, weekdays: on ? [...value.weekdays, w] : value.weekdays.filter((x) => x !== w) });
  return (
    <>
      <fieldset className="entraide-checks">
        <legend>{legend}</legend>
        {WEEKDAYS.map((w) => (
          <Checkbox key={w} isSelected={value.weekdays.includes(w)} onChange={(on) => toggle(w, on)}>
            {t(`entraide.day${w}`)}
          </Checkbox>
        ))}
        {error?.field('weekdays') ? <p className="error">{error.field('weekdays')}</p> : null}
      </fieldset>
      <TextField
        label={t('entraide.coopFrom')}
        help={t('entraide.coopTimeHelp')}
        value={value.from}
        onChange={(from) => onChange({ ...value, from })}
        isRequired
        error={error?.field('from')}
      />
      <TextField
        label={t('entraide.coopTo')}
        help={t('entraide.coopTimeHelp')}
        value={value.to}
        onChange={(to) => onChange({ ...value, to })}
        isRequired
        error={error?.field('to')}
      />
    </>
  );
}

function CreateForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [rate, setRate] = useState<number | null>(12);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [custody, setCustody] = useState('all');
  const [garde, setGarde] = useState<GardeHours>(AFTER_SCHOOL);
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/api/entraide/coops', { name, hourlyCostCents: Math.round((rate ?? 0) * 100), minutesPerWeek: minutes ?? 0, custody, ...garde });
      setError(null);
      setName('');
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="stack entraide-form">
      <h2>{t('entraide.createCoop')}</h2>
      <FormErrors error={error} />
      <TextField label={t('entraide.coopName')} value={name} onChange={setName} isRequired error={error?.field('name')} />
      <NumberField
        label={t('entraide.hourlyCost')}
        help={t('entraide.hourlyCostHelp')}
        value={rate}
        onChange={setRate}
        euros
        minValue={1}
        maxValue={100}
        step={0.01}
        isRequired
        error={error?.field('hourlyCostCents')}
      />
      <GardeHoursFields legend={t('entraide.coopDays')} value={garde} onChange={setGarde} error={error} />
      <p className="muted">{t('entraide.coopHoursRule')}</p>
      <HoursFields minutes={minutes} setMinutes={setMinutes} custody={custody} setCustody={setCustody} error={error} />
      <Button type="submit">{t('entraide.create')}</Button>
    </form>
  );
}

function JoinCard({ coop, onDone }: { coop: MyCoops['open'][number]; onDone: () => void }) {
  const t = useT();
  const ef = useEntraideFormat();
  const town = useTown();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [custody, setCustody] = useState('all');
  const [need, setNeed] = useState<GardeHours>(coop.hours ?? AFTER_SCHOOL);
  const hoursLabel = useHoursLabel();
  const [error, setError] = useState<ApiError | null>(null);
  const tx = useTx();
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post(`/api/entraide/coops/${coop.id}/join`, { minutesPerWeek: minutes ?? 0, custody, ...need });
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <li className="entraide-card">
      <h3>
        <Fr>{coop.name}</Fr> {coop.isDemo ? <DemoBadge /> : null}
      </h3>
      <p className="muted">
        {town.neighbourhoods.find((n) => n.id === coop.neighbourhoodId)?.name} · {t('entraide.families', { n: coop.families })} ·{' '}
        {t('entraide.perHour', { amount: ef.euros(coop.hourlyCostCents) })}
      </p>
      <p>{coop.hours ? t('entraide.coopHoursOf', { hours: hoursLabel(coop.hours) }) : t('entraide.coopHoursUnknown')}</p>
      <form onSubmit={submit} className="stack">
        {error && !['minutesPerWeek', 'weekdays', 'from', 'to'].some((f) => error.field(f)) ? (
          <Alert tone="error" live>
            <ErrorText code={error.code} message={error.message} />
          </Alert>
        ) : null}
        <GardeHoursFields legend={t('entraide.coopNeedDays')} value={need} onChange={setNeed} error={error} />
        <HoursFields minutes={minutes} setMinutes={setMinutes} custody={custody} setCustody={setCustody} error={error} />
        <Button type="submit">{tx('entraide.join', { name: <Fr>{coop.name}</Fr> })}</Button>
      </form>
    </li>
  );
}

export function CoopView() {
  const r = useApi<MyCoops>('/api/entraide/coops');
  return <Loaded resource={r}>{(d) => <Coops d={d} reload={r.reload} />}</Loaded>;
}

function Coops({ d, reload }: { d: MyCoops; reload: () => void }) {
  const t = useT();
  const ef = useEntraideFormat();
  const [month, setMonth] = useState(d.month);
  return (
    <div className="stack">
      <section aria-labelledby="entraide-mycoops">
        <h2 id="entraide-mycoops">{t('entraide.myCoops')}</h2>
        {d.coops.length ? (
          <>
            <div className="entraide-month">
              <Button variant="secondary" onPress={() => setMonth(shiftMonth(month, -1))}>
                {t('entraide.prevMonth')}
              </Button>
              <p aria-live="polite">{ef.month(month)}</p>
              <Button variant="secondary" onPress={() => setMonth(shiftMonth(month, 1))}>
                {t('entraide.nextMonth')}
              </Button>
            </div>
            <ul className="entraide-list">
              {d.coops.map((c) => (
                <CoopCard key={c.id} coop={c} month={month} />
              ))}
            </ul>
          </>
        ) : (
          <p>{t('entraide.noCoop')}</p>
        )}
      </section>
      {d.open.length ? (
        <section aria-labelledby="entraide-opencoops">
          <h2 id="entraide-opencoops">{t('entraide.openCoops')}</h2>
          <ul className="entraide-list">
            {d.open.map((c) => (
              <JoinCard key={c.id} coop={c} onDone={reload} />
            ))}
          </ul>
        </section>
      ) : null}
      <CreateForm onDone={reload} />
    </div>
  );
}
