/** Staff: demand per group and period in earlier campaigns of the same kind (first choices), this campaign's so far, and the forecast, drawn and tabled. */
import type { Forecast } from '../../../src/modules/attribution';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { FormErrors, Loaded, SelectField } from '../../ui';
import { ForecastChart, groupColour } from './ForecastChart';
import messages from './messages';
import { StaffCampaignPage } from './shared';
import './attribution.css';

registerMessages('attribution', messages);

/** A campaign's column: the year it opened (Paris), or its title. */
const yearOf = (c: Forecast['campaigns'][number]) =>
  c.opensAt ? new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(c.opensAt)) : c.title;

/** A coordinator says which earlier group a new or renamed group continues: its history and forecast follow. */
function GroupMapping({ campaignId, g, f, reload }: { campaignId: string; g: Forecast['periods'][number]['groups'][number]; f: Forecast; reload: () => void }) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (key: string) => {
    setError(null);
    try {
      await api.put(`/api/attribution/campaigns/${campaignId}/groups/${g.id}/forecast-key`, { key: key || null });
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div>
      <FormErrors error={error} />
      <SelectField
        name={`map-${g.id}`}
        label={t('attribution.mapGroup', { label: g.label })}
        value={g.mappedTo ?? ''}
        onChange={(v) => void save(v)}
        options={[
          { value: '', label: t('attribution.mapNone') },
          ...f.mappable.map((m) => ({ value: m.key, label: m.period ? `${m.label} (${m.period})` : m.label })),
        ]}
        error={error?.field('key')}
      />
    </div>
  );
}

function Period({ p, f, campaignId, reload }: { p: Forecast['periods'][number]; f: Forecast; campaignId: string; reload: () => void }) {
  const { user } = useSession();
  const t = useT();
  const years = f.campaigns.map(yearOf);
  const title = p.period || t('attribution.noPeriod');
  const id = `period-${p.groups[0]!.id}`;
  return (
    <section aria-labelledby={id} className="card forecast-period">
      <h2 id={id}>{title}</h2>
      <figure className="forecast-figure">
        <div>
          <ForecastChart period={p} years={years} />
          <ul className="legend">
            {p.groups.map((g, i) => (
              <li key={g.id}>
                <span className="swatch" style={{ background: groupColour(i) }} aria-hidden="true" /> {g.label}
              </li>
            ))}
            <li>
              <span className="swatch line" aria-hidden="true" /> {t('attribution.legendPlaces')}
            </li>
            <li>
              <span className="swatch dashed" aria-hidden="true" /> {t('attribution.legendForecast')}
            </li>
          </ul>
        </div>
        <figcaption>
          {/* Focusable so that a keyboard can scroll it on a phone. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('attribution.chartTitle', { label: title })}>
            <table>
              <caption>{t('attribution.chartTitle', { label: title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('attribution.group')}</th>
                  {[...years, t('attribution.currentDemand'), t('attribution.forecastFor'), t('attribution.capacity')].map((h) => (
                    <th key={h} scope="col" className="num">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.groups.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.label}</th>
                    {g.history.map((h) => (
                      <td key={h.campaignId} className="num">
                        {h.demand === null ? '—' : t('attribution.demandOfPlaces', { demand: h.demand, places: h.capacity ?? 0 })}
                      </td>
                    ))}
                    <td className="num">{g.current}</td>
                    <td className="num">{g.forecast ?? '—'}</td>
                    <td className="num">{g.capacity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </figcaption>
      </figure>
      {f.mappable.length && (user?.role === 'coordinator' || user?.role === 'admin')
        ? p.groups.filter((g) => !g.matched || g.mappedTo).map((g) => <GroupMapping key={g.id} campaignId={campaignId} g={g} f={f} reload={reload} />)
        : null}
      {p.groups.some((g) => g.forecast !== null && g.forecast > g.capacity) ? (
        <p className="forecast-warning">
          {t('attribution.forecastOver', {
            groups: p.groups
              .filter((g) => g.forecast !== null && g.forecast > g.capacity)
              .map((g) => g.label)
              .join(', '),
          })}
        </p>
      ) : null}
    </section>
  );
}

function Body({ id }: { id: string }) {
  const t = useT();
  const r = useApi<Forecast>(`/api/attribution/campaigns/${id}/forecast`);
  return (
    <Loaded resource={r}>
      {(f) => (
        <>
          {f.campaigns.length ? null : <p className="muted">{t('attribution.noHistory')}</p>}
          {f.periods.map((p) => (
            <Period key={p.groups[0]!.id} p={p} f={f} campaignId={id} reload={r.reload} />
          ))}
        </>
      )}
    </Loaded>
  );
}

export default function ForecastPage() {
  const t = useT();
  return (
    <StaffCampaignPage current="forecast" heading={t('attribution.forecastTitle')} intro={t('attribution.forecastIntro')}>
      {(c) => <Body id={c.id} />}
    </StaffCampaignPage>
  );
}
