/**
 * Droits potentiels: the family ticks what it already receives; we list what it likely
 * misses, with the amount, and (with an account) save it in its file.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { Alert, Button, Checkbox, FormErrors } from '../../ui';
import { useDroitsFormat } from './format';
import { LegalName } from '../../app/lang';
import { HowToClaim, useCatalogue, useReason } from './Results';
import { BENEFIT_KEYS, type BenefitKey, type CheckAnswer, type HouseholdInput, type SavedEstimate } from './types';

interface Props {
  input: HouseholdInput;
  /** 'family': a parent (or anyone) on its own; 'agent': with a family, saved in its file. */
  mode: 'family' | 'agent';
  householdId?: string;
  /** null: not logged in; false: a parent without a file; true: can save; undefined: staff on the family page (nothing to save). */
  canSave: boolean | null | undefined;
  neighbourhoodId: string | null;
  initialReceived?: BenefitKey[];
  onReceivedChange?: (r: BenefitKey[]) => void;
  headingLevel?: 2 | 3;
}

export function PotentialCheck({ input, mode, householdId, canSave, neighbourhoodId, initialReceived = [], onReceivedChange, headingLevel = 2 }: Props) {
  const t = useT();
  const catalogue = useCatalogue();
  const [received, setReceived] = useState<BenefitKey[]>(initialReceived);
  const [save, setSave] = useState(canSave === true);
  const [answer, setAnswer] = useState<CheckAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const H2 = `h${headingLevel + 1}` as 'h3' | 'h4';

  const toggle = (k: BenefitKey, on: boolean) => {
    const next = on ? [...received, k] : received.filter((x) => x !== k);
    setReceived(next);
    setAnswer(null);
    onReceivedChange?.(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        input,
        received,
        save: canSave === true && save,
        neighbourhoodId,
        source: mode === 'agent' ? 'agent' : 'potentiels',
        ...(householdId ? { householdId } : {}),
      };
      setAnswer(await api.post<CheckAnswer>('/api/droits/potential/check', body));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="pot-form" className="stack">
      <form onSubmit={submit}>
        <fieldset className="received-list">
          <legend id="pot-form">{t('droits.pot.received')}</legend>
          {BENEFIT_KEYS.map((k) => (
            <Checkbox key={k} isSelected={received.includes(k)} onChange={(v) => toggle(k, v)} value={k}>
              <LegalName k={`droits.b.${k}`} />
            </Checkbox>
          ))}
        </fieldset>
        {canSave === true ? (
          <>
            <Checkbox isSelected={save} onChange={setSave}>
              {mode === 'agent' ? t('droits.agent.save') : t('droits.pot.save')}
            </Checkbox>
            {mode === 'family' ? <p className="help muted">{t('droits.pot.saveHelp')}</p> : null}
          </>
        ) : canSave === false ? (
          <p className="muted">
            {t('droits.pot.noFile')} <Link to="/dossier">{t('nav.dossier')}</Link>
          </p>
        ) : canSave === null && mode === 'family' ? (
          <p className="muted">
            {t('droits.pot.login')} <Link to={`/connexion?retour=${encodeURIComponent('/droits/potentiels')}`}>{t('droits.pot.loginLink')}</Link>
          </p>
        ) : null}
        <FormErrors error={error} />
        <div className="droits-nav">
          <Button type="submit" isDisabled={busy}>
            {t('droits.pot.submit')}
          </Button>
        </div>
      </form>
      {answer ? <MissedList answer={answer} mode={mode} H={H} H2={H2} catalogue={catalogue} /> : null}
    </section>
  );
}

function MissedList({
  answer,
  mode,
  H,
  H2,
  catalogue,
}: {
  answer: CheckAnswer;
  mode: 'family' | 'agent';
  H: 'h2' | 'h3';
  H2: 'h3' | 'h4';
  catalogue: ReturnType<typeof useCatalogue>;
}) {
  const t = useT();
  const { dateLabel, eurosCents, monthLabel } = useDroitsFormat();
  const reason = useReason();
  return (
    <div aria-live="polite">
      <H>{t('droits.pot.missedTitle')}</H>
      {answer.saved ? (
        <Alert tone="success">{t(mode === 'agent' ? 'droits.pot.savedFamily' : 'droits.pot.saved', { date: dateLabel(answer.saved.savedAt) })}</Alert>
      ) : null}
      {answer.missed.length === 0 ? (
        <Alert tone="success">{t('droits.pot.nothing')}</Alert>
      ) : (
        <>
          {answer.monthlyTotalCents > 0 ? (
            <div className="droits-total">
              <strong>{t('droits.pot.missedTotal', { amount: eurosCents(answer.missed.filter((m) => !m.yearly).reduce((s, m) => s + m.netCents, 0)) })}</strong>
              <span>{t('droits.res.forMonth', { month: monthLabel(answer.result.period), date: dateLabel(answer.parameterDate) })}</span>
            </div>
          ) : null}
          <ul className="benefits">
            {answer.missed.map((m) => (
              <li key={m.key}>
                <article className="benefit" aria-labelledby={`m-${m.key}`}>
                  <H2 id={`m-${m.key}`}>
                    <LegalName k={`droits.b.${m.key}`} />
                  </H2>
                  <p className="amount">{t(m.yearly ? 'droits.res.perYear' : 'droits.res.perMonth', { amount: eurosCents(m.netCents) })}</p>
                  <p>{reason(m.key, answer.result)}</p>
                  <details>
                    <summary>{t('droits.res.how')}</summary>
                    <HowToClaim info={catalogue?.find((b) => b.key === m.key)} />
                  </details>
                </article>
              </li>
            ))}
          </ul>
          <Alert tone="warning">{t('droits.res.estimate')}</Alert>
        </>
      )}
    </div>
  );
}

export function LastSaved({ saved }: { saved: SavedEstimate }) {
  const t = useT();
  const { dateLabel, eurosCents, monthLabel } = useDroitsFormat();
  return (
    <Alert tone="info" title={t('droits.pot.lastSaved')}>
      {t('droits.pot.lastSavedText', { date: dateLabel(saved.updatedAt), month: monthLabel(saved.period), n: saved.missed.length })}{' '}
      {saved.missed.map((m, i) => (
        <span key={m.key}>
          {i ? ', ' : ''}
          <LegalName k={`droits.b.${m.key}`} /> ({eurosCents(m.netCents)})
        </span>
      ))}
    </Alert>
  );
}
