/**
 * The simulator: short steps with a progress bar, answers kept in the browser (never in
 * the URL), a summary where any answer can be changed, then the results. Used by the
 * family's page and by an agent from a family's file (prefilled).
 */
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Alert, Button, ProgressSteps } from '../../ui';
import {
  answersFromFile,
  buildInput,
  checkStep,
  clearSaved,
  emptyAnswers,
  firstIncompleteStep,
  loadSaved,
  type Answers,
  type Problems,
  type Saved,
  STEPS,
  type StepId,
  stepOfPath,
  storeSaved,
} from './answers';
import { useDroitsFormat } from './format';
import { Complements } from './Complements';
import { Recap } from './Recap';
import { StepFields } from './StepFields';
import type { FilePrefill, HouseholdInput, SimulationContext, SimulationResult } from './types';

// The results (explanations, glossary, catalogue) load with the first result, not with the questions.
const Results = lazy(() => import('./Results').then((m) => ({ default: m.Results })));

export interface SimulatorProps {
  storageKey: string;
  store: 'local' | 'session';
  context: SimulationContext;
  prefill: FilePrefill | null;
  source: 'simulateur' | 'agent';
  /** Rendered under the results (droits potentiels, print button…). */
  after?: (input: HouseholdInput, answers: Answers) => ReactNode;
  actions?: ReactNode;
}

const RESULTS = STEPS.length;
const today = () => new Date().toISOString().slice(0, 10);

function initial(props: SimulatorProps): Saved {
  const saved = loadSaved(props.storageKey, props.store);
  if (saved) return saved;
  if (props.prefill) {
    const answers = answersFromFile(props.prefill);
    return { v: 1, answers, step: firstIncompleteStep(answers, today()), origin: 'dossier' };
  }
  return { v: 1, answers: emptyAnswers(), step: 0, origin: 'manual' };
}

export function Simulator(props: SimulatorProps) {
  const t = useT();
  const { monthLabel } = useDroitsFormat();
  const [state, setState] = useState<Saved>(() => initial(props));
  const [problems, setProblems] = useState<Problems>({});
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [returnToRecap, setReturnToRecap] = useState(false);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [cleared, setCleared] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const { answers: a, step } = state;
  const period = props.context.period;

  useEffect(() => storeSaved(props.storageKey, state, props.store), [state, props.storageKey, props.store]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const compute = async (count: boolean) => {
    setLoading(true);
    setServerError(null);
    try {
      const r = await api.post<SimulationResult>('/api/droits/simulations', buildInput(a, period));
      setResult(r);
      if (count) void api.post('/api/droits/potential/runs', { source: props.source, neighbourhoodId: a.neighbourhoodId }).catch(() => {});
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      setServerError(err);
      if (err.fields.length) {
        setState((s) => ({ ...s, step: STEPS.indexOf(stepOfPath(err.fields[0]!.path)) }));
        setReturnToRecap(true);
      }
    } finally {
      setLoading(false);
    }
  };

  // Reloading on the results: compute again from the kept answers (not counted twice).
  useEffect(() => {
    if (step === RESULTS && !result && !loading) void compute(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const set = (patch: Partial<Answers>) => {
    setState((s) => ({ ...s, answers: { ...s.answers, ...patch } }));
    setProblems({});
    setResult(null);
  };
  const go = (n: number) => {
    setProblems({});
    setState((s) => ({ ...s, step: n }));
  };

  const stepId: StepId | null = step < RESULTS ? STEPS[step]! : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!stepId) return;
    const p = checkStep(stepId, a, today());
    if (Object.keys(p).length) {
      setProblems(p);
      return;
    }
    setServerError(null);
    if (stepId === 'recap') {
      const bad = firstIncompleteStep(a, today());
      if (bad < STEPS.indexOf('recap')) {
        setReturnToRecap(true);
        go(bad);
        setProblems(checkStep(STEPS[bad]!, a, today()));
        return;
      }
      setReturnToRecap(false);
      go(RESULTS);
      void compute(true);
      return;
    }
    if (returnToRecap) {
      go(STEPS.indexOf('recap'));
      return;
    }
    go(step + 1);
  };

  const restart = () => {
    clearSaved(props.storageKey, props.store);
    setState({ v: 1, answers: emptyAnswers(), step: 0, origin: 'manual' });
    setResult(null);
    setReturnToRecap(false);
    setCleared(true);
  };

  const fromFile = props.prefill;
  const agent = props.source === 'agent';
  const prefillNotice =
    state.origin === 'dossier' ? (
      <Alert tone="info" title={t(agent ? 'droits.sim.prefilledAgent' : 'droits.sim.prefilled')}>
        {t(agent ? 'droits.sim.prefilledAgentText' : 'droits.sim.prefilledText')}
        {fromFile && fromFile.missing.length ? <> {t('droits.sim.prefilledMissing')}</> : null}
      </Alert>
    ) : fromFile ? (
      <p>
        <Button
          variant="secondary"
          onPress={() => {
            const answers = answersFromFile(fromFile);
            setState({ v: 1, answers, step: firstIncompleteStep(answers, today()), origin: 'dossier' });
            setResult(null);
          }}
        >
          {t('droits.sim.useFile')}
        </Button>
      </p>
    ) : null;

  if (stepId === null) {
    return (
      <div>
        {props.context.latestKnown ? <p className="muted">{t('droits.sim.periodLatest', { month: monthLabel(period) })}</p> : null}
        {loading ? <p role="status">{t('droits.res.loading')}</p> : null}
        {serverError ? (
          <Alert tone="error" title={t('droits.res.error')} live>
            {serverError.message}
          </Alert>
        ) : null}
        {result ? (
          <Suspense fallback={<p role="status">{t('droits.res.loading')}</p>}>
            <Results
              result={result}
              alimonyStatus={a.alimonyStatus}
              parameterDate={props.context.period === result.period ? props.context.parameterDate : undefined}
            />
          </Suspense>
        ) : null}
        {result ? <Complements household={buildInput(a, period)} /> : null}
        {result ? (
          <section className="print-only">
            <h2>{t('droits.res.answers')}</h2>
            <Recap a={a} period={period} onEdit={() => {}} />
          </section>
        ) : null}
        <div className="droits-actions">
          <Button variant="secondary" onPress={() => go(STEPS.indexOf('recap'))}>
            {t('droits.res.edit')}
          </Button>
          <Button variant="secondary" onPress={() => window.print()}>
            {t('droits.res.print')}
          </Button>
          {props.actions}
        </div>
        {result ? props.after?.(buildInput(a, period), a) : null}
      </div>
    );
  }

  const hasProblems = Object.keys(problems).length > 0;
  return (
    <div className="droits-step">
      {prefillNotice}
      {cleared ? (
        <Alert tone="success" live>
          {t('droits.sim.restartDone')}
        </Alert>
      ) : null}
      <ProgressSteps current={step + 1} total={STEPS.length} label={t('droits.sim.progress')} />
      <form onSubmit={onSubmit} noValidate>
        <h2 ref={headingRef} tabIndex={-1}>
          {t(`droits.step.${stepId}`)}
        </h2>
        {hasProblems ? (
          <Alert tone="error" live>
            {t('droits.sim.fixErrors')}
          </Alert>
        ) : null}
        {serverError && serverError.fields.length ? (
          <Alert tone="error" live>
            <ul>
              {serverError.fields.map((f) => (
                <li key={f.path}>{f.message}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {stepId === 'recap' ? (
          <>
            <p>{t('droits.recap.intro')}</p>
            <Recap
              a={a}
              period={period}
              onEdit={(s) => {
                setReturnToRecap(true);
                go(STEPS.indexOf(s));
              }}
            />
          </>
        ) : (
          <StepFields step={stepId} a={a} set={set} problems={problems} period={period} />
        )}
        <div className="droits-nav">
          {step > 0 ? (
            <Button variant="secondary" onPress={() => go(returnToRecap ? STEPS.indexOf('recap') : step - 1)}>
              {t('droits.sim.back')}
            </Button>
          ) : null}
          <span className="spacer" />
          <Button type="submit" isDisabled={stepId === 'foyer' && a.livesAlone === 'non'}>
            {stepId === 'recap'
              ? t(agent ? 'droits.recap.submitAgent' : 'droits.recap.submit')
              : returnToRecap
                ? t('droits.sim.toRecap')
                : t('droits.sim.next')}
          </Button>
        </div>
      </form>
      <p className="muted">{t(agent ? 'droits.sim.keptAgent' : 'droits.sim.kept')}</p>
      <p>
        <Button variant="ghost" className="droits-restart" onPress={restart}>
          {t('droits.sim.restart')}
        </Button>
      </p>
    </div>
  );
}
