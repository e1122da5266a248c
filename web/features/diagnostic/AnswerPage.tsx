/**
 * The public answering page, without an account: `/enquete/:id` for an open questionnaire
 * (the draft token is kept in this browser to resume), `/enquete/lien/:token` for a
 * single-use link (the server finds the draft of the link again).
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useI18n, useT } from '../../app/i18n';
import { ErrorText, Fr } from '../../app/lang';
import { useQueuedForms } from '../../app/pwa';
import { useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { Alert, PageHeader } from '../../ui/display';
import { AnsweringFlow, Thanks } from './AnsweringFlow';
import messages from './messages';
import type { Answers, AnsweringSession, Questionnaire } from './types';
import './diagnostic.css';

registerMessages('diagnostic', messages);

const storageKey = (questionnaireId: string) => `relais.diagnostic.draft.${questionnaireId}`;

function readStored(id: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(id));
  } catch {
    return null;
  }
}

function store(id: string, token: string | null) {
  try {
    if (token) window.localStorage.setItem(storageKey(id), token);
    else window.localStorage.removeItem(storageKey(id));
  } catch {
    /* private browsing: the draft simply cannot be resumed from this browser */
  }
}

export default function AnswerPage() {
  const t = useT();
  const { locale } = useI18n();
  const params = useParams();
  const linkToken = params.token;
  const questionnaireId = params.id;
  const [intro, setIntro] = useState<{ title: string; access: 'links' | 'open'; questionnaire: Questionnaire } | null>(null);
  const [session, setSession] = useState<AnsweringSession | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  // A signed-in family's answers sent without network wait on the phone and go when it returns (the
  // Idempotency-Key is per account); a visitor's are refused in words and stay on the screen (docs/pwa.md).
  const { user } = useSession();
  const queue = useQueuedForms();
  const [queued, setQueued] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const run = async () => {
      try {
        if (linkToken) {
          const s = await api.post<AnsweringSession>('/api/diagnostic/answering/start', { linkToken });
          if (!cancelled) setSession(s);
          return;
        }
        const stored = readStored(questionnaireId!);
        if (stored) {
          try {
            const s = await api.post<AnsweringSession>('/api/diagnostic/answering/resume', { token: stored });
            if (!cancelled) setSession(s);
            return;
          } catch {
            store(questionnaireId!, null);
          }
        }
        const pub = await api.get<{ title: string; access: 'links' | 'open'; questionnaire: Questionnaire }>(
          `/api/diagnostic/public/questionnaires/${questionnaireId}`,
        );
        if (!cancelled) setIntro(pub);
      } catch (err) {
        if (!cancelled) setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', t('diagnostic.unavailable')));
      }
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [linkToken, questionnaireId, t]);

  const start = async () => {
    try {
      const s = await api.post<AnsweringSession>('/api/diagnostic/answering/start', { questionnaireId });
      store(s.questionnaireId, s.token);
      setSession(s);
    } catch (err) {
      setError(err as ApiError);
    }
  };

  const title = session?.title ?? intro?.title ?? t('diagnostic.title');
  const description = (session?.questionnaire ?? intro?.questionnaire)?.description;
  return (
    <div className="diag-answer">
      <PageHeader title={title} titleLang={(session ?? intro) && locale !== 'fr' ? 'fr' : undefined} />
      {error ? (
        <Alert tone="error" live>
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
      {done ? <Thanks /> : null}
      {queued ? (queue.notice ?? <Thanks />) : null}
      {!done && !session && intro ? (
        <>
          {description ? (
            <p>
              <Fr>{description}</Fr>
            </p>
          ) : null}
          <p>{t('diagnostic.anonymous')}</p>
          {intro.access === 'open' ? (
            <>
              <p className="muted">{t('diagnostic.resumeNote')}</p>
              <Button onPress={start}>{t('diagnostic.start')}</Button>
            </>
          ) : (
            <Alert tone="info">{t('diagnostic.linkOnly')}</Alert>
          )}
        </>
      ) : null}
      {!done && !queued && session ? (
        <>
          <p className="muted">{t('diagnostic.anonymous')}</p>
          <AnsweringFlow
            questionnaire={session.questionnaire}
            initialAnswers={session.answers}
            onSave={async (answers: Answers) => {
              try {
                await api.post('/api/diagnostic/answering/save', { token: session.token, answers });
              } catch (err) {
                // Saving the way through is for resuming later: without network the person goes on, the answers go with the last step.
                if (!(err instanceof ApiError && err.code === 'offline')) throw err;
              }
            }}
            onSubmit={async (answers: Answers) => {
              const body = { token: session.token, answers };
              if (user) {
                const sent = await queue.send({
                  method: 'POST',
                  url: '/api/diagnostic/answering/submit',
                  body,
                  label: t('pwa.survey', { what: title }),
                  what: title,
                });
                store(session.questionnaireId, null);
                if (sent.queued) setQueued(true);
                else setDone(true);
                return;
              }
              await api.post('/api/diagnostic/answering/submit', body);
              store(session.questionnaireId, null);
              setDone(true);
            }}
          />
        </>
      ) : null}
      {!done && !session && !intro && !error ? <p>{t('diagnostic.loading')}</p> : null}
    </div>
  );
}
