/** The family's own answer to an orientation an agent proposed: its consent sends it, a refusal closes it (nothing shared before). */
import { useState } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { Alert, Button, Card, FormErrors } from '../../ui';
import deskMessages from './desk-messages';
import type { OrientationRequest } from '../../../src/modules/dossiers';

registerMessages('desk', deskMessages);

export function OrientationRequests() {
  const t = useT();
  const r = useApi<OrientationRequest[]>('/api/dossiers/me/orientation-requests');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const answer = async (id: string, accept: boolean) => {
    setError(null);
    try {
      await api.post(`/api/dossiers/me/orientation-requests/${id}/answer`, { accept });
      setNotice(t(accept ? 'desk.requestAccepted' : 'desk.requestRefused'));
      r.reload();
    } catch (ex) {
      setError(ex);
    }
  };
  if (!r.data?.length && !notice) return null;
  return (
    <Card title={t('desk.requests')}>
      <FormErrors error={error} />
      {notice ? (
        <Alert tone="success" live>
          {notice}
        </Alert>
      ) : null}
      <ul className="plain-list">
        {(r.data ?? []).map((o) => (
          <li key={o.id} className="stack">
            <p>
              {t('desk.requestIntro', {
                agent: o.agentName ?? t('desk.theCcas'),
                place: o.serviceName ? `${o.structureName} (${o.serviceName})` : o.structureName,
                parts: o.partLabels.join(', '),
              })}
            </p>
            <p className="muted">{t('desk.requestNote', { note: o.note })}</p>
            <div className="row">
              <Button onPress={() => answer(o.id, true)}>{t('desk.requestAccept')}</Button>
              <Button variant="secondary" onPress={() => answer(o.id, false)}>
                {t('desk.requestRefuse')} <span className="visually-hidden">{o.structureName}</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
