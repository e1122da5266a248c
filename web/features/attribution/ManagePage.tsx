/** Staff: every campaign (drafts too), and a new one (the usual criteria come with it). */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { Link, navigate } from '../../app/router';
import { useApi } from '../../app/use-api';
import { FormCard, Button, Loaded, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import messages from './messages';
import { CampaignCard } from './PlacesPage';
import { STAFF_ROLES } from './shared';
import type { CampaignSummary } from '../../../src/modules/attribution';
import './attribution.css';

registerMessages('attribution', messages);

const KINDS = ['repit', 'mercredis', 'vacances', 'activites', 'creche'] as const;

function NewCampaign() {
  const t = useT();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('repit');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const r = await api.post<{ id: string }>('/api/attribution/campaigns', { title, kind, groups: [{ label: t('attribution.group') + ' 1', capacity: 10 }] });
      navigate(`/places/gestion/${r.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  }
  return (
    <FormCard id="new-campaign" title={t('attribution.newCampaign')} error={error} onSubmit={submit}>
      <TextField label={t('attribution.campaignTitle')} value={title} onChange={setTitle} isRequired error={error?.field('title')} />
      <SelectField
        label={t('attribution.kind')}
        value={kind}
        onChange={setKind}
        options={KINDS.map((k) => ({ value: k, label: t(`attribution.kind.${k}`) }))}
      />
      <p className="help">{t('attribution.createHelp')}</p>
      <Button type="submit">{t('attribution.create')}</Button>
    </FormCard>
  );
}

export default function ManagePage() {
  const t = useT();
  return (
    <div className="attribution">
      <p className="breadcrumb">
        <Link to="/places">{t('attribution.back')}</Link>
      </p>
      <PageHeader title={t('attribution.manageTitle')} />
      <RequireRole roles={[...STAFF_ROLES]}>
        <List />
        <NewCampaign />
      </RequireRole>
    </div>
  );
}

function List() {
  const t = useT();
  const r = useApi<{ campaigns: CampaignSummary[] }>('/api/attribution/campaigns');
  return (
    <Loaded resource={r}>
      {(d) =>
        d.campaigns.length ? (
          <ul className="campaign-list">
            {d.campaigns.map((c) => (
              <CampaignCard key={c.id} c={c} staff />
            ))}
          </ul>
        ) : (
          <p className="muted">{t('attribution.noCampaign')}</p>
        )
      }
    </Loaded>
  );
}
