import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { Alert, DataTable, PageHeader } from '../../ui/display';
import { RequireRole } from '../../ui/RequireRole';

interface Entry {
  id: number;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  householdId: string | null;
  subjectType: string | null;
  reason: string | null;
}

function Journal() {
  const t = useT();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ entries: Entry[] }>('/api/audit?limit=200').then((r) => setEntries(r.entries), (e) => setError(e.message));
  }, []);
  if (error) return <Alert tone="error">{error}</Alert>;
  if (!entries) return <p role="status">{t('app.loading')}</p>;
  return (
    <DataTable
      caption={t('admin.audit.count', { n: entries.length })}
      rowKey={(e) => String(e.id)}
      rows={entries}
      columns={[
        { key: 'at', header: t('admin.audit.when'), render: (e) => new Date(e.at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) },
        { key: 'actorName', header: t('admin.audit.who'), render: (e) => `${e.actorName ?? t('admin.audit.system')}${e.actorRole ? ` (${e.actorRole})` : ''}` },
        { key: 'action', header: t('admin.audit.action') },
        { key: 'householdId', header: t('admin.audit.file'), render: (e) => (e.householdId ? e.householdId.slice(0, 8) : '—') },
        { key: 'reason', header: t('admin.audit.reason'), render: (e) => e.reason ?? '—' },
      ]}
    />
  );
}

export default function AuditPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('admin.audit.title')} intro={t('admin.audit.intro')} />
      <RequireRole roles={['coordinator', 'admin']}>
        <Journal />
      </RequireRole>
    </>
  );
}
