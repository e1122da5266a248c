/** An indicator: where it stands, its history (chart + table), values by month and neighbourhood, manual entry. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, navigate, useParams } from '../../app/router';
import { IndicatorForm } from './IndicatorForm';
import { Alert, FormCard, Button, DemoBadge, MonthField, NumberField, PageHeader, RequireRole, SelectField, LoadStatus } from '../../ui';
import { formatNumber, periodLabel } from './format';
import { HistoryChart } from './HistoryChart';
import { READERS, TableScroll, StandingText, useCanEdit } from './shared';
import { useApi } from '../../app/use-api';
import type { IndicatorDetail } from './types';

type Detail = IndicatorDetail;

function ValueForm({ d, reload }: { d: Detail; reload: () => void }) {
  const t = useT();
  const [period, setPeriod] = useState(d.currentPeriod);
  const [hood, setHood] = useState('*');
  const [value, setValue] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (value === null) {
      setError(new ApiError(400, 'http/validation', 'Indiquez une valeur.', [{ path: 'value', message: 'Indiquez une valeur.' }]));
      return;
    }
    try {
      await api.put(`/api/pilotage/indicators/${d.indicator.id}/values`, { period, neighbourhood: hood, value });
      setError(null);
      setSaved(t('pilotage.valueSaved', { period: periodLabel(period) }));
      reload();
    } catch (err) {
      setError(err as ApiError);
      setSaved('');
    }
  }
  return (
    <FormCard id="enter-value" title={t('pilotage.enterValue')} error={error} onSubmit={submit}>
      <div className="grid-2">
        <MonthField label={t('pilotage.month')} value={period} onChange={setPeriod} isRequired error={error?.field('period')} />
        <SelectField
          label={t('pilotage.byNeighbourhood')}
          name="neighbourhood"
          value={hood}
          onChange={setHood}
          options={[{ value: '*', label: t('pilotage.wholeTown') }, ...d.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))]}
          error={error?.field('neighbourhood')}
        />
        <NumberField
          label={`${t('pilotage.value')}${d.indicator.unit ? ` (${d.indicator.unit})` : ''}`}
          value={value}
          onChange={setValue}
          isRequired
          error={error?.field('value')}
        />
      </div>
      <div className="row">
        <Button type="submit">{t('pilotage.saveValue')}</Button>
        <span role="status" className="saved">
          {saved}
        </span>
      </div>
    </FormCard>
  );
}

/** Who a count may be reported to (the territory's figures): the coordination chooses per indicator. */
const DENOMINATORS = ['familles_monoparentales', 'familles', 'enfants_moins_11'] as const;
type Figure = (typeof DENOMINATORS)[number];

function DenominatorChoice({ d, reload }: { d: Detail; reload: () => void }) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  async function choose(figure: string) {
    try {
      await api.put(`/api/pilotage/indicators/${d.indicator.id}/denominator`, { figure });
      setError(null);
      reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <SelectField
      label={t('pilotage.idees.denominator')}
      help={t('pilotage.idees.denominatorHelp')}
      name="denominator"
      value={d.figure ?? 'familles_monoparentales'}
      onChange={choose}
      error={error?.field('figure') ?? error?.message}
      options={DENOMINATORS.map((f) => ({ value: f, label: t(`pilotage.idees.per.${f}`) }))}
    />
  );
}

/** The latest month's values for 1,000 of the chosen territory figure in each area, with the figure's source and year. */
function PerTerritory({ d, cols, reload }: { d: Detail; cols: { id: string; name: string }[]; reload: () => void }) {
  const t = useT();
  const canEdit = useCanEdit();
  const den = d.denominator;
  const last = d.periods[d.periods.length - 1];
  const figure = (d.figure ?? 'familles_monoparentales') as Figure;
  const rows =
    den && last
      ? cols.flatMap((c) => {
          const base = den.values.find((v) => v.area === c.id)?.base;
          const v = d.values.find((x) => x.period === last.period && x.neighbourhood === c.id);
          return base === undefined || !v ? [] : [{ ...c, value: v.value, base, ratio: Math.round((v.value * den.scale * 10) / base) / 10 }];
        })
      : [];
  const title = t('pilotage.idees.perTerritoryTitle', { who: t(`pilotage.idees.per.${figure}`).toLocaleLowerCase('fr'), month: last?.label ?? '' });
  return (
    <section aria-labelledby="per-territory">
      <h2 id="per-territory">{title}</h2>
      {canEdit ? <DenominatorChoice d={d} reload={reload} /> : null}
      {den && rows.length ? (
        <>
          <p className="muted">
            {/^source\s*:/i.test(den.source) ? den.source : t('pilotage.idees.source', { source: den.source })} (
            {t('pilotage.idees.figuresOf', { year: String(den.year) })})
            {den.isDemo ? (
              <>
                {' '}
                <DemoBadge />
              </>
            ) : null}
          </p>
          <TableScroll label={title}>
            <table className="pilotage-compact">
              <thead>
                <tr>
                  <th scope="col">{t('pilotage.idees.area')}</th>
                  <th scope="col" style={{ textAlign: 'end' }}>
                    {t('pilotage.idees.count')}
                  </th>
                  <th scope="col" style={{ textAlign: 'end' }}>
                    {den.label}
                  </th>
                  <th scope="col" style={{ textAlign: 'end' }}>
                    {t('pilotage.idees.perScaleOf', { scale: den.scale, who: t(`pilotage.idees.per.${figure}`).toLocaleLowerCase('fr') })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td style={{ textAlign: 'end' }}>{formatNumber(r.value)}</td>
                    <td style={{ textAlign: 'end' }}>{formatNumber(r.base)}</td>
                    <td style={{ textAlign: 'end' }}>{formatNumber(r.ratio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : (
        <p className="muted">{t('pilotage.idees.noDenominator')}</p>
      )}
    </section>
  );
}

/** A registry indicator's count per partner (or another dimension): the latest month shown, and since the first. */
function Breakdown({ b }: { b: NonNullable<IndicatorDetail['breakdown']> }) {
  const t = useT();
  const title = t('pilotage.breakdownTitle', { by: b.by.toLocaleLowerCase('fr') });
  return (
    <section aria-labelledby="breakdown">
      <h2 id="breakdown">{title}</h2>
      <p className="muted">{t('pilotage.breakdownIntro')}</p>
      {b.rows.length ? (
        <TableScroll label={title}>
          <table className="pilotage-compact">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{b.by}</th>
                {b.detail ? <th scope="col">{b.detail}</th> : null}
                <th scope="col" style={{ textAlign: 'end' }}>
                  {b.period.label}
                </th>
                {b.since.period !== b.period.period ? (
                  <th scope="col" style={{ textAlign: 'end' }}>
                    {t('pilotage.breakdownSince', { month: b.since.label })}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r) => (
                <tr key={`${r.label}|${r.detail ?? ''}`}>
                  <th scope="row">{r.label}</th>
                  {b.detail ? <td>{r.detail ?? '—'}</td> : null}
                  <td style={{ textAlign: 'end' }}>{formatNumber(r.month)}</td>
                  {b.since.period !== b.period.period ? <td style={{ textAlign: 'end' }}>{formatNumber(r.total)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t('pilotage.breakdownNone')}</p>
      )}
    </section>
  );
}

export default function IndicatorPage() {
  const t = useT();
  const { id } = useParams();
  const canEdit = useCanEdit();
  const { data: d, error, reload } = useApi<Detail>(`/api/pilotage/indicators/${id}`);
  const [computing, setComputing] = useState('');
  async function compute() {
    if (!d) return;
    const r = await api.post<{ values: number; indicators: number }>(`/api/pilotage/plans/${d.plan.id}/compute`, {});
    setComputing(t('pilotage.computed', { n: r.values, indicators: r.indicators }));
    reload();
  }
  const i = d?.indicator;
  const cols = d
    ? [
        { id: '*', name: t('pilotage.wholeTown') },
        ...d.neighbourhoods,
        ...(d.values.some((v) => v.neighbourhood === '?') ? [{ id: '?', name: t('pilotage.unlocated') }] : []),
      ]
    : [];
  const cell = (p: string, n: string) => d?.values.find((v) => v.period === p && v.neighbourhood === n);
  return (
    <div className="pilotage">
      <RequireRole roles={[...READERS]}>
        <LoadStatus data={d} error={error} />
        {d && i ? (
          <>
            <p className="breadcrumb no-print">
              <Link to={`/pilotage/plans/${d.plan.id}`}>{d.plan.title}</Link> ›{' '}
              <Link to={`/pilotage/actions/${d.action.id}`}>{t('pilotage.backToAction')}</Link>
            </p>
            <PageHeader title={i.label} intro={d.action.title}>
              {d.plan.isDemo ? <DemoBadge label={t('pilotage.example')} /> : null}
            </PageHeader>
            {!i.available ? <Alert tone="warning">{t('pilotage.unavailable')}</Alert> : null}
            <dl className="facts">
              <div>
                <dt>{t('pilotage.sourceKind')}</dt>
                <dd>{i.sourceLabel}</dd>
              </div>
              <div>
                <dt>{t('pilotage.latest')}</dt>
                <dd className="figure">{i.latest ? formatNumber(i.latest.value, i.unit) : t('pilotage.noValue')}</dd>
              </div>
              <div>
                <dt>{t('pilotage.baseline')}</dt>
                <dd>{formatNumber(i.baseline, i.unit)}</dd>
              </div>
              <div>
                <dt>{t('pilotage.target')}</dt>
                <dd>{i.target === null ? t('pilotage.toDefine') : formatNumber(i.target, i.unit)}</dd>
              </div>
              <div>
                <dt>{t('pilotage.situation')}</dt>
                <dd>
                  <StandingText standing={i.standing} />
                </dd>
              </div>
              <div>
                <dt>{t('pilotage.direction')}</dt>
                <dd>{t(`pilotage.direction.${i.direction}`)}</dd>
              </div>
            </dl>
            {d.description ? <p className="muted">{d.description}</p> : null}
            {canEdit && i.source !== 'manual' ? (
              <div className="row">
                <Button variant="secondary" onPress={compute}>
                  {t('pilotage.compute')}
                </Button>
                <span role="status" className="saved">
                  {computing}
                </span>
              </div>
            ) : null}
            <h2>{t('pilotage.history')}</h2>
            <HistoryChart
              title={`${t('pilotage.history')} — ${i.label} (${t('pilotage.wholeTown').toLowerCase()})`}
              points={i.history}
              target={i.target}
              unit={i.unit}
            />
            {canEdit && i.source === 'manual' ? <ValueForm d={d} reload={reload} /> : null}
            {canEdit ? (
              <>
                <IndicatorForm key={JSON.stringify(i)} actionId={d.action.id} indicator={i} onDone={reload} />
                <Button
                  variant="danger"
                  onPress={async () => {
                    if (!window.confirm(t('pilotage.confirmDelete', { what: i.label }))) return;
                    await api.del(`/api/pilotage/indicators/${i.id}`);
                    navigate(`/pilotage/actions/${d.action.id}`);
                  }}
                >
                  {t('pilotage.deleteIndicator')}
                </Button>
              </>
            ) : null}
            <h2>{t('pilotage.valuesTable')}</h2>
            {d.periods.length ? (
              <TableScroll label={t('pilotage.valuesTable')}>
                <table className="pilotage-compact">
                  <caption>{t('pilotage.valuesTable')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('pilotage.period')}</th>
                      {cols.map((c) => (
                        <th key={c.id} scope="col" style={{ textAlign: 'end' }}>
                          {c.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {d.periods.map((p) => (
                      <tr key={p.period}>
                        <th scope="row" style={{ fontWeight: 400, background: 'none' }}>
                          {p.label}
                        </th>
                        {cols.map((c) => {
                          const v = cell(p.period, c.id);
                          return (
                            <td key={c.id} style={{ textAlign: 'end' }}>
                              {v ? formatNumber(v.value) : '—'}
                              {v?.base ? <span className="muted"> ({v.base})</span> : null}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <p className="muted">{t('pilotage.noValue')}.</p>
            )}
            {d.values.some((v) => v.base) ? <p className="muted">{t('pilotage.baseNote')}</p> : null}
            {d.figure && d.periods.length ? <PerTerritory d={d} cols={cols} reload={reload} /> : null}
            {d.breakdown ? <Breakdown b={d.breakdown} /> : null}
          </>
        ) : null}
      </RequireRole>
    </div>
  );
}
