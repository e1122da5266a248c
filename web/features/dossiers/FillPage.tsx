/** The parent fills (or corrects) the file in steps; saved without network, it waits on the phone and goes when the network returns (issue 19). */
import { useState } from 'react';
import { sendOrQueue } from '../../app/pwa';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { Alert, Loaded, PageHeader, RequireRole } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import messages from './messages';
import type { FieldsInfo, Household } from './types';
import './dossiers.css';

registerMessages('dossiers', messages);

function Fill() {
  const t = useT();
  const { user } = useSession();
  const me = useApi<{ household: Household | null }>('/api/dossiers/me');
  const fields = useApi<FieldsInfo>('/api/dossiers/fields');
  const [queued, setQueued] = useState(false);
  if (queued)
    return (
      <Alert tone="info" live>
        {t('pwa.queued')}
      </Alert>
    );
  return (
    <Loaded resource={me}>
      {({ household: h }) => (
        <Loaded resource={fields}>
          {(info) => (
            <HouseholdForm
              initial={h}
              usage={info.fields}
              submitLabel={t('dossiers.save')}
              draftForm="remplir"
              onSubmit={async (patch) => {
                const sent = await sendOrQueue(user?.id ?? '', {
                  method: h ? 'PATCH' : 'POST',
                  url: '/api/dossiers/me',
                  body: patch,
                  label: t('pwa.saveFile'),
                });
                if (sent === 'queued') setQueued(true);
                else navigate('/dossier?enregistre=1');
              }}
            />
          )}
        </Loaded>
      )}
    </Loaded>
  );
}

export default function FillPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('dossiers.title')} intro={t('dossiers.intro')} />
      <RequireRole roles={['parent']}>
        <Fill />
      </RequireRole>
    </>
  );
}
