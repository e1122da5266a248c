/** The listening sessions of the diagnostic (focus groups, interviews): the list and the form that plans one. */
import { useState } from 'react';
import { api } from '../../app/api';
import { frDate, frTime } from '../../app/format';
import { registerMessages, useT } from '../../app/i18n';
import { Link, navigate } from '../../app/router';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { Button } from '../../ui/Button';
import { Card, DemoBadge, EmptyState, PageHeader } from '../../ui/display';
import { DateField, TimeField } from '../../ui/DateField';
import { FormErrors } from '../../ui/FormErrors';
import { NumberField, RadioGroup, SelectField, TextField } from '../../ui/fields';
import { Loaded } from '../../ui/Loaded';
import { RequireRole } from '../../ui/RequireRole';
import listeningMessages from './listening-messages';
import { ListeningNav, ScrollRegion, useFormError } from './listening-ui';
import type { ListeningThemesOut, SessionSummary, SessionView } from './types';
import './diagnostic.css';

registerMessages('diagnostic.ecoute', listeningMessages);

export function PartnerPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useApi<{ structures: Array<{ id: string; nom: string; commune: string | null }> }>(
    query ? `/api/diagnostic/listening/partners?q=${encodeURIComponent(query)}` : null,
  );
  const options = found.data?.structures ?? [];
  return (
    <div className="diag-partner">
      <div className="row">
        <TextField label={t('diagnostic.ecoute.partner')} help={t('diagnostic.ecoute.partnerHelp')} value={text} onChange={setText} name="partner-search" />
        <Button variant="secondary" isDisabled={text.trim().length < 2} onPress={() => setQuery(text.trim())}>
          {t('diagnostic.ecoute.partnerSearch')}
        </Button>
      </div>
      {query && found.data && !options.length ? <p className="muted">{t('diagnostic.ecoute.partnerNotFound')}</p> : null}
      {options.length ? (
        <SelectField
          label={t('diagnostic.ecoute.partner')}
          name="structure"
          value={value}
          onChange={onChange}
          error={error}
          options={[
            { value: '', label: t('diagnostic.ecoute.partnerNone') },
            ...options.map((s) => ({ value: s.id, label: s.commune ? `${s.nom} (${s.commune})` : s.nom })),
          ]}
        />
      ) : null}
    </div>
  );
}

export interface SessionForm {
  kind: string;
  title: string;
  theme: string;
  structureId: string;
  neighbourhoodId: string;
  date: string;
  time: string;
  durationMinutes: number | null;
  facilitator: string;
  place: string;
}

export const sessionBody = (f: SessionForm) => ({
  ...f,
  structureId: f.structureId || null,
  neighbourhoodId: f.neighbourhoodId || null,
  durationMinutes: f.durationMinutes ?? undefined,
});

/** The session's fields, shared by the plan form and the session page's edit form. */
export function SessionFields({
  f,
  set,
  themes,
  field,
}: {
  f: SessionForm;
  set: (p: Partial<SessionForm>) => void;
  themes: ListeningThemesOut['themes'];
  field: (p: string) => string | undefined;
}) {
  const t = useT();
  const town = useTown();
  return (
    <>
      <RadioGroup
        label={t('diagnostic.ecoute.kind')}
        value={f.kind}
        onChange={(kind) => set({ kind })}
        error={field('kind')}
        options={[
          { value: 'focus_group', label: t('diagnostic.ecoute.kind.focus_group') },
          { value: 'interview', label: t('diagnostic.ecoute.kind.interview') },
        ]}
      />
      <TextField
        label={t('diagnostic.ecoute.sessionTitle')}
        value={f.title}
        onChange={(title) => set({ title })}
        error={field('title')}
        isRequired
        name="title"
      />
      <SelectField
        label={t('diagnostic.ecoute.theme')}
        name="theme"
        value={f.theme}
        onChange={(theme) => set({ theme })}
        error={field('theme')}
        isRequired
        options={[{ value: '', label: '—' }, ...themes.map((x) => ({ value: x.id, label: x.label }))]}
      />
      <PartnerPicker value={f.structureId} onChange={(structureId) => set({ structureId })} error={field('structureId')} />
      <SelectField
        label={t('diagnostic.ecoute.neighbourhood')}
        name="neighbourhood"
        value={f.neighbourhoodId}
        onChange={(neighbourhoodId) => set({ neighbourhoodId })}
        error={field('neighbourhoodId')}
        options={[{ value: '', label: t('diagnostic.ecoute.neighbourhoodNone') }, ...town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))]}
      />
      <div className="row">
        <DateField id="ls-date" label={t('diagnostic.ecoute.date')} value={f.date} onChange={(date) => set({ date })} error={field('date')} isRequired />
        <TimeField id="ls-time" label={t('diagnostic.ecoute.time')} value={f.time} onChange={(time) => set({ time })} error={field('time')} isRequired />
        <NumberField
          label={t('diagnostic.ecoute.duration')}
          value={f.durationMinutes}
          onChange={(durationMinutes) => set({ durationMinutes })}
          error={field('durationMinutes')}
          minValue={10}
          maxValue={600}
        />
      </div>
      <TextField
        label={t('diagnostic.ecoute.facilitator')}
        value={f.facilitator}
        onChange={(facilitator) => set({ facilitator })}
        error={field('facilitator')}
        isRequired
        name="facilitator"
      />
      <TextField label={t('diagnostic.ecoute.place')} value={f.place} onChange={(place) => set({ place })} error={field('place')} name="place" />
    </>
  );
}

const emptyForm: SessionForm = {
  kind: 'focus_group',
  title: '',
  theme: '',
  structureId: '',
  neighbourhoodId: '',
  date: '',
  time: '14:00',
  durationMinutes: 120,
  facilitator: '',
  place: '',
};

function PlanForm({ themes }: { themes: ListeningThemesOut['themes'] }) {
  const t = useT();
  const [f, setF] = useState<SessionForm>(emptyForm);
  const { error, field, run } = useFormError();
  return (
    <Card title={t('diagnostic.ecoute.plan')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const s = await api.post<SessionView>('/api/diagnostic/listening/sessions', sessionBody(f));
            navigate(`/diagnostic/ecoute/${s.id}`);
          });
        }}
      >
        <FormErrors error={error} />
        <SessionFields f={f} set={(p) => setF((prev) => ({ ...prev, ...p }))} themes={themes} field={field} />
        <Button type="submit">{t('diagnostic.ecoute.planSubmit')}</Button>
      </form>
    </Card>
  );
}

function Sessions({ sessions }: { sessions: SessionSummary[] }) {
  const t = useT();
  if (!sessions.length) return <EmptyState>{t('diagnostic.ecoute.none')}</EmptyState>;
  return (
    <ScrollRegion label={t('diagnostic.ecoute.sessionsCaption')}>
      <table>
        <caption>{t('diagnostic.ecoute.sessionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('diagnostic.ecoute.colDate')}</th>
            <th scope="col">{t('diagnostic.ecoute.colTitle')}</th>
            <th scope="col">{t('diagnostic.ecoute.colTheme')}</th>
            <th scope="col">{t('diagnostic.ecoute.colWhere')}</th>
            <th scope="col">{t('diagnostic.ecoute.colPeople')}</th>
            <th scope="col">{t('diagnostic.ecoute.colVerbatims')}</th>
            <th scope="col">{t('diagnostic.ecoute.colState')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                {frDate(s.startsAt)} {frTime(s.startsAt)}
              </td>
              <th scope="row">
                <Link to={`/diagnostic/ecoute/${s.id}`}>{s.title}</Link> {s.isDemo ? <DemoBadge /> : null}
                <div className="muted diag-small">{t(`diagnostic.ecoute.kind.${s.kind}`)}</div>
              </th>
              <td>{s.themeLabel}</td>
              <td>{[s.neighbourhood, s.partnerName].filter(Boolean).join(' · ') || '—'}</td>
              <td>{t('diagnostic.ecoute.people', { n: s.participants, attended: s.attended })}</td>
              <td>{s.verbatims}</td>
              <td>{t(`diagnostic.ecoute.state.${s.state}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Listening() {
  const t = useT();
  const sessions = useApi<{ sessions: SessionSummary[] }>('/api/diagnostic/listening/sessions');
  const themes = useApi<ListeningThemesOut>('/api/diagnostic/listening/themes');
  return (
    <>
      <PageHeader title={t('diagnostic.ecoute.title')} intro={t('diagnostic.ecoute.intro')}>
        <ListeningNav current="sessions" />
      </PageHeader>
      <Loaded resource={sessions}>{(d) => <Sessions sessions={d.sessions} />}</Loaded>
      <Loaded resource={themes}>{(d) => <PlanForm themes={d.themes} />}</Loaded>
    </>
  );
}

export default function ListeningPage() {
  return (
    <RequireRole roles={['coordinator', 'admin']}>
      <Listening />
    </RequireRole>
  );
}
