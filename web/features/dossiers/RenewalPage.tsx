/** The yearly renewal: the file pre-filled, checked step by step, corrected, confirmed. */
import { useState } from 'react';
import { useQueuedForms } from '../../app/pwa';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { Alert, LinkButton, LoadStatus, PageHeader, RequireRole } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import messages from './messages';
import type { FieldsInfo } from './types';
import './dossiers.css';
import type { MyRenewal } from '../../../src/modules/dossiers';

registerMessages('dossiers', messages);

type Renewal = MyRenewal;

function Renew() {
  const t = useT();
  const renewal = useApi<Renewal>('/api/dossiers/me/renewal');
  const fields = useApi<FieldsInfo>('/api/dossiers/fields');
  const [done, setDone] = useState<{ campaignYear: number; changes: number } | null>(null);
  // Without network the confirmed renewal waits on the phone and goes when it returns (issue 19, docs/pwa.md).
  const queue = useQueuedForms();
  const [queued, setQueued] = useState(false);
  if (queued) return queue.notice ?? <LinkButton to="/dossier">{t('dossiers.title')}</LinkButton>;
  if (done) {
    return (
      <Alert tone="success" live title={t('dossiers.renewalDone', { year: done.campaignYear, n: done.changes })}>
        <LinkButton to="/dossier">{t('dossiers.title')}</LinkButton>
      </Alert>
    );
  }
  // A family without a file has no renewal to do: the API answers 404, read as "none".
  const r: Renewal | null = renewal.error?.status === 404 ? { renewal: null, household: null, expiredDocuments: [] } : renewal.data;
  const info = fields.data;
  if (!r) return <LoadStatus data={r} error={renewal.error} reload={renewal.reload} />;
  if (!info) return <LoadStatus data={info} error={fields.error} reload={fields.reload} />;
  if (!r.renewal || !r.household) return <Alert tone="info">{t('dossiers.renewalNone')}</Alert>;
  const year = r.renewal.campaignYear;
  return (
    <HouseholdForm
      initial={r.household}
      usage={info.fields}
      submitLabel={t('dossiers.renewalConfirm', { year })}
      draftForm="renouvellement"
      intro={
        <>
          <Alert tone="info" title={t('dossiers.renewalOpen', { year })}>
            {t('dossiers.renewalHelp')}
          </Alert>
          {r.expiredDocuments.length ? <Alert tone="warning">{t('dossiers.expiredDocs', { n: r.expiredDocuments.length })}</Alert> : null}
        </>
      }
      onSubmit={async (patch) => {
        const sent = await queue.send<{ campaignYear: number; changes: number }>({
          method: 'POST',
          url: '/api/dossiers/me/renewal/confirm',
          body: patch,
          label: t('pwa.renewal'),
        });
        if (sent.queued) setQueued(true);
        else setDone(sent.data);
      }}
    />
  );
}

export default function RenewalPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('dossiers.renewal')} />
      <RequireRole roles={['parent']}>
        <Renew />
      </RequireRole>
    </>
  );
}
