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
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ entries: Entry[] }>('/api/audit?limit=200').then((r) => setEntries(r.entries), (e) => setError(e.message));
  }, []);
  if (error) return <Alert tone="error">{error}</Alert>;
  if (!entries) return <p role="status">Chargement…</p>;
  return (
    <DataTable
      caption={`${entries.length} dernières actions`}
      rowKey={(e) => String(e.id)}
      rows={entries}
      columns={[
        { key: 'at', header: 'Quand', render: (e) => new Date(e.at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) },
        { key: 'actorName', header: 'Qui', render: (e) => `${e.actorName ?? 'système'}${e.actorRole ? ` (${e.actorRole})` : ''}` },
        { key: 'action', header: 'Action' },
        { key: 'householdId', header: 'Dossier', render: (e) => (e.householdId ? e.householdId.slice(0, 8) : '—') },
        { key: 'reason', header: 'Motif', render: (e) => e.reason ?? '—' },
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
