/** One conversation: messages, contact details once both accepted, block and report. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { ErrorText, Fr } from '../../app/lang';
import { useQueuedForms } from '../../app/pwa';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, Loaded, TextField } from '../../ui';
import type { Conversation } from '../../../src/modules/entraide';
import { useEntraideFormat } from './format';

function Thread({ c, reload }: { c: Conversation; reload: () => void }) {
  const t = useT();
  const ef = useEntraideFormat();
  const [body, setBody] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queue = useQueuedForms();
  async function act(fn: () => Promise<unknown>, ok?: string) {
    try {
      await fn();
      setError(null);
      if (ok) setNotice(ok);
      reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  async function send(e: FormEvent) {
    e.preventDefault();
    await act(async () => {
      // Without network the message waits on the phone and goes when it returns (issue 19).
      await queue.send({
        method: 'POST',
        url: `/api/entraide/conversations/${c.id}/messages`,
        body: { body },
        label: t('pwa.message', { what: c.postTitle }),
        what: c.postTitle,
      });
      setBody('');
    });
  }
  return (
    <div className="stack">
      <h2>
        <Fr>{c.postTitle}</Fr>
      </h2>
      {error && !error.field('body') && !error.field('reason') ? (
        <Alert tone="error" live>
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="success" live>
          {notice}
        </Alert>
      ) : null}
      <ol className="entraide-thread">
        {c.messages.map((m) => (
          <li key={m.id} className={m.mine ? 'entraide-msg entraide-msg-mine' : 'entraide-msg'}>
            <p className="muted">
              {m.mine ? t('entraide.you') : t('entraide.them')} · {ef.moment(String(m.createdAt))}
            </p>
            <p>{m.body}</p>
          </li>
        ))}
      </ol>
      {c.blocked ? (
        <Alert tone="warning">{t('entraide.blocked')}</Alert>
      ) : (
        <form onSubmit={send} className="stack">
          {queue.notice}
          <TextField label={t('entraide.yourAnswer')} value={body} onChange={setBody} multiline isRequired error={error?.field('body')} />
          <Button type="submit">{t('entraide.send')}</Button>
        </form>
      )}
      <section aria-labelledby="entraide-contact" className="entraide-card">
        <h3 id="entraide-contact">{t('entraide.contact')}</h3>
        {c.contact ? (
          <dl>
            <dt>{t('entraide.phone')}</dt>
            <dd>{c.contact.phone ?? '—'}</dd>
            <dt>{t('entraide.address')}</dt>
            <dd>{c.contact.address ?? '—'}</dd>
          </dl>
        ) : null}
        {c.contact ? (
          <Button variant="secondary" onPress={() => act(() => api.post('/api/entraide/roster', { answerId: c.id }), t('entraide.rosterAdded'))}>
            {t('entraide.rosterAdd')}
          </Button>
        ) : (
          <>
            <p>{t('entraide.shareHelp')}</p>
            {c.iShare ? <p>{t('entraide.iShared')}</p> : null}
            {c.theyShare ? <p>{t('entraide.theyShared')}</p> : null}
            {!c.iShare && !c.blocked ? (
              <Button onPress={() => act(() => api.post(`/api/entraide/conversations/${c.id}/share-contact`))}>{t('entraide.shareContact')}</Button>
            ) : null}
          </>
        )}
      </section>
      {!c.blocked ? (
        <section className="stack">
          <TextField label={t('entraide.reportReason')} value={reason} onChange={setReason} error={error?.field('reason')} />
          <Button variant="secondary" onPress={() => act(() => api.post('/api/entraide/reports', { answerId: c.id, reason }), t('entraide.reported'))}>
            {t('entraide.report')}
          </Button>
          <Button variant="secondary" onPress={() => act(() => api.post('/api/entraide/blocks', { answerId: c.id }))}>
            {t('entraide.block')}
          </Button>
        </section>
      ) : null}
    </div>
  );
}

export function ConversationView({ id }: { id: string | null }) {
  const t = useT();
  const r = useApi<Conversation>(id ? `/api/entraide/conversations/${id}` : null);
  return (
    <div className="stack">
      <p>
        <Link to="/entraide/voisins">{t('entraide.back')}</Link>
      </p>
      <Loaded resource={r}>{(c) => <Thread c={c} reload={r.reload} />}</Loaded>
    </div>
  );
}
