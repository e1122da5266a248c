/** The territory's figures (with their source and year), beside the questionnaire, as denominators; the CSV import. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { frDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, FormErrors, LoadStatus, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import { formatNumber } from './format';
import { READERS, TableScroll, useCanEdit } from './shared';
import type { Territory, TerritoryImported } from './types';

type FigureKind = Territory['figures'][number]['kind'];

/** The header a town's file may use, to be copied as is. */
const IMPORT_COLUMNS =
  'zone;quartier;familles;familles_monoparentales;taux_pauvrete_monoparentales;taux_pauvrete_couples;niveau_vie_median_monoparentales;enfants_moins_11';

function figureText(value: number, kind: FigureKind): string {
  if (kind === 'percent') return `${formatNumber(value)} %`;
  if (kind === 'euros') return `${formatNumber(value)} €`;
  return formatNumber(value);
}

/** « Source : … » once, whether the import's text already starts with it or not. */
function sourceLine(t: ReturnType<typeof useT>, source: string): string {
  return /^source\s*:/i.test(source) ? source : t('pilotage.idees.source', { source });
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<TerritoryImported | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    if (!file)
      return setError(new ApiError(400, 'http/validation', t('pilotage.idees.chooseFile'), [{ path: 'file', message: t('pilotage.idees.chooseFile') }]));
    try {
      const csv = await file.text();
      const r = await api.post<TerritoryImported>('/api/pilotage/territory/imports', {
        csv,
        year: /^\d+$/.test(year.trim()) ? Number(year.trim()) : undefined,
        source,
        fileName: file.name,
      });
      setError(null);
      setResult(r);
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title" style={{ marginTop: 0 }}>
        {t('pilotage.idees.importTitle')}
      </h2>
      <p className="muted">{t('pilotage.idees.importIntro')}</p>
      <p>
        {t('pilotage.idees.importColumns')} : <code>{IMPORT_COLUMNS}</code>
      </p>
      <FormErrors error={error} labels={{ year: t('pilotage.idees.importYear'), source: t('pilotage.idees.sourceField') }} />
      {result ? (
        <Alert tone="success" live>
          {t('pilotage.idees.imported', { values: result.values, areas: result.areas, year: result.year })}
          {result.ignored.length ? ` ${t('pilotage.idees.ignored', { columns: result.ignored.join(', ') })}` : ''}
        </Alert>
      ) : null}
      <div className="field">
        <label htmlFor="territory-file">{t('pilotage.idees.file')}</label>
        <input id="territory-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <TextField label={t('pilotage.idees.importYear')} inputMode="numeric" value={year} onChange={setYear} isRequired error={error?.field('year')} />
      <TextField
        label={t('pilotage.idees.sourceField')}
        help={t('pilotage.idees.sourceHelp')}
        value={source}
        onChange={setSource}
        isRequired
        error={error?.field('source')}
      />
      <Button type="submit">{t('pilotage.idees.importButton')}</Button>
    </form>
  );
}

function Figures({ d }: { d: Territory }) {
  const t = useT();
  const shown = d.figures.filter((f) => d.areas.some((a) => a.values.some((v) => v.figure === f.id)));
  const hoodsEmpty = d.areas.slice(1).every((a) => !a.values.length);
  const origin = (o: string) => (o === 'iris' ? t('pilotage.idees.fromIris') : o === 'neighbourhoods' ? t('pilotage.idees.fromHoods') : '');
  return (
    <>
      <TableScroll label={t('pilotage.idees.territoryTitle')}>
        <table className="table">
          <caption className="visually-hidden">{t('pilotage.idees.territoryTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pilotage.idees.area')}</th>
              {shown.map((f) => (
                <th key={f.id} scope="col">
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.areas.map((a) => (
              <tr key={a.area}>
                <th scope="row">{a.name}</th>
                {shown.map((f) => {
                  const v = a.values.find((x) => x.figure === f.id);
                  return (
                    <td key={f.id} className="num">
                      {v ? figureText(v.value, f.kind) : '—'}
                      {v && v.origin !== 'given' ? <span className="muted"> ({origin(v.origin)})</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {hoodsEmpty ? <p className="muted">{t('pilotage.idees.noHoodFigures')}</p> : null}
      {d.iris ? <p className="muted">{t('pilotage.idees.irisCount', { n: d.iris })}</p> : null}
    </>
  );
}

function Page() {
  const t = useT();
  const canEdit = useCanEdit();
  const [year, setYear] = useState('');
  const [questionnaireId, setQuestionnaireId] = useState('');
  const [version, setVersion] = useState(0);
  const params = new URLSearchParams({ v: String(version) });
  if (year) params.set('year', year);
  if (questionnaireId) params.set('questionnaireId', questionnaireId);
  const r = useApi<Territory>(`/api/pilotage/territory?${params}`, { keepPrevious: true });
  const d = r.data;
  const name = (area: string) => d?.areas.find((a) => a.area === area)?.name ?? area;
  const singleParent = (area: string) => d?.areas.find((a) => a.area === area)?.values.find((v) => v.figure === 'familles_monoparentales')?.value;
  return (
    <div className="pilotage">
      <p className="breadcrumb">
        <Link to="/pilotage">{t('pilotage.idees.back')}</Link>
      </p>
      <PageHeader title={t('pilotage.idees.territoryTitle')} intro={t('pilotage.idees.territoryIntro')} />
      <LoadStatus data={d} error={r.error} reload={r.reload} />
      {d && d.year === null ? <p className="muted">{t('pilotage.idees.territoryEmpty')}</p> : null}
      {d && d.year !== null ? (
        <section aria-labelledby="figures">
          <h2 id="figures" className="visually-hidden">
            {t('pilotage.idees.territoryTitle')}
          </h2>
          <SelectField
            label={t('pilotage.idees.year')}
            name="year"
            value={String(d.year)}
            onChange={setYear}
            options={d.years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          {d.source ? (
            <p className="territory-source">
              {d.source.isDemo ? (
                <>
                  <DemoBadge label={t('pilotage.idees.example')} />{' '}
                </>
              ) : null}
              {sourceLine(t, d.source.source)}
              <br />
              <span className="muted">{t('pilotage.idees.importedOn', { date: frDate(d.source.importedAt), file: d.source.fileName ?? '—' })}</span>
            </p>
          ) : null}
          <Figures d={d} />
        </section>
      ) : null}
      {d ? (
        <section aria-labelledby="survey">
          <h2 id="survey">{t('pilotage.idees.surveyTitle')}</h2>
          <p className="muted">{t('pilotage.idees.surveyIntro')}</p>
          {d.survey.questionnaire ? (
            <>
              <SelectField
                label={t('pilotage.idees.questionnaire')}
                name="questionnaire"
                value={d.survey.questionnaire.id}
                onChange={setQuestionnaireId}
                options={d.survey.questionnaires.map((q) => ({ value: q.id, label: q.title }))}
              />
              {d.survey.questionnaire.isDemo ? <DemoBadge label={t('pilotage.idees.example')} /> : null}
              <TableScroll label={t('pilotage.idees.surveyTitle')}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('pilotage.idees.area')}</th>
                      <th scope="col">{t('pilotage.idees.respondents')}</th>
                      <th scope="col">{t('pilotage.idees.singleParent')}</th>
                      <th scope="col">{t('pilotage.idees.per1000')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.survey.questionnaire.rows.map((row) => (
                      <tr key={row.area}>
                        <th scope="row">{name(row.area)}</th>
                        <td className="num">{formatNumber(row.respondents)}</td>
                        <td className="num">{formatNumber(singleParent(row.area))}</td>
                        <td className="num">{row.per1000 === null ? t('pilotage.idees.noRatio') : formatNumber(row.per1000)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </>
          ) : (
            <p className="muted">{t('pilotage.idees.noSurvey')}</p>
          )}
        </section>
      ) : null}
      {d?.ratios.length ? (
        <section aria-labelledby="ratios">
          <h2 id="ratios">{t('pilotage.idees.ratiosTitle')}</h2>
          <p className="muted">{t('pilotage.idees.ratiosIntro')}</p>
          {d.ratios.map((ratio) => (
            <TableScroll key={ratio.id} label={ratio.label}>
              <table className="table">
                <caption>{ratio.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pilotage.idees.area')}</th>
                    <th scope="col">
                      {t('pilotage.idees.count')} ({ratio.unit})
                    </th>
                    <th scope="col">{t('pilotage.idees.perScale', { scale: ratio.scale })}</th>
                  </tr>
                </thead>
                <tbody>
                  {ratio.rows.map((row) => (
                    <tr key={row.area}>
                      <th scope="row">{name(row.area)}</th>
                      <td className="num">{formatNumber(row.count)}</td>
                      <td className="num">{row.ratio === null ? t('pilotage.idees.noRatio') : formatNumber(row.ratio)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
        </section>
      ) : null}
      {canEdit ? <ImportForm onDone={() => setVersion((v) => v + 1)} /> : null}
    </div>
  );
}

export default function TerritoryPage() {
  return (
    <RequireRole roles={[...READERS]}>
      <Page />
    </RequireRole>
  );
}
