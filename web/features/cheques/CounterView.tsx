/** The partner's counter, phone-first: take an amount with a family's code (camera or typed), verify a pass, today's payments. */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { formatEuros, frLongDate, frTime } from '../../app/format';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Alert, Button, Card, EmptyState, LoadStatus, PageHeader, TextField } from '../../ui';
import type { CodeLookup, Counter, PassVerification, Redeemed } from '../../../src/modules/cheques';
import { QrScanner } from './QrScanner';
import { ActionStatus, AmountField, useAction } from './use-action';

function TakePayment({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [found, setFound] = useState<CodeLookup | null>(null);
  const [done, setDone] = useState<Redeemed | null>(null);
  const action = useAction();
  const lookup = async (text: string) => {
    setDone(null);
    setFound((await action.run(() => api.post<CodeLookup>('/api/cheques/counter/lookup', { code: text }))) ?? null);
  };
  const take = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run(() => api.post<Redeemed>('/api/cheques/counter/redemptions', { code, amountCents: Math.round((amount ?? 0) * 100) }));
    if (!r) return;
    setDone(r);
    setFound(null);
    setCode('');
    setAmount(null);
    onDone();
  };
  return (
    <Card title={t('cheques.takeTitle')}>
      <form className="stack cheques-counter" onSubmit={take}>
        <ActionStatus action={action} />
        {done ? (
          <Alert tone="success" live>
            <span className="cheques-result">
              {t('cheques.taken', { amount: formatEuros(done.amountCents), name: done.firstName, left: formatEuros(done.availableCents) })}
            </span>
          </Alert>
        ) : null}
        <QrScanner
          label={t('cheques.scanCode')}
          onCode={(text) => {
            setCode(text);
            void lookup(text);
          }}
        />
        <TextField
          label={t('cheques.code')}
          help={t('cheques.codeFieldHelp')}
          value={code}
          onChange={setCode}
          isRequired
          autoComplete="off"
          error={action.field('code')}
        />
        <Button variant="secondary" onPress={() => lookup(code)} isDisabled={!code.trim()}>
          {t('cheques.check')}
        </Button>
        {found ? (
          <Alert tone="info" live>
            <span className="cheques-result">
              {t('cheques.lookupResult', { name: found.firstName, kind: found.kindLabel, amount: formatEuros(found.availableCents) })}
            </span>
          </Alert>
        ) : null}
        <AmountField value={amount} onChange={setAmount} action={action} />
        <Button type="submit">{t('cheques.take')}</Button>
      </form>
    </Card>
  );
}

function VerifyPass() {
  const t = useT();
  const [text, setText] = useState('');
  const [result, setResult] = useState<PassVerification | null>(null);
  const action = useAction();
  const verify = async (pass: string) => {
    setResult(null);
    setResult((await action.run(() => api.post<PassVerification>('/api/cheques/counter/pass', { pass }))) ?? null);
  };
  return (
    <Card title={t('cheques.verifyTitle')}>
      <form
        className="stack cheques-counter"
        onSubmit={(e) => {
          e.preventDefault();
          void verify(text);
        }}
      >
        <ActionStatus action={action} />
        <QrScanner
          label={t('cheques.scanPass')}
          onCode={(scanned) => {
            // The signed content is long and means nothing to the cashier: verified, not shown.
            setText('');
            void verify(scanned);
          }}
        />
        <TextField label={t('cheques.passField')} value={text} onChange={setText} isRequired autoComplete="off" error={action.field('pass')} />
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
            {t('cheques.passFor', { name: result.firstName, date: frLongDate(result.validUntil) })}
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
  const action = useAction();
  const cancel = (id: string) => action.run(() => api.post(`/api/cheques/counter/redemptions/${id}/cancellation`)).then(today.reload);
  const accepts = today.data ? today.data.kinds.length > 0 : null;
  return (
    <div className="stack">
      <PageHeader title={t('cheques.counterTitle')} intro={t('cheques.counterIntro')} />
      {accepts === false ? <Alert tone="info">{t('cheques.notAccepted')}</Alert> : null}
      {accepts ? <TakePayment onDone={today.reload} /> : null}
      <VerifyPass />
      {accepts === false ? null : (
        <Card title={t('cheques.today')}>
          <ActionStatus action={action} />
          {!today.data ? (
            <LoadStatus data={today.data} error={today.error} reload={today.reload} />
          ) : today.data.redemptions.length === 0 ? (
            <EmptyState>{t('cheques.todayNone')}</EmptyState>
          ) : (
            <ul className="cheques-list">
              {today.data.redemptions.map((r) => (
                <li key={r.id}>
                  <span>
                    {frTime(r.at)} — {r.firstName} — {r.kindLabel} — <strong>{formatEuros(r.amountCents)}</strong>
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
