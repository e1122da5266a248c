/** Adding an indicator to an action: label, unit, baseline, target (may stay "à définir"), direction, source. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Alert, Button, NumberField, SelectField, TextField } from '../../ui';
import { useApi } from '../../app/use-api';
import type { Direction, Indicator, RegistryIndicator, Source } from './types';

/** Adds an indicator to an action, or (with `indicator`) edits it. */
export function IndicatorForm({ actionId, indicator: ind, onDone }: { actionId: string; indicator?: Indicator; onDone: () => void }) {
  const t = useT();
  const [label, setLabel] = useState(ind?.label ?? '');
  const [unit, setUnit] = useState(ind?.unit ?? '');
  const [baseline, setBaseline] = useState<number | null>(ind?.baseline ?? null);
  const [target, setTarget] = useState<number | null>(ind?.target ?? null);
  const [direction, setDirection] = useState<Direction>(ind?.direction ?? 'increase');
  const [source, setSource] = useState<Source>(ind?.source ?? 'manual');
  const [relaisId, setRelaisId] = useState(ind?.relaisId ?? '');
  const [questionnaireId, setQuestionnaireId] = useState(ind?.questionnaire?.questionnaireId ?? '');
  const [measure, setMeasure] = useState<'share' | 'mean' | 'respondents'>(ind?.questionnaire?.measure ?? 'mean');
  const [question, setQuestion] = useState(ind?.questionnaire?.question ?? '');
  const [option, setOption] = useState(ind?.questionnaire?.option ?? '');
  const title = ind ? t('pilotage.editIndicator') : t('pilotage.addIndicator');
  const [error, setError] = useState<ApiError | null>(null);
  const registry = useApi<{ indicators: RegistryIndicator[] }>(source === 'relais' ? '/api/pilotage/registry' : null);
  const questionnaires = useApi<{ questionnaires: { id: string; title: string }[] }>(source === 'questionnaire' ? '/api/diagnostic/questionnaires' : null);
  const chosen = useApi<{ definition: { questions: { id: string; type: string; label: string; options?: string[] }[] } }>(
    source === 'questionnaire' && questionnaireId ? `/api/diagnostic/questionnaires/${questionnaireId}` : null,
  );
  // Only the questions the measure can use: a mean needs a scale or a number, a share a choice.
  const usable = (chosen.data?.definition.questions ?? []).filter((q) =>
    measure === 'mean' ? q.type === 'scale' || q.type === 'number' : measure === 'share' ? Array.isArray(q.options) : true,
  );
  const options = usable.find((q) => q.id === question)?.options ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const body = {
        label,
        unit,
        baseline,
        target,
        direction,
        source,
        relaisId: source === 'relais' ? relaisId || null : null,
        questionnaire: source === 'questionnaire' ? { questionnaireId, measure, question: question || undefined, option: option || undefined } : null,
      };
      if (ind) await api.put(`/api/pilotage/indicators/${ind.id}`, body);
      else {
        await api.post(`/api/pilotage/actions/${actionId}/indicators`, body);
        setLabel('');
      }
      setError(null);
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const fieldOf = (p: string) => error?.fields.find((f) => f.path === p || f.path.startsWith(`${p}.`))?.message;
  return (
    <details>
      <summary>{title}</summary>
      <form className="body" onSubmit={submit}>
        {error ? (
          <Alert tone="error" live>
            {error.message}
          </Alert>
        ) : null}
        <TextField label={t('pilotage.indicatorLabel')} value={label} onChange={setLabel} isRequired error={fieldOf('label')} />
        <div className="grid-2">
          <TextField label={t('pilotage.unit')} value={unit} onChange={setUnit} error={fieldOf('unit')} />
          <SelectField
            label={t('pilotage.direction')}
            name="direction"
            value={direction}
            onChange={(v) => setDirection(v as Direction)}
            options={(['increase', 'decrease', 'maintain'] as const).map((d) => ({ value: d, label: t(`pilotage.direction.${d}`) }))}
          />
          <NumberField label={t('pilotage.baseline')} value={baseline} onChange={setBaseline} error={fieldOf('baseline')} />
          <NumberField label={t('pilotage.target')} help={t('pilotage.targetHelp')} value={target} onChange={setTarget} error={fieldOf('target')} />
        </div>
        <SelectField
          label={t('pilotage.sourceKind')}
          name="source"
          value={source}
          onChange={(v) => setSource(v as Source)}
          options={(['manual', 'relais', 'questionnaire'] as const).map((s) => ({ value: s, label: t(`pilotage.source.${s}`) }))}
        />
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
            <SelectField
              label={t('pilotage.measure')}
              name="measure"
              value={measure}
              onChange={(v) => setMeasure(v as typeof measure)}
              options={(['mean', 'share', 'respondents'] as const).map((m) => ({ value: m, label: t(`pilotage.measure.${m}`) }))}
            />
            <SelectField
              label={t('pilotage.question')}
              name="question"
              value={question}
              onChange={(v) => (setQuestion(v), setOption(''))}
              isRequired={measure !== 'respondents'}
              error={fieldOf('questionnaire.question')}
              options={[
                { value: '', label: measure === 'respondents' ? t('pilotage.allRespondents') : '—' },
                ...usable.map((q) => ({ value: q.id, label: q.label })),
              ]}
            />
            {measure === 'share' ? (
              <SelectField
                label={t('pilotage.option')}
                name="option"
                value={option}
                onChange={setOption}
                isRequired
                error={fieldOf('questionnaire.option')}
                options={[{ value: '', label: '—' }, ...options.map((o) => ({ value: o, label: o }))]}
              />
            ) : null}
          </>
        ) : null}
        <Button type="submit">{ind ? t('pilotage.save') : t('pilotage.addIndicator')}</Button>
      </form>
    </details>
  );
}
