/**
 * The family's invitations to a listening session (focus group, interview), sent from its file
 * by the CCAS: it answers here, and chooses itself how its words may be quoted. Parent page
 * (fr, en, ar): the session's facts are the town's words, shown in French.
 */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useFormat, useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useQueuedForms } from '../../app/pwa';
import { useApi } from '../../app/use-api';
import { Alert, Button, Card, Checkbox, EmptyState, FormErrors, Loaded, PageHeader, RadioGroup, RequireRole, TextField } from '../../ui';
import type { MyInvitations } from '../../../src/modules/diagnostic/index';
import messages from './invitations-messages';

registerMessages('diagnostic.invitations', messages);

type Invitation = MyInvitations['invitations'][number];
type FromFile = MyInvitations['fromFile'];
type Quote = 'first_name' | 'pseudonym' | 'anonymous' | 'none';

function Answer({ inv, fromFile, onDone }: { inv: Invitation; fromFile: FromFile; onDone: (message: string) => void }) {
  const t = useT();
  const k = (key: string, vars?: Record<string, string | number>) => t(`diagnostic.invitations.${key}`, vars);
  const [quote, setQuote] = useState<Quote>('anonymous');
  const [pseudonym, setPseudonym] = useState('');
  const [profile, setProfile] = useState(false);
  const [record, setRecord] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  // Without network the answer waits on the phone and goes when it returns (issue 19, docs/pwa.md).
  const queue = useQueuedForms();
  const facts = [fromFile.age != null ? k('age', { n: fromFile.age }) : null, fromFile.neighbourhood, k('children', { n: fromFile.childrenCount })].filter(
    Boolean,
  );
  async function send(accept: boolean) {
    try {
      const sent = await queue.send({
        method: 'POST',
        url: `/api/diagnostic/listening/invitations/${inv.id}/answer`,
        body: accept
          ? { accept, quoteConsent: quote, pseudonym: quote === 'pseudonym' ? pseudonym : null, profileConsent: profile, recordConsent: record }
          : { accept },
        label: t('pwa.invitationAnswer', { what: inv.session.title }),
        what: inv.session.title,
      });
      setError(null);
      if (!sent.queued) onDone(k(accept ? 'accepted' : 'declined'));
    } catch (err) {
      setError(err as ApiError);
    }
  }
  if (queue.notice) return queue.notice;
  return (
    <div className="invitation-answer">
      <FormErrors error={error} labels={{ quoteConsent: k('quoteLabel'), pseudonym: k('pseudonym') }} />
      <RadioGroup
        label={k('quoteLabel')}
        value={quote}
        onChange={(v) => setQuote(v as Quote)}
        error={error?.field('quoteConsent')}
        options={[
          { value: 'first_name', label: fromFile.firstName ? k('quote.first_name', { name: fromFile.firstName }) : k('quote.first_name.none') },
          { value: 'pseudonym', label: k('quote.pseudonym') },
          { value: 'anonymous', label: k('quote.anonymous') },
          { value: 'none', label: k('quote.none') },
        ]}
      />
      {quote === 'pseudonym' ? (
        <TextField label={k('pseudonym')} value={pseudonym} onChange={setPseudonym} isRequired error={error?.field('pseudonym')} />
      ) : null}
      <Checkbox isSelected={profile} onChange={setProfile}>
        {k('profile')}
      </Checkbox>
      {profile ? <p className="help">{k('profileFacts', { facts: facts.join(', ') })}</p> : null}
      <Checkbox isSelected={record} onChange={setRecord}>
        {k('record')}
      </Checkbox>
      <div className="row">
        <Button onPress={() => send(true)}>{k('accept')}</Button>{' '}
        <Button variant="secondary" onPress={() => send(false)}>
          {k('decline')}
        </Button>
      </div>
    </div>
  );
}

function Withdraw({ inv, onDone }: { inv: Invitation; onDone: (message: string) => void }) {
  const t = useT();
  const [error, setError] = useState<ApiError | null>(null);
  async function withdraw() {
    try {
      await api.post(`/api/diagnostic/listening/invitations/${inv.id}/withdraw`, {});
      onDone(t('diagnostic.invitations.withdrawn'));
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <>
      <FormErrors error={error} labels={{}} />
      <p className="help">{t('diagnostic.invitations.withdrawHelp')}</p>
      <Button variant="secondary" onPress={withdraw}>
        {t('diagnostic.invitations.withdraw')}
      </Button>
    </>
  );
}

function InvitationCard({ inv, fromFile, onDone }: { inv: Invitation; fromFile: FromFile; onDone: (message: string) => void }) {
  const t = useT();
  const tx = useTx();
  const f = useFormat();
  const k = (key: string, vars?: Record<string, string | number>) => t(`diagnostic.invitations.${key}`, vars);
  const s = inv.session;
  const c = inv.consents;
  const choice = c
    ? [
        c.quoteConsent === 'first_name'
          ? k('quote.first_name.none')
          : c.quoteConsent === 'pseudonym'
            ? `${k('quote.pseudonym')} : ${c.pseudonym ?? ''}`
            : k(`quote.${c.quoteConsent}`),
        k(c.profileConsent ? 'profileYes' : 'profileNo'),
      ].join(' ; ')
    : null;
  return (
    <Card
      title={
        <>
          {k(`kind.${s.kind}`)} — <Fr>{s.title}</Fr>
        </>
      }
    >
      <p>
        <span className="badge" data-tone={inv.status === 'accepted' ? 'success' : undefined}>
          {k(`status.${inv.status}`)}
        </span>
      </p>
      <ul className="plain-list">
        <li>{k('when', { date: f.longDate(s.date), time: s.time })}</li>
        {s.place ? <li>{tx('diagnostic.invitations.where', { place: <Fr>{s.neighbourhood ? `${s.place} (${s.neighbourhood})` : s.place}</Fr> })}</li> : null}
        <li>{tx('diagnostic.invitations.theme', { theme: <Fr>{s.themeLabel}</Fr> })}</li>
        {s.partnerName ? <li>{tx('diagnostic.invitations.partner', { partner: <Fr>{s.partnerName}</Fr> })}</li> : null}
        <li className="help">{k('invitedOn', { date: f.longDate(inv.invitedAt) })}</li>
      </ul>
      {s.cancelled ? <Alert tone="info">{k('cancelled')}</Alert> : null}
      {inv.status === 'pending' && !s.cancelled ? <Answer inv={inv} fromFile={fromFile} onDone={onDone} /> : null}
      {c && !c.withdrawn ? (
        <>
          <p>{k('yourChoice', { choice: choice ?? '' })}</p>
          {c.quoteConsent !== 'none' ? <Withdraw inv={inv} onDone={onDone} /> : null}
        </>
      ) : null}
      {c?.withdrawn ? <p>{k('withdrawn')}</p> : null}
    </Card>
  );
}

function Page() {
  const t = useT();
  const r = useApi<MyInvitations>('/api/diagnostic/listening/invitations/mine', { keepPrevious: true });
  const [done, setDone] = useState<string | null>(null);
  const onDone = (message: string) => {
    setDone(message);
    r.reload();
  };
  return (
    <>
      <PageHeader title={t('diagnostic.invitations.title')} />
      <p>{t('diagnostic.invitations.intro')}</p>
      {done ? (
        <Alert tone="success" live>
          {done}
        </Alert>
      ) : null}
      <Loaded resource={r}>
        {(data) =>
          data.invitations.length ? (
            <>
              {data.invitations.map((inv) => (
                <InvitationCard key={inv.id} inv={inv} fromFile={data.fromFile} onDone={onDone} />
              ))}
            </>
          ) : (
            <EmptyState>{t('diagnostic.invitations.none')}</EmptyState>
          )
        }
      </Loaded>
    </>
  );
}

export default function InvitationsPage() {
  return (
    <RequireRole roles={['parent']}>
      <Page />
    </RequireRole>
  );
}
