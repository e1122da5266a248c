/** The groupes de parole: rooms by theme and neighbourhood, joined under a pseudonym; upcoming live sessions. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useI18n, useT } from '../../app/i18n';
import { Fr } from '../../app/lang';
import { useQueuedForms } from '../../app/pwa';
import { Link, navigate } from '../../app/router';
import { useTown } from '../../app/town';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Alert, Button, LinkButton, Loaded, PageHeader, RequireRole, TextField } from '../../ui';
import type { RoomSummary, Rooms, Session } from '../../../src/modules/groupes';
import messages from './messages';
import { formatMoment } from './live';
import './groupes.css';

registerMessages('groupes', messages);

function JoinForm({ room }: { room: RoomSummary }) {
  const t = useT();
  const [pseudonym, setPseudonym] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post(`/api/groupes/rooms/${room.id}/join`, { pseudonym });
      navigate(`/groupes/salons/${room.id}`);
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <form onSubmit={submit}>
      {error && !error.field('pseudonym') ? (
        <Alert tone="error" live>
          {error.message}
        </Alert>
      ) : null}
      <TextField
        label={t('groupes.pseudonym')}
        help={t('groupes.pseudonymHelp')}
        value={pseudonym}
        onChange={setPseudonym}
        isRequired
        error={error?.field('pseudonym')}
      />
      <Button type="submit">{t('groupes.join')}</Button>
    </form>
  );
}

function RoomCard({ room }: { room: RoomSummary }) {
  const t = useT();
  const town = useTown();
  const hood = room.neighbourhood ? (town.neighbourhoods.find((n) => n.id === room.neighbourhood)?.name ?? room.neighbourhood) : null;
  return (
    <li className="groupes-room-card">
      <h3>
        <Fr>{room.name}</Fr>
      </h3>
      <p className="muted">
        {t(`groupes.theme_${room.theme}`)} · {t('groupes.members', { n: room.members })}
        {hood ? ` · ${t('groupes.neighbourhood', { name: hood })}` : ''}
        {room.kind === 'announcement' ? ` · ${t('groupes.announcement')}` : ''}
      </p>
      {room.description ? (
        <p>
          <Fr>{room.description}</Fr>
        </p>
      ) : null}
      {room.joined ? (
        <>
          <p>{t('groupes.joined', { name: room.pseudonym ?? '' })}</p>
          <LinkButton to={`/groupes/salons/${room.id}`}>{t('groupes.open')}</LinkButton>
        </>
      ) : room.removed ? (
        <p className="muted">{t('groupes.removedHere')}</p>
      ) : (
        <>
          {room.left ? <p>{t('groupes.left')}</p> : null}
          <JoinForm room={room} />
        </>
      )}
    </li>
  );
}

export function SessionList({ sessions, reload }: { sessions: Session[]; reload: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const [error, setError] = useState<string | null>(null);
  // Without network a registration (or its withdrawal) waits on the phone and goes when it returns (issue 19, docs/pwa.md).
  const queue = useQueuedForms();
  if (!sessions.length) return <p>{t('groupes.noSession')}</p>;
  return (
    <>
      {queue.notice}
      <ul className="groupes-rooms">
        {error ? (
          <Alert tone="error" live>
            <Fr>{error}</Fr>
          </Alert>
        ) : null}
        {sessions
          .filter((s) => s.status === 'scheduled')
          .map((s) => (
            <li key={s.id} className="groupes-room-card">
              <h3>
                <Fr>{s.title}</Fr>
              </h3>
              <p>
                <Fr>{s.roomName}</Fr> · {formatMoment(s.startsAt, locale)}
              </p>
              {s.registered ? <p>{t('groupes.registered')}</p> : null}
              <Button
                variant="secondary"
                isDisabled={queue.queued}
                onPress={async () => {
                  try {
                    const sent = await queue.send({
                      method: 'PUT',
                      url: `/api/groupes/sessions/${s.id}/registration`,
                      body: { registered: !s.registered },
                      label: t(s.registered ? 'pwa.groupUnregister' : 'pwa.groupRegister', { what: s.title }),
                      what: s.title,
                    });
                    setError(null);
                    if (!sent.queued) reload();
                  } catch (err) {
                    setError((err as ApiError).message);
                  }
                }}
              >
                {s.registered ? t('groupes.unregister') : t('groupes.register')}
              </Button>
            </li>
          ))}
      </ul>
    </>
  );
}

function Content() {
  const t = useT();
  const rooms = useApi<Rooms>('/api/groupes/rooms');
  const sessions = useApi<{ sessions: Session[] }>('/api/groupes/sessions');
  const { user } = useSession();
  const staff = !!user && user.role !== 'parent';
  const coordination = user?.role === 'coordinator' || user?.role === 'admin';
  return (
    <>
      <nav aria-label={t('groupes.title')} className="groupes-links">
        {rooms.data?.canCreate ? <Link to="/groupes/nouveau">{t('groupes.create')}</Link> : null}
        {staff ? <Link to="/groupes/moderation">{t('groupes.moderation')}</Link> : null}
        {coordination ? <Link to="/groupes/reglages">{t('groupes.settings')}</Link> : null}
        <Link to="/groupes/blocages">{t('groupes.blocks')}</Link>
      </nav>
      <section aria-labelledby="groupes-sessions">
        <h2 id="groupes-sessions">{t('groupes.sessions')}</h2>
        <Loaded resource={sessions}>{(d) => <SessionList sessions={d.sessions} reload={sessions.reload} />}</Loaded>
      </section>
      <section aria-labelledby="groupes-rooms">
        <h2 id="groupes-rooms">{t('groupes.rooms')}</h2>
        <Loaded resource={rooms}>
          {(d) => (
            <ul className="groupes-rooms">
              {d.rooms.map((r) => (
                <RoomCard key={r.id} room={r} />
              ))}
            </ul>
          )}
        </Loaded>
      </section>
    </>
  );
}

export default function GroupesPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('groupes.title')} intro={t('groupes.intro')} />
      <RequireRole roles={['parent', 'agent', 'coordinator', 'admin']}>
        <Content />
      </RequireRole>
    </>
  );
}
