/**
 * An agent runs the simulator with a family, prefilled from its file (opened with a
 * reason, every access traced by dossiers), prints the result, and records what the
 * family likely misses in its file. Answers live in this tab only (sessionStorage).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { Alert, Button, FormErrors, PageHeader, RequireRole, TextField } from '../../ui';
import './droits.css';
import { dateLabel } from './format';
import messages from './messages';
import { LastSaved, PotentialCheck } from './PotentialCheck';
import { Simulator } from './Simulator';
import type { PrefillAnswer } from './types';

registerMessages('droits', messages);

export default function AgentSimulatorPage() {
  const t = useT();
  return (
    <div className="droits-agent">
      <PageHeader title={t('droits.agent.title')} intro={t('droits.agent.intro')} />
      <RequireRole roles={['agent', 'coordinator']}>
        <AgentSimulator />
      </RequireRole>
    </div>
  );
}

function AgentSimulator() {
  const t = useT();
  const { id } = useParams();
  const [data, setData] = useState<PrefillAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [needReason, setNeedReason] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await api.get<PrefillAnswer>(`/api/droits/potential/households/${encodeURIComponent(id ?? '')}`));
      setNeedReason(false);
      setError(null);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
      if (err.code === 'dossiers/reason-required') setNeedReason(true);
      else setError(err);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/dossiers/households/${encodeURIComponent(id ?? '')}/open`, { reason });
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      setBusy(false);
    }
  };

  if (needReason) {
    return (
      <form onSubmit={open} className="droits-step">
        <h2>{t('droits.agent.reasonTitle')}</h2>
        <p>{t('droits.agent.reasonText')}</p>
        <FormErrors error={error} />
        <TextField label={t('droits.agent.reason')} value={reason} onChange={setReason} isRequired error={error?.field('reason')} />
        <Button type="submit" isDisabled={busy}>{t('droits.agent.open')}</Button>
      </form>
    );
  }
  if (error) return <FormErrors error={error} />;
  if (!data?.household) return <p role="status">{t('droits.sim.loading')}</p>;
  const household = data.household;
  return (
    <>
      <div className="print-only">
        <p><strong>{t('droits.agent.printTitle')}</strong> — {dateLabel(new Date().toISOString())}</p>
      </div>
      {data.saved ? <div className="no-print"><LastSaved saved={data.saved} /></div> : null}
      <Simulator
        storageKey={`relais.droits.agent.${household.householdId}`}
        store="session"
        context={data.context}
        prefill={household}
        source="agent"
        after={(input, answers) => (
          <section className="no-print" aria-labelledby="agent-potential">
            <h2 id="agent-potential">{t('droits.agent.potential')}</h2>
            <PotentialCheck
              input={input}
              mode="agent"
              householdId={household.householdId}
              canSave
              neighbourhoodId={answers.neighbourhoodId}
              initialReceived={data.saved?.received ?? []}
              headingLevel={3}
            />
          </section>
        )}
      />
      {!data.household ? <Alert tone="error">{t('droits.res.error')}</Alert> : null}
    </>
  );
}
