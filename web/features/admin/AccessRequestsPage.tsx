/**
 * /admin/acces: ProConnect sign-ins waiting for an admin (an unknown e-mail of an authorised
 * domain). Accept with a role (and, for a partner, the structure it acts for) or refuse; both
 * are audited. Staff page: French only (account/i18n/staff.json).
 */
import { useState } from 'react';
import { api } from '../../app/api';
import { frDate } from '../../app/format';
import { registerMessages, useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Alert, Button, Card, EmptyState, FormErrors, Loaded, PageHeader, SelectField } from '../../ui';
import { RequireRole } from '../../ui/RequireRole';
import messages from '../account/messages';

registerMessages('oidc', messages);

interface AccessRequest {
  id: string;
  email: string;
  givenName: string | null;
  usualName: string | null;
  siret: string | null;
  suggestedRole: 'agent' | 'partner' | 'coordinator';
  status: 'pending' | 'approved' | 'refused';
  requestedAt: string;
  decidedAt: string | null;
}

const ROLES = ['agent', 'partner', 'coordinator'] as const;

function Decide({ request, done }: { request: AccessRequest; done: (message: string) => void }) {
  const t = useT();
  const [role, setRole] = useState<string>(request.suggestedRole);
  const [structureId, setStructureId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const structures = useApi<{ structureId: string; name: string }[]>(role === 'partner' ? '/api/dossiers/structures' : null);
  const name = [request.givenName, request.usualName].filter(Boolean).join(' ') || request.email;
  const act = async (what: 'approve' | 'refuse') => {
    setError(null);
    try {
      if (what === 'approve') await api.post(`/api/admin/access-requests/${request.id}/approve`, { role, structureId: structureId || null });
      else await api.post(`/api/admin/access-requests/${request.id}/refuse`);
      done(t(what === 'approve' ? 'oidc.approved' : 'oidc.refusedDone'));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={name}>
      <dl>
        <dt>{t('oidc.colEmail')}</dt>
        <dd>{request.email}</dd>
        <dt>{t('oidc.colOrganisation')}</dt>
        <dd>{request.siret ?? t('oidc.unknownOrg')}</dd>
        <dt>{t('oidc.colRequested')}</dt>
        <dd>{frDate(request.requestedAt)}</dd>
      </dl>
      <FormErrors error={error} />
      <SelectField
        label={t('oidc.role')}
        name={`role-${request.id}`}
        value={role}
        onChange={setRole}
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
      />
      {role === 'partner' ? (
        <SelectField
          label={t('oidc.structure')}
          name={`structure-${request.id}`}
          value={structureId}
          onChange={setStructureId}
          options={[{ value: '', label: t('oidc.structureNone') }, ...(structures.data ?? []).map((s) => ({ value: s.structureId, label: s.name }))]}
        />
      ) : null}
      <div className="row">
        <Button onPress={() => act('approve')}>{t('oidc.approve')}</Button>
        <Button variant="secondary" onPress={() => act('refuse')}>
          {t('oidc.refuse')}
        </Button>
      </div>
    </Card>
  );
}

function Requests() {
  const t = useT();
  const pending = useApi<{ requests: AccessRequest[] }>('/api/admin/access-requests?status=pending');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="stack">
      {message ? (
        <Alert tone="success" live>
          {message}
        </Alert>
      ) : null}
      <Loaded resource={pending}>
        {(data) =>
          data.requests.length ? (
            <div className="stack">
              {data.requests.map((r) => (
                <Decide
                  key={r.id}
                  request={r}
                  done={(m) => {
                    setMessage(m);
                    pending.reload();
                  }}
                />
              ))}
            </div>
          ) : (
            <EmptyState>{t('oidc.requestsNone')}</EmptyState>
          )
        }
      </Loaded>
    </div>
  );
}

export default function AccessRequestsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('oidc.requestsTitle')} intro={t('oidc.requestsIntro')} />
      <RequireRole roles={['admin']}>
        <Requests />
      </RequireRole>
    </>
  );
}
