/** The family's own answer to an orientation an agent proposed: its consent sends it, a refusal closes it (nothing shared before). */
import { useState } from 'react';
import { useQueuedForms } from '../../app/pwa';
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
  // Without network the answer waits on the phone and goes when it returns (issue 19, docs/pwa.md).
  const queue = useQueuedForms();
  const answer = async (id: string, accept: boolean, what: string) => {
    setError(null);
    try {
      const sent = await queue.send({
        method: 'POST',
        url: `/api/dossiers/me/orientation-requests/${id}/answer`,
        body: { accept },
        label: t('pwa.orientationAnswer', { what }),
        what,
      });
      if (sent.queued) return;
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
      {queue.notice}
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
              <Button onPress={() => answer(o.id, true, o.structureName)} isDisabled={queue.queued}>
                {t('desk.requestAccept')}
              </Button>
              <Button variant="secondary" onPress={() => answer(o.id, false, o.structureName)} isDisabled={queue.queued}>
                {t('desk.requestRefuse')} <span className="visually-hidden">{o.structureName}</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
