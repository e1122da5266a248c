/** Staff side of the tutorat: volunteer tutors (entering one validates it) and requests to assign, with the tutors proposed. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useTown } from '../../app/town';
import { useApi } from '../../app/use-api';
import { Button, Checkbox, DemoBadge, FormErrors, Loaded, SelectField, TextField } from '../../ui';
import type { Tutors, TutoringQueue } from '../../../src/modules/entraide';
import { clock, WEEKDAYS } from './format';
import { LEVELS, SUBJECTS } from './TutoratView';
import { FormHead, useFormSubmit } from './inputs';

function toggle<T>(list: T[], v: T, on: boolean): T[] {
  return on ? [...list, v] : list.filter((x) => x !== v);
}

function AddTutor({ onDone }: { onDone: () => void }) {
  const t = useT();
  const town = useTown();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [subjects, setSubjects] = useState<string[]>([]);
  const [levels, setLevels] = useState<string[]>([]);
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [hood, setHood] = useState(town.neighbourhoods[0]?.id ?? '');
  const [from, setFrom] = useState('14:00');
  const [to, setTo] = useState('18:00');
  const { error, done, submit } = useFormSubmit(async () => {
    await api.post('/api/entraide/tutors', { displayName: name, phone: phone || null, subjects, levels, neighbourhoodId: hood, weekdays, from, to });
    setName('');
    setPhone('');
    onDone();
    return t('entraide.tutorAdded');
  });
  return (
    <form onSubmit={submit} className="stack entraide-form">
      <FormHead title={t('entraide.tutorAdd')} level={3} error={error} done={done} />
      <TextField
        label={t('entraide.tutorName')}
        help={t('entraide.tutorNameHelp')}
        value={name}
        onChange={setName}
        isRequired
        error={error?.field('displayName')}
      />
      <TextField label={t('entraide.phone')} value={phone} onChange={setPhone} error={error?.field('phone')} />
      <fieldset className="entraide-checks">
        <legend>{t('entraide.tutoringSubject')}</legend>
        {SUBJECTS.map((s) => (
          <Checkbox key={s} isSelected={subjects.includes(s)} onChange={(on) => setSubjects(toggle(subjects, s, on))}>
            {t(`entraide.subject_${s}`)}
          </Checkbox>
        ))}
        {error?.field('subjects') ? <p className="error">{error.field('subjects')}</p> : null}
      </fieldset>
      <fieldset className="entraide-checks">
        <legend>{t('entraide.tutoringLevel')}</legend>
        {LEVELS.map((l) => (
          <Checkbox key={l} isSelected={levels.includes(l)} onChange={(on) => setLevels(toggle(levels, l, on))}>
            {t(`entraide.level_${l}`)}
          </Checkbox>
        ))}
        {error?.field('levels') ? <p className="error">{error.field('levels')}</p> : null}
      </fieldset>
      <fieldset className="entraide-checks">
        <legend>{t('entraide.tutorDays')}</legend>
        {WEEKDAYS.map((w) => (
          <Checkbox key={w} isSelected={weekdays.includes(w)} onChange={(on) => setWeekdays(toggle(weekdays, w, on))}>
            {t(`entraide.day${w}`)}
          </Checkbox>
        ))}
        {error?.field('weekdays') ? <p className="error">{error.field('weekdays')}</p> : null}
      </fieldset>
      <TextField label={t('entraide.tutoringFrom')} value={from} onChange={setFrom} isRequired error={error?.field('from')} />
      <TextField label={t('entraide.tutoringTo')} value={to} onChange={setTo} isRequired error={error?.field('to')} />
      <SelectField
        name="tutor-neighbourhood"
        label={t('entraide.neighbourhood')}
        value={hood}
        onChange={setHood}
        options={town.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
      />
      <Button type="submit">{t('entraide.tutorSave')}</Button>
    </form>
  );
}

export function TutorsStaff() {
  const t = useT();
  const town = useTown();
  const tutors = useApi<Tutors>('/api/entraide/tutors');
  const queue = useApi<TutoringQueue>('/api/entraide/tutoring/queue');
  const [error, setError] = useState<ApiError | null>(null);
  const hoodName = (id: string | null) => town.neighbourhoods.find((n) => n.id === id)?.name ?? t('entraide.tutoringNoHood');
  async function assign(id: string, tutorId: string) {
    try {
      await api.post(`/api/entraide/tutoring/${id}/assign`, { tutorId });
      setError(null);
      queue.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <section aria-labelledby="staff-tutoring" className="stack">
      <h2 id="staff-tutoring">{t('entraide.staffTutoring')}</h2>
      <FormErrors error={error} />
      <h3>{t('entraide.tutoringQueue')}</h3>
      <Loaded resource={queue}>
        {(d) =>
          d.requests.length ? (
            <ul className="entraide-list">
              {d.requests.map((q) => (
                <li key={q.id} className="entraide-card">
                  <h4>
                    {t(`entraide.subject_${q.subject}`)} ({t(`entraide.level_${q.level}`)}) · {hoodName(q.neighbourhoodId)}
                  </h4>
                  <p className="muted">{t('entraide.tutoringWhen', { day: t(`entraide.day${q.weekday}`), from: clock(q.from), to: clock(q.to) })}</p>
                  {q.proposals.length ? (
                    <div className="entraide-actions">
                      {q.proposals.map((p) => (
                        <Button key={p.tutorId} variant="secondary" onPress={() => assign(q.id, p.tutorId)}>
                          {t('entraide.tutoringAssign', { name: p.name, km: p.km === null ? '?' : p.km.toLocaleString('fr-FR') })}
                        </Button>
                      ))}
                    </div>
                  ) : (
                    <p>{t('entraide.tutoringNoProposal')}</p>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('entraide.tutoringQueueEmpty')}</p>
          )
        }
      </Loaded>
      <h3>{t('entraide.tutorsList')}</h3>
      <Loaded resource={tutors}>
        {(d) =>
          d.tutors.length ? (
            <ul className="entraide-list">
              {d.tutors.map((tu) => (
                <li key={tu.id} className="entraide-card">
                  <h4>
                    {tu.displayName} {tu.isDemo ? <DemoBadge /> : null}
                  </h4>
                  <p className="muted">
                    {tu.subjects.map((s) => t(`entraide.subject_${s}`)).join(', ')} · {tu.levels.map((l) => t(`entraide.level_${l}`)).join(', ')} ·{' '}
                    {hoodName(tu.neighbourhoodId)}
                  </p>
                  <p className="muted">
                    {tu.weekdays.map((w) => t(`entraide.day${w}`)).join(', ')}, {clock(tu.from)} – {clock(tu.to)}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('entraide.tutorsNone')}</p>
          )
        }
      </Loaded>
      <AddTutor
        onDone={() => {
          tutors.reload();
          queue.reload();
        }}
      />
    </section>
  );
}
