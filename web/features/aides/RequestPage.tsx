/** One request: for the family (where it stands, what to correct, the decision, messages) and for the agent (instruction actions, private annotations). */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { useFormat, useT, useTx } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useQueuedForms } from '../../app/pwa';
import { Link, useLocation, useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Alert, Button, Checkbox, DemoBadge, FormErrors, Loaded, PageHeader, SelectField, TextField } from '../../ui';
import { Instruct } from './Instruct';
import { ActionStatus, type Reload, useAction } from './shared';
import { toUpload } from './upload';
import { EligibilityBadge, statusText } from './shared';
import type { RequestView } from '../../../src/modules/aides';

function AddDocument({ r, reload }: { r: RequestView; reload: Reload }) {
  const t = useT();
  const tx = useTx();
  const kinds = r.aid.documents.map((d) => ({ value: d.kind, label: d.label, lang: 'fr' }));
  const missing = kinds.find((k) => !r.documents.some((d) => d.kind === k.value));
  const [kind, setKind] = useState(r.correction?.documents[0] ?? missing?.value ?? kinds[0]?.value ?? 'autre');
  const [file, setFile] = useState<File | null>(null);
  const a = useAction(reload);
  // Without network the document waits on the phone and goes when it returns (docs/pwa.md), as an answer's documents do.
  const queue = useQueuedForms();
  return (
    <form
      className="card"
      aria-labelledby="add-doc"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (file)
          void a.run(
            async () =>
              queue.send({
                method: 'POST',
                url: `/api/aides/demandes/${r.id}/documents`,
                body: await toUpload(kind, file),
                label: t('pwa.aidDocument', { what: r.aid.title }),
                what: r.aid.title,
              }),
            t('aides.added'),
          );
      }}
    >
      <h3 id="add-doc">{t('aides.addDocument')}</h3>
      <ActionStatus a={a} />
      {queue.notice}
      {kinds.length ? <SelectField label={t('aides.kind')} value={kind} onChange={setKind} options={kinds} /> : null}
      <div className="aides-file">
        <label htmlFor="request-file">{tx('aides.chooseFile', { label: <Fr>{kinds.find((k) => k.value === kind)?.label ?? ''}</Fr> })}</label>
        <input id="request-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <span className="help">{t('aides.fileHelp')}</span>
      </div>
      <Button type="submit" variant="secondary" isDisabled={!file}>
        {t('aides.addFile')}
      </Button>
    </form>
  );
}

function Correction({ r, reload }: { r: RequestView; reload: Reload }) {
  const t = useT();
  const tx = useTx();
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const a = useAction(reload);
  const c = r.correction!;
  const asked = [
    ...c.documents.map((k) => r.aid.documents.find((d) => d.kind === k)?.label ?? k),
    ...c.fields.map((k) => r.aid.requestFields.find((f) => f.key === k)?.label ?? k),
  ];
  // The documents asked for (or, when none is named, any document of the aid), sent with the answer in one call.
  const kinds = c.documents.length ? r.aid.documents.filter((d) => c.documents.includes(d.kind)) : r.aid.documents;
  // Without network the answer waits on the phone with its documents, in one sending as the request itself (AskPage),
  // and goes when the network returns (issue 19).
  const queue = useQueuedForms();
  async function answer() {
    const documents = await Promise.all(kinds.filter((d) => files[d.kind]).map((d) => toUpload(d.kind, files[d.kind]!)));
    const sent = await queue.send({
      method: 'POST',
      url: `/api/aides/demandes/${r.id}/answer`,
      body: { message: message || undefined, documents },
      label: t('pwa.aidAnswer', { what: r.aid.title }),
      what: r.aid.title,
    });
    if (sent.queued) setMessage('');
    return sent;
  }
  return (
    <section aria-labelledby="correction" className="card">
      <h2 id="correction">{t('aides.correction')}</h2>
      {asked.length ? (
        <p>
          {t('aides.correctionAsked')} <Fr>{asked.join(', ')}</Fr>
        </p>
      ) : null}
      {c.message ? (
        <p>
          <Fr>« {c.message} »</Fr>
        </p>
      ) : null}
      <form onSubmit={(e) => (e.preventDefault(), void a.run(answer, t('aides.answered')))}>
        <FormErrors error={a.error} />
        {queue.notice}
        {kinds.map((d, i) => (
          <div key={d.kind} className="aides-file">
            <label htmlFor={`answer-file-${d.kind}`}>{tx('aides.chooseFile', { label: <Fr>{d.label}</Fr> })}</label>
            <input
              id={`answer-file-${d.kind}`}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setFiles({ ...files, [d.kind]: e.target.files?.[0] ?? null })}
            />
            <span className="help">{a.error?.field(`documents.${i}.mimeType`) ?? t('aides.fileHelp')}</span>
          </div>
        ))}
        <TextField label={t('aides.answerMessage')} value={message} onChange={setMessage} multiline />
        <Button type="submit">{t('aides.answer')}</Button>
      </form>
    </section>
  );
}

function Decision({ r }: { r: RequestView }) {
  const t = useT();
  const f = useFormat();
  const d = r.decisions.at(-1);
  if (!d) return null;
  return (
    <section aria-labelledby="decision" className="card">
      <h2 id="decision">{t('aides.decision')}</h2>
      {d.kind === 'accordee' ? (
        <>
          <p>{t('aides.granted', { amount: f.euros(d.amountCents ?? 0) })}</p>
          {d.schedule ? <p>{t('aides.schedule', { n: d.schedule.length, amount: f.euros(d.schedule[0]?.amountCents ?? 0) })}</p> : null}
        </>
      ) : null}
      {d.kind === 'refusee' ? (
        <>
          <p>{t('aides.refused')}</p>
          <p>
            {t('aides.motif')} <Fr>{d.motifText}</Fr>
          </p>
          <p>
            {t('aides.contest')} <Fr>{d.contest}</Fr>
          </p>
        </>
      ) : null}
      {d.kind === 'classee' ? (
        <p>
          {t('aides.closed')} — <Fr>{d.motifText}</Fr>
        </p>
      ) : null}
      <p className="muted">{f.longDate(d.decidedAt)}</p>
    </section>
  );
}

function Messages({ r, staff, reload }: { r: RequestView; staff: boolean; reload: Reload }) {
  const t = useT();
  const f = useFormat();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const a = useAction(() => (setBody(''), reload()));
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">{t('aides.messages')}</h2>
      {!r.messages.length ? <p className="muted">{t('aides.noMessage')}</p> : null}
      {r.messages.map((m) => (
        <div key={m.id} className="aides-message" data-internal={m.internal}>
          <p className="muted">
            {m.authorName ?? (m.authorRole === 'parent' ? t('aides.family') : t('aides.agent'))} — {f.dateTime(m.at)}{' '}
            {m.internal ? <span className="badge">{t('aides.internalBadge')}</span> : null}
          </p>
          <p>
            <Fr>{m.body}</Fr>
          </p>
        </div>
      ))}
      <form onSubmit={(e) => (e.preventDefault(), void a.run(() => api.post(`/api/aides/demandes/${r.id}/messages`, { body, internal }), t('aides.done')))}>
        <FormErrors error={a.error} />
        <TextField label={t('aides.write')} value={body} onChange={setBody} multiline />
        {staff ? (
          <Checkbox isSelected={internal} onChange={setInternal}>
            {t('aides.internal')}
          </Checkbox>
        ) : null}
        <Button type="submit" variant="secondary">
          {t('aides.sendMessage')}
        </Button>
      </form>
    </section>
  );
}

function View({ r, reload }: { r: RequestView; reload: Reload }) {
  const t = useT();
  const f = useFormat();
  const { user } = useSession();
  const loc = useLocation();
  const staff = user !== null && user.role !== 'parent';
  const money = r.fields.cost_cents ?? r.fields.amount_cents;
  return (
    <>
      {loc.search.get('envoyee') && !staff ? (
        <Alert tone="success" live>
          {t('aides.sent')}
        </Alert>
      ) : null}
      <div className="item-row">
        <span className="badge" data-tone={r.status === 'accordee' || r.status === 'versee' ? 'success' : undefined}>
          {statusText(t, r.status, r.statusLabel)}
        </span>
        {r.byMandate ? <span className="badge">{staff ? t('aides.byMandateStaff') : t('aides.byMandate')}</span> : null}
        {r.aid.demo ? <DemoBadge label={t('aides.demo')} /> : null}
      </div>
      {typeof money === 'number' ? <p>{t('aides.asked', { amount: f.euros(money) })}</p> : null}
      {staff && r.eligibility ? (
        <p>
          {t('aides.eligibilityAtFiling')} : <EligibilityBadge status={r.eligibility.status} staff /> {r.eligibility.reasons.join(' ; ')}
        </p>
      ) : null}
      {staff ? (
        <p className="item-row">
          <Link to={`/dossier/agent/familles/${r.householdId}`}>{t('aides.openFile')}</Link>
          <Link to={`/aides/guichet/${r.householdId}`}>{t('aides.deskTitle')}</Link>
        </p>
      ) : null}
      {r.status === 'a_corriger' && !staff ? <Correction r={r} reload={reload} /> : null}
      {staff ? <Instruct r={r} reload={reload} /> : null}
      <Decision r={r} />
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{t('aides.docsTitle')}</h2>
        <ul>
          {r.documents.map((d) => (
            <li key={d.id}>
              <Fr>{d.label}</Fr>
              {d.fromFile ? ` (${t('aides.docFromFile')})` : ''} — {f.longDate(d.addedAt)}
            </li>
          ))}
        </ul>
        {!staff && ['brouillon', 'deposee', 'en_instruction'].includes(r.status) ? <AddDocument r={r} reload={reload} /> : null}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t('aides.history')}</h2>
        <ol className="aides-events">
          {r.events
            .filter((e) => e.toLabel)
            .map((e, i) => (
              <li key={i}>
                {f.dateTime(e.at)} — {statusText(t, e.toStatus, e.toLabel)}
                {e.byMandate ? ` (${staff ? t('aides.byMandateStaff') : t('aides.byMandate')})` : ''}
              </li>
            ))}
        </ol>
      </section>
      <Messages r={r} staff={staff} reload={reload} />
    </>
  );
}

export default function RequestPage() {
  const t = useT();
  const tx = useTx();
  const { id } = useParams();
  const r = useApi<RequestView>(`/api/aides/demandes/${id}`, { keepPrevious: true });
  return (
    <>
      <PageHeader
        title={r.data ? t('aides.requestTitle', { title: r.data.aid.title }) : t('aides.title')}
        heading={r.data ? tx('aides.requestTitle', { title: <Fr>{r.data.aid.title}</Fr> }) : undefined}
      />
      <Loaded resource={r}>{(data) => <View r={data} reload={r.reload} />}</Loaded>
    </>
  );
}
