/** An agent, from a family's opened file: balances and history, credit an account, issue/renew/revoke the pass. */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { formatEuros, frLongDate } from '../../app/format';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { DateField } from '../../ui/DateField';
import { Alert, Button, Card, EmptyState, LoadStatus, PageHeader, SelectField, TextField } from '../../ui';
import type { HouseholdCheques, PassCheck } from '../../../src/modules/cheques';
import { EntryList } from './EntryList';
import { PrintCodesButton } from './PrintCodesButton';
import { ActionStatus, AmountField, useAction } from './use-action';

const KINDS = [
  { value: 'sante', label: 'Chèque santé' },
  { value: 'services', label: 'Chèques services de proximité' },
  { value: 'garde', label: "Chèques garde d'enfants" },
  { value: 'alimentaire', label: 'Carte alimentaire solidaire' },
];

function CreditForm({ householdId, onDone }: { householdId: string; onDone: () => void }) {
  const t = useT();
  const [kind, setKind] = useState('sante');
  const [amount, setAmount] = useState<number | null>(null);
  const [source, setSource] = useState('agent');
  const [reason, setReason] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const action = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { kind, amountCents: Math.round((amount ?? 0) * 100), source, reason, validUntil: validUntil || null };
    if (!(await action.run(() => api.post(`/api/cheques/households/${householdId}/credits`, body), t('cheques.credited')))) return;
    setAmount(null);
    setReason('');
    onDone();
  };
  return (
    <Card title={t('cheques.creditTitle')}>
      <form className="stack" onSubmit={submit}>
        <ActionStatus action={action} />
        <SelectField name="credit-kind" label={t('cheques.kind')} value={kind} onChange={setKind} options={KINDS} />
        <AmountField value={amount} onChange={setAmount} action={action} />
        <SelectField
          name="credit-source"
          label={t('cheques.source')}
          value={source}
          onChange={setSource}
          options={['agent', 'allowance', 'top_up'].map((s) => ({ value: s, label: t(`cheques.source_${s}`) }))}
        />
        <TextField label={t('cheques.reason')} value={reason} onChange={setReason} isRequired error={action.field('reason')} />
        <DateField name="validUntil" label={t('cheques.validUntilField')} value={validUntil} onChange={setValidUntil} error={action.field('validUntil')} />
        <Button type="submit">{t('cheques.credit')}</Button>
      </form>
    </Card>
  );
}

function PassPanel({ householdId }: { householdId: string }) {
  const t = useT();
  const check = useApi<PassCheck>(`/api/cheques/households/${householdId}/pass`);
  const [reason, setReason] = useState('');
  const action = useAction();
  const act = (fn: () => Promise<unknown>, done: string) => action.run(fn, done).then(check.reload);
  const d = check.data;
  return (
    <Card title={t('cheques.pass')}>
      <div className="stack">
        <ActionStatus action={action} />
        {!d ? <LoadStatus data={d} error={check.error} reload={check.reload} /> : null}
        {d?.pass ? (
          <p>
            <span className="cheques-status" data-status={d.pass.status}>
              {t(`cheques.status_${d.pass.status}`)}
            </span>{' '}
            {d.pass.number} — {t('cheques.passValid', { from: frLongDate(d.pass.validFrom), until: frLongDate(d.pass.validUntil) })}
          </p>
        ) : null}
        {d && (!d.pass || d.pass.status === 'revoked') ? (
          d.eligible ? (
            <>
              <p>{t('cheques.passEligible')}</p>
              <Button onPress={() => act(() => api.post(`/api/cheques/households/${householdId}/pass`, {}), t('cheques.issued'))}>{t('cheques.issue')}</Button>
            </>
          ) : (
            <Alert tone="info">{d.reason}</Alert>
          )
        ) : null}
        {d?.pass && d.pass.status !== 'revoked' ? (
          <>
            <Button variant="secondary" onPress={() => act(() => api.post(`/api/cheques/passes/${d.pass!.id}/renewal`, {}), t('cheques.renewed'))}>
              {t('cheques.renew')}
            </Button>
            <TextField label={t('cheques.revokeReason')} value={reason} onChange={setReason} />
            <Button
              variant="secondary"
              isDisabled={reason.trim().length < 3}
              onPress={() => act(() => api.post(`/api/cheques/passes/${d.pass!.id}/revocation`, { reason }), t('cheques.revoked'))}
            >
              {t('cheques.revoke')}
            </Button>
          </>
        ) : null}
      </div>
    </Card>
  );
}

export function AgentView({ householdId }: { householdId: string | null }) {
  const t = useT();
  const r = useApi<HouseholdCheques>(householdId ? `/api/cheques/households/${householdId}` : null);
  if (!householdId) return <Alert tone="info">{t('cheques.noFamily')}</Alert>;
  const needsOpening = r.error?.code === 'dossiers/reason-required';
  return (
    <div className="stack">
      <PageHeader title={t('cheques.agentTitle')} />
      {needsOpening ? (
        <Alert tone="info" title={t('cheques.openFirst')}>
          <Link to={`/dossier/agent/familles/${householdId}`}>{t('cheques.openFile')}</Link>
        </Alert>
      ) : !r.data ? (
        <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      ) : (
        <>
          <Card title={t('cheques.balances')}>
            {r.data.accounts.length === 0 ? (
              <EmptyState>{t('cheques.historyNone')}</EmptyState>
            ) : (
              <ul className="cheques-list">
                {r.data.accounts.map((a) => (
                  <li key={a.kind}>
                    <span>{a.label}</span>
                    <strong>{t('cheques.available', { amount: formatEuros(a.availableCents) })}</strong>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href={`/api/cheques/households/${householdId}/card.pdf`} download>
                {t('cheques.printCard')}
              </a>
            </p>
            {r.data.accounts.some((a) => a.availableCents > 0) ? <PrintCodesButton url={`/api/cheques/households/${householdId}/payment-codes`} /> : null}
          </Card>
          <CreditForm householdId={householdId} onDone={r.reload} />
          <PassPanel householdId={householdId} />
          <Card title={t('cheques.history')}>
            <EntryList entries={r.data.history} />
          </Card>
        </>
      )}
    </div>
  );
}
