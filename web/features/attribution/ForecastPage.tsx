/** Staff: demand per group and period in earlier campaigns of the same kind (first choices), this campaign's so far, and the forecast, drawn and tabled. */
import type { Forecast } from '../../../src/modules/attribution';
import { registerMessages, useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Loaded } from '../../ui';
import { ForecastChart, groupColour } from './ForecastChart';
import messages from './messages';
import { StaffCampaignPage } from './shared';
import './attribution.css';

registerMessages('attribution', messages);

/** A campaign's column: the year it opened (Paris), or its title. */
const yearOf = (c: Forecast['campaigns'][number]) =>
  c.opensAt ? new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(c.opensAt)) : c.title;

function Period({ p, f }: { p: Forecast['periods'][number]; f: Forecast }) {
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
            <Period key={p.groups[0]!.id} p={p} f={f} />
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
