/**
 * Answering a questionnaire: one question per screen, a progress bar, previous/next,
 * the answers saved at each step (resumable), a review screen, then sending.
 * Questions hidden by their conditions are skipped as the answers change.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Button } from '../../ui/Button';
import { Alert, ProgressSteps } from '../../ui/display';
import { FormErrors } from '../../ui/FormErrors';
import { isShown, pruneHidden } from '../../../src/modules/diagnostic/shared';
import { answerText, QuestionInput } from './QuestionInput';
import type { Answers, AnswerValue, Question, Questionnaire } from './types';

function firstOpenStep(qn: Questionnaire, answers: Answers): number {
  const visible = qn.questions.filter((q) => isShown(q, (id) => answers[id]));
  if (!Object.keys(answers).length) return 0;
  const i = visible.findIndex((q) => answers[q.id] === undefined || answers[q.id] === null);
  return i < 0 ? visible.length : i;
}

export function AnsweringFlow({
  questionnaire,
  initialAnswers = {},
  onSave,
  onSubmit,
  idPrefix = 'q',
}: {
  questionnaire: Questionnaire;
  initialAnswers?: Answers;
  /** Saves the answers so far (not in preview). */
  onSave?: (answers: Answers) => Promise<void>;
  onSubmit: (answers: Answers) => Promise<void>;
  idPrefix?: string;
}) {
  const t = useT();
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  const [step, setStep] = useState(() => firstOpenStep(questionnaire, initialAnswers));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  const visible = useMemo(() => questionnaire.questions.filter((q) => isShown(q, (id) => answers[id])), [questionnaire, answers]);
  const atReview = step >= visible.length;
  const q = atReview ? null : visible[step]!;
  const headingId = `${idPrefix}-heading`;

  useEffect(() => {
    // Move focus to the new question (not on the first screen: the page title has it).
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const setAnswer = (v: AnswerValue | null) => {
    setFieldError(undefined);
    setAnswers((a) => {
      const next = { ...a };
      if (v === null) delete next[q!.id];
      else next[q!.id] = v;
      return next;
    });
  };

  const applyServerError = (err: unknown) => {
    if (err instanceof ApiError) {
      const f = err.fields.find((x) => x.path.startsWith('answers.'));
      if (f) {
        const idx = visible.findIndex((x) => `answers.${x.id}` === f.path);
        if (idx >= 0) {
          setStep(idx);
          setFieldError(f.message);
          return;
        }
      }
    }
    setFormError(err);
  };

  const next = async () => {
    if (!q) return;
    const v = answers[q.id];
    if (q.required && (v === undefined || v === null)) {
      setFieldError(t('diagnostic.required'));
      return;
    }
    setFormError(null);
    if (onSave) {
      setBusy(true);
      try {
        await onSave(pruneHidden(questionnaire, answers));
      } catch (err) {
        setBusy(false);
        applyServerError(err);
        return;
      }
      setBusy(false);
    }
    setFieldError(undefined);
    setStep((s) => s + 1);
  };

  const send = async () => {
    setBusy(true);
    setFormError(null);
    try {
      await onSubmit(pruneHidden(questionnaire, answers));
    } catch (err) {
      applyServerError(err);
    } finally {
      setBusy(false);
    }
  };

  // One count on the screen: the questions shown to this person (the review is no question).
  const total = Math.max(visible.length, 1);
  return (
    <div className="diag-flow">
      {/* One line for where the person is: « Question 2 sur 3 » under the bars (not « Étape » as well). */}
      <ProgressSteps
        current={Math.min(step + 1, total)}
        total={total}
        label={t('diagnostic.progress')}
        text={q ? t('diagnostic.stepOf', { n: step + 1, total }) : undefined}
      />
      <FormErrors error={formError} />
      {q ? (
        <section aria-labelledby={headingId} className="diag-question">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            <Fr>{q.label}</Fr>
          </h2>
          {q.help ? (
            <p className="help" id={`${headingId}-desc`}>
              <Fr>{q.help}</Fr>
            </p>
          ) : null}
          {!q.required ? <p className="muted">{t('diagnostic.optional')}</p> : null}
          <QuestionInput
            key={q.id}
            question={q}
            value={answers[q.id]}
            onChange={setAnswer}
            labelledBy={headingId}
            describedBy={q.help ? `${headingId}-desc` : undefined}
            error={fieldError}
          />
          <div className="row diag-nav">
            {step > 0 ? (
              <Button variant="secondary" onPress={() => setStep((s) => s - 1)} isDisabled={busy}>
                {t('diagnostic.previous')}
              </Button>
            ) : null}
            <Button onPress={next} isDisabled={busy}>
              {answers[q.id] === undefined && !q.required ? t('diagnostic.skip') : t('diagnostic.next')}
            </Button>
          </div>
        </section>
      ) : (
        <section aria-labelledby={headingId} className="diag-question">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {t('diagnostic.review')}
          </h2>
          <p>{t('diagnostic.reviewIntro')}</p>
          <dl className="diag-review">
            {visible.map((x, i) => (
              <div key={x.id}>
                <dt>
                  <Fr>{x.label}</Fr>
                </dt>
                <dd>
                  <span>{answerShown(x, answers[x.id]) ?? <em>{t('diagnostic.noAnswer')}</em>}</span>{' '}
                  <Button variant="ghost" onPress={() => setStep(i)} aria-label={t('diagnostic.changeOf', { question: x.label })}>
                    {t('diagnostic.changeAnswer')}
                  </Button>
                </dd>
              </div>
            ))}
          </dl>
          <div className="row diag-nav">
            {visible.length ? (
              <Button variant="secondary" onPress={() => setStep(visible.length - 1)} isDisabled={busy}>
                {t('diagnostic.previous')}
              </Button>
            ) : null}
            <Button onPress={send} isDisabled={busy}>
              {t('diagnostic.send')}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

export function Thanks() {
  const t = useT();
  return (
    <Alert tone="success" title={t('diagnostic.thanks')} live>
      {t('diagnostic.thanksText')}
    </Alert>
  );
}

/** An answer on the review: a number as it is, what the person chose or wrote in the questionnaire's language (French). */
function answerShown(q: Question, value: AnswerValue | null | undefined): ReactNode {
  const text = answerText(q, value);
  if (text === null || text === undefined) return null;
  return q.type === 'number' || q.type === 'scale' ? text : <Fr>{text}</Fr>;
}
