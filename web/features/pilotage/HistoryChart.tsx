/**
 * An indicator's history: a small SVG line chart for the eye (hidden from screen
 * readers) and the data table beside it for everyone.
 */
import { useI18n, useT } from '../../app/i18n';
import { intlTag } from '../../app/locales';
import { formatNumber, periodLabel, periodShort } from './format';

export function HistoryChart({
  title,
  points,
  target,
  unit,
  small,
}: {
  title: string;
  points: { period: string; value: number }[];
  target: number | null;
  unit: string;
  small?: boolean;
}) {
  const t = useT();
  const { locale } = useI18n();
  if (!points.length) return <p className="muted">{t('pilotage.noValueYet')}</p>;
  const w = small ? 240 : 420;
  const h = small ? 90 : 180;
  const m = 22;
  const left = 44;
  const values = points.map((p) => p.value).concat(target === null ? [] : [target]);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const y = (v: number) => m + (h - 2 * m) * (1 - (v - min) / span);
  const step = points.length > 1 ? (w - left - m) / (points.length - 1) : 0;
  const x = (i: number) => (points.length > 1 ? left + i * step : (w + left) / 2);
  const fmt = (v: number) => new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 2, notation: 'compact' }).format(v);
  const last = points.at(-1)!;
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <figure className="chart-and-table pilotage-history" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false" style={{ width: '100%', maxWidth: w, height: 'auto' }}>
        <line x1={left} x2={w - m} y1={y(min)} y2={y(min)} stroke="#6b7385" />
        <line x1={left} x2={w - m} y1={y(max)} y2={y(max)} stroke="#c9cfdb" strokeDasharray="2 3" />
        <text x={left - 4} y={y(min) + 4} textAnchor="end" fontSize="10" fill="#1b1f29">
          {fmt(min)}
        </text>
        <text x={left - 4} y={y(max) + 4} textAnchor="end" fontSize="10" fill="#1b1f29">
          {fmt(max)}
        </text>
        {target !== null ? (
          <>
            <line x1={left} x2={w - m} y1={y(target)} y2={y(target)} stroke="#7a4b00" strokeDasharray="4 3" />
            <text x={w - m} y={y(target) - 4} textAnchor="end" fontSize="10" fill="#7a4b00">
              cible
            </text>
          </>
        ) : null}
        <polyline points={line} fill="none" stroke="var(--color-primary)" strokeWidth="2" />
        {points.map((p, i) => (
          <circle key={p.period} cx={x(i)} cy={y(p.value)} r="3" fill="var(--color-primary)" />
        ))}
        <text x={x(points.length - 1)} y={y(last.value) - 7} textAnchor={points.length > 1 ? 'end' : 'middle'} fontSize="11" fontWeight="600" fill="#1b1f29">
          {fmt(last.value)}
        </text>
        <text x={x(0)} y={h - 6} fontSize="10" textAnchor={points.length > 1 ? 'start' : 'middle'} fill="#1b1f29">
          {periodShort(points[0]!.period, locale)}
        </text>
        {points.length > 1 ? (
          <text x={w - m} y={h - 6} fontSize="10" textAnchor="end" fill="#1b1f29">
            {periodShort(points.at(-1)!.period, locale)}
          </text>
        ) : null}
      </svg>
      <figcaption>
        <table className="pilotage-compact">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pilotage.chartMonth')}</th>
              <th scope="col" style={{ textAlign: 'end' }}>
                {t('pilotage.chartValue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <td>{periodLabel(p.period, locale)}</td>
                <td style={{ textAlign: 'end' }}>{formatNumber(p.value, unit, locale)}</td>
              </tr>
            ))}
            {target !== null ? (
              <tr>
                <td>{t('pilotage.target')}</td>
                <td style={{ textAlign: 'end' }}>{formatNumber(target, unit, locale)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
