import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { Alert, DataTable, PageHeader } from '../../ui/display';
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
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ messages: Message[] }>('/api/admin/outbox').then((r) => setMessages(r.messages), (e) => setError(e.message));
  }, []);
  if (error) return <Alert tone="error">{error}</Alert>;
  if (!messages) return <p role="status">Chargement…</p>;
  return (
    <DataTable
      caption={`${messages.length} message(s), du plus récent au plus ancien`}
      rowKey={(m) => m.id}
      rows={messages}
      columns={[
        { key: 'createdAt', header: 'Date', render: (m) => new Date(m.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) },
        { key: 'channel', header: 'Canal', render: (m) => (m.channel === 'email' ? 'E-mail' : 'SMS') },
        { key: 'recipient', header: 'Destinataire' },
        { key: 'template', header: 'Modèle' },
        { key: 'status', header: 'État', render: (m) => `${m.status === 'sent' ? 'envoyé' : m.status === 'pending' ? 'en attente' : 'échec'} (${m.transport ?? '—'}, ${m.attempts} essai(s))` },
        { key: 'body', header: 'Contenu', render: (m) => <details><summary>{m.subject ?? 'Voir'}</summary><pre style={{ whiteSpace: 'pre-wrap' }}>{m.body}</pre></details> },
      ]}
    />
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
