/** One request: for the family (where it stands, what to correct, the decision, messages) and for the agent (instruction actions, private annotations). */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, useLocation, useParams } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Alert, Button, Checkbox, DemoBadge, FormErrors, Loaded, NumberField, PageHeader, SelectField, TextField } from '../../ui';
import { dateFr, dateTimeFr, euros, readAsBase64 } from './format';
import { EligibilityBadge } from './shared';
import type { RequestView } from './types';

type Reload = () => void;

function useAction(reload: Reload) {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run(fn: () => Promise<unknown>, message: string) {
    setError(null);
    setDone(null);
    try {
      await fn();
      setDone(message);
      reload();
    } catch (e) {
      setError(e as ApiError);
    }
  }
  return { error, done, run };
}

function AddDocument({ r, reload }: { r: RequestView; reload: Reload }) {
  const t = useT();
  const kinds = r.aid.documents.map((d) => ({ value: d.kind, label: d.label }));
  const missing = kinds.find((k) => !r.documents.some((d) => d.kind === k.value));
  const [kind, setKind] = useState(r.correction?.documents[0] ?? missing?.value ?? kinds[0]?.value ?? 'autre');
  const [file, setFile] = useState<File | null>(null);
  const a = useAction(reload);
  return (
    <form
      className="card"
      aria-labelledby="add-doc"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (file)
          void a.run(
            async () => api.post(`/api/aides/demandes/${r.id}/documents`, { kind, name: file.name, mimeType: file.type, base64: await readAsBase64(file) }),
            t('aides.added'),
          );
      }}
    >
      <h3 id="add-doc">{t('aides.addDocument')}</h3>
      <FormErrors error={a.error} />
      {a.done ? (
        <Alert tone="success" live>
          {a.done}
        </Alert>
      ) : null}
      {kinds.length ? <SelectField label={t('aides.kind')} value={kind} onChange={setKind} options={kinds} /> : null}
      <div className="aides-file">
        <label htmlFor="request-file">{t('aides.chooseFile', { label: kinds.find((k) => k.value === kind)?.label ?? '' })}</label>
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
  const [message, setMessage] = useState('');
  const a = useAction(reload);
  const c = r.correction!;
  const asked = [
    ...c.documents.map((k) => r.aid.documents.find((d) => d.kind === k)?.label ?? k),
    ...c.fields.map((k) => r.aid.requestFields.find((f) => f.key === k)?.label ?? k),
  ];
  return (
    <section aria-labelledby="correction" className="card">
      <h2 id="correction">{t('aides.correction')}</h2>
      {asked.length ? (
        <p>
          {t('aides.correctionAsked')} {asked.join(', ')}
        </p>
      ) : null}
      {c.message ? <p>« {c.message} »</p> : null}
      <AddDocument r={r} reload={reload} />
      <form
        onSubmit={(e) => (
          e.preventDefault(),
          void a.run(() => api.post(`/api/aides/demandes/${r.id}/answer`, { message: message || undefined }), t('aides.answered'))
        )}
      >
        <FormErrors error={a.error} />
        <TextField label={t('aides.answerMessage')} value={message} onChange={setMessage} multiline />
        <Button type="submit">{t('aides.answer')}</Button>
      </form>
    </section>
  );
}

function Decision({ r }: { r: RequestView }) {
  const t = useT();
  const d = r.decisions.at(-1);
  if (!d) return null;
  return (
    <section aria-labelledby="decision" className="card">
      <h2 id="decision">{t('aides.decision')}</h2>
      {d.kind === 'accordee' ? (
        <>
          <p>{t('aides.granted', { amount: euros(d.amountCents) })}</p>
          {d.schedule ? <p>{t('aides.schedule', { n: d.schedule.length, amount: euros(d.schedule[0]?.amountCents) })}</p> : null}
        </>
      ) : null}
      {d.kind === 'refusee' ? (
        <>
          <p>{t('aides.refused')}</p>
          <p>
            {t('aides.motif')} {d.motifText}
          </p>
          <p>
            {t('aides.contest')} {d.contest}
          </p>
        </>
      ) : null}
      {d.kind === 'classee' ? (
        <p>
          {t('aides.closed')} — {d.motifText}
        </p>
      ) : null}
      <p className="muted">{dateFr(d.decidedAt)}</p>
    </section>
  );
}

function Messages({ r, staff, reload }: { r: RequestView; staff: boolean; reload: Reload }) {
  const t = useT();
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
            {m.authorName ?? (m.authorRole === 'parent' ? t('aides.family') : t('aides.agent'))} — {dateTimeFr(m.at)}{' '}
            {m.internal ? <span className="badge">{t('aides.internalBadge')}</span> : null}
          </p>
          <p>{m.body}</p>
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

function Instruct({ r, reload }: { r: RequestView; reload: Reload }) {
  const t = useT();
  const a = useAction(reload);
  const [reason, setReason] = useState('incomplete');
  const [doc, setDoc] = useState('');
  const [message, setMessage] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [motif, setMotif] = useState('conditions');
  const [text, setText] = useState('');
  const [closeText, setCloseText] = useState('');
  const [correctText, setCorrectText] = useState('');
  const post = (path: string, body: unknown) => api.post(`/api/aides/demandes/${r.id}/${path}`, body);
  return (
    <section aria-labelledby="instruct" className="card">
      <h2 id="instruct">{t('aides.open')}</h2>
      <FormErrors error={a.error} />
      {a.done ? (
        <Alert tone="success" live>
          {a.done}
        </Alert>
      ) : null}
      {r.status === 'deposee' ? <Button onPress={() => void a.run(() => post('take', {}), t('aides.done'))}>{t('aides.take')}</Button> : null}
      {r.status === 'en_instruction' ? (
        <>
          <form
            onSubmit={(e) => (
              e.preventDefault(),
              void a.run(() => post('correction', { reason, documents: doc ? [doc] : [], fields: [], message }), t('aides.done'))
            )}
          >
            <h3>{t('aides.askCorrection')}</h3>
            <SelectField
              label={t('aides.reason')}
              value={reason}
              onChange={setReason}
              options={[
                { value: 'incomplete', label: t('aides.reasonIncomplete') },
                { value: 'incorrect', label: t('aides.reasonIncorrect') },
                { value: 'outdated', label: t('aides.reasonOutdated') },
              ]}
            />
            <SelectField
              label={t('aides.docsToFix')}
              value={doc}
              onChange={setDoc}
              options={[{ value: '', label: t('aides.noDoc') }, ...r.aid.documents.map((d) => ({ value: d.kind, label: d.label }))]}
            />
            <TextField label={t('aides.messageToFamily')} value={message} onChange={setMessage} multiline error={a.error?.field('message')} />
            <Button type="submit" variant="secondary">
              {t('aides.sendCorrection')}
            </Button>
          </form>
          <form onSubmit={(e) => (e.preventDefault(), void a.run(() => post('grant', { amountCents: Math.round((amount ?? 0) * 100) }), t('aides.done')))}>
            <h3>{t('aides.grant')}</h3>
            <NumberField label={t('aides.amount')} value={amount} onChange={setAmount} euros minValue={0} error={a.error?.field('amountCents')} />
            <Button type="submit">{t('aides.grantButton')}</Button>
          </form>
          <form onSubmit={(e) => (e.preventDefault(), void a.run(() => post('refuse', { motif, text }), t('aides.done')))}>
            <h3>{t('aides.refuse')}</h3>
            <SelectField
              label={t('aides.motifLabel')}
              value={motif}
              onChange={setMotif}
              options={[
                { value: 'conditions', label: t('aides.motifConditions') },
                { value: 'pieces', label: t('aides.motifPieces') },
                { value: 'deja_aide', label: t('aides.motifDeja') },
                { value: 'budget', label: t('aides.motifBudget') },
                { value: 'autre', label: t('aides.motifAutre') },
              ]}
            />
            <TextField label={t('aides.details')} value={text} onChange={setText} multiline error={a.error?.field('text')} />
            <Button type="submit" variant="secondary">
              {t('aides.refuseButton')}
            </Button>
          </form>
        </>
      ) : null}
      {['deposee', 'en_instruction', 'a_corriger'].includes(r.status) ? (
        <form onSubmit={(e) => (e.preventDefault(), void a.run(() => post('close', { text: closeText }), t('aides.done')))}>
          <h3>{t('aides.close')}</h3>
          <TextField label={t('aides.closeReason')} value={closeText} onChange={setCloseText} error={a.error?.field('text')} />
          <Button type="submit" variant="secondary">
            {t('aides.closeButton')}
          </Button>
        </form>
      ) : null}
      {r.status === 'accordee' ? (
        <>
          <Button onPress={() => void a.run(() => post('pay', {}), t('aides.done'))}>{t('aides.pay')}</Button>
          <form
            onSubmit={(e) => (
              e.preventDefault(),
              void a.run(() => post('correct-grant', { amountCents: Math.round((amount ?? 0) * 100), text: correctText }), t('aides.done'))
            )}
          >
            <h3>{t('aides.correctGrant')}</h3>
            <NumberField label={t('aides.newAmount')} value={amount} onChange={setAmount} euros minValue={0} error={a.error?.field('amountCents')} />
            <TextField label={t('aides.correctWhy')} value={correctText} onChange={setCorrectText} error={a.error?.field('text')} />
            <Button type="submit" variant="secondary">
              {t('aides.correctButton')}
            </Button>
          </form>
        </>
      ) : null}
    </section>
  );
}

function View({ r, reload }: { r: RequestView; reload: Reload }) {
  const t = useT();
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
      <div className="aides-row">
        <span className="badge" data-tone={r.status === 'accordee' || r.status === 'versee' ? 'success' : undefined}>
          {r.statusLabel}
        </span>
        {r.byMandate ? <span className="badge">{staff ? t('aides.byMandateStaff') : t('aides.byMandate')}</span> : null}
        {r.aid.demo ? <DemoBadge label={t('aides.demo')} /> : null}
      </div>
      {typeof money === 'number' ? <p>{t('aides.asked', { amount: euros(money) })}</p> : null}
      {staff && r.eligibility ? (
        <p>
          {t('aides.eligibilityAtFiling')} : <EligibilityBadge status={r.eligibility.status} staff /> {r.eligibility.reasons.join(' ; ')}
        </p>
      ) : null}
      {staff ? (
        <p className="aides-row">
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
              {d.label}
              {d.fromFile ? ` (${t('aides.docFromFile')})` : ''} — {dateFr(d.addedAt)}
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
                {dateTimeFr(e.at)} — {e.toLabel}
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
  const { id } = useParams();
  const r = useApi<RequestView>(`/api/aides/demandes/${id}`, { keepPrevious: true });
  return (
    <>
      <PageHeader title={r.data ? t('aides.requestTitle', { title: r.data.aid.title }) : t('aides.title')} />
      <Loaded resource={r}>{(data) => <View r={data} reload={r.reload} />}</Loaded>
    </>
  );
}
