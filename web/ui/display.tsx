/** Display components: alerts, cards, page header, progress, tables, charts. */
import type { ReactNode } from 'react';
import { usePageTitle } from '../app/router';
import { useT } from '../app/i18n';

export function Alert({
  tone = 'info',
  title,
  children,
  live,
}: {
  tone?: 'info' | 'success' | 'error' | 'warning';
  title?: string;
  children?: ReactNode;
  live?: boolean;
}) {
  return (
    <div className="alert" data-tone={tone} role={live ? (tone === 'error' ? 'alert' : 'status') : undefined}>
      {title ? <strong>{title}</strong> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}

/**
 * The page's h1 (focused after navigation) and the document title. `titleLang`: the title is data in
 * another language than the page's (a service's name as the town wrote it in French): an isolated island.
 */
export function PageHeader({
  title,
  intro,
  children,
  titleLang,
  heading,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  titleLang?: string;
  /** The h1 when it mixes languages (a translated sentence around a French name); `title` stays the document's title. */
  heading?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <header className="page-header">
      <h1>
        {heading ??
          (titleLang ? (
            <bdi lang={titleLang} dir="ltr">
              {title}
            </bdi>
          ) : (
            title
          ))}
      </h1>
      {intro ? <p className="muted">{intro}</p> : null}
      {children}
    </header>
  );
}

export function Card({ title, children, headingLevel = 2 }: { title?: ReactNode; children: ReactNode; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <section className="card">
      {title ? <H style={{ marginTop: 0 }}>{title}</H> : null}
      {children}
    </section>
  );
}

export function DemoBadge({ label }: { label?: string }) {
  const t = useT();
  return (
    <span className="badge" data-tone="demo">
      {label ?? t('ui.demo')}
    </span>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}

/** "Étape 3 sur 8" (or the page's own words for it: `text`, « Question 3 sur 8 ») with a bar per step. */
export function ProgressSteps({ current, total, label, text: words }: { current: number; total: number; label: string; text?: string }) {
  const t = useT();
  const text = words ?? t('ui.step', { current, total });
  return (
    <div>
      <div role="progressbar" aria-valuemin={1} aria-valuemax={total} aria-valuenow={current} aria-label={label} aria-valuetext={text} className="steps">
        {Array.from({ length: total }, (_, i) => (
          <span key={i} className="bar" data-done={i < current} />
        ))}
      </div>
      <p className="muted" aria-hidden="true">
        {text}
      </p>
    </div>
  );
}

export interface Column<R> {
  key: string;
  header: string;
  render?: (row: R) => ReactNode;
  numeric?: boolean;
}

export function DataTable<R extends Record<string, any>>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (r: R) => string;
}) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" style={c.numeric ? { textAlign: 'end' } : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} style={c.numeric ? { textAlign: 'end', fontVariantNumeric: 'tabular-nums' } : undefined}>
                  {c.render ? c.render(r) : String(r[c.key] ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Horizontal bars in SVG, with the data table beside it (the chart is for the eye, the
 * table for everyone: screen readers read the table, the SVG is hidden from them).
 */
export function BarChart({
  title,
  data,
  unit = '',
  format = (v: number) => String(v),
  labelHeader,
  valueHeader,
}: {
  title: string;
  data: { label: string; value: number }[];
  unit?: string;
  format?: (v: number) => string;
  labelHeader?: string;
  valueHeader?: string;
}) {
  const t = useT();
  const max = Math.max(1, ...data.map((d) => d.value));
  const rowH = 28;
  const labelW = 150;
  const width = 420;
  const height = data.length * rowH + 8;
  return (
    <figure className="chart-and-table" style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-hidden="true" focusable="false" style={{ width: '100%', height: 'auto' }}>
        {data.map((d, i) => {
          const w = ((width - labelW - 60) * d.value) / max;
          return (
            <g key={d.label} transform={`translate(0, ${i * rowH + 4})`}>
              <text x={labelW - 6} y={rowH / 2} textAnchor="end" dominantBaseline="middle" fontSize="12" fill="#1b1f29">
                {d.label.length > 22 ? d.label.slice(0, 21) + '…' : d.label}
              </text>
              <rect x={labelW} y={4} width={Math.max(0, w)} height={rowH - 10} rx={3} fill="var(--color-primary)" />
              <text x={labelW + w + 6} y={rowH / 2} dominantBaseline="middle" fontSize="12" fill="#1b1f29">
                {format(d.value)}
                {unit}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader ?? t('ui.chart.label')}</th>
              <th scope="col" style={{ textAlign: 'end' }}>
                {valueHeader ?? t('ui.chart.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <td>{d.label}</td>
                <td style={{ textAlign: 'end' }}>
                  {format(d.value)}
                  {unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
