/** A score broken down by criterion (points, a bar for each, the total): for the family on its results, for staff on a family's line. */
import { useI18n, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { score, signed } from './display';

export function PointsTable({ caption, breakdown, total }: { caption: string; breakdown: { code: string; label: string; points: number }[]; total: number }) {
  const t = useT();
  const { locale } = useI18n();
  const max = Math.max(1, ...breakdown.map((b) => Math.abs(b.points)));
  const rows = breakdown.filter((b) => b.points !== 0).sort((x, y) => y.points - x.points);
  return (
    <div className="table-scroll">
      <table>
        <caption style={{ textAlign: 'start', fontWeight: 700 }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('attribution.criterion')}</th>
            <th scope="col" className="num">
              {t('attribution.points')}
            </th>
            <th scope="col" className="bar-cell">
              <span className="visually-hidden">{t('attribution.points')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.code}>
              <th scope="row" style={{ fontWeight: 400 }}>
                <Fr>{b.label}</Fr>
              </th>
              <td className="num">{signed(b.points, locale)}</td>
              <td className="bar-cell" aria-hidden="true">
                <span className="bar" data-negative={b.points < 0} style={{ width: `${(Math.abs(b.points) / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('attribution.total')}</th>
            <td className="num">
              <strong>{score(total, locale)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
