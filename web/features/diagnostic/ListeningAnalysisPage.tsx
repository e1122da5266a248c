/** What the listening sessions say: verbatims by theme and by neighbourhood, with counts. */
import { registerMessages, useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { PageHeader } from '../../ui/display';
import { Loaded } from '../../ui/Loaded';
import { RequireRole } from '../../ui/RequireRole';
import listeningMessages from './listening-messages';
import { ListeningNav, Quote, ScrollRegion } from './listening-ui';
import type { ListeningAnalysis } from './types';
import './diagnostic.css';

registerMessages('diagnostic.ecoute', listeningMessages);

function CountTable({ caption, head, rows }: { caption: string; head: string[]; rows: Array<[string, ...Array<string | number>]> }) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" style={i ? { textAlign: 'end' } : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([first, ...rest], i) => (
            <tr key={`${first}-${i}`}>
              <th scope="row">{first}</th>
              {rest.map((c, j) => (
                <td key={j} style={{ textAlign: typeof c === 'number' ? 'end' : undefined, fontVariantNumeric: 'tabular-nums' }}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Analysis({ a }: { a: ListeningAnalysis }) {
  const t = useT();
  return (
    <>
      <p>
        <strong>
          {t('diagnostic.ecoute.totals', {
            sessions: a.totals.sessions,
            focus: a.totals.focusGroups,
            interviews: a.totals.interviews,
            participants: a.totals.participants,
            attended: a.totals.attended,
            verbatims: a.totals.verbatims,
          })}
        </strong>
      </p>
      <section aria-labelledby="la-theme">
        <h2 id="la-theme">{t('diagnostic.ecoute.byTheme')}</h2>
        <CountTable
          caption={t('diagnostic.ecoute.byThemeCaption')}
          head={[t('diagnostic.ecoute.colTheme'), t('diagnostic.ecoute.colCount')]}
          rows={a.byTheme.map((x) => [x.label, x.count])}
        />
        {a.byTheme
          .filter((x) => x.count > 0)
          .map((x) => (
            <details key={x.id} className="diag-details">
              <summary>
                {t('diagnostic.ecoute.quotesOf', { theme: x.label })} ({x.count})
              </summary>
              {x.verbatims.map((v) => (
                <Quote key={v.id} v={v} />
              ))}
            </details>
          ))}
      </section>
      <section aria-labelledby="la-hood">
        <h2 id="la-hood">{t('diagnostic.ecoute.byHood')}</h2>
        <CountTable
          caption={t('diagnostic.ecoute.byHoodCaption')}
          head={[t('diagnostic.ecoute.colHood'), t('diagnostic.ecoute.colCount')]}
          rows={a.byNeighbourhood.map((x) => [x.label, x.count])}
        />
      </section>
      <section aria-labelledby="la-cross">
        <h2 id="la-cross">{t('diagnostic.ecoute.cross')}</h2>
        <CountTable
          caption={t('diagnostic.ecoute.crossCaption')}
          head={[t('diagnostic.ecoute.colTheme'), t('diagnostic.ecoute.colHood'), t('diagnostic.ecoute.colCount')]}
          rows={a.cross.map((x) => [x.theme, x.neighbourhood, x.count])}
        />
      </section>
    </>
  );
}

function Page() {
  const t = useT();
  const r = useApi<ListeningAnalysis>('/api/diagnostic/listening/analysis');
  return (
    <>
      <PageHeader title={t('diagnostic.ecoute.analysisTitle')} intro={t('diagnostic.ecoute.analysisIntro')}>
        <ListeningNav current="analysis" />
      </PageHeader>
      <Loaded resource={r}>{(a) => <Analysis a={a} />}</Loaded>
    </>
  );
}

export default function ListeningAnalysisPage() {
  return (
    <RequireRole roles={['coordinator', 'admin']}>
      <Page />
    </RequireRole>
  );
}
