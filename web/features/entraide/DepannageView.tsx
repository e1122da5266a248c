/** Garde de dépannage: my trusted neighbours, asking them all at once, and the requests of parents who trust me. */
import { useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Button, FormErrors, Loaded, SelectField, TextField } from '../../ui';
import type { MyBackup } from '../../../src/modules/entraide';
import { useEntraideFormat } from './format';
import { FormHead, NativeDateField, useFormSubmit, usePostThenReload } from './inputs';

const REASONS = ['enfant-malade', 'entretien', 'rendez-vous', 'autre'] as const;
type Contact = MyBackup['roster'][number]['contact'];

function ContactLine({ c }: { c: Contact }) {
  const t = useT();
  if (!c) return null;
  return (
    <>
      <strong>{c.firstName ?? t('entraide.them')}</strong>
      {c.phone ? (
        <>
          {' '}
          · {t('entraide.phone')} : <a href={`tel:${c.phone}`}>{c.phone}</a>
        </>
      ) : null}
      {c.address ? (
        <>
          {' '}
          · {t('entraide.address')} : {c.address}
        </>
      ) : null}
    </>
  );
}

function RequestForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('enfant-malade');
  const [note, setNote] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { error, done, submit } = useFormSubmit(async () => {
    const r = await api.post<{ reached: number }>('/api/entraide/backup', {
      reason,
      note,
      // Paris wall-clock time as typed: the server reads it in Paris, whatever the phone's time zone.
      startsAt: from,
      endsAt: to,
    });
    setNote('');
    onDone();
    return t('entraide.backupSent', { n: r.reached });
  });
  return (
    <form onSubmit={submit} className="stack entraide-form">
      <FormHead title={t('entraide.backupAsk')} error={error} done={done} />
      <SelectField
        label={t('entraide.backupReason')}
        value={reason}
        onChange={setReason}
        options={REASONS.map((r) => ({ value: r, label: t(`entraide.reason_${r}`) }))}
      />
      <NativeDateField
        id="backup-from"
        type="datetime-local"
        label={t('entraide.backupFrom')}
        value={from}
        onChange={setFrom}
        error={error?.field('startsAt')}
      />
      <NativeDateField id="backup-to" type="datetime-local" label={t('entraide.backupTo')} value={to} onChange={setTo} error={error?.field('endsAt')} />
      <TextField label={t('entraide.backupNote')} help={t('entraide.descriptionHelp')} value={note} onChange={setNote} multiline error={error?.field('note')} />
      <Button type="submit">{t('entraide.backupSend')}</Button>
    </form>
  );
}

export function DepannageView() {
  const t = useT();
  const ef = useEntraideFormat();
  const r = useApi<MyBackup>('/api/entraide/backup');
  const { error, post: act } = usePostThenReload(r.reload);
  return (
    <div className="stack">
      <p>{t('entraide.backupIntro')}</p>
      <FormErrors error={error} />
      <Loaded resource={r}>
        {(d) => (
          <>
            <section aria-labelledby="backup-incoming" className="stack">
              <h2 id="backup-incoming">{t('entraide.backupIncoming')}</h2>
              {d.incoming.length ? (
                <ul className="entraide-list">
                  {d.incoming.map((b) => (
                    <li key={b.id} className="entraide-card">
                      <p className="entraide-tag">{t(`entraide.reason_${b.reason}`)}</p>
                      <h3>{t('entraide.backupFromTo', { from: ef.moment(String(b.startsAt)), to: ef.moment(String(b.endsAt)) })}</h3>
                      {b.note ? <p>{b.note}</p> : null}
                      {b.takenByMe ? (
                        <p>
                          {t('entraide.backupYouTook')} <ContactLine c={b.requester} />
                        </p>
                      ) : (
                        <>
                          <p>{t('entraide.backupAsks', { name: b.requester?.firstName ?? t('entraide.them') })}</p>
                          <Button onPress={() => act(`/api/entraide/backup/${b.id}/accept`)}>{t('entraide.backupAccept')}</Button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('entraide.backupNoIncoming')}</p>
              )}
            </section>
            <section aria-labelledby="backup-mine" className="stack">
              <h2 id="backup-mine">{t('entraide.backupMine')}</h2>
              {d.mine.length ? (
                <ul className="entraide-list">
                  {d.mine.map((b) => (
                    <li key={b.id} className="entraide-card">
                      <p className="entraide-tag">{t(`entraide.reason_${b.reason}`)}</p>
                      <h3>{t('entraide.backupFromTo', { from: ef.moment(String(b.startsAt)), to: ef.moment(String(b.endsAt)) })}</h3>
                      <p>{t(`entraide.backupStatus_${b.status}`)}</p>
                      {b.helper ? (
                        <p>
                          <ContactLine c={b.helper} />
                        </p>
                      ) : null}
                      {b.status === 'open' ? (
                        <Button variant="secondary" onPress={() => act(`/api/entraide/backup/${b.id}/cancel`)}>
                          {t('entraide.backupCancel')}
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('entraide.backupNoRequest')}</p>
              )}
            </section>
            <section aria-labelledby="backup-roster" className="stack">
              <h2 id="backup-roster">{t('entraide.backupRoster')}</h2>
              {d.roster.length ? (
                <ul className="entraide-list">
                  {d.roster.map((m) => (
                    <li key={m.memberId} className="entraide-card">
                      <ContactLine c={m.contact} />
                      <div>
                        <Button variant="secondary" onPress={() => act(`/api/entraide/roster/${m.memberId}/remove`)}>
                          {t('entraide.rosterRemove', { name: m.contact?.firstName ?? t('entraide.them') })}
                        </Button>
                      </div>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('entraide.rosterEmpty')}</p>
              )}
            </section>
            {d.roster.length ? <RequestForm onDone={r.reload} /> : null}
          </>
        )}
      </Loaded>
    </div>
  );
}
