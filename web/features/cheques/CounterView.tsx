/** The partner's counter, phone-first: take an amount with a family's code, verify a pass, today's payments. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Alert, Button, Card, EmptyState, FormErrors, LoadStatus, NumberField, PageHeader, TextField } from '../../ui';
import type { CodeLookup, Counter, PassVerification, Redeemed } from '../../../src/modules/cheques';
import { euros, frDay, frTime } from './format';

function TakePayment({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [found, setFound] = useState<CodeLookup | null>(null);
  const [done, setDone] = useState<Redeemed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fieldError = (path: string) => (error instanceof ApiError ? error.field(path) : undefined);
  const lookup = async () => {
    setError(null);
    setDone(null);
    try {
      setFound(await api.post<CodeLookup>('/api/cheques/counter/lookup', { code }));
    } catch (e) {
      setFound(null);
      setError(e);
    }
  };
  const take = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.post<Redeemed>('/api/cheques/counter/redemptions', { code, amountCents: Math.round((amount ?? 0) * 100) });
      setDone(r);
      setFound(null);
      setCode('');
      setAmount(null);
      onDone();
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <Card title={t('cheques.takeTitle')}>
      <form className="stack cheques-counter" onSubmit={take}>
        <FormErrors error={error} />
        {done ? (
          <Alert tone="success" live>
            <span className="cheques-result">
              {t('cheques.taken', { amount: euros(done.amountCents), name: done.firstName, left: euros(done.availableCents) })}
            </span>
          </Alert>
        ) : null}
        <TextField
          label={t('cheques.code')}
          help={t('cheques.codeFieldHelp')}
          value={code}
          onChange={setCode}
          isRequired
          autoComplete="off"
          error={fieldError('code')}
        />
        <Button variant="secondary" onPress={lookup} isDisabled={!code.trim()}>
          {t('cheques.check')}
        </Button>
        {found ? (
          <Alert tone="info" live>
            <span className="cheques-result">
              {t('cheques.lookupResult', { name: found.firstName, kind: found.kindLabel, amount: euros(found.availableCents) })}
            </span>
          </Alert>
        ) : null}
        <NumberField
          label={t('cheques.amountEuros')}
          value={amount}
          onChange={setAmount}
          minValue={0.01}
          step={0.01}
          euros
          isRequired
          error={fieldError('amountCents')}
        />
        <Button type="submit">{t('cheques.take')}</Button>
      </form>
    </Card>
  );
}

function VerifyPass() {
  const t = useT();
  const [text, setText] = useState('');
  const [result, setResult] = useState<PassVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      setResult(await api.post<PassVerification>('/api/cheques/counter/pass', { pass: text }));
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <Card title={t('cheques.verifyTitle')}>
      <form className="stack cheques-counter" onSubmit={verify}>
        <FormErrors error={error} />
        <TextField label={t('cheques.passField')} value={text} onChange={setText} isRequired autoComplete="off" />
        <Button type="submit" isDisabled={!text.trim()}>
          {t('cheques.verify')}
        </Button>
      </form>
      {result ? (
        <div className="stack" role="status" aria-live="polite">
          <p className="cheques-result">
            <span className="cheques-status" data-status={result.status}>
              {t(`cheques.status_${result.status}`)}
            </span>{' '}
            {t('cheques.passFor', { name: result.firstName, date: frDay(result.validUntil) })}
          </p>
          {result.status === 'valid' ? (
            <>
              <h3>{t('cheques.benefits')}</h3>
              {result.benefits.length ? (
                <ul>
                  {result.benefits.map((b) => (
                    <li key={b.title}>
                      <strong>{b.benefitLabel}</strong> — {b.title}
                      {b.details ? ` (${b.details})` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('cheques.benefitsNone')}</p>
              )}
            </>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

export function CounterView() {
  const t = useT();
  const today = useApi<Counter>('/api/cheques/counter');
  const [error, setError] = useState<unknown>(null);
  const cancel = async (id: string) => {
    setError(null);
    try {
      await api.post(`/api/cheques/counter/redemptions/${id}/cancellation`);
      today.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack">
      <PageHeader title={t('cheques.counterTitle')} intro={t('cheques.counterIntro')} />
      {today.data && today.data.kinds.length === 0 ? <Alert tone="info">{t('cheques.notAccepted')}</Alert> : null}
      {today.data?.kinds.length ? <TakePayment onDone={today.reload} /> : null}
      <VerifyPass />
      {today.data && today.data.kinds.length === 0 ? null : (
        <Card title={t('cheques.today')}>
          <FormErrors error={error} />
          {!today.data ? (
            <LoadStatus data={today.data} error={today.error} reload={today.reload} />
          ) : today.data.redemptions.length === 0 ? (
            <EmptyState>{t('cheques.todayNone')}</EmptyState>
          ) : (
            <ul className="cheques-list">
              {today.data.redemptions.map((r) => (
                <li key={r.id}>
                  <span>
                    {frTime(r.at)} — {r.firstName} — {r.kindLabel} — <strong>{euros(r.amountCents)}</strong>
                  </span>
                  {r.cancelled ? (
                    <span className="muted">{t('cheques.cancelledShort')}</span>
                  ) : !r.settled ? (
                    <Button variant="secondary" onPress={() => cancel(r.id)}>
                      {t('cheques.cancel')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
