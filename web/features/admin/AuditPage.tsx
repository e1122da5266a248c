import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { DataTable, PageHeader } from '../../ui/display';
import { Loaded } from '../../ui/Loaded';
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
  const journal = useApi<{ entries: Entry[] }>('/api/audit?limit=200');
  return (
    <Loaded resource={journal}>
      {({ entries }) => (
        <DataTable
          caption={t('admin.audit.count', { n: entries.length })}
          rowKey={(e) => String(e.id)}
          rows={entries}
          columns={[
            { key: 'at', header: t('admin.audit.when'), render: (e) => new Date(e.at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) },
            {
              key: 'actorName',
              header: t('admin.audit.who'),
              render: (e) => `${e.actorName ?? t('admin.audit.system')}${e.actorRole ? ` (${e.actorRole})` : ''}`,
            },
            { key: 'action', header: t('admin.audit.action') },
            { key: 'householdId', header: t('admin.audit.file'), render: (e) => (e.householdId ? e.householdId.slice(0, 8) : '—') },
            { key: 'reason', header: t('admin.audit.reason'), render: (e) => e.reason ?? '—' },
          ]}
        />
      )}
    </Loaded>
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
