/** The agent's instruction of a request: assignment, take, ask for a correction, grant, refuse, close, pay, correct a grant. */
import { useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Button, NumberField, SelectField, TextField } from '../../ui';
import type { Instructors, RequestView } from '../../../src/modules/aides';
import { ActionStatus, type Reload, useAction } from './shared';

const CORRECTION_REASONS = [
  ['incomplete', 'aides.reasonIncomplete'],
  ['incorrect', 'aides.reasonIncorrect'],
  ['outdated', 'aides.reasonOutdated'],
] as const;
const REFUSAL_MOTIFS = [
  ['conditions', 'aides.motifConditions'],
  ['pieces', 'aides.motifPieces'],
  ['deja_aide', 'aides.motifDeja'],
  ['budget', 'aides.motifBudget'],
  ['autre', 'aides.motifAutre'],
] as const;

/** Who instructs the request: assign it to an instructor, to nobody, or take it. */
function Assign({ r, reload }: { r: RequestView; reload: Reload }) {
  const t = useT();
  const { user } = useSession();
  const agents = useApi<Instructors>('/api/aides/instructeurs');
  const [agentId, setAgentId] = useState(r.assignedTo ?? '');
  const a = useAction(reload);
  const assign = (id: string | null) => a.run(() => api.post(`/api/aides/demandes/${r.id}/assign`, { agentId: id }), t('aides.assignDone'));
  return (
    <form onSubmit={(e) => (e.preventDefault(), void assign(agentId || null))} aria-labelledby="assign-title">
      <h3 id="assign-title">{t('aides.assignTitle')}</h3>
      <ActionStatus a={a} />
      <p>{r.assignedName ? t('aides.assignedTo', { name: r.assignedName }) : t('aides.unassigned')}</p>
      <div className="item-row">
        <SelectField
          label={t('aides.assignTo')}
          value={agentId}
          onChange={setAgentId}
          options={[{ value: '', label: t('aides.nobody') }, ...(agents.data?.agents ?? []).map((x) => ({ value: x.id, label: x.name }))]}
        />
        <Button type="submit" variant="secondary">
          {t('aides.assign')}
        </Button>
        {user && r.assignedTo !== user.id ? (
          <Button variant="secondary" onPress={() => void assign(user.id)}>
            {t('aides.takeIt')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function Instruct({ r, reload }: { r: RequestView; reload: Reload }) {
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
  const options = (list: readonly (readonly [string, string])[]) => list.map(([value, key]) => ({ value, label: t(key) }));
  return (
    <section aria-labelledby="instruct" className="card">
      <h2 id="instruct">{t('aides.open')}</h2>
      <ActionStatus a={a} />
      {['deposee', 'en_instruction', 'a_corriger'].includes(r.status) ? <Assign r={r} reload={reload} /> : null}
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
            <SelectField label={t('aides.reason')} value={reason} onChange={setReason} options={options(CORRECTION_REASONS)} />
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
            <SelectField label={t('aides.motifLabel')} value={motif} onChange={setMotif} options={options(REFUSAL_MOTIFS)} />
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
