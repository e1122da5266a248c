/**
 * The evaluation of an experiment (bilan de l'expérimentation): families reached,
 * satisfaction, participation by neighbourhood, persistent obstacles; printable HTML export.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { Alert, BarChart, Button, DemoBadge, MonthField, PageHeader, RequireRole, SelectField, TextField, LoadStatus } from '../../ui';
import { formatNumber, periodLabel } from './format';
import { HistoryChart } from './HistoryChart';
import { READERS, useCanEdit } from './shared';
import { useApi } from '../../app/use-api';
import type { EvaluationView } from './types';

type View = EvaluationView;
type Evaluation = View['evaluation'];

function EvaluationForm({ v, reload }: { v: View; reload: () => void }) {
  const t = useT();
  const [e, setE] = useState<Evaluation>(v.evaluation);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [e]);
  const set =
    <K extends keyof Evaluation>(k: K) =>
    (val: Evaluation[K]) =>
      setE((s) => ({ ...s, [k]: val }));
  const options = [{ value: '', label: t('pilotage.noneToDefine') }, ...v.indicators.map((i) => ({ value: i.id, label: i.label }))];
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    try {
      await api.put(`/api/pilotage/actions/${v.action.id}/evaluation`, e);
      setError(null);
      reload();
      setSaved(true);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <details open={!v.exists}>
      <summary>{t('pilotage.editEvaluation')}</summary>
      <form className="body" onSubmit={submit}>
        {error ? (
          <Alert tone="error" live>
            {error.message}
          </Alert>
        ) : null}
        <TextField label={t('pilotage.evalTitle')} value={e.title} onChange={set('title')} isRequired error={error?.field('title')} />
        <div className="grid-2">
          <MonthField label={t('pilotage.periodFrom')} value={e.periodFrom} onChange={set('periodFrom')} isRequired error={error?.field('periodFrom')} />
          <MonthField label={t('pilotage.periodTo')} value={e.periodTo} onChange={set('periodTo')} isRequired error={error?.field('periodTo')} />
        </div>
        <SelectField
          label={`${t('pilotage.reached')} — ${t('pilotage.chooseIndicator')}`}
          name="reached"
          value={e.reachedIndicatorId ?? ''}
          onChange={(x) => set('reachedIndicatorId')(x || null)}
          options={options}
          error={error?.field('reachedIndicatorId')}
        />
        <SelectField
          label={`${t('pilotage.satisfaction')} — ${t('pilotage.chooseIndicator')}`}
          name="satisfaction"
          value={e.satisfactionIndicatorId ?? ''}
          onChange={(x) => set('satisfactionIndicatorId')(x || null)}
          options={options}
          error={error?.field('satisfactionIndicatorId')}
        />
        <SelectField
          label={`${t('pilotage.participation')} — ${t('pilotage.chooseIndicator')}`}
          name="participation"
          value={e.participationIndicatorId ?? ''}
          onChange={(x) => set('participationIndicatorId')(x || null)}
          options={options}
          error={error?.field('participationIndicatorId')}
        />
        <TextField label={t('pilotage.obstacles')} value={e.obstacles} onChange={set('obstacles')} multiline error={error?.field('obstacles')} />
        <TextField label={t('pilotage.conclusions')} value={e.conclusions} onChange={set('conclusions')} multiline error={error?.field('conclusions')} />
        <div className="row">
          <Button type="submit">{t('pilotage.saveEvaluation')}</Button>
          <span role="status" className="saved">
            {saved ? t('pilotage.saved') : ''}
          </span>
        </div>
      </form>
    </details>
  );
}

export default function EvaluationPage() {
  const t = useT();
  const { id } = useParams();
  const canEdit = useCanEdit();
  const { data: v, error, reload } = useApi<View>(`/api/pilotage/actions/${id}/evaluation`);
  const f = v?.figures;
  const text = (s: string) => (s.trim() ? s.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>) : <p className="muted">{t('pilotage.notSet')}</p>);
  return (
    <div className="pilotage">
      <RequireRole roles={[...READERS]}>
        <LoadStatus data={v} error={error} />
        {v && f ? (
          <>
            <p className="breadcrumb no-print">
              <Link to={`/pilotage/actions/${v.action.id}`}>{t('pilotage.backToAction')}</Link>
            </p>
            <PageHeader
              title={v.evaluation.title}
              intro={`${t('pilotage.evaluation')} — ${periodLabel(v.evaluation.periodFrom)} – ${periodLabel(v.evaluation.periodTo)}`}
            >
              {v.plan.isDemo ? <DemoBadge label={t('pilotage.example')} /> : null}
              <p>{v.action.title}</p>
            </PageHeader>
            <p className="no-print">
              <a href={`/api/pilotage/actions/${v.action.id}/evaluation/report`} target="_blank" rel="noopener">
                {t('pilotage.printable')}
              </a>
            </p>
            {canEdit ? <EvaluationForm key={JSON.stringify(v.evaluation)} v={v} reload={reload} /> : null}
            <h2>{t('pilotage.reached')}</h2>
            {!f.reached ? (
              <p className="muted">{t('pilotage.indicatorToDefine')}</p>
            ) : f.reached.total === null ? (
              <p className="muted">
                {f.reached.label} : {t('pilotage.noValueInPeriod').toLowerCase()}
              </p>
            ) : (
              <>
                <p>
                  <span className="figure">{f.reached.total === null ? t('pilotage.noValue') : formatNumber(f.reached.total, f.reached.unit)}</span>{' '}
                  <span className="muted">
                    — {f.reached.label}, {t('pilotage.totalOverPeriod').toLowerCase()}
                  </span>
                </p>
                <HistoryChart title={f.reached.label} points={f.reached.months} target={null} unit={f.reached.unit} />
              </>
            )}
            <h2>{t('pilotage.satisfaction')}</h2>
            {!f.satisfaction ? (
              <p className="muted">{t('pilotage.indicatorToDefine')}</p>
            ) : f.satisfaction.value === null ? (
              <p className="muted">
                {f.satisfaction.label} : {t('pilotage.noValue').toLowerCase()}
              </p>
            ) : (
              <p>
                <span className="figure">{formatNumber(f.satisfaction.value, f.satisfaction.unit)}</span>{' '}
                <span className="muted">
                  — {f.satisfaction.label}
                  {f.satisfaction.base !== null ? `, ${t('pilotage.respondents', { n: f.satisfaction.base })}` : ''}
                </span>
              </p>
            )}
            <h2>{t('pilotage.participation')}</h2>
            {!f.participation ? (
              <p className="muted">{t('pilotage.indicatorToDefine')}</p>
            ) : f.participation.total === 0 ? (
              <p className="muted">
                {f.participation.label} : {t('pilotage.noValueInPeriod').toLowerCase()}
              </p>
            ) : (
              <BarChart
                title={`${f.participation.label} (${f.participation.unit})`}
                data={f.participation.rows.map((r) => ({ label: r.name, value: r.value }))}
                format={(x) => formatNumber(x)}
              />
            )}
            <h2>{t('pilotage.obstacles')}</h2>
            {text(v.evaluation.obstacles)}
            <h2>{t('pilotage.conclusions')}</h2>
            {text(v.evaluation.conclusions)}
          </>
        ) : null}
      </RequireRole>
    </div>
  );
}
