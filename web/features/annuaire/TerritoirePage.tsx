/** Territory: neighbourhood indicators and ratios per 1,000 single-parent families, table and choropleth. */
import { useMemo, useState } from 'react';
import { choroplethClasses } from '../../../src/modules/annuaire/shared';
import { useApi } from '../../app/use-api';
import { registerMessages, useFormat, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link } from '../../app/router';
import { Alert, LoadStatus, PageHeader } from '../../ui';
import './annuaire.css';
import { useSession } from '../../app/session';
import { IndicatorForm } from './IndicatorForm';
import { categoryText } from './localize';
import messages from './messages';
import type { Territory } from './types';

registerMessages('annuaire', messages);

type Geo = { features: { properties: { id?: string; kind?: string; name?: string }; geometry: { type: string; coordinates: number[][][] } }[] };

const COLORS = ['#eef3fb', '#c6d6ee', '#8fb0dc', '#4f7fc0', '#1d4f91'];

export default function TerritoirePage() {
  const t = useT();
  const f = useFormat();
  const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : f.number(v, { maximumFractionDigits: digits }));
  const territory = useApi<Territory>('/api/annuaire/territoire');
  const { data, error, setData } = territory;
  const geo = useApi<Geo>('/api/town/neighbourhoods.geojson').data;
  const [key, setKey] = useState('sante');
  const { user } = useSession();
  const canEnter = user?.role === 'coordinator' || user?.role === 'admin';

  const hoods = data?.rows.slice(0, -1) ?? [];
  const total = data?.rows[data.rows.length - 1];
  const classes = choroplethClasses(hoods.map((r) => r.ratios[key]?.per1000 ?? null));
  const classOf = Object.fromEntries(hoods.map((r, i) => [r.id, classes[i]]));
  const keyLabel = categoryText(t, key) ?? data?.keys.find((k) => k.id === key)?.label ?? key;

  const svg = useMemo(() => {
    if (!geo) return null;
    const rings = geo.features.filter((f) => f.geometry.type === 'Polygon').flatMap((f) => f.geometry.coordinates[0]);
    if (!rings.length) return null;
    const lons = rings.map((p) => p[0]);
    const lats = rings.map((p) => p[1]);
    const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
    const W = 400;
    const H = Math.round((W * (maxLat - minLat)) / ((maxLon - minLon) * k));
    const project = ([lon, lat]: number[]) =>
      `${(((lon - minLon) / (maxLon - minLon)) * W).toFixed(1)},${(((maxLat - lat) / (maxLat - minLat)) * H).toFixed(1)}`;
    return { W, H, project };
  }, [geo]);

  return (
    <div className="annuaire">
      <p className="no-print">
        <Link to="/annuaire">{t('annuaire.back')}</Link>
      </p>
      <PageHeader title={t('annuaire.territory')} intro={t('annuaire.territoryIntro')} />
      {data?.demo ? <Alert tone="warning">{t('annuaire.territoryDemo')}</Alert> : null}
      {data ? (
        <>
          <div className="field">
            <label htmlFor="ratio-key">{t('annuaire.category')}</label>
            <select id="ratio-key" value={key} onChange={(e) => setKey(e.target.value)}>
              {data.keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {categoryText(t, k.id) ?? k.label}
                </option>
              ))}
            </select>
          </div>
          <div className="annuaire-choropleth">
            <figure style={{ margin: 0 }}>
              {svg && geo ? (
                <svg viewBox={`0 0 ${svg.W} ${svg.H}`} aria-hidden="true" focusable="false" style={{ width: '100%', height: 'auto', background: '#fff' }}>
                  {[...geo.features]
                    .sort((a, b) => Number(b.properties.kind === 'commune') - Number(a.properties.kind === 'commune'))
                    .map((f, i) => {
                      if (f.geometry.type !== 'Polygon') return null;
                      const pts = f.geometry.coordinates[0].map(svg.project).join(' ');
                      if (f.properties.kind === 'commune') return <polygon key={i} points={pts} fill="#fafafa" stroke="#8892a6" />;
                      const c = classOf[f.properties.id ?? ''];
                      return <polygon key={i} points={pts} fill={c === undefined || c < 0 ? '#ddd' : COLORS[c]} stroke="#1b1f29" strokeWidth={1} />;
                    })}
                  {geo.features.map((f, i) => {
                    if (f.properties.kind !== 'quartier') return null;
                    const ring = f.geometry.coordinates[0];
                    const cx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
                    const cy = ring.reduce((s, p) => s + p[1], 0) / ring.length;
                    const [x, y] = svg.project([cx, cy]).split(',');
                    return (
                      <text key={`l${i}`} x={x} y={y} fontSize="11" textAnchor="middle" fill="#1b1f29" stroke="#fff" strokeWidth="3" paintOrder="stroke">
                        {f.properties.name}
                      </text>
                    );
                  })}
                </svg>
              ) : null}
              <figcaption>
                <strong>{t('annuaire.mapLegend')}</strong> — {keyLabel}, {t('annuaire.per1000')}
                <ul className="annuaire-legend">
                  {COLORS.map((c, i) => (
                    <li key={c}>
                      <span style={{ background: c }} />
                      {i === 0 ? t('annuaire.legendLow') : i === 4 ? t('annuaire.legendHigh') : ''}
                    </li>
                  ))}
                  <li>
                    <span style={{ background: '#ddd' }} />
                    {t('annuaire.noData')}
                  </li>
                </ul>
              </figcaption>
            </figure>
            <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={`${keyLabel} — ${t('annuaire.per1000')}`}>
              <table>
                <caption>
                  {keyLabel} — {t('annuaire.per1000')}
                  {data.year ? ` (${data.year})` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('annuaire.neighbourhood')}</th>
                    <th scope="col" style={{ textAlign: 'end' }}>
                      {t('annuaire.thFamilies')}
                    </th>
                    <th scope="col" style={{ textAlign: 'end' }}>
                      {t('annuaire.thPoverty')}
                    </th>
                    <th scope="col" style={{ textAlign: 'end' }}>
                      {t('annuaire.thChildren')}
                    </th>
                    <th scope="col" style={{ textAlign: 'end' }}>
                      {t('annuaire.thCount')}
                    </th>
                    <th scope="col" style={{ textAlign: 'end' }}>
                      {t('annuaire.thPer1000')}
                    </th>
                    <th scope="col">{t('annuaire.thThat')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...hoods, ...(total ? [total] : [])].map((r) => {
                    const ratio = r.ratios[key];
                    return (
                      <tr key={r.id}>
                        <th scope="row">
                          <Fr>{r.name}</Fr>
                        </th>
                        <td style={{ textAlign: 'end' }}>{fmt(r.indicators.familles_monoparentales, 0)}</td>
                        <td style={{ textAlign: 'end' }}>
                          {r.indicators.taux_pauvrete_monoparentales !== undefined ? `${fmt(r.indicators.taux_pauvrete_monoparentales)} %` : '—'}
                        </td>
                        <td style={{ textAlign: 'end' }}>{fmt(r.indicators.enfants_moins_11, 0)}</td>
                        <td style={{ textAlign: 'end' }}>{ratio?.count ?? 0}</td>
                        <td style={{ textAlign: 'end' }}>{fmt(ratio?.per1000)}</td>
                        <td>{ratio?.familiesPerOne ? t('annuaire.onePer', { n: fmt(ratio.familiesPerOne, 0) }) : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
          {canEnter ? <IndicatorForm indicators={data.indicators} onSaved={(d) => setData(d as Territory)} /> : null}
        </>
      ) : (
        <LoadStatus data={data} error={error} reload={territory.reload} />
      )}
    </div>
  );
}
