/** A room: live messages, the composer, report/block/delete, the private help card, quick exit, and the facilitator's controls. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useI18n, useT, type T } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { Link, navigate, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useSession } from '../../app/session';
import { Alert, Button, FormErrors, LoadStatus, NumberField, PageHeader, RequireRole, TextField } from '../../ui';
import { DateField } from '../../ui/DateField';
import type { MessageView, Posted, Room } from '../../../src/modules/groupes';
import messages from './messages';
import { formatMoment, formatTime, quickExit, useLiveRoom } from './live';
import './groupes.css';

registerMessages('groupes', messages);

function QuickExit() {
  const t = useT();
  return (
    <div className="groupes-exit">
      <button type="button" onClick={quickExit} title={t('groupes.quickExitHelp')} data-testid="quick-exit">
        {t('groupes.quickExit')}
      </button>
    </div>
  );
}

/** A help line's description in the reader's language, by its number; null for a number the catalogue does not know. */
function helpLine(t: T, number: string): string | null {
  const key = `groupes.helpLine.${number}`;
  const v = t(key);
  return v === key ? null : v;
}

function HelpCard({ help, onClose }: { help: NonNullable<Posted['help']>; onClose: () => void }) {
  const t = useT();
  return (
    <section className="groupes-help" role="alert" aria-labelledby="groupes-help-title">
      <h2 id="groupes-help-title">{t('groupes.helpTitle')}</h2>
      <p>{t('groupes.helpIntro')}</p>
      <ul>
        {help.lines.map((l) => (
          <li key={l.number}>
            <a href={l.number === '114' ? `sms:${l.number}` : `tel:${l.number}`} dir="ltr">
              {l.number}
            </a>{' '}
            — {helpLine(t, l.number) ?? <Fr>{l.label}</Fr>}
          </li>
        ))}
      </ul>
      <Button variant="secondary" onPress={onClose}>
        {t('groupes.helpClose')}
      </Button>
    </section>
  );
}

function Message({ m, room, onError, onInfo }: { m: MessageView; room: Room; onError: (e: string) => void; onInfo: (s: string) => void }) {
  const t = useT();
  const { locale } = useI18n();
  const [reporting, setReporting] = useState(false);
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const act = async (fn: () => Promise<unknown>, info?: string) => {
    try {
      await fn();
      if (info) onInfo(info);
      setReporting(false);
      setHiding(false);
      setReason('');
    } catch (err) {
      onError((err as ApiError).message);
    }
  };
  const base = `/api/groupes/rooms/${room.id}/messages/${m.seq}`;
  let body;
  if (m.deleted) body = <p className="muted">{t('groupes.deleted')}</p>;
  else if (m.hidden) body = <p className="muted">{m.hiddenReason ? t('groupes.hiddenMine', { reason: m.hiddenReason }) : t('groupes.hidden')}</p>;
  // In the language its author wrote it (their pages' language): read aloud so, its direction its own.
  else
    body = (
      <p lang={m.lang} dir="auto">
        {m.body}
      </p>
    );
  return (
    <li className="groupes-message" data-mine={m.mine} data-facilitator={m.byFacilitator} data-seq={m.seq}>
      <header>
        <strong>{m.deleted ? '—' : m.pseudonym}</strong>
        {m.byFacilitator ? <span>({t('groupes.facilitator')})</span> : null}
        {m.mine ? <span>({t('groupes.you')})</span> : null}
        {m.kind === 'summary' ? <span>{t('groupes.summary')}</span> : null}
        <span className="muted">{formatTime(m.createdAt, locale)}</span>
      </header>
      {body}
      {!m.deleted && !m.hidden ? (
        <div className="groupes-actions">
          {m.mine ? (
            <Button variant="secondary" onPress={() => act(() => api.del(base))}>
              {t('groupes.delete')}
            </Button>
          ) : (
            <>
              <Button variant="secondary" onPress={() => setReporting((v) => !v)} aria-label={`${t('groupes.report')} (${m.pseudonym})`}>
                {t('groupes.report')}
              </Button>
              {!m.byFacilitator ? (
                <Button
                  variant="secondary"
                  onPress={() => act(() => api.post(`${base}/block`, {}), t('groupes.blocked'))}
                  aria-label={`${t('groupes.block')} (${m.pseudonym})`}
                >
                  {t('groupes.block')}
                </Button>
              ) : null}
            </>
          )}
          {room.moderator ? (
            <>
              <Button variant="secondary" onPress={() => setHiding((v) => !v)}>
                {t('groupes.hide')}
              </Button>
              <Button variant="secondary" onPress={() => act(() => api.put(`/api/groupes/rooms/${room.id}/pin`, { seq: m.seq }))}>
                {t('groupes.pin')}
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {reporting ? (
        <form onSubmit={(e) => (e.preventDefault(), act(() => api.post(`${base}/report`, { reason }), t('groupes.reported')))}>
          <TextField label={t('groupes.reportReason')} value={reason} onChange={setReason} />
          <Button type="submit">{t('groupes.report')}</Button>
        </form>
      ) : null}
      {hiding ? (
        <form onSubmit={(e) => (e.preventDefault(), act(() => api.post(`${base}/hide`, { reason })))}>
          <TextField label={t('groupes.hideReason')} value={reason} onChange={setReason} isRequired />
          <Button type="submit">{t('groupes.hide')}</Button>
        </form>
      ) : null}
    </li>
  );
}

function Composer({ room, onPosted }: { room: Room; onPosted: (p: Posted) => void }) {
  const t = useT();
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const p = await api.post<Posted>(`/api/groupes/rooms/${room.id}/messages`, { body });
      setBody('');
      setError(null);
      onPosted(p);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit}>
      {error && !error.field('body') ? (
        <Alert tone="error" live>
          {error.message}
        </Alert>
      ) : null}
      <TextField label={t('groupes.write')} value={body} onChange={setBody} multiline isRequired error={error?.field('body')} />
      <Button type="submit">{t('groupes.send')}</Button>
    </form>
  );
}

/** Coordination names a facilitator by the e-mail of its account (an agent or a coordinator). */
function Appoint({ room, reload }: { room: Room; reload: () => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post(`/api/groupes/rooms/${room.id}/facilitators`, { email, pseudonym });
      setEmail('');
      setPseudonym('');
      setError(null);
      reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit} className="groupes-inline-form">
      {error && !error.field('email') && !error.field('pseudonym') ? <FormErrors error={error} /> : null}
      <TextField label={t('groupes.appointEmail')} value={email} onChange={setEmail} isRequired error={error?.field('email')} />
      <TextField label={t('groupes.appointPseudonym')} value={pseudonym} onChange={setPseudonym} isRequired error={error?.field('pseudonym')} />
      <Button type="submit" variant="secondary">
        {t('groupes.appoint')}
      </Button>
    </form>
  );
}

/** Leaving is the member's own choice: it may come back (unlike a removal by the animation). */
function Leave({ room }: { room: Room }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="groupes-leave" className="groupes-leave">
      <h2 id="groupes-leave">{t('groupes.leave')}</h2>
      <p>{t('groupes.leaveHelp')}</p>
      {error ? (
        <Alert tone="error" live>
          {error}
        </Alert>
      ) : null}
      {asking ? (
        <p className="groupes-actions">
          <Button
            onPress={async () => {
              try {
                await api.post(`/api/groupes/rooms/${room.id}/leave`, {});
                navigate('/groupes');
              } catch (err) {
                setError((err as ApiError).message);
              }
            }}
          >
            {t('groupes.leaveConfirm')}
          </Button>{' '}
          <Button variant="secondary" onPress={() => setAsking(false)}>
            {t('groupes.cancel')}
          </Button>
        </p>
      ) : (
        <Button variant="secondary" onPress={() => setAsking(true)}>
          {t('groupes.leave')}
        </Button>
      )}
    </section>
  );
}

function Controls({ room, reload }: { room: Room; reload: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const { user } = useSession();
  const coordination = user?.role === 'coordinator' || user?.role === 'admin';
  const [slow, setSlow] = useState(room.slowModeSeconds);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const current = room.sessions.find((s) => s.status === 'scheduled');
  const toSummarise = room.sessions.find((s) => s.status === 'closed' && s.summarySeq === null);
  return (
    <section aria-labelledby="groupes-controls" className="card">
      <h2 id="groupes-controls">{t('groupes.controls')}</h2>
      {error ? (
        <Alert tone="error" live>
          {error.message}
        </Alert>
      ) : null}
      <form onSubmit={(e) => (e.preventDefault(), act(() => api.put(`/api/groupes/rooms/${room.id}/slow-mode`, { seconds: slow })))}>
        <NumberField
          label={t('groupes.slowMode')}
          value={slow}
          onChange={(v) => setSlow(v ?? 0)}
          minValue={0}
          maxValue={3600}
          error={error?.field('seconds')}
        />
        <Button type="submit" variant="secondary">
          {t('groupes.apply')}
        </Button>
      </form>
      <h3>{t('groupes.facilitators')}</h3>
      {coordination ? (
        <ul className="groupes-roster">
          {room.roster
            .filter((m) => m.role === 'facilitator')
            .map((m) => (
              <li key={m.userId}>
                <span>{m.pseudonym}</span>
                <Button
                  variant="secondary"
                  onPress={() => act(() => api.del(`/api/groupes/rooms/${room.id}/facilitators/${m.userId}`))}
                  aria-label={`${t('groupes.withdrawFacilitator')} : ${m.pseudonym}`}
                >
                  {t('groupes.withdrawFacilitator')}
                </Button>
              </li>
            ))}
        </ul>
      ) : null}
      {coordination && room.roster.some((m) => m.role === 'facilitator') ? null : (
        <p>
          {room.roster
            .filter((m) => m.role === 'facilitator')
            .map((m) => m.pseudonym)
            .join(', ') || t('groupes.noFacilitator')}
        </p>
      )}
      {coordination ? <Appoint room={room} reload={reload} /> : null}
      <h3>{t('groupes.roster')}</h3>
      <ul className="groupes-roster">
        {room.roster
          .filter((m) => m.role === 'member' && !m.removed)
          .map((m) => (
            <li key={m.userId}>
              <span>
                {m.pseudonym}
                {m.mutedUntil ? <span className="muted"> ({t('groupes.mutedTag', { time: formatTime(m.mutedUntil, locale) })})</span> : null}
              </span>
              {m.mutedUntil ? (
                <Button variant="secondary" onPress={() => act(() => api.put(`/api/groupes/rooms/${room.id}/members/${m.userId}/mute`, { minutes: 0 }))}>
                  {t('groupes.unmute')}
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  onPress={() => act(() => api.put(`/api/groupes/rooms/${room.id}/members/${m.userId}/mute`, { minutes: 10 }))}
                  aria-label={`${t('groupes.mute')} : ${m.pseudonym}`}
                >
                  {t('groupes.mute')}
                </Button>
              )}
              <Button
                variant="secondary"
                onPress={() => act(() => api.post(`/api/groupes/rooms/${room.id}/members/${m.userId}/remove`, {}))}
                aria-label={`${t('groupes.remove')} : ${m.pseudonym}`}
              >
                {t('groupes.remove')}
              </Button>
            </li>
          ))}
      </ul>
      <h3>{t('groupes.removedList')}</h3>
      {room.roster.some((m) => m.removed) ? (
        <ul className="groupes-roster" data-testid="removed">
          {room.roster
            .filter((m) => m.removed)
            .map((m) => (
              <li key={m.userId}>
                <span>{m.pseudonym}</span>
                <Button
                  variant="secondary"
                  onPress={() => act(() => api.post(`/api/groupes/rooms/${room.id}/members/${m.userId}/readmit`, {}))}
                  aria-label={`${t('groupes.readmit')} : ${m.pseudonym}`}
                >
                  {t('groupes.readmit')}
                </Button>
              </li>
            ))}
        </ul>
      ) : (
        <p>{t('groupes.noRemoved')}</p>
      )}
      {current ? (
        <p>
          <Fr>{current.title}</Fr> · {formatMoment(current.startsAt, locale)}{' '}
          <Button variant="secondary" onPress={() => act(() => api.post(`/api/groupes/sessions/${current.id}/close`, {}))}>
            {t('groupes.close')}
          </Button>
        </p>
      ) : null}
      {toSummarise ? (
        <form onSubmit={(e) => (e.preventDefault(), act(() => api.post(`/api/groupes/sessions/${toSummarise.id}/summary`, { summary })))}>
          <TextField label={t('groupes.summaryField')} value={summary} onChange={setSummary} multiline isRequired error={error?.field('summary')} />
          <Button type="submit">{t('groupes.postSummary')}</Button>
        </form>
      ) : null}
      <h3>{t('groupes.schedule')}</h3>
      <form
        onSubmit={(e) => (
          e.preventDefault(),
          // Paris time as typed: the server reads it in Paris, whatever the phone's time zone.
          act(() => api.post(`/api/groupes/rooms/${room.id}/sessions`, { title, startsAt, minutes }))
        )}
      >
        <TextField label={t('groupes.sessionTitle')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
        <DateField
          id="groupes-start"
          name="startsAt"
          withTime
          label={t('groupes.sessionStart')}
          value={startsAt}
          onChange={setStartsAt}
          error={error?.field('startsAt')}
        />
        <NumberField label={t('groupes.sessionMinutes')} value={minutes} onChange={(v) => setMinutes(v ?? 60)} minValue={15} maxValue={240} />
        <Button type="submit" variant="secondary">
          {t('groupes.schedule')}
        </Button>
      </form>
    </section>
  );
}

function RoomView({ id }: { id: string }) {
  const t = useT();
  const { locale } = useI18n();
  const room = useApi<Room>(`/api/groupes/rooms/${id}`, { keepPrevious: true });
  const [alerted, setAlerted] = useState(false);
  const live = useLiveRoom(room.data ? id : null, (type) => {
    if (type === 'alert') setAlerted(true);
    room.reload();
  });
  const [help, setHelp] = useState<Posted['help']>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = room.data;
  return (
    <>
      <QuickExit />
      <PageHeader title={r?.name ?? t('groupes.title')} titleLang={r && locale !== 'fr' ? 'fr' : undefined} />
      <p>
        <Link to="/groupes">{t('groupes.back')}</Link>
        {r?.moderator ? (
          <>
            {' · '}
            <Link to="/groupes/moderation">{t('groupes.moderation')}</Link>
          </>
        ) : null}
      </p>
      <LoadStatus data={r} error={room.error} reload={room.reload} />
      {r ? (
        <>
          {help ? <HelpCard help={help} onClose={() => setHelp(null)} /> : null}
          {alerted && r.moderator ? (
            <Alert tone="warning" live>
              <Link to="/groupes/moderation">{t('groupes.alerts')}</Link>
            </Alert>
          ) : null}
          {info ? (
            <Alert tone="success" live>
              {info}
            </Alert>
          ) : null}
          {error ? (
            <Alert tone="error" live>
              {error}
            </Alert>
          ) : null}
          {r.pinned ? (
            <Alert tone="info" title={t('groupes.pinned')}>
              <p>
                {r.pinned.pseudonym} :{' '}
                <bdi lang={r.pinned.lang} dir="auto">
                  {r.pinned.body}
                </bdi>
              </p>
            </Alert>
          ) : null}
          {r.slowModeSeconds > 0 ? <p className="groupes-status">{t('groupes.slow', { n: r.slowModeSeconds })}</p> : null}
          {live.state === 'ended' ? (
            <Alert tone="warning" live>
              <p>{t('groupes.sessionEnded')}</p>
              <Link to="/connexion">{t('groupes.login')}</Link>
            </Alert>
          ) : (
            <p className="groupes-status" role="status">
              {live.state === 'live' ? t('groupes.live') : t('groupes.reconnecting')}
            </p>
          )}
          <section aria-label={t('groupes.title')} aria-live="polite">
            {live.messages.length ? (
              <ol className="groupes-messages">
                {live.messages.map((m) => (
                  <Message key={m.seq} m={m} room={r} onError={setError} onInfo={setInfo} />
                ))}
              </ol>
            ) : (
              <p>{t('groupes.empty')}</p>
            )}
          </section>
          {r.mutedUntil ? (
            <Alert tone="warning" live>
              {t('groupes.muted', { time: formatTime(r.mutedUntil, locale) })}
            </Alert>
          ) : r.joined && (r.kind === 'discussion' || r.myRole === 'facilitator') ? (
            <Composer room={r} onPosted={(p) => setHelp(p.help)} />
          ) : null}
          {r.moderator ? <Controls room={r} reload={room.reload} /> : null}
          {r.joined ? <Leave room={r} /> : null}
        </>
      ) : null}
    </>
  );
}

export default function RoomPage() {
  const { id } = useParams();
  return (
    <RequireRole roles={['parent', 'agent', 'coordinator', 'admin']}>
      <RoomView id={id!} />
    </RequireRole>
  );
}
