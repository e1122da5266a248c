/** An agent opens a family's file (with a reason), reads its timeline, adds a note, orients it to a partner. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { Alert, Button, Card, EmptyState, FormErrors, LinkButton, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import { Consents, Summary } from './MyFile';
import messages from './messages';
import { frDateTime, type FieldsInfo, type Household } from './types';
import './dossiers.css';

registerMessages('dossiers', messages);

interface Item { at: string; kind: string; title: string; detail?: string | null }

function OpenedFile({ id, h: initial }: { id: string; h: Household }) {
  const t = useT();
  const [h, setH] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [info, setInfo] = useState<FieldsInfo | null>(null);
  const [items, setItems] = useState<Item[] | null>(null);
  const [note, setNote] = useState('');
  const [structures, setStructures] = useState<{ structureId: string; name: string }[]>([]);
  const [structureId, setStructureId] = useState('');
  const [services, setServices] = useState<{ id: string; nom: string }[]>([]);
  const [serviceId, setServiceId] = useState('');
  const [orientNote, setOrientNote] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => api.get<Item[]>(`/api/dossiers/households/${id}/timeline`).then(setItems, setError), [id]);
  useEffect(() => {
    load();
    api.get<FieldsInfo>('/api/dossiers/fields').then(setInfo);
    api.get<{ structureId: string; name: string }[]>('/api/dossiers/structures').then((s) => {
      setStructures(s);
      if (s[0]) setStructureId(s[0].structureId);
    });
  }, [load]);
  // The services of the chosen structure (annuaire): orient to one of them, or to the structure.
  useEffect(() => {
    setServiceId('');
    setServices([]);
    if (!structureId) return;
    api.get<{ services?: { id: string; nom: string }[] }>(`/api/annuaire/structures/${structureId}`).then((st) => setServices(st.services ?? []), () => setServices([]));
  }, [structureId]);
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
      {notice ? <Alert tone="success" live>{notice}</Alert> : null}
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
            <Button variant="secondary" onPress={() => setEditing(true)}>{t('dossiers.complete')}</Button>
            <Button variant="secondary" onPress={() => api.post(`/api/dossiers/households/${id}/follow`).then(() => setNotice(t('dossiers.followed')), setError)}>
              {t('dossiers.follow')}
            </Button>
            <LinkButton variant="secondary" to={`/droits/foyer/${id}`}>{t('dossiers.simulateRights')}</LinkButton>
          </div>
        </Card>
      )}
      <Consents info={info} base={`/api/dossiers/households/${id}`} />
      <Card title={t('dossiers.orient')}>
        <form onSubmit={orient} className="stack">
          <SelectField name="orient-structure" label={t('dossiers.orientStructure')} value={structureId} onChange={setStructureId} options={structures.map((s) => ({ value: s.structureId, label: s.name }))} />
          {services.length ? (
            <SelectField name="orient-service" label={t('dossiers.orientService')} value={serviceId} onChange={setServiceId} options={[{ value: '', label: t('dossiers.orientWholeStructure') }, ...services.map((sv) => ({ value: sv.id, label: sv.nom }))]} />
          ) : null}
          <TextField label={t('dossiers.orientNote')} value={orientNote} onChange={setOrientNote} multiline isRequired />
          <Button type="submit">{t('dossiers.orientButton')}</Button>
        </form>
      </Card>
      <Card title={t('dossiers.note')}>
        <form onSubmit={addNote} className="stack">
          <TextField label={t('dossiers.noteLabel')} value={note} onChange={setNote} multiline isRequired />
          <Button type="submit" variant="secondary">{t('dossiers.noteAdd')}</Button>
        </form>
      </Card>
      <Card title={t('dossiers.timeline')}>
        {!items ? <p>{t('dossiers.loading')}</p> : items.length === 0 ? <EmptyState>{t('dossiers.timelineNone')}</EmptyState> : (
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
  const [h, setH] = useState<Household | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [needReason, setNeedReason] = useState(false);
  useEffect(() => {
    // Already opened within the last hours: no new reason asked.
    api.get<{ household: Household }>(`/api/dossiers/households/${id}`).then(
      (r) => setH(r.household),
      (e) => (e instanceof ApiError && e.code === 'dossiers/reason-required' ? setNeedReason(true) : setError(e)),
    );
  }, [id]);
  const open = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setH((await api.post<{ household: Household }>(`/api/dossiers/households/${id}/open`, { reason })).household);
    } catch (ex) {
      setError(ex);
    }
  };
  if (h) return <OpenedFile id={id} h={h} />;
  if (!needReason) return error ? <FormErrors error={error} /> : <p role="status">{t('dossiers.loading')}</p>;
  return (
    <Card title={t('dossiers.open')}>
      <form onSubmit={open} className="stack">
        <FormErrors error={error} />
        <TextField label={t('dossiers.openReason')} help={t('dossiers.openReasonHelp')} value={reason} onChange={setReason} isRequired error={error instanceof ApiError ? error.field('reason') : undefined} />
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
