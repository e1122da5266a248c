import { periodLabel } from './periods';

/**
 * An indicator's history as a small SVG line chart (string), for the printable report.
 * The figures are always in a table beside it; the SVG is for the eye. Pure.
 */
export interface HistoryPoint {
  period: string;
  value: number;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Points of the polyline in a w×h box with margins; y grows downwards. */
export function chartPoints(
  points: HistoryPoint[],
  target: number | null,
  w: number,
  h: number,
  m = 24,
): { x: number; y: number }[] & { yOf?: (v: number) => number } {
  const values = points.map((p) => p.value).concat(target === null ? [] : [target]);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const yOf = (v: number) => m + (h - 2 * m) * (1 - (v - min) / span);
  const step = points.length > 1 ? (w - 2 * m) / (points.length - 1) : 0;
  const out = points.map((p, i) => ({ x: m + (points.length > 1 ? i * step : (w - 2 * m) / 2), y: yOf(p.value) })) as { x: number; y: number }[] & {
    yOf?: (v: number) => number;
  };
  out.yOf = yOf;
  return out;
}

export function historySvg(points: HistoryPoint[], opts: { target: number | null; title: string; w?: number; h?: number }): string {
  const w = opts.w ?? 360;
  const h = opts.h ?? 140;
  if (!points.length) return '';
  const pts = chartPoints(points, opts.target, w, h);
  const line = pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const targetLine =
    opts.target === null
      ? ''
      : `<line x1="24" x2="${w - 24}" y1="${pts.yOf!(opts.target).toFixed(1)}" y2="${pts.yOf!(opts.target).toFixed(1)}" stroke="#8a4b00" stroke-dasharray="4 3"/><text x="${w - 24}" y="${(pts.yOf!(opts.target) - 4).toFixed(1)}" text-anchor="end" font-size="10" fill="#8a4b00">cible</text>`;
  const dots = pts.map((p) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="3" fill="#1d4ed8"/>`).join('');
  const first = periodLabel(points[0]!.period);
  const last = periodLabel(points.at(-1)!.period);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" aria-hidden="true" focusable="false">` +
    `<line x1="24" x2="${w - 24}" y1="${h - 24}" y2="${h - 24}" stroke="#666"/>${targetLine}` +
    `<polyline points="${line}" fill="none" stroke="#1d4ed8" stroke-width="2"/>${dots}` +
    `<text x="24" y="${h - 8}" font-size="10" fill="#333">${escapeHtml(first)}</text><text x="${w - 24}" y="${h - 8}" font-size="10" text-anchor="end" fill="#333">${escapeHtml(last)}</text>` +
    `</svg>`
  );
}
