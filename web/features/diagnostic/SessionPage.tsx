/** One listening session: its participants and their consents, attendance, notes, verbatims with their themes. */
import { useState } from 'react';
import { api } from '../../app/api';
import { frDate } from '../../app/format';
import { registerMessages, useT } from '../../app/i18n';
import { useParams } from '../../app/router';
import { useTown } from '../../app/town';
import { useApi, type ApiResource } from '../../app/use-api';
import { Button } from '../../ui/Button';
import { Alert, Card, DemoBadge, EmptyState, PageHeader } from '../../ui/display';
import { DateField } from '../../ui/DateField';
import { FormErrors } from '../../ui/FormErrors';
import { Checkbox, NumberField, RadioGroup, SelectField, TextField } from '../../ui/fields';
import { LoadStatus } from '../../ui/Loaded';
import { RequireRole } from '../../ui/RequireRole';
import { AGE_BANDS } from '../../../src/modules/diagnostic/shared';
import listeningMessages from './listening-messages';
import { ListeningNav, Quote, ScrollRegion, useFormError } from './listening-ui';
import { sessionBody, SessionFields, type SessionForm } from './ListeningPage';
import type { ListeningThemesOut, ParticipantView, SessionView } from './types';
import './diagnostic.css';

registerMessages('diagnostic.ecoute', listeningMessages);

type Themes = ListeningThemesOut['themes'];

function personName(p: ParticipantView, t: ReturnType<typeof useT>): string {
  return p.firstName ?? p.pseudonym ?? t('diagnostic.ecoute.anonymousPerson');
}

function Participants({ s, update }: { s: SessionView; update: (v: SessionView) => void }) {
  const t = useT();
  const [confirm, setConfirm] = useState<string | null>(null);
  const { error, run } = useFormError();
  const open = !s.cancelled;
  return (
    <section aria-labelledby="ls-participants">
      <h2 id="ls-participants">{t('diagnostic.ecoute.participants')}</h2>
      {s.invitations.pending + s.invitations.accepted + s.invitations.declined ? (
        <p className="muted">{t('diagnostic.ecoute.invitationsCount', s.invitations)}</p>
      ) : null}
      <FormErrors error={error} />
      {!s.participantList.length ? (
        <EmptyState>{t('diagnostic.ecoute.participantsNone')}</EmptyState>
      ) : (
        <ScrollRegion label={t('diagnostic.ecoute.participantsCaption')}>
          <table>
            <caption>{t('diagnostic.ecoute.participantsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diagnostic.ecoute.colPerson')}</th>
                <th scope="col">{t('diagnostic.ecoute.colQuote')}</th>
                <th scope="col">{t('diagnostic.ecoute.colRecord')}</th>
                <th scope="col">{t('diagnostic.ecoute.colConsent')}</th>
                <th scope="col">{t('diagnostic.ecoute.colAttended')}</th>
                <th scope="col">{t('diagnostic.ecoute.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {s.participantList.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {personName(p, t)} {p.isDemo ? <DemoBadge /> : null}
                    {p.fromHousehold ? <div className="muted diag-small">{t('diagnostic.ecoute.fromFamily')}</div> : null}
                  </th>
                  <td>
                    {t(`diagnostic.ecoute.quote.${p.quoteConsent}`)}
                    <div className="muted diag-small">
                      {p.attribution ? t('diagnostic.ecoute.signedAs', { line: p.attribution }) : t('diagnostic.ecoute.notQuoted')}
                    </div>
                  </td>
                  <td>{p.recordConsent ? t('diagnostic.ecoute.recordYes') : t('diagnostic.ecoute.recordNo')}</td>
                  <td>
                    {p.withdrawnAt
                      ? t('diagnostic.ecoute.withdrawnOn', { date: frDate(p.withdrawnAt) })
                      : p.consentRecordedBy
                        ? t('diagnostic.ecoute.consentBy', { date: frDate(p.consentDate), who: p.consentRecordedBy })
                        : t('diagnostic.ecoute.consentOn', { date: frDate(p.consentDate) })}
                  </td>
                  <td>
                    {p.attended === null
                      ? t('diagnostic.ecoute.attendedUnknown')
                      : p.attended
                        ? t('diagnostic.ecoute.attendedYes')
                        : t('diagnostic.ecoute.attendedNo')}
                    {open ? (
                      <div className="diag-actions">
                        {[true, false].map((value) => (
                          <Button
                            key={String(value)}
                            variant={p.attended === value ? 'primary' : 'secondary'}
                            aria-pressed={p.attended === value}
                            aria-label={`${value ? t('diagnostic.ecoute.markPresent') : t('diagnostic.ecoute.markAbsent')} : ${personName(p, t)}`}
                            onPress={() =>
                              run(async () =>
                                update(await api.put<SessionView>(`/api/diagnostic/listening/participants/${p.id}/attendance`, { attended: value })),
                              )
                            }
                          >
                            {value ? t('diagnostic.ecoute.markPresent') : t('diagnostic.ecoute.markAbsent')}
                          </Button>
                        ))}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {p.withdrawnAt ? (
                      <span className="muted diag-small">{t('diagnostic.ecoute.withdrawNotes')}</span>
                    ) : confirm === p.id ? (
                      <div role="group" aria-label={t('diagnostic.ecoute.withdraw')}>
                        <p>{t('diagnostic.ecoute.withdrawConfirm')}</p>
                        <div className="diag-actions">
                          <Button
                            variant="danger"
                            onPress={() =>
                              run(async () => {
                                update(await api.post<SessionView>(`/api/diagnostic/listening/participants/${p.id}/withdraw`));
                                setConfirm(null);
                              })
                            }
                          >
                            {t('diagnostic.ecoute.withdrawDo')}
                          </Button>
                          <Button variant="secondary" onPress={() => setConfirm(null)}>
                            {t('diagnostic.ecoute.withdrawKeep')}
                          </Button>
                        </div>
                      </div>
                    ) : (
                      <Button variant="secondary" aria-label={`${t('diagnostic.ecoute.withdraw')} : ${personName(p, t)}`} onPress={() => setConfirm(p.id)}>
                        {t('diagnostic.ecoute.withdraw')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

const emptyPerson = {
  firstName: '',
  pseudonym: '',
  age: null as number | null,
  ageBand: '',
  neighbourhoodId: '',
  childrenCount: null as number | null,
  quoteConsent: 'first_name',
  profileConsent: false,
  recordConsent: false,
  consentDate: '',
};

function RegisterForm({ s, update }: { s: SessionView; update: (v: SessionView) => void }) {
  const t = useT();
  const town = useTown();
  const [f, setF] = useState({ ...emptyPerson, consentDate: s.date });
  const set = (p: Partial<typeof f>) => setF((prev) => ({ ...prev, ...p }));
  const { error, field, run } = useFormError();
  return (
    <Card title={t('diagnostic.ecoute.register')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            update(
              await api.post<SessionView>(`/api/diagnostic/listening/sessions/${s.id}/participants`, {
                ...f,
                ageBand: f.ageBand || null,
                neighbourhoodId: f.neighbourhoodId || null,
              }),
            );
            setF({ ...emptyPerson, consentDate: f.consentDate });
          });
        }}
      >
        <FormErrors error={error} />
        <RadioGroup
          label={t('diagnostic.ecoute.quoteConsent')}
          value={f.quoteConsent}
          onChange={(quoteConsent) => set({ quoteConsent })}
          error={field('quoteConsent')}
          options={['first_name', 'pseudonym', 'anonymous', 'none'].map((v) => ({ value: v, label: t(`diagnostic.ecoute.quote.${v}`) }))}
        />
        <div className="row">
          <TextField
            label={t('diagnostic.ecoute.firstName')}
            value={f.firstName}
            onChange={(firstName) => set({ firstName })}
            error={field('firstName')}
            name="firstName"
          />
          <TextField
            label={t('diagnostic.ecoute.pseudonym')}
            value={f.pseudonym}
            onChange={(pseudonym) => set({ pseudonym })}
            error={field('pseudonym')}
            name="pseudonym"
          />
        </div>
        <div className="row">
          <NumberField
            label={t('diagnostic.ecoute.age')}
            value={f.age}
            onChange={(age) => set({ age })}
            error={field('age')}
            minValue={14}
            maxValue={110}
            name="age"
          />
          <SelectField
            label={t('diagnostic.ecoute.ageBand')}
            name="ageBand"
            value={f.ageBand}
            onChange={(ageBand) => set({ ageBand })}
            error={field('ageBand')}
            options={[{ value: '', label: t('diagnostic.ecoute.ageBandNone') }, ...Object.entries(AGE_BANDS).map(([value, label]) => ({ value, label }))]}
          />
        </div>
        <div className="row">
          <SelectField
            label={t('diagnostic.ecoute.participantNeighbourhood')}
            name="participant-neighbourhood"
            value={f.neighbourhoodId}
            onChange={(neighbourhoodId) => set({ neighbourhoodId })}
            error={field('neighbourhoodId')}
            options={[{ value: '', label: t('diagnostic.ecoute.neighbourhoodNone') }, ...town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))]}
          />
          <NumberField
            label={t('diagnostic.ecoute.children')}
            value={f.childrenCount}
            onChange={(childrenCount) => set({ childrenCount })}
            error={field('childrenCount')}
            minValue={0}
            maxValue={20}
            name="children"
          />
        </div>
        <Checkbox isSelected={f.profileConsent} onChange={(profileConsent) => set({ profileConsent })}>
          {t('diagnostic.ecoute.profileConsent')}
        </Checkbox>
        <Checkbox isSelected={f.recordConsent} onChange={(recordConsent) => set({ recordConsent })}>
          {t('diagnostic.ecoute.recordConsent')}
        </Checkbox>
        <DateField
          id="ls-consent-date"
          label={t('diagnostic.ecoute.consentDate')}
          value={f.consentDate}
          onChange={(consentDate) => set({ consentDate })}
          error={field('consentDate')}
          isRequired
        />
        <Button type="submit">{t('diagnostic.ecoute.registerSubmit')}</Button>
      </form>
    </Card>
  );
}

function ThemeBoxes({ themes, value, onChange, legend }: { themes: Themes; value: string[]; onChange: (v: string[]) => void; legend: string }) {
  return (
    <fieldset className="diag-themes">
      <legend>{legend}</legend>
      {themes.map((th) => (
        <Checkbox key={th.id} isSelected={value.includes(th.id)} onChange={(on) => onChange(on ? [...value, th.id] : value.filter((x) => x !== th.id))}>
          {th.label}
        </Checkbox>
      ))}
    </fieldset>
  );
}

function Verbatims({ s, themes, update }: { s: SessionView; themes: Themes; update: (v: SessionView) => void }) {
  const t = useT();
  const { error, run } = useFormError();
  const patch = (id: string, body: Record<string, unknown>) =>
    run(async () => update(await api.patch<SessionView>(`/api/diagnostic/listening/verbatims/${id}`, body)));
  return (
    <section aria-labelledby="ls-verbatims">
      <h2 id="ls-verbatims">{t('diagnostic.ecoute.verbatims')}</h2>
      <FormErrors error={error} />
      {!s.verbatimList.length ? <EmptyState>{t('diagnostic.ecoute.verbatimsNone')}</EmptyState> : null}
      {s.verbatimList.map((v) => (
        <Quote key={v.id} v={v}>
          <ThemeBoxes
            themes={themes}
            value={v.themes}
            legend={t('diagnostic.ecoute.themesOf', { who: v.attribution })}
            onChange={(next) => patch(v.id, { themes: next })}
          />
          <div className="diag-actions">
            {v.inReport ? <strong className="diag-tag">{t('diagnostic.ecoute.inReport')}</strong> : null}
            <Button variant="secondary" onPress={() => patch(v.id, { inReport: !v.inReport })}>
              {v.inReport ? t('diagnostic.ecoute.takeOutOfReport') : t('diagnostic.ecoute.putInReport')}
            </Button>
            <Button variant="ghost" onPress={() => run(async () => update(await api.del<SessionView>(`/api/diagnostic/listening/verbatims/${v.id}`)))}>
              {t('diagnostic.ecoute.removeVerbatim')}
            </Button>
          </div>
        </Quote>
      ))}
    </section>
  );
}

function VerbatimForm({ s, themes, update }: { s: SessionView; themes: Themes; update: (v: SessionView) => void }) {
  const t = useT();
  const speakers = s.participantList.filter((p) => p.attribution !== null);
  const [f, setF] = useState({ participantId: '', text: '', themes: [s.theme] as string[] });
  const { error, field, run } = useFormError();
  return (
    <Card title={t('diagnostic.ecoute.recordVerbatim')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            update(await api.post<SessionView>(`/api/diagnostic/listening/sessions/${s.id}/verbatims`, f));
            setF((prev) => ({ ...prev, text: '', themes: [s.theme] }));
          });
        }}
      >
        <FormErrors error={error} />
        <SelectField
          label={t('diagnostic.ecoute.speaker')}
          name="speaker"
          value={f.participantId}
          onChange={(participantId) => setF((prev) => ({ ...prev, participantId }))}
          error={field('participantId')}
          isRequired
          options={[{ value: '', label: t('diagnostic.ecoute.speakerNone') }, ...speakers.map((p) => ({ value: p.id, label: p.attribution! }))]}
        />
        <TextField
          label={t('diagnostic.ecoute.text')}
          multiline
          value={f.text}
          onChange={(text) => setF((prev) => ({ ...prev, text }))}
          error={field('text')}
          isRequired
          name="text"
        />
        <ThemeBoxes themes={themes} value={f.themes} onChange={(next) => setF((prev) => ({ ...prev, themes: next }))} legend={t('diagnostic.ecoute.themes')} />
        {field('themes') ? <p className="error">{field('themes')}</p> : null}
        <Button type="submit">{t('diagnostic.ecoute.recordSubmit')}</Button>
      </form>
    </Card>
  );
}

function DetailsForm({ s, themes, update }: { s: SessionView; themes: Themes; update: (v: SessionView) => void }) {
  const t = useT();
  const [f, setF] = useState<SessionForm & { notes: string }>({
    kind: s.kind,
    title: s.title,
    theme: s.theme,
    structureId: s.structureId ?? '',
    neighbourhoodId: s.neighbourhoodId ?? '',
    date: s.date,
    time: s.time,
    durationMinutes: s.durationMinutes,
    facilitator: s.facilitator,
    place: s.place ?? '',
    notes: s.notes,
  });
  const [saved, setSaved] = useState(false);
  const [reason, setReason] = useState('');
  const { error, field, run } = useFormError();
  return (
    <Card title={t('diagnostic.ecoute.details')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void run(async () => {
            update(await api.put<SessionView>(`/api/diagnostic/listening/sessions/${s.id}`, { ...sessionBody(f), notes: f.notes }));
            setSaved(true);
          });
        }}
      >
        <FormErrors error={error} />
        <TextField
          label={t('diagnostic.ecoute.notes')}
          help={t('diagnostic.ecoute.notesHelp')}
          multiline
          value={f.notes}
          onChange={(notes) => setF((prev) => ({ ...prev, notes }))}
          error={field('notes')}
          name="notes"
        />
        {s.partnerName ? <p className="muted">{s.partnerName}</p> : null}
        <SessionFields f={f} set={(p) => setF((prev) => ({ ...prev, ...p }))} themes={themes} field={field} />
        <Button type="submit">{t('diagnostic.ecoute.edit')}</Button>
        {saved ? (
          <p role="status" className="muted">
            {t('diagnostic.ecoute.saved')}
          </p>
        ) : null}
      </form>
      <form
        className="diag-cancel"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => update(await api.post<SessionView>(`/api/diagnostic/listening/sessions/${s.id}/cancel`, { reason })));
        }}
      >
        <TextField label={t('diagnostic.ecoute.cancelReason')} value={reason} onChange={setReason} error={field('reason')} name="reason" />
        <Button type="submit" variant="danger">
          {t('diagnostic.ecoute.cancel')}
        </Button>
      </form>
    </Card>
  );
}

function Session({ id }: { id: string }) {
  const t = useT();
  const r: ApiResource<SessionView> = useApi<SessionView>(`/api/diagnostic/listening/sessions/${id}`);
  const themes = useApi<ListeningThemesOut>('/api/diagnostic/listening/themes');
  if (!r.data || !themes.data) return <LoadStatus data={r.data && themes.data} error={r.error ?? themes.error} reload={r.reload} />;
  const s = r.data;
  const update = (v: SessionView) => r.setData(v);
  return (
    <>
      <PageHeader
        title={s.title}
        intro={t('diagnostic.ecoute.sessionIntro', {
          kind: t(`diagnostic.ecoute.kind.${s.kind}`),
          date: `${frDate(s.startsAt)} ${s.time.replace(':', ' h ')}`,
          theme: s.themeLabel,
        })}
      >
        {s.isDemo ? <DemoBadge /> : null}
        <ListeningNav current="session" />
      </PageHeader>
      {s.cancelled ? <Alert tone="warning" title={t('diagnostic.ecoute.cancelled', { reason: s.cancelReason ?? '' })} /> : null}
      {s.notes && s.cancelled ? <p>{s.notes}</p> : null}
      <Participants s={s} update={update} />
      {!s.cancelled ? <RegisterForm key={`p${s.participantList.length}`} s={s} update={update} /> : null}
      <Verbatims s={s} themes={themes.data.themes} update={update} />
      {!s.cancelled ? <VerbatimForm s={s} themes={themes.data.themes} update={update} /> : null}
      {!s.cancelled ? <DetailsForm s={s} themes={themes.data.themes} update={update} /> : null}
    </>
  );
}

export default function SessionPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['coordinator', 'admin']}>
      <Session id={id!} />
    </RequireRole>
  );
}
