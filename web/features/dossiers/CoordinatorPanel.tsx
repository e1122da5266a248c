/** Coordinators: the yearly renewal date and the retention schedule after erasures. */
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { Alert, Button, Card, DataTable, EmptyState, FormErrors, NumberField, LoadStatus } from '../../ui';
import { frDate } from './types';
import type { RetentionEntry } from '../../../src/modules/dossiers';

type Kept = RetentionEntry;

export function CoordinatorPanel() {
  const t = useT();
  const renewalDate = useApi<{ month: number; day: number }>('/api/dossiers/settings/renewal-date');
  const { data: date, setData: setDate } = renewalDate;
  const retention = useApi<Kept[]>('/api/dossiers/retention');
  const rows = retention.data;
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      setDate(await api.put<{ month: number; day: number }>('/api/dossiers/settings/renewal-date', date));
      setSaved(true);
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <div className="stack">
      <FormErrors error={error ?? renewalDate.error} />
      <Card title={t('dossiers.renewalDate')}>
        {date ? (
          <form onSubmit={save} className="stack">
            <p>{t('dossiers.renewalDateHelp')}</p>
            <div className="row">
              <NumberField
                label={t('dossiers.day')}
                value={date.day}
                minValue={1}
                maxValue={31}
                onChange={(v) => setDate({ ...date, day: v ?? 1 })}
                name="renewal-day"
              />
              <NumberField
                label={t('dossiers.month')}
                value={date.month}
                minValue={1}
                maxValue={12}
                onChange={(v) => setDate({ ...date, month: v ?? 1 })}
                name="renewal-month"
              />
            </div>
            <Button type="submit" variant="secondary">
              {t('dossiers.save')}
            </Button>
            {saved ? (
              <Alert tone="success" live>
                {t('dossiers.saved')}
              </Alert>
            ) : null}
          </form>
        ) : null}
      </Card>
      <Card title={t('dossiers.retention')}>
        <p>{t('dossiers.retentionHelp')}</p>
        {!rows ? (
          <LoadStatus data={rows} error={retention.error} reload={retention.reload} />
        ) : rows.length === 0 ? (
          <EmptyState>{t('dossiers.retentionNone')}</EmptyState>
        ) : (
          <DataTable
            caption={t('dossiers.retention')}
            rowKey={(r) => r.id}
            rows={rows}
            columns={[
              { key: 'category', header: t('dossiers.retentionCategory') },
              { key: 'legalBasis', header: t('dossiers.retentionBasis') },
              { key: 'keptFields', header: t('dossiers.retentionFields'), render: (r) => (r.keptFields ?? []).join(', ') },
              { key: 'retainUntil', header: t('dossiers.retentionUntil'), render: (r) => frDate(r.retainUntil) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
