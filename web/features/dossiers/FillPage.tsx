/** The parent fills (or corrects) the file in steps. */
import { api } from '../../app/api';
import { useApi } from '../../app/use-api';
import { registerMessages, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { Loaded, PageHeader, RequireRole } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import messages from './messages';
import type { FieldsInfo, Household } from './types';
import './dossiers.css';

registerMessages('dossiers', messages);

function Fill() {
  const t = useT();
  const me = useApi<{ household: Household | null }>('/api/dossiers/me');
  const fields = useApi<FieldsInfo>('/api/dossiers/fields');
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
                if (h) await api.patch('/api/dossiers/me', patch);
                else await api.post('/api/dossiers/me', patch);
                navigate('/dossier?enregistre=1');
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
