/** At the desk: the agent records the mandate the family gives (purpose, duration), then files a request for it under that mandate. */
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { navigate, useParams } from '../../app/router';
import { useApi } from '../../app/use-api';
import { Alert, Button, FormErrors, NumberField, PageHeader, RequireRole, SelectField, TextField } from '../../ui';
import { AidFields, aidFieldLabels, fieldsForApi, type FieldValues } from './shared';
import type { AidsList, CreatedRequest } from '../../../src/modules/aides';

function Desk({ householdId }: { householdId: string }) {
  const t = useT();
  const aids = useApi<AidsList>('/api/aides');
  const [aidId, setAidId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [days, setDays] = useState<number | null>(30);
  const [reason, setReason] = useState('');
  const [mandateId, setMandateId] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldValues>({});
  const [error, setError] = useState<ApiError | null>(null);
  const aid = aids.data?.aids.find((a) => a.aidId === aidId);

  async function record() {
    setError(null);
    try {
      const r = await api.post<{ id: string }>('/api/aides/mandats', {
        householdId,
        aidId: aidId || null,
        purpose,
        days: days ?? 0,
        reason: reason || undefined,
      });
      setMandateId(r.id);
    } catch (e) {
      setError(e as ApiError);
    }
  }
  async function file() {
    setError(null);
    try {
      const out = fieldsForApi(aid?.definition.request_fields ?? [], fields);
      const r = await api.post<CreatedRequest>('/api/aides/demandes', { aidId, fields: out, mandateId, submit: true });
      navigate(`/aides/demandes/${r.id}`);
    } catch (e) {
      setError(e as ApiError);
    }
  }
  return (
    <>
      <FormErrors error={error} labels={aidFieldLabels(aid?.definition.request_fields ?? [])} />
      <form className="card" onSubmit={(e) => (e.preventDefault(), void record())}>
        <SelectField
          label={t('aides.mandateAid')}
          value={aidId}
          onChange={setAidId}
          options={[{ value: '', label: t('aides.anyAid') }, ...(aids.data?.aids ?? []).map((a) => ({ value: a.aidId, label: a.definition.title }))]}
        />
        <TextField label={t('aides.mandatePurpose')} value={purpose} onChange={setPurpose} isRequired error={error?.field('purpose')} />
        <NumberField label={t('aides.mandateDays')} value={days} onChange={setDays} minValue={1} maxValue={90} isRequired error={error?.field('days')} />
        <TextField label={t('aides.openReason')} value={reason} onChange={setReason} error={error?.field('reason')} />
        <Button type="submit" isDisabled={mandateId !== null}>
          {t('aides.recordMandate')}
        </Button>
      </form>
      {mandateId ? (
        <form className="card" onSubmit={(e) => (e.preventDefault(), void file())}>
          <Alert tone="success" live>
            {t('aides.mandateRecorded')}
          </Alert>
          {!aidId ? (
            <SelectField
              label={t('aides.colAid')}
              value={aidId}
              onChange={setAidId}
              options={(aids.data?.aids ?? []).map((a) => ({ value: a.aidId, label: a.definition.title }))}
            />
          ) : null}
          <AidFields fields={aid?.definition.request_fields ?? []} values={fields} onChange={setFields} error={error} />
          <Button type="submit" isDisabled={!aidId}>
            {t('aides.fileForFamily')}
          </Button>
        </form>
      ) : null}
    </>
  );
}

export default function DeskPage() {
  const t = useT();
  const { householdId } = useParams();
  return (
    <RequireRole roles={['agent', 'coordinator']}>
      <PageHeader title={t('aides.deskTitle')} intro={t('aides.deskIntro')} />
      <Desk householdId={householdId!} />
    </RequireRole>
  );
}
