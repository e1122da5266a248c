/**
 * An agent runs the simulator with a family, prefilled from its file (opened with a
 * reason, every access traced by dossiers), prints the result, and records what the
 * family likely misses in its file. Answers live in this tab only (sessionStorage).
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { Alert, Button, FormErrors, LoadStatus, PageHeader, RequireRole, TextField } from '../../ui';
import './droits.css';
import { useDroitsFormat } from './format';
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
  const { dateLabel } = useDroitsFormat();
  const { id } = useParams();
  // The file opens only with a reason (dossiers audits it): the API says when one is needed.
  const prefill = useApi<PrefillAnswer>(`/api/droits/potential/households/${encodeURIComponent(id ?? '')}`);
  const data = prefill.data;
  const needReason = prefill.error?.code === 'dossiers/reason-required';
  const [error, setError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/dossiers/households/${encodeURIComponent(id ?? '')}/open`, { reason });
      prefill.reload();
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
        <Button type="submit" isDisabled={busy}>
          {t('droits.agent.open')}
        </Button>
      </form>
    );
  }
  if (!data?.household) return <LoadStatus data={data?.household ?? null} error={prefill.error} reload={prefill.reload} />;
  const household = data.household;
  return (
    <>
      <div className="print-only">
        <p>
          <strong>{t('droits.agent.printTitle')}</strong> — {dateLabel(new Date().toISOString())}
        </p>
      </div>
      {data.saved ? (
        <div className="no-print">
          <LastSaved saved={data.saved} />
        </div>
      ) : null}
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
