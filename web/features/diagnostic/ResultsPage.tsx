/** Results of a questionnaire: a chart and table per question, cross-tab (by neighbourhood first), filters, exports. */
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { Button } from '../../ui/Button';
import { Alert, DemoBadge, PageHeader } from '../../ui/display';
import { SelectField } from '../../ui/fields';
import { RequireRole } from '../../ui/RequireRole';
import { LoadStatus } from '../../ui/Loaded';
import { neighbourhoodQuestion, themesOf } from '../../../src/modules/diagnostic/shared';
import messages from './messages';
import { QuestionResult } from './QuestionResult';
import { ListeningNav, Voices } from './listening-ui';
import type { Beside, Question, Results } from './types';
import './diagnostic.css';
import { DateField } from '../../ui/DateField';

registerMessages('diagnostic', messages);

function valuesOf(q: Question | undefined): string[] {
  if (!q) return [];
  if ('options' in q) return q.options;
  if (q.type === 'scale') return Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i));
  return [];
}

function ResultsView({ id }: { id: string }) {
  const t = useT();
  const [by, setBy] = useState<string | null>(null);
  const [filters, setFilters] = useState<string[]>([]);
  const [fq, setFq] = useState('');
  const [fv, setFv] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const query = useMemo(() => {
    const p = new URLSearchParams();
    if (by) p.set('by', by);
    for (const f of filters) p.append('filter', f);
    if (from) p.set('from', from);
    if (to) p.set('to', to);
    return p.toString();
  }, [by, filters, from, to]);

  const pdf = useApi<{ pdf: boolean }>('/api/diagnostic/capabilities').data?.pdf ?? false;
  // The last results stay on screen while a new filter or cross-tab loads.
  const voices = useApi<Beside>(`/api/diagnostic/questionnaires/${id}/voices`).data;
  const { data: results, error, reload } = useApi<Results>(`/api/diagnostic/questionnaires/${id}/results${query ? `?${query}` : ''}`, { keepPrevious: true });

  useEffect(() => {
    // Cross-tabulate by neighbourhood first.
    if (results && by === null) setBy(neighbourhoodQuestion(results.questionnaire.definition)?.id ?? '');
  }, [results, by]);

  if (!results) return <LoadStatus data={results} error={error} reload={reload} />;
  const def = results.questionnaire.definition;
  const a = results.analysis;
  const byQuestion = def.questions.find((q) => q.id === a.by_question);
  const groupable = def.questions.filter((q) => q.type !== 'text' && q.type !== 'number');
  const profile = def.questions.filter((q) => q.profile);
  const profileIds = new Set(profile.map((q) => q.id));
  const sections = themesOf(def, t('diagnostic.otherQuestions'))
    .map((s) => ({ ...s, questions: s.questions.filter((q) => !profileIds.has(q.id)) }))
    .filter((s) => s.questions.length);
  const report = (format: string) => `/api/diagnostic/questionnaires/${id}/report?format=${format}${query ? `&${query}` : ''}`;
  const filterQuestion = def.questions.find((q) => q.id === fq);
  // "question=valeur" is the API's filter; a person reads the question's words.
  const filterLabel = (f: string) => {
    const at = f.indexOf('=');
    const q = def.questions.find((x) => x.id === f.slice(0, at));
    return `${q?.label ?? t('diagnostic.filterUnknown')} : ${f.slice(at + 1)}`;
  };
  const render = (q: Question) =>
    a.questions[q.id] ? <QuestionResult key={q.id} q={q} r={a.questions[q.id]!} analysis={a} byLabel={byQuestion?.label ?? null} /> : null;

  return (
    <>
      <PageHeader title={t('diagnostic.resultsTitle', { title: results.questionnaire.title })}>
        <p>
          <Link to="/diagnostic">{t('diagnostic.back')}</Link>
        </p>
        <ListeningNav current="questionnaires" />
      </PageHeader>
      <p>
        <strong>{t('diagnostic.respondents', { n: a.n_respondents })}</strong>
        {results.questionnaire.source ? (
          <>
            {' '}
            · {t('diagnostic.source', { source: results.questionnaire.source })} <DemoBadge />
          </>
        ) : null}
      </p>
      {results.trialAnswers ? <p className="muted">{t('diagnostic.trialAnswers', { n: results.trialAnswers })}</p> : null}
      {error ? <Alert tone="error" title={error.message} live /> : null}

      <section className="card diag-controls" aria-label={t('diagnostic.by')}>
        <SelectField
          label={t('diagnostic.by')}
          name="by"
          value={by ?? ''}
          onChange={(v) => setBy(v)}
          options={[{ value: '', label: t('diagnostic.byNone') }, ...groupable.map((q) => ({ value: q.id, label: q.label }))]}
        />
        <div className="row">
          <SelectField
            label={t('diagnostic.filterQuestion')}
            name="filter-question"
            value={fq}
            onChange={(v) => {
              setFq(v);
              setFv('');
            }}
            options={[{ value: '', label: '—' }, ...groupable.map((q) => ({ value: q.id, label: q.label }))]}
          />
          {filterQuestion ? (
            <SelectField
              label={t('diagnostic.filterValue')}
              name="filter-value"
              value={fv}
              onChange={setFv}
              options={[{ value: '', label: '—' }, ...valuesOf(filterQuestion).map((v) => ({ value: v, label: v }))]}
            />
          ) : null}
          <Button
            variant="secondary"
            isDisabled={!fq || fv === ''}
            onPress={() => {
              setFilters([...filters, `${fq}=${fv}`]);
              setFq('');
              setFv('');
            }}
          >
            {t('diagnostic.filterAdd')}
          </Button>
        </div>
        <div className="row">
          <DateField id="diag-from" name="from" label={t('diagnostic.from')} value={from} onChange={setFrom} />
          <DateField id="diag-to" name="to" label={t('diagnostic.to')} value={to} onChange={setTo} />
        </div>
        <div>
          <span>{t('diagnostic.filters')} : </span>
          {filters.length ? (
            <ul className="diag-chips">
              {filters.map((f) => (
                <li key={f}>
                  {filterLabel(f)}{' '}
                  <Button
                    variant="ghost"
                    aria-label={t('diagnostic.filterRemove', { label: filterLabel(f) })}
                    onPress={() => setFilters(filters.filter((x) => x !== f))}
                  >
                    ✕
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('diagnostic.filterNone')}</span>
          )}
        </div>
        <ul className="diag-actions diag-exports">
          <li>
            <a className="btn" data-variant="secondary" href={report('html')} download>
              {t('diagnostic.exportHtml')}
            </a>
          </li>
          {pdf ? (
            <li>
              <a className="btn" data-variant="secondary" href={report('pdf')} download>
                {t('diagnostic.exportPdf')}
              </a>
            </li>
          ) : null}
          <li>
            <a className="btn" data-variant="secondary" href={report('md')} download>
              {t('diagnostic.exportMd')}
            </a>
          </li>
          <li>
            <a className="btn" data-variant="secondary" href={`/api/diagnostic/questionnaires/${id}/responses.csv`} download>
              {t('diagnostic.exportCsv')}
            </a>
          </li>
        </ul>
        {!pdf ? <p className="muted">{t('diagnostic.noPdf')}</p> : null}
      </section>

      {profile.length ? (
        <section aria-labelledby="diag-profile">
          <h2 id="diag-profile">{t('diagnostic.profile')}</h2>
          {profile.map(render)}
        </section>
      ) : null}
      {sections.map((s, i) => (
        <section key={s.theme} aria-labelledby={`diag-sec-${i}`}>
          <h2 id={`diag-sec-${i}`}>{s.theme}</h2>
          <Voices section={s.theme} beside={voices} />
          {s.questions.map(render)}
        </section>
      ))}
    </>
  );
}

export default function ResultsPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['coordinator', 'admin']}>
      <ResultsView id={id!} />
    </RequireRole>
  );
}
