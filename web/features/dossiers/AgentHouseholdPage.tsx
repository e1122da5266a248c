/** An agent opens a family's file (with a reason), reads its timeline, adds a note, orients it to a partner. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { Alert, Button, Card, EmptyState, FormErrors, LinkButton, LoadStatus, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import { Consents, Summary } from './MyFile';
import messages from './messages';
import { frDateTime, type FieldsInfo, type Household } from './types';
import './dossiers.css';
import type { TimelineEntry } from '../../../src/modules/dossiers';

registerMessages('dossiers', messages);

type Item = TimelineEntry;

function OpenedFile({ id, h: initial }: { id: string; h: Household }) {
  const t = useT();
  const [h, setH] = useState(initial);
  const [editing, setEditing] = useState(false);
  const info = useApi<FieldsInfo>('/api/dossiers/fields').data;
  const timeline = useApi<Item[]>(`/api/dossiers/households/${id}/timeline`);
  const { data: items, reload: load } = timeline;
  const [note, setNote] = useState('');
  const structures = useApi<{ structureId: string; name: string }[]>('/api/dossiers/structures').data ?? [];
  const [chosenStructureId, setChosenStructureId] = useState('');
  const structureId = chosenStructureId || structures[0]?.structureId || '';
  // The services of the chosen structure (annuaire): orient to one of them, or to the structure.
  const services = useApi<{ services?: { id: string; nom: string }[] }>(structureId ? `/api/annuaire/structures/${structureId}` : null).data?.services ?? [];
  const [serviceId, setServiceId] = useState('');
  const setStructureId = (v: string) => {
    setChosenStructureId(v);
    setServiceId('');
  };
  const [orientNote, setOrientNote] = useState('');
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
  const orient = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/api/dossiers/households/${id}/orientations`, { structureId, serviceId: serviceId || null, note: orientNote });
      setOrientNote('');
      setNotice(t('dossiers.oriented'));
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
          <Summary h={h} staff />
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
          </div>
        </Card>
      )}
      <Consents info={info} base={`/api/dossiers/households/${id}`} />
      <Card title={t('dossiers.orient')}>
        <form onSubmit={orient} className="stack">
          <SelectField
            name="orient-structure"
            label={t('dossiers.orientStructure')}
            value={structureId}
            onChange={setStructureId}
            options={structures.map((s) => ({ value: s.structureId, label: s.name }))}
          />
          {services.length ? (
            <SelectField
              name="orient-service"
              label={t('dossiers.orientService')}
              value={serviceId}
              onChange={setServiceId}
              options={[{ value: '', label: t('dossiers.orientWholeStructure') }, ...services.map((sv) => ({ value: sv.id, label: sv.nom }))]}
            />
          ) : null}
          <TextField label={t('dossiers.orientNote')} value={orientNote} onChange={setOrientNote} multiline isRequired />
          <Button type="submit">{t('dossiers.orientButton')}</Button>
        </form>
      </Card>
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
  if (h) return <OpenedFile id={id} h={h} />;
  if (!needReason) return <LoadStatus data={h} error={file.error} reload={file.reload} />;
  return (
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
  );
}

export default function AgentHouseholdPage() {
  const t = useT();
  const { id } = useParams();
  return (
    <>
      <PageHeader title={t('dossiers.openTitle')} />
      <RequireRole roles={['agent', 'coordinator']}>
        <Opener id={id} />
      </RequireRole>
    </>
  );
}
