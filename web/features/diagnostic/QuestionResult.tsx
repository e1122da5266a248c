/** The result of one question: an SVG bar chart with its data table beside it, and the cross-tab. */
import { useT } from '../../app/i18n';
import type { Analysis, Question, QuestionAnalysis } from './types';

const pct = (p: number | undefined) => `${(p ?? 0).toFixed(1).replace('.', ',')}\u00a0%`;
const dec = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(Math.round(n * 100) / 100).replace('.', ','));

function Bars({ bars }: { bars: Array<{ label: string; value: number; display: string }> }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 34;
  const width = 420;
  const usable = width - 70;
  return (
    // The chart is for the eye; the table beside it carries the same figures for everyone.
    <svg viewBox={`0 0 ${width} ${bars.length * row + 4}`} aria-hidden="true" focusable="false" className="diag-chart">
      {bars.map((b, i) => {
        const w = Math.round((b.value / max) * usable);
        return (
          <g key={b.label} transform={`translate(0, ${i * row})`}>
            <text x="0" y="12" fontSize="12" fill="#1b1f29">
              {b.label.length > 60 ? `${b.label.slice(0, 59)}…` : b.label}
            </text>
            <rect x="0" y="16" width={usable} height="12" fill="#eef1f5" />
            <rect x="0" y="16" width={w} height="12" fill="var(--color-primary)" />
            <text x={w + 6} y="27" fontSize="12" fontWeight="bold" fill="#1b1f29">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function QuestionResult({ q, r, analysis, byLabel }: { q: Question; r: QuestionAnalysis; analysis: Analysis; byLabel: string | null }) {
  const t = useT();
  const headingId = `res-${q.id}`;
  const keys = 'options' in q ? q.options : q.type === 'scale' ? Object.keys(r.distribution ?? {}) : Object.keys(r.counts).slice(0, 20);
  const multi = q.type === 'multi';
  const bars = keys.map((k) => ({ label: q.type === 'scale' ? `Note ${k}` : k, value: r.percent[k] ?? 0, display: pct(r.percent[k]) }));
  const groups = analysis.by && analysis.by_question !== q.id ? Object.entries(analysis.by) : [];
  return (
    <article className="card diag-result" aria-labelledby={headingId}>
      <h3 id={headingId}>{q.label}</h3>
      <p className="muted">{t('diagnostic.answered', { answered: r.answered, n: analysis.n_respondents })}</p>
      {q.type === 'scale' || q.type === 'number' ? <p>{t('diagnostic.mean', { mean: dec(r.mean), median: dec(r.median) })}</p> : null}
      {q.type === 'text' ? (
        <>
          <h4>{t('diagnostic.textAnswers')}</h4>
          <ul>
            {(r.answers ?? []).slice(0, 30).map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      ) : r.answered ? (
        <figure className="chart-and-table">
          <Bars bars={bars} />
          <figcaption>
            <table>
              <caption>{q.label}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('diagnostic.colAnswer')}</th>
                  <th scope="col" className="num">
                    {multi ? t('diagnostic.colMentions') : t('diagnostic.colCount')}
                  </th>
                  <th scope="col" className="num">
                    {multi ? t('diagnostic.colPercentMentions') : t('diagnostic.colPercent')}
                  </th>
                  {multi ? (
                    <th scope="col" className="num">
                      {t('diagnostic.colPercentRespondents')}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td className="num">{r.counts[k] ?? 0}</td>
                    <td className="num">{pct(r.percent[k])}</td>
                    {multi ? <td className="num">{pct(r.percent_of_respondents?.[k])}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </figcaption>
        </figure>
      ) : null}
      {groups.length && q.type !== 'text' ? (
        // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
        <div className="diag-cross" tabIndex={0} role="region" aria-label={t('diagnostic.crossCaption', { label: q.label, by: byLabel ?? '' })}>
          <table>
            <caption>{t('diagnostic.crossCaption', { label: q.label, by: byLabel ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diagnostic.colGroup')}</th>
                <th scope="col" className="num">
                  {t('diagnostic.colCount')}
                </th>
                {'options' in q ? (
                  q.options.map((o) => (
                    <th scope="col" className="num" key={o}>
                      {o}
                    </th>
                  ))
                ) : (
                  <th scope="col" className="num">
                    {t('diagnostic.colMean')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {groups.map(([g, a]) => {
                const x = a.questions[q.id]!;
                return (
                  <tr key={g}>
                    <th scope="row">{g === '(sans réponse)' ? t('diagnostic.noAnswerGroup') : g}</th>
                    <td className="num">{x.answered}</td>
                    {'options' in q ? (
                      q.options.map((o) => (
                        <td className="num" key={o}>
                          {x.answered ? pct(x.percent[o]) : '—'}
                        </td>
                      ))
                    ) : (
                      <td className="num">{dec(x.mean)}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </article>
  );
}
