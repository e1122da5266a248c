/** Parents Voisins: the neighbourhood's board, a form to post, answers, and my conversations. */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useQueuedForms } from '../../app/pwa';
import { ErrorText, Fr } from '../../app/lang';
import { Link } from '../../app/router';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, Loaded, RadioGroup, SelectField, TextField } from '../../ui';
import type { Board, Conversations, Post } from '../../../src/modules/entraide';
import { useEntraideFormat } from './format';
import { FormHead, NativeDateField, useFormSubmit } from './inputs';
import { MeetingsView } from './MeetingsView';

const CATEGORIES = ['trajet', 'garde', 'courses', 'pret', 'ecoute'] as const;

function PostForm({ neighbourhoodId, onDone }: { neighbourhoodId: string; onDone: () => void }) {
  const t = useT();
  const [kind, setKind] = useState('request');
  const [category, setCategory] = useState('trajet');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [when, setWhen] = useState('');
  // Without network the post waits on the phone and goes when it returns (issue 19, docs/pwa.md).
  const queue = useQueuedForms();
  const { error, done, submit } = useFormSubmit(async () => {
    // Paris wall-clock time as typed: the server reads it in Paris, whatever the phone's time zone.
    const startsAt = when;
    const body = { kind, category, neighbourhoodId, title, description, startsAt };
    const sent = await queue.send({ method: 'POST', url: '/api/entraide/posts', body, label: t('pwa.post', { what: title }), what: title });
    setTitle('');
    setDescription('');
    if (sent.queued) return '';
    onDone();
    return t('entraide.published');
  });
  return (
    <form onSubmit={submit} className="stack entraide-form">
      <FormHead title={t('entraide.newPost')} error={error} done={done} />
      {queue.notice}
      <RadioGroup
        label={t('entraide.kind')}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'request', label: t('entraide.kindRequest') },
          { value: 'offer', label: t('entraide.kindOffer') },
        ]}
      />
      <SelectField
        label={t('entraide.category')}
        value={category}
        onChange={setCategory}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`entraide.cat_${c}`) }))}
      />
      <TextField label={t('entraide.postTitle')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
      <TextField
        label={t('entraide.description')}
        help={t('entraide.descriptionHelp')}
        value={description}
        onChange={setDescription}
        multiline
        error={error?.field('description')}
      />
      <NativeDateField id="entraide-when" type="datetime-local" label={t('entraide.when')} value={when} onChange={setWhen} error={error?.field('startsAt')} />
      <Button type="submit">{t('entraide.publish')}</Button>
    </form>
  );
}

function AnswerForm({ post, onDone }: { post: Post; onDone: () => void }) {
  const t = useT();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const queue = useQueuedForms();
  if (sent)
    return (
      queue.notice ?? (
        <Alert tone="success" live>
          {t('entraide.sent')}
        </Alert>
      )
    );
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      // Without network the answer waits on the phone and goes when it returns (issue 19).
      const r = await queue.send({
        method: 'POST',
        url: `/api/entraide/posts/${post.id}/answers`,
        body: { message },
        label: t('pwa.answer', { what: post.title }),
        what: post.title,
      });
      setSent(true);
      if (!r.queued) onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="stack">
      {error && !error.field('message') ? (
        <Alert tone="error" live>
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
      <TextField label={t('entraide.yourAnswer')} value={message} onChange={setMessage} multiline isRequired error={error?.field('message')} />
      <Button type="submit">{t('entraide.answer')}</Button>
    </form>
  );
}

function PostCard({ post, onAnswered }: { post: Post; onAnswered: () => void }) {
  const t = useT();
  const ef = useEntraideFormat();
  return (
    <li className="entraide-card">
      <p className="entraide-tag">
        {post.kind === 'request' ? t('entraide.request') : t('entraide.offer')} · {t(`entraide.cat_${post.category}`)}
        {post.isDemo ? (
          <>
            {' '}
            <DemoBadge />
          </>
        ) : null}
      </p>
      <h3>
        <Fr>{post.title}</Fr>
      </h3>
      <p className="muted">{ef.moment(String(post.startsAt))}</p>
      {post.description ? (
        <p>
          <Fr>{post.description}</Fr>
        </p>
      ) : null}
      <p className="muted">
        {post.mine ? `${t('entraide.mine')} · ` : ''}
        {t('entraide.answers', { n: post.answers })}
      </p>
      {post.mine ? null : <AnswerForm post={post} onDone={onAnswered} />}
    </li>
  );
}

export function VoisinsView({ defaultNeighbourhood }: { defaultNeighbourhood: string | null }) {
  const t = useT();
  const town = useTown();
  const [hood, setHood] = useState(defaultNeighbourhood ?? town.neighbourhoods[0]?.id ?? '');
  const board = useApi<Board>(hood ? `/api/entraide/board/${hood}` : null, { keepPrevious: true });
  const convs = useApi<Conversations>('/api/entraide/conversations');
  return (
    <div className="stack">
      <SelectField
        label={t('entraide.neighbourhood')}
        value={hood}
        onChange={setHood}
        options={town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
      />
      <section aria-labelledby="entraide-board">
        <h2 id="entraide-board">{t('entraide.board')}</h2>
        <Loaded resource={board}>
          {(d) =>
            d.posts.length ? (
              <ul className="entraide-list">
                {d.posts.map((p) => (
                  <PostCard key={p.id} post={p} onAnswered={convs.reload} />
                ))}
              </ul>
            ) : (
              <p>{t('entraide.noPost')}</p>
            )
          }
        </Loaded>
      </section>
      <MeetingsView />
      <section aria-labelledby="entraide-conversations">
        <h2 id="entraide-conversations">{t('entraide.conversations')}</h2>
        <Loaded resource={convs}>
          {(d) =>
            d.conversations.length ? (
              <ul className="entraide-list">
                {d.conversations.map((c) => (
                  <li key={c.id} className="entraide-card">
                    <Link to={`/entraide/conversation?id=${c.id}`}>{c.postTitle}</Link>
                    {c.contactShared ? <span className="muted"> · {t('entraide.contactShared')}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('entraide.noConversation')}</p>
            )
          }
        </Loaded>
      </section>
      <PostForm neighbourhoodId={hood} onDone={board.reload} />
    </div>
  );
}
