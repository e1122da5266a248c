/** The parent fills (or corrects) the file in steps. */
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { PageHeader, RequireRole } from '../../ui';
import { HouseholdForm } from './HouseholdForm';
import messages from './messages';
import type { FieldsInfo, Household } from './types';
import './dossiers.css';

registerMessages('dossiers', messages);

function Fill() {
  const t = useT();
  const [h, setH] = useState<Household | null | undefined>(undefined);
  const [info, setInfo] = useState<FieldsInfo | null>(null);
  useEffect(() => {
    api.get<{ household: Household | null }>('/api/dossiers/me').then((r) => setH(r.household));
    api.get<FieldsInfo>('/api/dossiers/fields').then(setInfo);
  }, []);
  if (h === undefined || !info) return <p role="status">{t('dossiers.loading')}</p>;
  return (
    <HouseholdForm
      initial={h}
      usage={info.fields}
      submitLabel={t('dossiers.save')}
      onSubmit={async (patch) => {
        if (h) await api.patch('/api/dossiers/me', patch);
        else await api.post('/api/dossiers/me', patch);
        navigate('/dossier?enregistre=1');
      }}
    />
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
