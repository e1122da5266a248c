import { useState, type FormEvent } from 'react';
import { useApi } from '../../app/use-api';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/fields';
import { Alert, Card, DataTable, PageHeader } from '../../ui/display';
import { FormErrors } from '../../ui/FormErrors';
import { RequireRole } from '../../ui/RequireRole';
import { Loaded } from '../../ui/Loaded';

interface Account {
  id: string;
  role: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  isDemo: boolean;
}

function Accounts() {
  const t = useT();
  const accounts = useApi<{ users: Account[] }>('/api/admin/users');
  const [form, setForm] = useState({ displayName: '', identifier: '', password: '', role: 'agent', structureId: '' });
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCreated(false);
    try {
      await api.post('/api/admin/users', { ...form, structureId: form.structureId || null });
      setCreated(true);
      setForm({ displayName: '', identifier: '', password: '', role: 'agent', structureId: '' });
      accounts.reload();
    } catch (err) {
      setError(err);
    }
  };
  const e = error instanceof ApiError ? error : null;
  return (
    <div className="stack">
      <Card title={t('admin.accounts.create')}>
        {created ? (
          <Alert tone="success" live>
            {t('admin.accounts.created')}
          </Alert>
        ) : null}
        <FormErrors error={error} />
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('admin.accounts.name')}
            value={form.displayName}
            onChange={(v) => setForm({ ...form, displayName: v })}
            isRequired
            error={e?.field('displayName')}
          />
          <TextField
            label={t('admin.accounts.identifier')}
            value={form.identifier}
            onChange={(v) => setForm({ ...form, identifier: v })}
            isRequired
            error={e?.field('identifier')}
          />
          <TextField
            label={t('admin.accounts.password')}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(v) => setForm({ ...form, password: v })}
            isRequired
            error={e?.field('password')}
          />
          <SelectField
            label={t('admin.accounts.role')}
            name="role"
            value={form.role}
            onChange={(v) => setForm({ ...form, role: v })}
            options={['agent', 'partner', 'coordinator', 'admin', 'parent'].map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          {form.role === 'partner' ? (
            <TextField
              label={t('admin.accounts.structure')}
              value={form.structureId}
              onChange={(v) => setForm({ ...form, structureId: v })}
              error={e?.field('structureId')}
            />
          ) : null}
          <Button type="submit">{t('admin.accounts.submit')}</Button>
        </form>
      </Card>
      <Loaded resource={accounts}>
        {({ users: list }) => (
          <DataTable
            caption={t('admin.accounts.count', { n: list.length })}
            rowKey={(a) => a.id}
            rows={list}
            columns={[
              { key: 'displayName', header: t('admin.accounts.name') },
              { key: 'role', header: t('admin.accounts.role'), render: (a) => t(`role.${a.role}`) },
              { key: 'email', header: t('admin.accounts.identifier'), render: (a) => a.email ?? a.phone ?? '' },
              { key: 'isDemo', header: t('admin.accounts.demo'), render: (a) => (a.isDemo ? t('admin.accounts.yes') : '') },
            ]}
          />
        )}
      </Loaded>
    </div>
  );
}

export default function AccountsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('admin.accounts.title')} />
      <RequireRole roles={['admin']}>
        <Accounts />
      </RequireRole>
    </>
  );
}
