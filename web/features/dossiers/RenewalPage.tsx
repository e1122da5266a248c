/** The yearly renewal: the file pre-filled, checked step by step, corrected, confirmed. */
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Alert, LinkButton, PageHeader, RequireRole } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import messages from './messages';
import type { DocumentMeta, FieldsInfo, Household } from './types';
import './dossiers.css';

registerMessages('dossiers', messages);

interface Renewal { renewal: { campaignYear: number } | null; household: Household | null; expiredDocuments: DocumentMeta[] }

function Renew() {
  const t = useT();
  const [r, setR] = useState<Renewal | null>(null);
  const [info, setInfo] = useState<FieldsInfo | null>(null);
  const [done, setDone] = useState<{ campaignYear: number; changes: number } | null>(null);
  useEffect(() => {
    api.get<Renewal>('/api/dossiers/me/renewal').then(setR, () => setR({ renewal: null, household: null, expiredDocuments: [] }));
    api.get<FieldsInfo>('/api/dossiers/fields').then(setInfo);
  }, []);
  if (done) {
    return (
      <Alert tone="success" live title={t('dossiers.renewalDone', { year: done.campaignYear, n: done.changes })}>
        <LinkButton to="/dossier">{t('dossiers.title')}</LinkButton>
      </Alert>
    );
  }
  if (!r || !info) return <p role="status">{t('dossiers.loading')}</p>;
  if (!r.renewal || !r.household) return <Alert tone="info">{t('dossiers.renewalNone')}</Alert>;
  const year = r.renewal.campaignYear;
  return (
    <HouseholdForm
      initial={r.household}
      usage={info.fields}
      submitLabel={t('dossiers.renewalConfirm', { year })}
      intro={
        <>
          <Alert tone="info" title={t('dossiers.renewalOpen', { year })}>{t('dossiers.renewalHelp')}</Alert>
          {r.expiredDocuments.length ? <Alert tone="warning">{t('dossiers.expiredDocs', { n: r.expiredDocuments.length })}</Alert> : null}
        </>
      }
      onSubmit={async (patch) => {
        setDone(await api.post<{ campaignYear: number; changes: number }>('/api/dossiers/me/renewal/confirm', patch));
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
