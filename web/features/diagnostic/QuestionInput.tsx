/** The input of one question, by type; labelled by the question's heading (`labelledBy`). */
import { Checkbox, CheckboxGroup, Input, NumberField, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import type { AnswerValue, Question } from './types';

export function QuestionInput({
  question: q,
  value,
  onChange,
  labelledBy,
  describedBy,
  error,
}: {
  question: Question;
  value: AnswerValue | null | undefined;
  onChange: (v: AnswerValue | null) => void;
  labelledBy: string;
  describedBy?: string;
  error?: string;
}) {
  const t = useT();
  const tx = useTx();
  const errorId = `${labelledBy}-error`;
  const describe = [describedBy, error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const errorText = error ? (
    <p className="error" id={errorId} role="alert">
      {error}
    </p>
  ) : null;

  if (q.type === 'single' || q.type === 'neighbourhood') {
    return (
      <RadioGroup
        className="diag-choices"
        aria-labelledby={labelledBy}
        aria-describedby={describe}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v)}
        isInvalid={Boolean(error)}
      >
        {q.options.map((o) => (
          <Radio key={o} value={o} className="check radio diag-option">
            {({ isSelected }) => (
              <>
                <span className="box" aria-hidden="true">
                  {isSelected ? '●' : ''}
                </span>
                <span>
                  <Fr>{o}</Fr>
                </span>
              </>
            )}
          </Radio>
        ))}
        {errorText}
      </RadioGroup>
    );
  }

  if (q.type === 'multi') {
    const help = q.max_choices ? t('diagnostic.multiMax', { n: q.max_choices }) : t('diagnostic.multiHelp');
    return (
      <CheckboxGroup
        className="diag-choices"
        aria-labelledby={labelledBy}
        aria-describedby={[describe, `${labelledBy}-help`].filter(Boolean).join(' ')}
        value={Array.isArray(value) ? value : []}
        onChange={(v) => onChange(v.length ? q.options.filter((o) => v.includes(o)) : null)}
        isInvalid={Boolean(error)}
      >
        <Text slot="description" className="help" id={`${labelledBy}-help`}>
          {help}
        </Text>
        {q.options.map((o) => (
          <Checkbox
            key={o}
            value={o}
            className="check diag-option"
            isDisabled={Boolean(q.max_choices && Array.isArray(value) && value.length >= q.max_choices && !value.includes(o))}
          >
            {({ isSelected }) => (
              <>
                <span className="box" aria-hidden="true">
                  {isSelected ? '✓' : ''}
                </span>
                <span>
                  <Fr>{o}</Fr>
                </span>
              </>
            )}
          </Checkbox>
        ))}
        {errorText}
      </CheckboxGroup>
    );
  }

  if (q.type === 'scale') {
    const values = Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i));
    return (
      <RadioGroup
        className="diag-scale"
        orientation="horizontal"
        aria-labelledby={labelledBy}
        aria-describedby={[describe, `${labelledBy}-help`].filter(Boolean).join(' ')}
        value={typeof value === 'number' ? String(value) : null}
        onChange={(v) => onChange(Number(v))}
        isInvalid={Boolean(error)}
      >
        <Text slot="description" className="help" id={`${labelledBy}-help`}>
          {tx('diagnostic.scaleHelp', {
            min: q.min,
            max: q.max,
            minLabel: q.min_label ? <Fr>{q.min_label}</Fr> : t('diagnostic.scaleLow'),
            maxLabel: q.max_label ? <Fr>{q.max_label}</Fr> : t('diagnostic.scaleHigh'),
          })}
        </Text>
        <div className="diag-scale-values">
          {values.map((v) => (
            <Radio key={v} value={v} className="diag-scale-value">
              {v}
            </Radio>
          ))}
        </div>
        {errorText}
      </RadioGroup>
    );
  }

  if (q.type === 'number') {
    return (
      <NumberField
        className="field"
        aria-labelledby={labelledBy}
        aria-describedby={describe}
        value={typeof value === 'number' ? value : NaN}
        onChange={(v) => onChange(Number.isNaN(v) ? null : v)}
        minValue={q.min}
        maxValue={q.max}
        formatOptions={{ maximumFractionDigits: q.integer ? 0 : 2 }}
        isInvalid={Boolean(error)}
      >
        <div className="row">
          <Input inputMode={q.integer ? 'numeric' : 'decimal'} className="diag-number" />
          {q.unit ? <span>{q.unit}</span> : null}
        </div>
        {errorText}
      </NumberField>
    );
  }

  return (
    <TextField
      className="field"
      aria-labelledby={labelledBy}
      aria-describedby={describe}
      value={typeof value === 'string' ? value : ''}
      onChange={(v) => onChange(v === '' ? null : v)}
      maxLength={q.type === 'text' ? q.max_length : undefined}
      isInvalid={Boolean(error)}
    >
      <TextArea rows={4} />
      {errorText}
    </TextField>
  );
}

/** An answer in words, for the review screen. */
export function answerText(q: Question, v: AnswerValue | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.join(', ') : null;
  if (typeof v === 'number') return q.type === 'number' && q.unit ? `${v} ${q.unit}` : String(v);
  return v;
}
