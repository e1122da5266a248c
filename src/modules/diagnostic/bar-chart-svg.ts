/**
 * A horizontal bar chart as a standalone SVG string, for the exported reports (HTML, PDF).
 * Each bar has its label above it and its value at its end; the full figures are in the
 * data table printed beside the chart. Pure: no I/O.
 */

export interface ChartBar {
  label: string;
  /** Length of the bar, on the scale 0..max. */
  value: number;
  /** Text printed at the end of the bar ("70,9 %"). */
  display: string;
}

export interface ChartOptions {
  /** Unique in the document (used for aria ids). */
  id: string;
  title: string;
  /** Value of a full-width bar; the largest value when absent. */
  max?: number;
  color?: string;
  width?: number;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

const ROW = 38;
const BAR = 16;
const VALUE_SPACE = 70;

export function barChartSvg(bars: readonly ChartBar[], opts: ChartOptions): string {
  const width = opts.width ?? 420;
  const color = opts.color ?? '#1f4e79';
  const max = opts.max ?? Math.max(0, ...bars.map((b) => b.value));
  const usable = width - VALUE_SPACE;
  const height = Math.max(ROW, bars.length * ROW + 4);
  const titleId = `${opts.id}-title`;
  const descId = `${opts.id}-desc`;
  const desc = bars.map((b) => `${b.label} : ${b.display}`).join(' ; ');
  const rows = bars
    .map((b, i) => {
      const y = i * ROW;
      const w = max > 0 ? Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * usable)) : 0;
      return [
        `<text x="0" y="${y + 13}" font-size="12" fill="#1a1a1a">${escapeXml(truncate(b.label, 62))}</text>`,
        `<rect x="0" y="${y + 18}" width="${usable}" height="${BAR}" fill="#eef1f5"/>`,
        `<rect x="0" y="${y + 18}" width="${w}" height="${BAR}" fill="${escapeXml(color)}"/>`,
        `<text x="${w + 6}" y="${y + 31}" font-size="12" font-weight="bold" fill="#1a1a1a">${escapeXml(b.display)}</text>`,
      ].join('');
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="${titleId} ${descId}" font-family="system-ui, sans-serif">` +
    `<title id="${titleId}">${escapeXml(opts.title)}</title><desc id="${descId}">${escapeXml(desc)}</desc>${rows}</svg>`
  );
}
