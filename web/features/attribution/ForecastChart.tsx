/**
 * The demand of one period drawn for the eye (hidden from screen readers, the table beside
 * says the same): per campaign, one bar per group (first choices); for this campaign, the
 * forecast as a dashed outline with the demand so far inside it; each group's places as a
 * dark line across its bar.
 */
import type { Forecast } from '../../../src/modules/attribution';
import { useT } from '../../app/i18n';

type Period = Forecast['periods'][number];

const COLOURS = ['#1d4f91', '#b35400', '#1f7a57', '#7a3f98', '#8a6d00'];
const W = 380;
const H = 230;
const LEFT = 30;
const RIGHT = 8;
const TOP = 18;
const BOTTOM = 34;

/** A round top for the axis: 5, 10, 20, 25, 50… */
function niceMax(v: number): number {
  const steps = [5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  return steps.find((s) => s >= v) ?? Math.ceil(v / 1000) * 1000;
}

export const groupColour = (i: number) => COLOURS[i % COLOURS.length]!;

export function ForecastChart({ period, years }: { period: Period; years: string[] }) {
  const t = useT();
  const groups = period.groups;
  const categories = [...years, t('attribution.thisCampaign')];
  const values = groups.flatMap((g) => [
    ...g.history.map((h) => h.demand ?? 0),
    ...g.history.map((h) => h.capacity ?? 0),
    g.current,
    g.forecast ?? 0,
    g.capacity,
  ]);
  const max = niceMax(Math.max(1, ...values));
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - v / max);
  const catW = (W - LEFT - RIGHT) / categories.length;
  const barW = Math.min(28, (catW * 0.8) / Math.max(1, groups.length));
  const x = (cat: number, gi: number) => LEFT + cat * catW + (catW - barW * groups.length) / 2 + gi * barW;
  const last = categories.length - 1;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" className="forecast-chart">
      {[0, max / 2, max].map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} stroke={v === 0 ? '#6b7385' : '#d5dae3'} />
          <text x={LEFT - 4} y={y(v) + 4} textAnchor="end" fontSize="10" fill="#1b1f29">
            {v}
          </text>
        </g>
      ))}
      {categories.map((label, cat) => (
        <text
          key={label}
          x={LEFT + cat * catW + catW / 2}
          y={H - BOTTOM + 16}
          textAnchor="middle"
          fontSize="11"
          fontWeight={cat === last ? 700 : 400}
          fill="#1b1f29"
        >
          {label}
        </text>
      ))}
      {groups.map((g, gi) => {
        const colour = groupColour(gi);
        const past = g.history.map((h, cat) =>
          h.demand === null ? null : (
            <g key={h.campaignId}>
              <rect x={x(cat, gi) + 1} y={y(h.demand)} width={barW - 2} height={y(0) - y(h.demand)} fill={colour} />
              {h.capacity !== null ? <line x1={x(cat, gi)} x2={x(cat, gi) + barW} y1={y(h.capacity)} y2={y(h.capacity)} stroke="#111" strokeWidth="2" /> : null}
              <text x={x(cat, gi) + barW / 2} y={y(h.demand) - 3} textAnchor="middle" fontSize="9" fill="#1b1f29">
                {h.demand}
              </text>
            </g>
          ),
        );
        const top = Math.max(g.forecast ?? 0, g.current);
        return (
          <g key={g.id}>
            {past}
            {g.forecast !== null ? (
              <rect
                x={x(last, gi) + 1.5}
                y={y(g.forecast)}
                width={barW - 3}
                height={y(0) - y(g.forecast)}
                fill="#fff"
                stroke={colour}
                strokeWidth="1.5"
                strokeDasharray="4 2"
              />
            ) : null}
            <rect x={x(last, gi) + 4} y={y(g.current)} width={barW - 8} height={y(0) - y(g.current)} fill={colour} />
            <line x1={x(last, gi)} x2={x(last, gi) + barW} y1={y(g.capacity)} y2={y(g.capacity)} stroke="#111" strokeWidth="2" />
            <text x={x(last, gi) + barW / 2} y={y(top) - 3} textAnchor="middle" fontSize="9" fill="#1b1f29">
              {g.forecast !== null ? `${g.current}/${g.forecast}` : g.current}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
