/** Repérage précoce: families that agreed to it; the partner flags a situation to the CCAS. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/use-api';
import { useT } from '../../app/i18n';
import { Alert, Button, Card, EmptyState, FormErrors, LoadStatus, TextField } from '../../ui';
import type { PartnerHousehold, PartnerHouseholdListItem } from '../../../src/modules/dossiers';

type Consented = PartnerHouseholdListItem;
type Shared = PartnerHousehold;

function Flag({ id }: { id: string }) {
  const t = useT();
  const [who, setWho] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<Shared>(`/api/dossiers/partner/households/${id}?purpose=early-detection`).then((s) => {
      const p = s.household.parent;
      const kids = s.household.children
        ?.map((c) => c.firstName)
        .filter(Boolean)
        .join(', ');
      setWho([p ? [p.firstName, p.lastName].filter(Boolean).join(' ') : '', kids].filter(Boolean).join(' — ') || t('dossiers.family'));
    }, setError);
  }, [id, t]);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/api/dossiers/partner/households/${id}/flags`, { note });
      setDone(true);
    } catch (ex) {
      setError(ex);
    }
  };
  return (
    <li className="card">
      <strong>{who}</strong>
      {done ? (
        <Alert tone="success" live>
          {t('dossiers.flagged')}
        </Alert>
      ) : (
        <form onSubmit={send} className="stack">
          <FormErrors error={error} />
          <TextField label={t('dossiers.flagNote')} value={note} onChange={setNote} multiline isRequired />
          <Button type="submit" variant="secondary">
            {t('dossiers.flag')}
          </Button>
        </form>
      )}
    </li>
  );
}

export function EarlyDetection() {
  const t = useT();
  const consented = useApi<Consented[]>('/api/dossiers/partner/households');
  const rows = consented.data?.filter((x) => x.purpose === 'early-detection') ?? null;
  return (
    <Card title={t('dossiers.earlyDetection')}>
      <p>{t('dossiers.earlyDetectionHelp')}</p>
      {!rows ? (
        <LoadStatus data={rows} error={consented.error} reload={consented.reload} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('dossiers.earlyDetectionNone')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {rows.map((r) => (
            <Flag key={r.householdId} id={r.householdId} />
          ))}
        </ul>
      )}
    </Card>
  );
}
