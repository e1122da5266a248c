/** One question of the builder: type, wording, answers, condition, order. */
import { useT } from '../../app/i18n';
import { Button } from '../../ui/Button';
import { Checkbox, SelectField, TextField } from '../../ui/fields';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES } from '../../../src/modules/diagnostic/shared';
import { defaultOptions, hasChoices, options, slugId, uniqueId, type DraftQuestion } from './builder-model';
import { useTown } from '../../app/town';
import type { QuestionType } from './types';

export function QuestionEditor({
  q,
  index,
  count,
  earlier,
  othersIds,
  onChange,
  onMove,
  onRemove,
  errorOf,
}: {
  q: DraftQuestion;
  index: number;
  count: number;
  /** Questions before this one (a condition can only look back). */
  earlier: DraftQuestion[];
  othersIds: string[];
  onChange: (q: DraftQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  errorOf: (field: string) => string | undefined;
}) {
  const t = useT();
  const town = useTown();
  const hoods = town.neighbourhoods.map((h) => h.name);
  const n = index + 1;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...q, ...patch });
  const conditionable = earlier.filter((e) => (hasChoices(e.type) && options(e).length) || e.type === 'scale');
  const target = earlier.find((e) => e.id === q.condQuestion);
  const targetValues = target ? (target.type === 'scale' ? Array.from({ length: 10 }, (_, i) => String(i + 1)) : options(target)) : [];
  const field = (name: string) => `diag-q${n}-${name}`;

  return (
    <fieldset className="card diag-editor">
      <legend>{t('diagnostic.questionN', { n })}</legend>
      <SelectField
        label={t('diagnostic.qType')}
        name={field('type')}
        value={q.type}
        onChange={(v) => {
          const type = v as QuestionType;
          // A neighbourhood question offers the town's neighbourhoods; another choice keeps what was typed.
          const optionsText =
            type === 'neighbourhood' ? defaultOptions(type, hoods) : hasChoices(type) && !q.optionsText ? defaultOptions('single', hoods) : q.optionsText;
          set({ type, optionsText });
        }}
        options={QUESTION_TYPES.map((x) => ({ value: x, label: QUESTION_TYPE_LABELS[x] }))}
        error={errorOf('type')}
      />
      <TextField
        label={t('diagnostic.qLabel')}
        name={field('label')}
        value={q.label}
        onChange={(label) => set({ label, ...(q.idEdited ? {} : { id: uniqueId(slugId(label), othersIds) }) })}
        isRequired
        error={errorOf('label')}
      />
      <TextField
        label={t('diagnostic.qId')}
        help={t('diagnostic.qIdHelp')}
        name={field('id')}
        value={q.id}
        onChange={(id) => set({ id, idEdited: true })}
        error={errorOf('id')}
      />
      {q.type === 'neighbourhood' ? (
        <div className="row">
          <p className="muted">{t('diagnostic.qNeighbourhoodHelp', { n: hoods.length, town: town.name })}</p>
          {q.optionsText !== defaultOptions('neighbourhood', hoods) ? (
            <Button variant="ghost" onPress={() => set({ optionsText: defaultOptions('neighbourhood', hoods) })}>
              {t('diagnostic.qNeighbourhoodReset')} <span className="visually-hidden">({t('diagnostic.questionN', { n })})</span>
            </Button>
          ) : null}
        </div>
      ) : null}
      {hasChoices(q.type) ? (
        <TextField
          label={t('diagnostic.qOptions')}
          name={field('options')}
          multiline
          value={q.optionsText}
          onChange={(optionsText) => set({ optionsText })}
          isRequired
          error={errorOf('options') ?? (errorOf('options.0') || undefined)}
        />
      ) : null}
      {q.type === 'scale' ? (
        <div className="row">
          <TextField label={t('diagnostic.qMinLabel')} name={field('min')} value={q.minLabel} onChange={(minLabel) => set({ minLabel })} />
          <TextField label={t('diagnostic.qMaxLabel')} name={field('max')} value={q.maxLabel} onChange={(maxLabel) => set({ maxLabel })} />
        </div>
      ) : null}
      {q.type === 'number' ? <TextField label={t('diagnostic.qUnit')} name={field('unit')} value={q.unit} onChange={(unit) => set({ unit })} /> : null}
      <TextField label={t('diagnostic.qTheme')} name={field('theme')} value={q.theme} onChange={(theme) => set({ theme })} />
      <Checkbox isSelected={q.required} onChange={(required) => set({ required })}>
        {t('diagnostic.qRequired')}
      </Checkbox>
      {conditionable.length ? (
        <div className="row diag-condition">
          <SelectField
            label={t('diagnostic.qCondition')}
            name={field('cond')}
            value={q.condQuestion}
            onChange={(condQuestion) => set({ condQuestion, condValue: '' })}
            options={[{ value: '', label: t('diagnostic.qConditionNone') }, ...conditionable.map((e) => ({ value: e.id, label: e.label || e.id }))]}
            error={errorOf('show_if.question') ?? errorOf('show_if')}
          />
          {target ? (
            <SelectField
              label={target.type === 'scale' ? `${t('diagnostic.qConditionValue')} ≥` : t('diagnostic.qConditionValue')}
              name={field('condvalue')}
              value={q.condValue}
              onChange={(condValue) => set({ condValue })}
              options={[{ value: '', label: '—' }, ...targetValues.map((v) => ({ value: v, label: v }))]}
            />
          ) : null}
        </div>
      ) : null}
      <div className="row">
        <Button variant="secondary" onPress={() => onMove(-1)} isDisabled={index === 0} aria-label={t('diagnostic.moveUp', { n })}>
          ↑
        </Button>
        <Button variant="secondary" onPress={() => onMove(1)} isDisabled={index === count - 1} aria-label={t('diagnostic.moveDown', { n })}>
          ↓
        </Button>
        <Button variant="danger" onPress={onRemove} aria-label={t('diagnostic.remove', { n })}>
          ✕
        </Button>
      </div>
    </fieldset>
  );
}
