/**
 * The public answering page, without an account: `/enquete/:id` for an open questionnaire
 * (the draft token is kept in this browser to resume), `/enquete/lien/:token` for a
 * single-use link (the server finds the draft of the link again).
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useI18n, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useParams } from '../../app/router';
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
          <Fr>{error.message}</Fr>
        </Alert>
      ) : null}
      {done ? <Thanks /> : null}
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
      {!done && session ? (
        <>
          <p className="muted">{t('diagnostic.anonymous')}</p>
          <AnsweringFlow
            questionnaire={session.questionnaire}
            initialAnswers={session.answers}
            onSave={async (answers: Answers) => {
              await api.post('/api/diagnostic/answering/save', { token: session.token, answers });
            }}
            onSubmit={async (answers: Answers) => {
              await api.post('/api/diagnostic/answering/submit', { token: session.token, answers });
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
