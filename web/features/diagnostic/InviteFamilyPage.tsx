/**
 * From a family's file (opened with a reason, audited): the listening sessions to come, and
 * « Inviter » for each. The family answers from its account; this page shows only whether it
 * was invited and its answer, never its consents. Staff page (agent, coordinator).
 */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { frDate } from '../../app/format';
import { registerMessages, useT } from '../../app/i18n';
import { Link, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, Card, EmptyState, FormErrors, Loaded, PageHeader, RequireRole } from '../../ui';
import type { HouseholdSessions } from '../../../src/modules/diagnostic/index';
import listeningMessages from './listening-messages';

registerMessages('diagnostic.ecoute', listeningMessages);

function Page({ householdId }: { householdId: string }) {
  const t = useT();
  const r = useApi<HouseholdSessions>(`/api/diagnostic/listening/households/${householdId}/sessions`, { keepPrevious: true });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  async function invite(sessionId: string) {
    setDone(false);
    try {
      await api.post(`/api/diagnostic/listening/sessions/${sessionId}/invitations`, { householdId });
      setError(null);
      setDone(true);
      r.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <>
      <PageHeader title={t('diagnostic.ecoute.inviteTitle')} />
      <p>
        <Link to={`/dossier/agent/familles/${householdId}`}>{t('diagnostic.ecoute.inviteBack')}</Link>
      </p>
      <p>{t('diagnostic.ecoute.inviteIntro')}</p>
      <FormErrors error={error} labels={{}} />
      {done ? (
        <Alert tone="success" live>
          {t('diagnostic.ecoute.invited')}
        </Alert>
      ) : null}
      <Loaded resource={r}>
        {(data) =>
          !data.hasAccount ? (
            <Alert tone="info">{t('diagnostic.ecoute.inviteNoAccount')}</Alert>
          ) : data.sessions.length ? (
            <>
              {data.sessions.map((s) => (
                <Card key={s.id} title={s.title} headingLevel={2}>
                  <p>
                    {t(`diagnostic.ecoute.kind.${s.kind}`)} — {s.themeLabel} — {frDate(s.date)} {s.time.replace(':', ' h ')}
                    {s.place ? ` — ${s.place}` : ''}
                    {s.neighbourhood ? ` (${s.neighbourhood})` : ''}
                  </p>
                  {s.invitation ? (
                    <p>
                      <span className="badge" data-tone={s.invitation.status === 'accepted' ? 'success' : undefined}>
                        {t('diagnostic.ecoute.invitationStatus', { status: s.invitation.status, date: frDate(s.invitation.invitedAt) })}
                      </span>
                    </p>
                  ) : (
                    <Button onPress={() => invite(s.id)}>
                      {t('diagnostic.ecoute.invite')} <span className="visually-hidden">{s.title}</span>
                    </Button>
                  )}
                </Card>
              ))}
            </>
          ) : (
            <EmptyState>{t('diagnostic.ecoute.inviteNone')}</EmptyState>
          )
        }
      </Loaded>
    </>
  );
}

export default function InviteFamilyPage() {
  const { householdId } = useParams();
  return <RequireRole roles={['agent', 'coordinator']}>{householdId ? <Page householdId={householdId} /> : null}</RequireRole>;
}
