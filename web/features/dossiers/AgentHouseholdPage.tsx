/**
 * An agent opens a family's file (with a reason): the family's name as the heading, its timeline,
 * notes, consents recorded at the desk (third person), orientation to any structure of the directory,
 * and a printable summary.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { Alert, Button, Card, EmptyState, FormErrors, LinkButton, LoadStatus, PageHeader, RequireRole, TextField } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import { DeskSummary } from './DeskSummary';
import { DeskConsents } from './DeskConsents';
import { DeskOrientation } from './DeskOrientation';
import deskMessages from './desk-messages';
import messages from './messages';
import { frDateTime, type FieldsInfo, type Household } from './types';
import './dossiers.css';
import './desk.css';
import type { TimelineEntry } from '../../../src/modules/dossiers';

registerMessages('dossiers', messages);
registerMessages('desk', deskMessages);

/** "Awa Diallo", or null before the file names the parent. */
export const familyName = (h: Household) => [h.parent.firstName, h.parent.lastName].filter(Boolean).join(' ') || null;

type Item = TimelineEntry;

function OpenedFile({ id, h: initial }: { id: string; h: Household }) {
  const t = useT();
  const [h, setH] = useState(initial);
  const [editing, setEditing] = useState(false);
  const info = useApi<FieldsInfo>('/api/dossiers/fields').data;
  const timeline = useApi<Item[]>(`/api/dossiers/households/${id}/timeline`);
  const { data: items, reload: load } = timeline;
  const [note, setNote] = useState('');
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const addNote = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/api/dossiers/households/${id}/notes`, { body: note });
      setNote('');
      load();
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <div className="stack">
      <FormErrors error={error} />
      {notice ? (
        <Alert tone="success" live>
          {notice}
        </Alert>
      ) : null}
      {editing && info ? (
        <Card title={t('dossiers.complete')}>
          <HouseholdForm
            initial={h}
            usage={info.fields}
            submitLabel={t('dossiers.save')}
            onSubmit={async (patch) => {
              const r = await api.patch<{ household: Household }>(`/api/dossiers/households/${id}`, patch);
              setH(r.household);
              setEditing(false);
              setNotice(t('dossiers.saved'));
              load();
            }}
          />
        </Card>
      ) : (
        <Card title={t('dossiers.openTitle')}>
          <DeskSummary h={h} />
          <div className="row">
            <Button variant="secondary" onPress={() => setEditing(true)}>
              {t('dossiers.complete')}
            </Button>
            <Button
              variant="secondary"
              onPress={() => api.post(`/api/dossiers/households/${id}/follow`).then(() => setNotice(t('dossiers.followed')), setError)}
            >
              {t('dossiers.follow')}
            </Button>
            <LinkButton variant="secondary" to={`/droits/foyer/${id}`}>
              {t('dossiers.simulateRights')}
            </LinkButton>
            <LinkButton variant="secondary" to={`/dossier/agent/familles/${id}/fiche`}>
              {t('desk.printSummary')}
            </LinkButton>
            <LinkButton variant="secondary" to={`/diagnostic/ecoute/inviter/${id}`}>
              {t('dossiers.inviteListening')}
            </LinkButton>
            <LinkButton variant="secondary" to={`/entraide/familles/${id}/ambassadeur`}>
              {t('dossiers.entraideAmbassador')}
            </LinkButton>
          </div>
        </Card>
      )}
      <DeskOrientation
        householdId={id}
        info={info}
        version={version}
        onDone={() => {
          setVersion((v) => v + 1);
          load();
        }}
      />
      <DeskConsents householdId={id} info={info} version={version} />
      <Card title={t('dossiers.note')}>
        <form onSubmit={addNote} className="stack">
          <TextField label={t('dossiers.noteLabel')} value={note} onChange={setNote} multiline isRequired />
          <Button type="submit" variant="secondary">
            {t('dossiers.noteAdd')}
          </Button>
        </form>
      </Card>
      <Card title={t('dossiers.timeline')}>
        {!items ? (
          <LoadStatus data={items} error={timeline.error} reload={load} />
        ) : items.length === 0 ? (
          <EmptyState>{t('dossiers.timelineNone')}</EmptyState>
        ) : (
          <ol className="plain-list timeline">
            {items.map((i, n) => (
              <li key={n} data-kind={i.kind}>
                <span className="muted">{frDateTime(i.at)}</span> — <strong>{i.title}</strong>
                {i.detail ? <div>{i.detail}</div> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

function Opener({ id }: { id: string }) {
  const t = useT();
  // Already opened within the last hours: no new reason asked; otherwise the API asks for one.
  const file = useApi<{ household: Household }>(`/api/dossiers/households/${id}`);
  const h = file.data?.household ?? null;
  const needReason = file.error?.code === 'dossiers/reason-required';
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const open = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      file.setData(await api.post<{ household: Household }>(`/api/dossiers/households/${id}/open`, { reason }));
    } catch (ex) {
      setError(ex);
    }
  };
  if (h)
    return (
      <>
        <PageHeader title={familyName(h) ? t('desk.familyOf', { name: familyName(h)! }) : t('desk.familyFile')} />
        <OpenedFile id={id} h={h} />
      </>
    );
  if (!needReason)
    return (
      <>
        <PageHeader title={t('desk.familyFile')} />
        <LoadStatus data={h} error={file.error} reload={file.reload} />
      </>
    );
  return (
    <>
      <PageHeader title={t('desk.familyFile')} />
      <Card title={t('dossiers.open')}>
        <form onSubmit={open} className="stack">
          <FormErrors error={error} />
          <TextField
            label={t('dossiers.openReason')}
            help={t('dossiers.openReasonHelp')}
            value={reason}
            onChange={setReason}
            isRequired
            error={error instanceof ApiError ? error.field('reason') : undefined}
          />
          <Button type="submit">{t('dossiers.open')}</Button>
        </form>
      </Card>
    </>
  );
}

export default function AgentHouseholdPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['agent', 'coordinator']}>
      <Opener id={id} />
    </RequireRole>
  );
}
