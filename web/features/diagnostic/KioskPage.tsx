/** Kiosk mode: an agent collects answers face to face, one person after another. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useParams } from '../../app/router';
import { Button } from '../../ui/Button';
import { Alert, PageHeader } from '../../ui/display';
import { RequireRole } from '../../ui/RequireRole';
import { AnsweringFlow, Thanks } from './AnsweringFlow';
import messages from './messages';
import type { Answers, AnsweringSession } from './types';
import './diagnostic.css';

registerMessages('diagnostic', messages);

function Kiosk({ id }: { id: string }) {
  const t = useT();
  const tx = useTx();
  const [session, setSession] = useState<AnsweringSession | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [count, setCount] = useState(0);
  const [done, setDone] = useState(false);

  const begin = useCallback(async () => {
    setError(null);
    setDone(false);
    try {
      // No draft kept in the browser: the device passes from hand to hand.
      setSession(await api.post<AnsweringSession>(`/api/diagnostic/questionnaires/${id}/kiosk`));
    } catch (err) {
      setError(err as ApiError);
    }
  }, [id]);

  useEffect(() => {
    void begin();
  }, [begin]);

  return (
    <div className="diag-answer">
      <PageHeader
        title={t('diagnostic.kioskTitle', { title: session?.title ?? '…' })}
        heading={tx('diagnostic.kioskTitle', { title: <Fr>{session?.title ?? '…'}</Fr> })}
        intro={t('diagnostic.kioskIntro')}
      />
      <p className="muted" role="status">
        {t('diagnostic.kioskCount', { n: count })}
      </p>
      {error ? (
        <Alert tone="error" live>
          <Fr>{error.message}</Fr>
        </Alert>
      ) : null}
      {done ? (
        <>
          <Thanks />
          <Button onPress={begin}>{t('diagnostic.kioskNext')}</Button>
        </>
      ) : session ? (
        <>
          <p>
            <Button variant="ghost" onPress={begin}>
              {t('diagnostic.kioskRestart')}
            </Button>
          </p>
          <AnsweringFlow
            key={session.token}
            idPrefix="kiosk"
            questionnaire={session.questionnaire}
            onSave={async (answers: Answers) => {
              await api.post('/api/diagnostic/answering/save', { token: session.token, answers });
            }}
            onSubmit={async (answers: Answers) => {
              await api.post('/api/diagnostic/answering/submit', { token: session.token, answers });
              setCount((c) => c + 1);
              setSession(null);
              setDone(true);
            }}
          />
        </>
      ) : null}
    </div>
  );
}

export default function KioskPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['agent', 'coordinator', 'admin']}>
      <Kiosk id={id!} />
    </RequireRole>
  );
}
