/** The neighbourhood's upcoming meetings (organised by its ambassador parents): register my family, or unregister. */
import { useState } from 'react';
import { useFormat, useT } from '../../app/i18n';
import { ErrorText, Fr } from '../../app/lang';
import { useApi } from '../../app/use-api';
import { Alert, Button, DemoBadge, LinkButton, Loaded, NumberField } from '../../ui';
import type { UpcomingMeetings } from '../../../src/modules/entraide';
import { usePostThenReload } from './inputs';

type Meeting = UpcomingMeetings['meetings'][number];

function MeetingCard({ m, reload }: { m: Meeting; reload: () => void }) {
  const t = useT();
  const f = useFormat();
  const [people, setPeople] = useState<number | null>(1);
  const { error, post: act, notice } = usePostThenReload(reload);
  return (
    <li className="entraide-card">
      <p className="entraide-tag">
        {t('entraide.meetingTag')}
        {m.isDemo ? (
          <>
            {' '}
            <DemoBadge />
          </>
        ) : null}
      </p>
      <h3>
        <Fr>{m.title}</Fr>
      </h3>
      <p>
        {f.longDate(String(m.startsAt))} · {f.time(String(m.startsAt))}
        {m.endsAt ? ` – ${f.time(String(m.endsAt))}` : ''} · <Fr>{m.place}</Fr>
      </p>
      {m.description ? (
        <p>
          <Fr>{m.description}</Fr>
        </p>
      ) : null}
      <p className="muted">{t('entraide.placesLeft', { n: m.placesLeft, capacity: m.capacity })}</p>
      {error && !error.field('people') ? (
        <Alert tone="error" live>
          <ErrorText code={error.code} message={error.message} />
        </Alert>
      ) : null}
      {notice}
      {m.myPeople > 0 ? (
        <>
          <Alert tone="success">{t('entraide.meetingRegistered', { n: m.myPeople })}</Alert>
          <Button
            variant="secondary"
            onPress={() => act(`/api/entraide/meetings/${m.id}/unregister`, {}, t('pwa.meetingUnregister', { what: m.title }), m.title)}
          >
            {t('entraide.meetingUnregister')}
          </Button>
        </>
      ) : m.placesLeft > 0 ? (
        <div className="stack">
          <NumberField
            label={t('entraide.meetingPeople')}
            help={t('entraide.meetingPeopleHelp')}
            value={people}
            onChange={setPeople}
            minValue={1}
            maxValue={10}
            error={error?.field('people') ? t('entraide.meetingFull') : undefined}
          />
          <Button onPress={() => act(`/api/entraide/meetings/${m.id}/register`, { people: people ?? 1 }, t('pwa.meetingRegister', { what: m.title }), m.title)}>
            {t('entraide.meetingRegister')}
          </Button>
        </div>
      ) : (
        <p>{t('entraide.meetingFull')}</p>
      )}
    </li>
  );
}

export function MeetingsView() {
  const t = useT();
  const r = useApi<UpcomingMeetings>('/api/entraide/meetings');
  return (
    <section aria-labelledby="entraide-meetings" className="stack">
      <h2 id="entraide-meetings">{t('entraide.meetings')}</h2>
      <Loaded resource={r}>
        {(d) => (
          <>
            {d.ambassadorOf ? <LinkButton to="/entraide/ambassadeur">{t('entraide.ambassadorSpace')}</LinkButton> : null}
            {!d.neighbourhoodId ? <p>{t('entraide.meetingsNoNeighbourhood')}</p> : null}
            {d.meetings.length ? (
              <ul className="entraide-list">
                {d.meetings.map((m) => (
                  <MeetingCard key={m.id} m={m} reload={r.reload} />
                ))}
              </ul>
            ) : d.neighbourhoodId ? (
              <p>{t('entraide.noMeeting')}</p>
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}
