/** The family: balances per kind, a code to pay (QR + short code), the pass card, the history. */
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useFormat, useT } from '../../app/i18n';
import { Fr, Ltr } from '../../app/lang';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, Card, EmptyState, Loaded, PageHeader } from '../../ui';
import type { CodeState, MyCheques, MyPass, ShownCode } from '../../../src/modules/cheques';
import { EntryList } from './EntryList';
import { known } from './localize';
import { Qr } from '../../ui/Qr';
import { ActionStatus, useAction } from './use-action';

type Kind = MyCheques['accounts'][number]['kind'];

function CodePanel({ code, onClose, onUsed, onAgain }: { code: ShownCode; onClose: () => void; onUsed: () => void; onAgain: () => void }) {
  const t = useT();
  const f = useFormat();
  const [state, setState] = useState<CodeState['state']>('waiting');
  useEffect(() => {
    if (state !== 'waiting') return;
    // The family's phone waits for the cashier: ask every 3 seconds whether the code served.
    const timer = setInterval(async () => {
      try {
        const s = await api.get<CodeState>(`/api/cheques/me/codes/${code.id}/state`);
        if (s.state !== 'waiting') {
          setState(s.state);
          if (s.state === 'used') onUsed();
        }
      } catch {
        /* the next tick tries again */
      }
    }, 3000);
    return () => clearInterval(timer);
  }, [code.id, state, onUsed]);
  return (
    <Card title={t('cheques.codeTitle')}>
      <div className="cheques-code stack">
        {state === 'used' ? (
          <Alert tone="success" live>
            {t('cheques.codeUsed')}
          </Alert>
        ) : null}
        {state === 'expired' ? (
          <Alert tone="warning" live>
            {t('cheques.codeExpired')}
          </Alert>
        ) : null}
        {state === 'waiting' ? (
          <>
            <p>{t('cheques.codeHelp')}</p>
            <Qr text={code.qr} label={t('cheques.codeTitle')} />
            <p className="cheques-short" data-testid="short-code" dir="ltr">
              {code.code}
            </p>
            <p className="muted">{t('cheques.codeUntil', { time: f.time(code.expiresAt) })}</p>
          </>
        ) : null}
        <div className="row">
          {state !== 'waiting' ? <Button onPress={onAgain}>{t('cheques.newCode')}</Button> : null}
          <Button variant="secondary" onPress={onClose}>
            {t('cheques.close')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

export function PassSummary({ pass }: { pass: NonNullable<MyPass['pass']> }) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="cheques-card stack">
      <p>
        <strong>{pass.firstName}</strong>{' '}
        <span className="cheques-status" data-status={pass.status}>
          {t(`cheques.status_${pass.status}`)}
        </span>
      </p>
      <p>
        {t('cheques.labelColon', { label: t('cheques.passNumber') })}{' '}
        <span className="cheques-number">
          <Ltr>{pass.number}</Ltr>
        </span>
      </p>
      <p>{t('cheques.passValid', { from: f.longDate(pass.validFrom), until: f.longDate(pass.validUntil) })}</p>
      {pass.token ? <Qr text={pass.token} label={t('cheques.pass')} size={200} /> : null}
    </div>
  );
}

export function FamilyView() {
  const t = useT();
  const f = useFormat();
  const mine = useApi<MyCheques>('/api/cheques/me');
  const pass = useApi<MyPass>('/api/cheques/me/pass');
  const [code, setCode] = useState<ShownCode | null>(null);
  const action = useAction();
  const show = async (kind: Kind) => setCode((await action.run(() => api.post<ShownCode>(`/api/cheques/me/codes/${kind}`))) ?? null);
  return (
    <div className="stack">
      <PageHeader title={t('cheques.title')} intro={t('cheques.intro')} />
      <ActionStatus action={action} />
      {code ? <CodePanel code={code} onClose={() => setCode(null)} onUsed={mine.reload} onAgain={() => show(code.kind)} /> : null}
      <Loaded resource={mine}>
        {(d) => (
          <>
            {d.accounts.length === 0 ? (
              <EmptyState>{t('cheques.noAccount')}</EmptyState>
            ) : (
              <div className="cheques-accounts">
                {d.accounts.map((a) => (
                  <Card key={a.kind} title={known(t, `cheques.kind_${a.kind}`) ?? <Fr>{a.label}</Fr>}>
                    <p className="cheques-balance">{t('cheques.available', { amount: f.euros(a.availableCents) })}</p>
                    {a.nextExpiry ? <p className="muted">{t('cheques.validUntil', { date: f.longDate(a.nextExpiry) })}</p> : null}
                    {a.availableCents > 0 ? <Button onPress={() => show(a.kind)}>{t('cheques.pay')}</Button> : null}
                  </Card>
                ))}
              </div>
            )}
            <Card title={t('cheques.history')}>
              <EntryList entries={d.history} />
            </Card>
          </>
        )}
      </Loaded>
      <Card title={t('cheques.pass')}>
        <Loaded resource={pass}>
          {(p) =>
            p.pass ? (
              <div className="stack">
                <PassSummary pass={p.pass} />
                <div className="row">
                  <Link to="/cheques/carte">{t('cheques.passPrint')}</Link>
                  <Link to="/cheques/offres">{t('cheques.passOffers')}</Link>
                </div>
              </div>
            ) : (
              <p>{t('cheques.passNone')}</p>
            )
          }
        </Loaded>
      </Card>
    </div>
  );
}
