import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { DataTable, PageHeader } from '../../ui/display';
import { Loaded } from '../../ui/Loaded';
import { RequireRole } from '../../ui/RequireRole';

interface Message {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  subject: string | null;
  body: string;
  status: string;
  attempts: number;
  transport: string | null;
  createdAt: string;
}

function Outbox() {
  const t = useT();
  const outbox = useApi<{ messages: Message[] }>('/api/admin/outbox');
  return (
    <Loaded resource={outbox}>
      {({ messages }) => (
        <DataTable
          caption={t('admin.outbox.count', { n: messages.length })}
          rowKey={(m) => m.id}
          rows={messages}
          columns={[
            { key: 'createdAt', header: t('admin.outbox.date'), render: (m) => new Date(m.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) },
            { key: 'channel', header: t('admin.outbox.channel'), render: (m) => t(`admin.outbox.${m.channel}`) },
            { key: 'recipient', header: t('admin.outbox.recipient') },
            { key: 'template', header: t('admin.outbox.template') },
            {
              key: 'status',
              header: t('admin.outbox.status'),
              render: (m) => `${t(`admin.outbox.status.${m.status}`)} (${t('admin.outbox.attempts', { transport: m.transport ?? '—', n: m.attempts })})`,
            },
            {
              key: 'body',
              header: t('admin.outbox.body'),
              render: (m) => (
                <details>
                  <summary>{m.subject ?? t('admin.outbox.see')}</summary>
                  <pre style={{ whiteSpace: 'pre-wrap' }}>{m.body}</pre>
                </details>
              ),
            },
          ]}
        />
      )}
    </Loaded>
  );
}

export default function OutboxPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('admin.outbox.title')} intro={t('admin.outbox.intro')} />
      <RequireRole roles={['admin']}>
        <Outbox />
      </RequireRole>
    </>
  );
}
