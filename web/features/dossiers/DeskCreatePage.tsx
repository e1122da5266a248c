/** An agent fills a file with the family at the desk; the family's agreement is required and recorded. */
import { useState } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { Checkbox, Loaded, PageHeader, RequireRole } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import messages from './messages';
import type { FieldsInfo, Household } from './types';
import './dossiers.css';

registerMessages('dossiers', messages);

function Desk() {
  const t = useT();
  const fields = useApi<FieldsInfo>('/api/dossiers/fields');
  const [consent, setConsent] = useState(false);
  return (
    <Loaded resource={fields}>
      {(info) => (
        <HouseholdForm
          initial={null}
          usage={info.fields}
          submitLabel={t('dossiers.deskCreate')}
          intro={<p>{t('dossiers.deskIntro')}</p>}
          extra={
            <Checkbox isSelected={consent} onChange={setConsent}>
              {t('dossiers.deskConsent')}
            </Checkbox>
          }
          onSubmit={async (patch) => {
            const r = await api.post<{ household: Household }>('/api/dossiers/households', { patch, consentGiven: consent, reason: 'Accueil de la famille' });
            navigate(`/dossier/agent/familles/${r.household.id}`);
          }}
        />
      )}
    </Loaded>
  );
}

export default function DeskCreatePage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('dossiers.newFile')} />
      <RequireRole roles={['agent', 'coordinator']}>
        <Desk />
      </RequireRole>
    </>
  );
}
