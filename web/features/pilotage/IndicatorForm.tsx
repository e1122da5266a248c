/** Adding an indicator to an action: label, unit, baseline, target (may stay "à définir"), direction, source. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Alert, Button, NumberField, SelectField, TextField } from '../../ui';
import { useResource } from './shared';
import type { Direction, RegistryIndicator, Source } from './types';

export function IndicatorForm({ actionId, onDone }: { actionId: string; onDone: () => void }) {
  const t = useT();
  const [label, setLabel] = useState('');
  const [unit, setUnit] = useState('');
  const [baseline, setBaseline] = useState<number | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [direction, setDirection] = useState<Direction>('increase');
  const [source, setSource] = useState<Source>('manual');
  const [relaisId, setRelaisId] = useState('');
  const [questionnaireId, setQuestionnaireId] = useState('');
  const [measure, setMeasure] = useState<'share' | 'mean' | 'respondents'>('mean');
  const [question, setQuestion] = useState('');
  const [option, setOption] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const registry = useResource<{ indicators: RegistryIndicator[] }>(source === 'relais' ? '/api/pilotage/registry' : null);
  const questionnaires = useResource<{ questionnaires: { id: string; title: string }[] }>(source === 'questionnaire' ? '/api/diagnostic/questionnaires' : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post(`/api/pilotage/actions/${actionId}/indicators`, {
        label,
        unit,
        baseline,
        target,
        direction,
        source,
        relaisId: source === 'relais' ? relaisId || null : null,
        questionnaire: source === 'questionnaire' ? { questionnaireId, measure, question: question || undefined, option: option || undefined } : null,
      });
      setLabel('');
      setError(null);
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const fieldOf = (p: string) => error?.fields.find((f) => f.path === p || f.path.startsWith(`${p}.`))?.message;
  return (
    <details>
      <summary>{t('pilotage.addIndicator')}</summary>
      <form className="body" onSubmit={submit}>
        {error ? <Alert tone="error" live>{error.message}</Alert> : null}
        <TextField label={t('pilotage.indicatorLabel')} value={label} onChange={setLabel} isRequired error={fieldOf('label')} />
        <div className="grid-2">
          <TextField label={t('pilotage.unit')} value={unit} onChange={setUnit} error={fieldOf('unit')} />
          <SelectField label={t('pilotage.direction')} name="direction" value={direction} onChange={(v) => setDirection(v as Direction)} options={(['increase', 'decrease', 'maintain'] as const).map((d) => ({ value: d, label: t(`pilotage.direction.${d}`) }))} />
          <NumberField label={t('pilotage.baseline')} value={baseline} onChange={setBaseline} error={fieldOf('baseline')} />
          <NumberField label={t('pilotage.target')} help={t('pilotage.targetHelp')} value={target} onChange={setTarget} error={fieldOf('target')} />
        </div>
        <SelectField label={t('pilotage.sourceKind')} name="source" value={source} onChange={(v) => setSource(v as Source)} options={(['manual', 'relais', 'questionnaire'] as const).map((s) => ({ value: s, label: t(`pilotage.source.${s}`) }))} />
        {source === 'relais' ? (
          <SelectField
            label={t('pilotage.relaisIndicator')}
            name="relaisId"
            value={relaisId}
            onChange={setRelaisId}
            isRequired
            error={fieldOf('relaisId')}
            options={[{ value: '', label: '—' }, ...(registry.data?.indicators ?? []).map((i) => ({ value: i.id, label: `${i.label} (${i.unit})` }))]}
          />
        ) : null}
        {source === 'questionnaire' ? (
          <>
            <SelectField
              label={t('pilotage.questionnaire')}
              name="questionnaireId"
              value={questionnaireId}
              onChange={setQuestionnaireId}
              isRequired
              error={fieldOf('questionnaire')}
              options={[{ value: '', label: '—' }, ...(questionnaires.data?.questionnaires ?? []).map((q) => ({ value: q.id, label: q.title }))]}
            />
            <SelectField label={t('pilotage.measure')} name="measure" value={measure} onChange={(v) => setMeasure(v as typeof measure)} options={(['mean', 'share', 'respondents'] as const).map((m) => ({ value: m, label: t(`pilotage.measure.${m}`) }))} />
            <div className="grid-2">
              <TextField label={t('pilotage.question')} value={question} onChange={setQuestion} error={fieldOf('questionnaire.question')} />
              {measure === 'share' ? <TextField label={t('pilotage.option')} value={option} onChange={setOption} error={fieldOf('questionnaire.option')} /> : null}
            </div>
          </>
        ) : null}
        <Button type="submit">{t('pilotage.addIndicator')}</Button>
      </form>
    </details>
  );
}
