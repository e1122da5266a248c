/** Tutorat for a family: ask for a volunteer tutor for a child, see who was found, note the sessions done. */
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { useQueuedForms } from '../../app/pwa';
import { useApi } from '../../app/use-api';
import { Button, FormErrors, Loaded, NumberField, SelectField, TextField } from '../../ui';
import type { MyTutoring } from '../../../src/modules/entraide';
import { WEEKDAYS, hours, useEntraideFormat } from './format';
import { FormHead, NativeDateField, useFormSubmit } from './inputs';

export const SUBJECTS = ['francais', 'maths', 'anglais', 'sciences', 'histoire-geo', 'devoirs'] as const;
export const LEVELS = ['primaire', 'college', 'lycee'] as const;

function SessionForm({ id, child, onDone }: { id: string; child: string; onDone: () => void }) {
  const t = useT();
  const [day, setDay] = useState('');
  const [minutes, setMinutes] = useState<number | null>(60);
  const [error, setError] = useState<ApiError | null>(null);
  // Without network the session waits on the phone and is noted when it returns (issue 19).
  const queue = useQueuedForms();
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const sent = await queue.send({
        method: 'POST',
        url: `/api/entraide/tutoring/${id}/sessions`,
        body: { day, minutes: minutes ?? 0 },
        label: t('pwa.tutoringSession', { what: child }),
      });
      setError(null);
      setDay('');
      if (!sent.queued) onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="stack">
      <FormErrors error={error} />
      {queue.notice}
      <NativeDateField id={`session-${id}`} label={t('entraide.sessionDay')} value={day} onChange={setDay} error={error?.field('day')} />
      <NumberField
        label={t('entraide.sessionMinutes')}
        value={minutes}
        onChange={setMinutes}
        minValue={15}
        maxValue={240}
        step={15}
        error={error?.field('minutes')}
      />
      <Button type="submit">{t('entraide.sessionLog')}</Button>
    </form>
  );
}

function AskForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [child, setChild] = useState('');
  const [subject, setSubject] = useState('maths');
  const [level, setLevel] = useState('college');
  const [weekday, setWeekday] = useState('3');
  const [from, setFrom] = useState('14:00');
  const [to, setTo] = useState('16:00');
  // Without network the request waits on the phone and goes when it returns (issue 19).
  const queue = useQueuedForms();
  const { error, done, submit } = useFormSubmit(async () => {
    const body = { childFirstName: child, subject, level, weekday: Number(weekday), from, to };
    const sent = await queue.send({ method: 'POST', url: '/api/entraide/tutoring', body, label: t('pwa.tutoring', { what: child }) });
    setChild('');
    if (sent.queued) return '';
    onDone();
    return t('entraide.tutoringAsked');
  });
  return (
    <form onSubmit={submit} className="stack entraide-form">
      <FormHead title={t('entraide.tutoringAsk')} error={error} done={done} />
      {queue.notice}
      <TextField label={t('entraide.tutoringChild')} value={child} onChange={setChild} isRequired error={error?.field('childFirstName')} />
      <SelectField
        label={t('entraide.tutoringSubject')}
        value={subject}
        onChange={setSubject}
        options={SUBJECTS.map((s) => ({ value: s, label: t(`entraide.subject_${s}`) }))}
      />
      <SelectField
        label={t('entraide.tutoringLevel')}
        value={level}
        onChange={setLevel}
        options={LEVELS.map((l) => ({ value: l, label: t(`entraide.level_${l}`) }))}
      />
      <SelectField
        label={t('entraide.rideDay')}
        value={weekday}
        onChange={setWeekday}
        options={WEEKDAYS.map((w) => ({ value: String(w), label: t(`entraide.day${w}`) }))}
      />
      <TextField
        label={t('entraide.tutoringFrom')}
        help={t('entraide.rideArriveHelp')}
        value={from}
        onChange={setFrom}
        isRequired
        error={error?.field('from')}
      />
      <TextField label={t('entraide.tutoringTo')} value={to} onChange={setTo} isRequired error={error?.field('to')} />
      <Button type="submit">{t('entraide.tutoringSend')}</Button>
    </form>
  );
}

export function TutoratView() {
  const t = useT();
  const ef = useEntraideFormat();
  const r = useApi<MyTutoring>('/api/entraide/tutoring');
  return (
    <div className="stack">
      <p>{t('entraide.tutoringIntro')}</p>
      <section aria-labelledby="tutoring-mine" className="stack">
        <h2 id="tutoring-mine">{t('entraide.tutoringMine')}</h2>
        <Loaded resource={r}>
          {(d) =>
            d.requests.length ? (
              <ul className="entraide-list">
                {d.requests.map((q) => (
                  <li key={q.id} className="entraide-card">
                    <h3>
                      {q.childFirstName} · {t(`entraide.subject_${q.subject}`)} ({t(`entraide.level_${q.level}`)})
                    </h3>
                    <p className="muted">{t('entraide.tutoringWhen', { day: t(`entraide.day${q.weekday}`), from: ef.clock(q.from), to: ef.clock(q.to) })}</p>
                    {q.tutor ? (
                      <>
                        <p>
                          {t('entraide.tutoringTutor')} : <strong>{q.tutor.name}</strong>
                          {q.tutor.phone ? (
                            <>
                              {' '}
                              · {t('entraide.phone')} : <a href={`tel:${q.tutor.phone}`}>{q.tutor.phone}</a>
                            </>
                          ) : null}
                        </p>
                        <p>{t('entraide.tutoringDone', { hours: hours(q.minutesDone) })}</p>
                        <SessionForm id={q.id} child={q.childFirstName} onDone={r.reload} />
                      </>
                    ) : (
                      <p>{t('entraide.tutoringSearching')}</p>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('entraide.tutoringNone')}</p>
            )
          }
        </Loaded>
      </section>
      <AskForm onDone={r.reload} />
    </div>
  );
}
